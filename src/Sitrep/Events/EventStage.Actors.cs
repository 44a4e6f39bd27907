using Sitrep.Actors;
using Sitrep.Events.Clauses;

namespace Sitrep.Events;

/// <summary>
/// Actor rules that read who did what to whom from the words around a trigger beyond its subject and object:
/// the complement of a nominal trigger (its author, or the owner of what it was aimed at), a subject that suffered
/// the act ("came under attack from"), an agent noun ("les auteurs de l'attaque"), the speaker of a quotation told
/// in the first person, and the kinds of the sites an attack hit.
/// </summary>
public sealed partial class EventStage
{
    private sealed partial class Run
    {
        /// <summary>How many words may stand between a nominal trigger and the author its cue introduces ("l'attaque menée mardi par des jihadistes").</summary>
        private const int ComplementWords = 4;

        /// <summary>What an actor after a nominal trigger is to it.</summary>
        private enum ComplementRole
        {
            /// <summary>Its author: "l'attaque des shebab", "frappes menées par l'armée", "an ambush … by gunmen".</summary>
            Author,
            /// <summary>The owner of what it was aimed at: "une attaque contre un camp de l'armée", "an attack on a convoy of the army".</summary>
            Target,
            /// <summary>Neither: the complement of another noun further on ("l'attaque a visé un camp de déplacés").</summary>
            None,
        }

        /// <summary>
        /// Whether the actor after a nominal trigger is its author, stands after a word that aims it (<c>target-words</c> of
        /// syntax.yaml: then it owns the target), or is too far to be either.
        /// </summary>
        private ComplementRole Complement(TextSpan trigger, ActorMention a)
        {
            var words = 0;
            var aimed = false;
            var wordStart = trigger.End;
            for (var i = trigger.End; i < a.Span.Start; i++)
            {
                if (!char.IsWhiteSpace(_text[i])) continue;
                if (i > wordStart && _segmenter is not null)
                {
                    var word = _text.AsSpan(wordStart, i - wordStart).ToString();
                    // "par", "by" name the author however far they stand ("l'attaque d'un poste … par des séparatistes").
                    if (_segmenter.Grammar.AgentWords.Contains(word)) return ComplementRole.Author;
                    aimed |= _segmenter.Grammar.TargetWords.Contains(word);
                }
                if (i > wordStart) words++;
                wordStart = i + 1;
            }
            if (aimed) return ComplementRole.Target;
            return words <= ComplementWords ? ComplementRole.Author : ComplementRole.None;
        }

        /// <summary>
        /// Whether the subject before an attack's trigger suffered it: "X came under attack from Y", "X a essuyé des tirs de Y",
        /// "X a été la cible d'une attaque" (<c>undergone</c> cue, read on the text up to the trigger's end).
        /// </summary>
        private bool Undergone(TextSpan trigger, TextSpan sentence)
        {
            var from = Math.Max(sentence.Start, trigger.Start - 40);
            var window = _text.AsSpan(from, trigger.End - from);
            return _lexicon.MayMatch(_lexicon.Undergone, window) && _lexicon.Undergone.IsMatch(window);
        }

        /// <summary>"Les auteurs de l'attaque, des jihadistes de l'EIGS, …", "the perpetrators of the attack": an agent noun owns the trigger, and the actor it names did the act.</summary>
        private bool AfterAgentNoun(TextSpan trigger, TextSpan sentence) => Before(_lexicon.AgentNoun, trigger.Start, sentence.Start);

        /// <summary>
        /// The speaker of a quotation told in the first person ("« Nous avons repoussé l'attaque », a affirmé le porte-parole de l'armée",
        /// "\"We repelled the attack,\" an army spokesman said"): the side that speaks did what it tells. Civilians and organisations
        /// (witnesses, agencies, NGOs) only report; a plain quotation ("« Des obus sont tombés », a dit un habitant") names no author.
        /// </summary>
        private ActorMention? QuotedSpeaker(Draft draft, TextSpan sentence)
        {
            var open = QuoteOpening(draft.Trigger.Start, sentence);
            if (open < 0) return null;
            var window = _text.AsSpan(open, draft.Trigger.Start - open);
            if (!_lexicon.MayMatch(_lexicon.FirstPerson, window) || !_lexicon.FirstPerson.IsMatch(window)) return null;
            return SourceActor(draft) is { Kind: not ("civilians" or "organization") } speaker ? speaker : null;
        }

        /// <summary>Where the quotation («…», “…”, "…") of the sentence that holds this offset opens; -1 when none does.</summary>
        private int QuoteOpening(int offset, TextSpan sentence)
        {
            var open = -1;
            for (var i = sentence.Start; i < offset; i++)
                switch (_doc.Text[i])
                {
                    case '«' or '“': open = i; break;
                    case '»' or '”': open = -1; break;
                    case '"': open = open < 0 ? i : -1; break;
                }
            return open;
        }

        /// <summary>
        /// Whether the actor before a trigger only reports what someone else did: a verb of saying right after it, and another actor
        /// between that verb and the trigger ("Police said gunmen abducted 20 passengers", "L'armée a indiqué mardi des jihadistes…");
        /// "The army said it struck" keeps the army, whose "it" is the same side.
        /// </summary>
        private bool IntroducesReport(ActorMention a, TextSpan trigger, TextSpan sentence)
        {
            if (a.Span.End > trigger.Start) return false;
            var said = _lexicon.Speaker.Match(_text, a.Span.End, Math.Min(40, sentence.End - a.Span.End));
            if (!said.Success) return false;
            var end = said.Index + said.Length;
            if (end > trigger.Start) return false;
            foreach (var other in _actors)
            {
                if (other.Span.Start >= trigger.Start) break;
                if (other.Span.Start >= end && !SameActor(other, a) && !Owned(other)) return true;
            }
            return false;
        }

        /// <summary>
        /// Where the clause a verb of saying opens after the trigger begins (« a démenti avoir visé le camp et affirmé que les
        /// Wazalendo… », "denied carrying out the strike and said Ukrainian forces…", ", saying rebels…"): what the subject reports
        /// there is someone else's act, so no actor past it is the object of this one. The sentence's end when there is none.
        /// </summary>
        private int ReportedClauseStart(TextSpan trigger, TextSpan sentence)
        {
            if (_segmenter is not { Grammar: { ReportVerbs.Count: > 0 } grammar }) return sentence.End;
            // Words are looked up as spans: no string per word of the rest of the sentence.
            var reportVerbs = grammar.ReportVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
            var coordinators = grammar.Coordinators.GetAlternateLookup<ReadOnlySpan<char>>();
            var finiteVerbs = grammar.FiniteVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
            // "and", "et", a comma, then an auxiliary or two ("et a affirmé", "and has said"), then the verb of saying.
            var joined = false;
            var wordStart = -1;
            for (var i = trigger.End; i <= sentence.End; i++)
            {
                var c = i < sentence.End ? _text[i] : ' ';
                if (char.IsLetter(c) || c is '-' or '\'' or '’')
                {
                    if (wordStart < 0) wordStart = i;
                    continue;
                }
                if (wordStart >= 0)
                {
                    var word = _text.AsSpan(wordStart, i - wordStart);
                    if (joined && reportVerbs.Contains(word)) return wordStart;
                    joined = coordinators.Contains(word) || joined && finiteVerbs.Contains(word);
                    wordStart = -1;
                }
                if (c == ',') joined = true;
                else if (!char.IsWhiteSpace(c)) joined = false;
            }
            return sentence.End;
        }

        /// <summary>
        /// The actor in apposition right after this one, naming who speaks for it: "A Ukrainian military spokesperson, Col Andriy
        /// Kovalenko, said…", « Le porte-parole de l'armée, le colonel X, a indiqué… », "Oksana Hrytsenko, the head of the district
        /// administration, said…" (a few words and one comma between).
        /// </summary>
        /// <summary>How many words may stand between a side and its spokesperson's name or title: "Oksana Hrytsenko, the head of the Nikopol district administration".</summary>
        private const int SpokespersonWords = 6;

        private ActorMention? SpokespersonAfter(List<ActorMention> actors, ActorMention a)
        {
            var i = actors.IndexOf(a);
            if (i < 0 || i + 1 >= actors.Count) return null;
            var next = actors[i + 1];
            if (next.Span.Start <= a.Span.End) return null;
            var between = _text.AsSpan(a.Span.End, next.Span.Start - a.Span.End);
            if (between.Count(',') != 1 || between.IndexOfAny(";:()«»\"") >= 0 || HasFullStop(between)) return null;
            var words = 0;
            foreach (var range in between.SplitAny(" ,"))
                if (!between[range].IsEmpty) words++;
            return words <= SpokespersonWords ? next : null;
        }

        /// <summary>
        /// Whether the "said" before this actor is the verb of a spokesperson named in apposition ("A Ukrainian army spokesman,
        /// Col Oleh Marchenko, said Russian forces shelled…"), not an inverted one ("…, said the governor"): the actor is then
        /// what is reported, not who reports it.
        /// </summary>
        private bool SaidByApposition(List<ActorMention> actors, ActorMention a)
        {
            var i = actors.IndexOf(a);
            if (i < 2) return false;
            var voice = actors[i - 1];
            if (voice.Span.End > a.Span.Start || a.Span.Start - voice.Span.End > 24) return false;
            return _lexicon.Speaker.IsMatch(_text.AsSpan(voice.Span.End, a.Span.Start - voice.Span.End))
                   && SpokespersonAfter(actors, actors[i - 2]) == voice;
        }

        /// <summary>
        /// The subject of the clause that opened a reported clause, when a statement's verb is joined after that report with no
        /// subject of its own (« X soutient que ses unités n'ont fait que riposter et accuse Erevan… », "Residents insisted that the
        /// dead were farmers and accused soldiers…"): the speaker accuses, not whom it spoke of. Null when the clauses say otherwise.
        /// </summary>
        private List<ActorMention>? ReporterOfJoinedStatement(List<ActorMention> inSentence, TextSpan trigger, TextSpan sentence)
        {
            if (_segmenter is null) return null;
            // The segmenter opens no clause at "et accuse" (no subject of its own): the verb stays in the reported clause.
            var report = _clauses.ClauseOf(trigger.Start);
            if (report < 0 || _clauses.Kind(report) != ClauseKind.Complement || !Joined(trigger, sentence)) return null;
            var opener = _clauses.Opener(report);
            var speakers = inSentence.Where(a => a.Span.End <= opener && _clauses.Kind(_clauses.ClauseOf(a.Span.Start)) == ClauseKind.Main).ToList();
            return speakers.Count > 0 ? speakers : null;
        }

        /// <summary>
        /// The subject of the first verb of the clause when a statement's verb is joined to it with no subject of its own: "relatives
        /// had recognised the men in photographs … and accused troops of staging the clash" (the relatives accuse, not the men).
        /// </summary>
        private List<ActorMention>? SubjectOfJoinedStatement(List<ActorMention> before, TextSpan trigger, TextSpan sentence)
        {
            if (_segmenter is null || before.Count < 2 || !Joined(trigger, sentence)) return null;
            var verb = _clauses.FirstVerb(_clauses.ClauseOf(trigger.Start));
            if (verb < 0 || verb >= trigger.Start) return null;
            var subjects = before.Where(a => a.Span.End <= verb).ToList();
            return subjects.Count > 0 && subjects.Count < before.Count ? subjects : null;
        }

        /// <summary>Whether a stretch of text holds a full stop other than that of a short abbreviated title ("Col.", "Lt.", "Gen.").</summary>
        private static bool HasFullStop(ReadOnlySpan<char> text)
        {
            for (var i = text.IndexOf('.'); i >= 0; i = text[(i + 1)..].IndexOf('.') is var next and >= 0 ? i + 1 + next : -1)
            {
                var start = i;
                while (start > 0 && char.IsLetter(text[start - 1])) start--;
                var abbreviation = i - start is >= 2 and <= 5 && char.IsUpper(text[start]) && (start == 0 || text[start - 1] == ' ')
                                   && i + 1 < text.Length && text[i + 1] == ' ';
                if (!abbreviation) return true;
            }
            return false;
        }

        /// <summary>
        /// Where a reporter's verb of saying starts when the reporter is named through its office: "the regional governor's office
        /// said", "the ministry's press service said" (a possessive, then a word or two naming the body, then the verb).
        /// </summary>
        private int PastOwnedBody(int end, int sentenceEnd)
        {
            if (_segmenter is null) return end;
            foreach (var possessive in _segmenter.Grammar.Possessives)
            {
                if (!_text.AsSpan(end, sentenceEnd - end).StartsWith(possessive, StringComparison.Ordinal)) continue;
                var p = end + possessive.Length;
                for (var words = 0; words < 2; words++)
                {
                    while (p < sentenceEnd && _text[p] == ' ') p++;
                    var wordStart = p;
                    while (p < sentenceEnd && char.IsLetter(_text[p])) p++;
                    if (p == wordStart) break;
                    if (_lexicon.Speaker.IsMatch(_text.AsSpan(p, Math.Min(40, sentenceEnd - p)))) return p;
                }
            }
            return end;
        }

        /// <summary>
        /// Whether the second group of people only says where the first come from: "women and children from families of missing
        /// Baloch men held a sit-in", « des proches de disparus ont manifesté » (<c>origin-words</c> of syntax.yaml, a word or two after).
        /// </summary>
        private bool OriginOf(ActorMention people, ActorMention origin)
        {
            if (_segmenter is null || people.Kind != "civilians" || origin.Kind != "civilians" || origin.Span.Start <= people.Span.End) return false;
            var between = _text.AsSpan(people.Span.End, origin.Span.Start - people.Span.End).Trim();
            var space = between.IndexOf(' ');
            var first = space < 0 ? between : between[..space];
            return between.Length > 0 && between.IndexOfAny(",;:") < 0 && between.Count(' ') <= 2 && _segmenter.Grammar.OriginWords.Contains(first.ToString());
        }

        /// <summary>Whether a phrase opens with a possessive ("its forces", "ses troupes"): it is the side named before it.</summary>
        private bool Owned(ActorMention a)
        {
            if (_segmenter is null) return false;
            var space = a.Text.IndexOf(' ');
            return space > 0 && _segmenter.Grammar.Possessive.Contains(a.Text[..space]);
        }

        /// <summary>
        /// Of a subject written as a pair ("L'armée soudanaise et des combattants alliés ont affronté…"), the named actor leads
        /// rather than the plain noun joined to it, which would pass for the other side's kin; a plain phrase with a possessive
        /// ("its aircraft") is its owner named just before.
        /// </summary>
        private ActorMention? PairLead(List<ActorMention> before, ActorMention? chosen)
        {
            if (chosen is null || !Generic(chosen)) return chosen;
            var i = before.IndexOf(chosen);
            // "The Israeli military said its aircraft had struck…": a plain phrase someone owns is its owner's, named before it.
            if (i > 0 && Owned(chosen) && !Generic(before[i - 1]) && before[i - 1].Kind != "civilians") return before[i - 1];
            while (i > 0 && Generic(before[i]) && _lexicon.Pair.IsMatch(_text.AsSpan(before[i - 1].Span.End, before[i].Span.Start - before[i - 1].Span.End)))
            {
                i--;
                if (!Generic(before[i])) return before[i];
            }
            return chosen;
        }

        /// <summary>The kinds a site cue's named groups may stand for, in the order the cue names them ("military", "police", "rebel", "civilians").</summary>
        private IEnumerable<string> SiteKinds() =>
            _lexicon.Site.GetGroupNames().Where(name => ActorCatalogue.Kinds.Contains(name));
    }
}
