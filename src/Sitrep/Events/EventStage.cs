using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Actors;
using Sitrep.Claims;
using Sitrep.Entities;
using Sitrep.Events.Clauses;
using Sitrep.Geo;
using Sitrep.Pipeline;
using Sitrep.Quantities;
using Sitrep.Time;

namespace Sitrep.Events;

/// <summary>
/// Finds the incidents and verbal acts of a document: triggers from <c>lang/&lt;code&gt;/events.yaml</c>,
/// sentence by sentence; for each, the actors on either side (<see cref="Document.Actors"/>, read through
/// the trigger's form and the cue words before each actor), the place (the toponym the trigger points
/// to, else the nearest in the sentence, else the document's focus, coarser), the date (the nearest time
/// in the sentence, else the last one earlier in the paragraph, else the publication window), the dead
/// (killed counts of the sentence) and the claim frame (hedged, negated, not a specific occurrence).
/// Triggers of one type in one sentence are one event; an event told again in a later sentence with
/// nothing contradicting it (actors, place, date) is merged into the first telling.
/// </summary>
public sealed partial class EventStage(EventResources resources) : IDocumentStage
{
    /// <summary>Every pattern of the stage runs under this limit.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How far, in days, a time expression may stretch and still date one event.</summary>
    private const int LongestEventDays = 7;

    /// <summary>An act whose nearest time words end more than this many days before publication is only recalled.</summary>
    private const int BackgroundDays = 14;

    /// <summary>How far (in characters, doubled before the trigger) time words may stand and still date an act as background.</summary>
    private const int BackgroundReach = 30;

    /// <summary>How many sentences after an incident's last telling a claim of responsibility may still be about it.</summary>
    private const int ClaimReach = 3;

    /// <summary>How far, in characters, after an attack's trigger the site it hit may be named.</summary>
    private const int SiteReach = 80;

    /// <summary>How far, in characters, a passive subject may stand before the trigger it suffered.</summary>
    private const int MaxSubjectDistance = 160;

    public string Name => "events";

    public void Process(Document document)
    {
        document.Events.Clear();
        if (document.Text.Length == 0 || !resources.Lexicons.TryGetValue(document.Language, out var lexicon)) return;
        try
        {
            var segmenter = resources.ClauseGrammars.TryGetValue(document.Language, out var grammar) ? new ClauseSegmenter(grammar) : null;
            new Run(document, lexicon, resources.Types, segmenter).Find();
        }
        catch (RegexMatchTimeoutException)
        {
            document.Events.Clear();
            document.Warn("events: a trigger pattern ran past its time limit; no events for this document");
        }
    }

    /// <summary>A trigger found, with the fields found around it, before merging.</summary>
    private sealed class Draft
    {
        public required string Plover;
        public string? Mode;
        public required TextSpan Trigger;
        public required int Sentence;
        /// <summary>The last sentence that told this event (after merging).</summary>
        public int LastSentence;
        public ActorMention? Actor1;
        public ActorMention? Actor2;
        public Entity? Place;
        public bool PlaceFromFocus;
        public EventDate? Date;
        public bool DateFromText;
        /// <summary>How far the date's words are from the trigger (weighted as in FindDate); the nearest of one sentence's triggers dates the event.</summary>
        public int DateDistance = int.MaxValue;
        public EventFatalities? Fatalities;
        public bool Hedged;
        public bool Negated;
        /// <summary>The claim frame holding the trigger, when the claim stage gave one.</summary>
        public ClaimFrame? Frame;
        public List<EventAttribution> Attribution = [];
        public List<TextSpan> Evidence = [];
        public int Direct;
        /// <summary>A nominal trigger whose determiner points back to an act already told ("the strikes", "cette attaque").</summary>
        public bool Retold;
        /// <summary>An agent noun names who did the act ("les auteurs de l'attaque, des jihadistes, …"): its author, even when the act was told before.</summary>
        public bool AuthorNamed;
        /// <summary>The trigger is the verb of a death toll ("neuf combattants auraient été tués", "it had killed three fighters") with neither a day nor a place of its own.</summary>
        public bool TollOnly;
    }

    private sealed partial class Run
    {
        private readonly Document _doc;
        private readonly EventLexicon _lexicon;
        private readonly EventTypeMap _types;
        private readonly string _text;
        private readonly SentenceIndex _index;
        private readonly List<ActorMention> _actors;
        private readonly List<Entity> _places;
        private readonly Entity? _focus;
        private readonly DateOnly? _published;
        /// <summary>Who a later sentence says did the incident told before it ("X a revendiqué l'attaque", "blamed on X"), by sentence.</summary>
        private readonly List<(int Sentence, ActorMention Author)> _responsible = [];
        /// <summary>The last sentence that told an attack, -1 before any.</summary>
        private int _lastAttack = -1;

        /// <summary>Splits each sentence with triggers into clauses; null for a language without clause words.</summary>
        private readonly ClauseSegmenter? _segmenter;
        /// <summary>The clauses of the sentence whose triggers are being read.</summary>
        private readonly ClauseMap _clauses = new();

        public Run(Document document, EventLexicon lexicon, EventTypeMap types, ClauseSegmenter? segmenter)
        {
            _segmenter = segmenter;
            _doc = document;
            _lexicon = lexicon;
            _types = types;
            _text = document.FoldedText.Length == document.Text.Length ? document.FoldedText : document.Text;
            _index = new SentenceIndex(document.Sentences);
            _actors = document.Actors;
            // A dateline says where the report was filed; a name joined to the next word ("U.S.-British aggression", "Iran-aligned") qualifies it: neither is where things happened.
            _places = document.Entities.Where(e => e.Type == EntityType.LOC && e.Place is not null && e.Start > 0 && !Dateline.Names(document, e)
                                                   && !e.QualifiesNextWord(document.Text)).ToList();
            _focus = _places.Where(e => e.GeoPrecision is not null)
                .GroupBy(e => e.Place!.Name, StringComparer.Ordinal)
                .OrderByDescending(g => g.Count()).ThenBy(g => g.First().Start)
                .Select(g => g.First()).FirstOrDefault();
            _published = document.Published is { Length: >= 10 } p && DateOnly.TryParseExact(p[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                ? day : null;
        }

        /// <summary>Whether the sentence is the page's title repeated at the top of the text (compared as written: the title is not folded).</summary>
        private bool IsHeadline(TextSpan sentence) =>
            _doc.Title is { Length: > 0 } title && sentence.Length <= title.Length + 2
            && _doc.Text.AsSpan(sentence.Start, sentence.Length).Trim().TrimEnd('.').SequenceEqual(title.AsSpan().Trim().TrimEnd('.'));

        public void Find()
        {
            var drafts = new List<Draft>();
            for (var s = 0; s < _doc.Sentences.Count; s++)
                drafts.AddRange(InSentence(s));
            var merged = new List<Draft>();
            foreach (var draft in drafts)
            {
                var into = merged.LastOrDefault(m => Mergeable(m, draft));
                // "Des combats ont opposé lundi l'armée au M23. Au moins neuf combattants auraient été tués.": the toll told right after an attack, in its paragraph, is that attack's.
                if (draft.TollOnly && merged.LastOrDefault(m => m.Plover == "ASSAULT" && !m.Negated) is { } attack && draft.Sentence - attack.LastSentence == 1
                    && SameParagraph(attack.LastSentence, draft.Sentence))
                    Merge(attack, draft);
                else if (into is not null) Merge(into, draft);
                // "The strikes hit a farm, the TV said": the act told before, though the retelling names other people around it.
                // "Lundi, l'armée a indiqué que les auteurs de l'attaque, des combattants du JNIM, …": an agent noun points back to the last
                // act of its type, whatever day the sentence that names the author is dated by.
                else if (draft.Retold && merged.LastOrDefault(m => draft.AuthorNamed ? m.Plover == draft.Plover && !m.Negated : Compatible(m, draft)) is { } told)
                {
                    Merge(told, draft, withActors: false);
                    // "Les auteurs de l'attaque, des jihadistes de l'EIGS, …": the act told before gets the author named now.
                    if (draft.AuthorNamed) GiveAuthor(told, draft.Actor1!, _doc.Sentences[draft.Sentence]);
                }
                else merged.Add(draft);
            }
            // "… a été la cible d'une attaque. Cinq soldats ont péri, a déclaré un officier.": the toll told right after an attack, in
            // its paragraph, with no attack of its own, is that attack's.
            var attackSentences = drafts.Where(d => d.Plover == "ASSAULT").Select(d => d.Sentence).ToHashSet();
            foreach (var draft in merged.Where(d => d.Plover == "ASSAULT" && d.Fatalities is null && !d.Negated))
            {
                var next = draft.LastSentence + 1;
                if (next >= _doc.Sentences.Count || attackSentences.Contains(next) || !SameParagraph(draft.LastSentence, next)) continue;
                FindFatalities(draft, next);
                if (draft.Fatalities is not null) draft.Evidence.Add(_doc.Sentences[next]);
            }
            // "… ont été légèrement blessés": an attack whose toll counts only the wounded killed no one (ACLED's 0).
            foreach (var draft in merged.Where(d => d.Plover == "ASSAULT" && d.Fatalities is null && !d.Negated))
            {
                var next = draft.Sentence + 1;
                var wounded = WoundedOnly(draft.Sentence);
                if (wounded is null && next < _doc.Sentences.Count && !attackSentences.Contains(next) && SameParagraph(draft.Sentence, next))
                    wounded = WoundedOnly(next);
                if (wounded is null) continue;
                draft.Fatalities = new EventFatalities(0, null, null, wounded.Text, wounded.Span);
                if (!draft.Evidence.Contains(_doc.Sentences[wounded.Sentence])) draft.Evidence.Add(_doc.Sentences[wounded.Sentence]);
            }
            foreach (var (sentence, author) in _responsible)
                if (merged.LastOrDefault(d => d.Plover == "ASSAULT" && !d.Negated && d.Sentence < sentence && sentence - d.LastSentence <= ClaimReach) is { } incident)
                    GiveAuthor(incident, author, _doc.Sentences[sentence]);
            foreach (var draft in merged)
            {
                if (draft.Actor1?.Kind == "civilians" && _types.ByCivilians(draft.Plover, draft.Mode) is { } instead)
                    (draft.Plover, draft.Mode) = instead;
                // Civilians suffer violence; they do not inflict it (protesters in a PROTEST still act).
                if (draft.Plover is "ASSAULT" or "COERCE" && draft.Actor1?.Kind == "civilians" && draft.Actor2?.Kind != "civilians")
                    (draft.Actor1, draft.Actor2) = (draft.Actor2, draft.Actor1);
                if (draft.Actor1 is null && draft.Plover == "ASSAULT" && draft.Mode is "aerial" or "drone" or "heavy-weapons" or "explosives")
                    draft.Actor1 = UnknownAttacker(draft);
            }
            // An event needs someone in it; a statement needs its speaker.
            foreach (var draft in merged.Where(d => _types.IsVerbal(d.Plover) ? d.Actor1 is not null : d.Actor1 is not null || d.Actor2 is not null))
                _doc.Events.Add(ToEvent(draft, _doc.Events.Count));
        }

        /// <summary>ACLED's "unidentified armed group" for a remote attack whose author the text does not name; its text is the weapon the trigger names.</summary>
        private ActorMention UnknownAttacker(Draft draft) =>
            new(draft.Trigger, draft.Trigger, _doc.Text[draft.Trigger.Start..draft.Trigger.End], draft.Sentence, "unknown armed group", null, null, null, null);

        private IEnumerable<Draft> InSentence(int s)
        {
            var sentence = _doc.Sentences[s];
            var byType = new List<Draft>();
            // The headline repeated at the top of the text sums up what the body tells with its day and place.
            if (IsHeadline(sentence)) return byType;
            // A claim of responsibility with no place of its own retells the incident told before ("Le GSIM a revendiqué
            // l'attaque lundi": Monday is the claim's day, not the attack's): its attack is no new event, its author is that incident's.
            // A claim naming a place may tell a new incident ("le Hezbollah a revendiqué le tir de roquettes vers Kiryat Shmona"), and so
            // may a sentence with a place that tells an attack before blaming someone ("a roadside bomb hit a bus near Daraa, … blaming
            // terrorists"); then the author is that incident's.
            // Only near an attack is a claim or a blame worth looking for.
            var hits = _lexicon.Find(_text, sentence.Start, sentence.Length);
            SegmentClauses(sentence, hits);
            var attackHere = hits.Any(hit => _lexicon.Triggers[hit.Trigger].Plover == "ASSAULT");
            var (author, cue) = attackHere || _lastAttack >= 0 && s - _lastAttack <= ClaimReach ? Responsible(sentence) : (null, (false, sentence.Start));
            var ownIncident = author is not null && HasOwnPlace(sentence)
                              && (cue.Claimed || _lexicon.Find(_text, sentence.Start, cue.At - sentence.Start).Any(hit => _lexicon.Triggers[hit.Trigger].Plover == "ASSAULT"));
            var retold = author is not null && !ownIncident;
            if (retold) _responsible.Add((s, author!));
            int denialEnd = -1, contentFrom = -1;
            // The subject of the sentence's last active verb, which a verb joined to it by "et"/"and" shares.
            ActorMention? subject = null;
            foreach (var (span, which) in hits)
            {
                var trigger = _lexicon.Triggers[which];
                if (InsideName(span)) continue;
                if (retold && trigger.Plover == "ASSAULT") continue;
                var draft = new Draft { Plover = trigger.Plover, Mode = trigger.Mode, Trigger = span, Sentence = s, LastSentence = s };
                draft.Retold = trigger.Form != TriggerForm.Verb && Before(_lexicon.Retold, span.Start, sentence.Start);
                draft.Evidence.Add(sentence);
                if (!ReadClaim(draft) || Background(draft, trigger.Form, sentence)) continue;
                if (_lexicon.NoActBefore.Any(cue => Before(cue, span.Start, sentence.Start))) continue;
                if (trigger.Plover is not ("ASSAULT" or "PROTEST") && Before(_lexicon.Attacked, span.Start, sentence.Start)) continue;
                // What a denial is about ("a démenti avoir visé", "denied carrying out") is negated; what is accused,
                // demanded or threatened is no event of its own.
                if (denialEnd >= 0 && span.Start >= denialEnd) draft.Negated = true;
                else if (contentFrom >= 0 && span.Start >= contentFrom && (!_types.Governs(trigger.Plover) || _types.GovernsTopic(trigger.Plover))) continue;
                if (trigger.Plover == "REJECT" && trigger.Mode == "deny") denialEnd = span.End;
                else if (_types.Governs(trigger.Plover) && contentFrom < 0) contentFrom = span.End;
                FindActors(draft, trigger.Form, sentence, subject);
                if (draft.Actor1 is null && !_types.IsVerbal(draft.Plover) && QuotedSpeaker(draft, sentence) is { } speaker) draft.Actor1 = speaker;
                if (draft.Actor1 is null && (_types.IsVerbal(draft.Plover) || _types.Announced(draft.Plover))) draft.Actor1 = SourceActor(draft);
                if (trigger.Form == TriggerForm.Verb && !IsPassive(span, sentence)) subject = draft.Actor1;
                FindPlace(draft, sentence);
                FindDate(draft, sentence);
                // "les Houthis ont revendiqué plus de vingt attaques": a count of acts with no day of its own is a tally, not an incident.
                if (trigger.Form != TriggerForm.Verb && !draft.DateFromText && Before(_lexicon.Aggregate, span.Start, sentence.Start)) continue;
                FindFatalities(draft);
                draft.TollOnly = draft.Plover == "ASSAULT" && draft.Fatalities is not null && !draft.DateFromText && (draft.Place is null || draft.PlaceFromFocus)
                                 && _doc.Casualties.Any(c => c.Sentence == s && c.Category == CasualtyCategory.Killed && c.Trigger.Start < span.End && span.Start < c.Trigger.End);
                // Triggers of one type in one sentence tell one event; the one that names the means ("frappes aériennes") leads.
                var same = byType.FindIndex(d => d.Plover == draft.Plover && d.Negated == draft.Negated);
                if (same < 0) byType.Add(draft);
                else if (byType[same].Mode is null && draft.Mode is not null)
                {
                    KeepNearerDate(draft, byType[same]);
                    Merge(draft, byType[same]);
                    byType[same] = draft;
                }
                else
                {
                    KeepNearerDate(byType[same], draft);
                    Merge(byType[same], draft);
                }
            }
            if (ownIncident)
                foreach (var draft in byType.Where(d => d.Plover == "ASSAULT" && d.Actor1 is null))
                    draft.Actor1 = author;
            if (byType.Any(d => d.Plover == "ASSAULT")) _lastAttack = s;
            return byType;
        }

        /// <summary>Of two triggers of one event in one sentence, the one whose time words are nearer dates it ("ont lancé mardi soir l'attaque …, tirant dix-huit drones").</summary>
        private static void KeepNearerDate(Draft into, Draft other)
        {
            if (other.DateFromText && other.DateDistance < into.DateDistance)
                (into.Date, into.DateFromText, into.DateDistance) = (other.Date, true, other.DateDistance);
        }

        // Only names hide a trigger: a descriptive actor phrase may name the means ("Russian drones", "des avions russes").
        private bool InsideName(TextSpan span) =>
            _doc.Entities.Any(e => e.Start < span.End && span.Start < e.End);

        /// <summary>Reads the claim frame holding the trigger; false when the clause tells no specific occurrence.</summary>
        private bool ReadClaim(Draft draft)
        {
            ClaimFrame? frame = null;
            foreach (var f in _doc.Claims)
                if (f.Span.Start <= draft.Trigger.Start && draft.Trigger.End <= f.Span.End && (frame is null || f.Span.Length < frame.Span.Length))
                    frame = f;
            if (frame is null) return true;
            draft.Frame = frame;
            // An authority announcing a deployment or sanctions has acted, even when what it announced is still to come.
            var announcement = frame.Modality == ClaimModality.Planned && _types.Announced(draft.Plover) && frame.Sources.Count > 0;
            if (frame.Modality != ClaimModality.Asserted && !announcement) return false;
            draft.Hedged = frame.Hedged;
            // A denial worded as a negation ("n'avoir aucun lien avec") opens with its particle: that negation is the denial itself.
            draft.Negated = frame.Negated.Any(n => n.Start < draft.Trigger.End && draft.Trigger.Start < n.End
                                                   && !(draft.Plover == "REJECT" && n.Start == draft.Trigger.Start));
            draft.Attribution.AddRange(frame.Sources.Select(src => new EventAttribution(src.Text, src.Span, src.Canonical)));
            return true;
        }

        /// <summary>
        /// Who a statement or an announcement is by when no subject stands before its verb: the actor named as the
        /// source of its clause ("…, a annoncé le ministre", "Il a ajouté" carried on by the claim stage).
        /// </summary>
        private ActorMention? SourceActor(Draft draft) =>
            draft.Frame?.Sources.Select(source => _actors.FirstOrDefault(a => a.Span.Start < source.Span.End && source.Span.Start < a.Span.End
                                                                             && !(a.Span.Start < draft.Trigger.End && draft.Trigger.Start < a.Span.End)))
                .FirstOrDefault(a => a is not null && a != draft.Actor2);

        private bool Before(Regex cue, int offset, int from)
        {
            var window = _text.AsSpan(Math.Max(from, offset - 40), offset - Math.Max(from, offset - 40));
            return _lexicon.MayMatch(cue, window) && cue.IsMatch(window);
        }

        private void FindActors(Draft draft, TriggerForm form, TextSpan sentence, ActorMention? sharedSubject)
        {
            // Who reports an act is no party to it ("selon l'OSDH", "the agency said"), unless the act is the statement itself
            // or the reporter is an armed party telling its own act ("the army said it struck").
            var verbal = _types.IsVerbal(draft.Plover);
            // After the trigger, whoever "said" reports ("…struck Odesa overnight, the regional governor said"), whatever its kind;
            // a name in apposition to a reporter ("l'Agence nationale d'information (ANI)") reports too.
            bool Reports(ActorMention a) =>
                ReportsItself(a)
                // "A Ukrainian military spokesperson, Col Andriy Kovalenko, said Russian forces had…": the side its spokesperson speaks for reports too.
                || !verbal && a.Span.End <= draft.Trigger.Start && SpokespersonAfter(ActorsIn(sentence), a) is { } voice
                   && voice.Span.End <= draft.Trigger.Start && ReportsItself(voice);
            bool ReportsItself(ActorMention a) =>
                Before(_lexicon.Source, a.Span.Start, sentence.Start) && !SaidByApposition(ActorsIn(sentence), a)
                || !verbal && IntroducesReport(a, draft.Trigger, sentence)
                || !verbal && (a.Kind is "organization" or "person" || a.Span.Start >= draft.Trigger.End && !CommaAfter(a))
                           && _lexicon.Speaker.IsMatch(_text.AsSpan(SpeakerEnd(a), Math.Min(40, sentence.End - SpeakerEnd(a))));
            // After the trigger, a reporter's acronym may stand between it and its verb ("…, the Syrian Observatory for Human Rights (SOHR) said").
            // …or its office: "…, the regional governor's office said".
            int SpeakerEnd(ActorMention a) => a.Span.Start >= draft.Trigger.End ? PastOwnedBody(AfterAcronym(a.Span.End, sentence.End), sentence.End) : a.Span.End;
            var all = ActorsIn(sentence);
            var inSentence = all.Where((a, i) => !Reports(a) && !InDateline(a) && !Before(_lexicon.Affiliation, a.Span.Start, sentence.Start) && !(!verbal && i > 0 && Bracketed(all[i - 1], a) && Reports(all[i - 1]))).ToList();
            var (before, after) = ClauseSides(inSentence, draft.Trigger);
            // "X soutient que … et accuse Y": a statement joined after a report is the speaker's.
            if (verbal && form == TriggerForm.Verb && (ReporterOfJoinedStatement(inSentence, draft.Trigger, sentence) ?? SubjectOfJoinedStatement(before, draft.Trigger, sentence)) is { } reporters)
                before = reporters;
            // "X a démenti avoir visé le camp et affirmé que les Wazalendo…": who the subject then speaks of is no side of this act.
            if (after.Count > 0)
            {
                var reported = ReportedClauseStart(draft.Trigger, sentence);
                after.RemoveAll(a => a.Span.Start >= reported);
            }
            // "British warplanes struck Houthi radar sites": a trigger that begins inside its author's phrase is a verb after its subject.
            if (form == TriggerForm.Noun && inSentence.FirstOrDefault(a => a.Span.Start < draft.Trigger.Start && draft.Trigger.Start < a.Span.End && a.Span.End < draft.Trigger.End) is { } phraseAuthor)
            {
                before.Remove(phraseAuthor);
                before.Add(phraseAuthor);
                form = TriggerForm.Verb;
            }
            // "CENTCOM said the ship was hit by a missile": who says so is the subject of saying, not of the passive after it.
            bool Says(ActorMention a)
            {
                // Past its name in full or its acronym in brackets: "U.S. Central Command (CENTCOM) said".
                var end = AfterAcronym(a.Span.End, sentence.End);
                if (end < sentence.End && _text[end] == ')') end++;
                return _lexicon.Speaker.IsMatch(_text.AsSpan(end, Math.Min(40, sentence.End - end)));
            }
            ActorMention? Paired(ActorMention first, ActorMention second) =>
                _lexicon.Pair.IsMatch(_text.AsSpan(first.Span.End, second.Span.Start - first.Span.End)) ? second : null;
            // "between the SDF (Syrian Democratic Forces) and tribal fighters": the bracketed name goes with the first side.
            ActorMention? PairedAfterBrackets(List<ActorMention> list, int first)
            {
                var next = first + 1;
                while (next < list.Count && Bracketed(list[next - 1], list[next])) next++;
                return next < list.Count ? Paired(list[next - 1], list[next]) : null;
            }
            bool Agent(ActorMention a) => Before(_lexicon.Agent, a.Span.Start, sentence.Start) || a.Span.Start - draft.Trigger.End <= 1;
            bool Patient(ActorMention a) => Before(_lexicon.Patient, a.Span.Start, sentence.Start);

            switch (form)
            {
                case TriggerForm.Verb or TriggerForm.Noun when draft.Plover == "ASSAULT" && Undergone(draft.Trigger, sentence):
                    // "A Nigerian army patrol came under attack from Boko Haram fighters": the subject suffered the act, "from X" did it.
                    draft.Actor2 = Subject(before, OutsideIncise(before, draft.Trigger.Start, sentence.Start).LastOrDefault());
                    draft.Actor1 = after.FirstOrDefault(a => Agent(a) && SameClause(draft.Trigger, a));
                    draft.Direct = 2;
                    break;
                case TriggerForm.Noun when AfterAgentNoun(draft.Trigger, sentence)
                                           && after.FirstOrDefault(a => !Patient(a) && Complement(draft.Trigger, a) != ComplementRole.Target) is { } author:
                    // "Les auteurs de l'attaque, des jihadistes de l'EIGS, ont tué…": the agent noun's apposition did the act.
                    draft.Actor1 = author;
                    draft.Actor2 = after.FirstOrDefault(a => a != author && Patient(a));
                    draft.Direct = 1;
                    draft.AuthorNamed = true;
                    break;
                case TriggerForm.Mutual when after.Count >= 2 && PairedAfterBrackets(after, 0) is { } second:
                    (draft.Actor1, draft.Actor2, draft.Direct) = (after[0], second, 2);
                    break;
                // "The army and allied fighters clashed with the RSF": a pair before a partner is one side.
                case TriggerForm.Mutual when before.Count >= 2 && Paired(before[^2], before[^1]) is { } last
                                             && !(after.Count > 0 && Before(_lexicon.Partner, after[0].Span.Start, draft.Trigger.End)):
                    (draft.Actor1, draft.Actor2, draft.Direct) = (before[^2], last, 2);
                    break;
                case TriggerForm.Mutual when after.Count > 0 && Before(_lexicon.Partner, after[0].Span.Start, draft.Trigger.End)
                                             && PairLead(before, before.LastOrDefault(a => !Patient(a))) is { } subject && !SameActor(subject, after[0]):
                    // "X ... des affrontements avec Y", "Venezuela agreed to coordinate patrols with Colombian forces": the subject and the partner.
                    (draft.Actor1, draft.Actor2, draft.Direct) = (Subject(before, subject), after[0], 2);
                    break;
                case TriggerForm.Mutual when after.Count > 0:
                    // "des combats ont opposé X à Y": the first actor after, then the next one that is neither it nor its apposition.
                    draft.Actor1 = after[0];
                    draft.Actor2 = after.Skip(1).FirstOrDefault(a => !SameActor(a, after[0]) && !Apposition(after, a));
                    draft.Direct = 1;
                    break;
                case TriggerForm.Mutual when before.Count >= 2 && before.Take(before.Count - 1).LastOrDefault(a => !SameActor(a, before[^1]) && !Apposition(before, before[^1])) is { } other:
                    // "quatre soldats et au moins onze assaillants ont été tués dans des combats": the two sides named before.
                    (draft.Actor1, draft.Actor2, draft.Direct) = (other, before[^1], 1);
                    break;
                case TriggerForm.Verb when _types.IsReciprocal(draft.Plover) && before.Count >= 2 && Paired(before[^2], before[^1]) is { } other:
                    // "Des délégations congolaise et rwandaise se sont réunies", "Kenyan and Somali officials signed": both sides.
                    (draft.Actor1, draft.Actor2, draft.Direct) = (before[^2], other, 2);
                    break;
                case TriggerForm.Verb when IsPassive(draft.Trigger, sentence):
                    draft.Actor2 = MainVictim(before.Where(a => !Says(a)).ToList());
                    draft.Actor1 = after.FirstOrDefault(a => Agent(a) && SameClause(draft.Trigger, a));
                    // "Des Casques bleus ont été déployés": the force sent is the actor's own, unless "par X" names who sent it.
                    if (_types.SentIsActor(draft.Plover))
                        (draft.Actor1, draft.Actor2) = (after.FirstOrDefault(a => AfterAgentWord(a) && SameClause(draft.Trigger, a)) ?? draft.Actor2, null);
                    draft.Direct = 2;
                    break;
                case TriggerForm.Noun:
                {
                    // "Neuf civils ont été tués dans des frappes": the subject of a passive before the noun suffered the act.
                    var victims = Victims(before.Where(a => !Says(a)).ToList(), draft.Trigger.Start, sentence.Start);
                    draft.Actor1 = after.FirstOrDefault(a => Agent(a) && !Patient(a) && Complement(draft.Trigger, a) == ComplementRole.Author)
                                   ?? before.LastOrDefault(a => !Patient(a) && !victims.Contains(a));
                    // "une attaque contre un camp de l'armée": the owner of what the act was aimed at is its target.
                    draft.Actor2 = after.FirstOrDefault(a => a != draft.Actor1 && (Patient(a) || Complement(draft.Trigger, a) == ComplementRole.Target)) ?? MainVictim(victims);
                    if (draft.Actor1 is null && draft.Actor2 is null) draft.Actor2 = after.FirstOrDefault();
                    draft.Direct = 1;
                    break;
                }
                default:
                {
                    // "Five police officers were killed when their vehicle struck a bomb": the subject of a passive before the verb suffered it.
                    var victims = Victims(before.Where(a => !Says(a)).ToList(), draft.Trigger.Start, sentence.Start);
                    // "X a accusé Damas de … et a appelé Moscou à …": a verb joined to the one before shares its subject.
                    var subjects = OutsideIncise(before, draft.Trigger.Start, sentence.Start);
                    draft.Actor1 = form == TriggerForm.Verb && sharedSubject is not null && Joined(draft.Trigger, sentence)
                        ? sharedSubject
                        : PairLead(before, Subject(before, subjects.LastOrDefault(a => !Patient(a) && !victims.Contains(a)) ?? subjects.LastOrDefault(a => !victims.Contains(a))));
                    // "ont attaqué avec des drones une base": what an attack is made with is no side of it.
                    if (draft.Plover == "ASSAULT") after.RemoveAll(a => Before(_lexicon.Instrument, a.Span.Start, draft.Trigger.End));
                    draft.Actor2 = after.FirstOrDefault(a => !Agent(a) || a.Span.Start - draft.Trigger.End <= 1) ?? after.FirstOrDefault() ?? MainVictim(victims);
                    draft.Direct = 2;
                    break;
                }
            }
            // A phrase that holds the trigger names its author: "des frappes russes", "bombardements des FSR".
            if (_actors.FirstOrDefault(a => a.Span.Start <= draft.Trigger.Start && draft.Trigger.End <= a.Span.End) is { } owner
                && (draft.Actor1 is null || draft.Actor1.Kind is "civilians" or "government" or "organization" or "person"))
            {
                if (draft.Actor1 is not null && draft.Actor2 is null && draft.Actor1.Kind == "civilians") draft.Actor2 = draft.Actor1;
                draft.Actor1 = owner;
            }
            // A plain noun may repeat a named side ("the SDF … the fighters"), but not when the text pairs the two as the sides of a clash.
            var pairedSides = form == TriggerForm.Mutual && draft.Direct == 2;
            if (draft.Actor2 is not null && draft.Actor1 is not null && !pairedSides && SameActor(draft.Actor1, draft.Actor2)) draft.Actor2 = null;
            // "A missile fired by Yemen's Houthi movement": the name the author owns is the author, named more fully.
            if (draft.Actor1 is not null && draft.Actor2 is not null && draft.Actor2.Span.Start >= draft.Actor1.Span.End && _segmenter is not null
                && _segmenter.Grammar.Possessives.Contains(_text.AsSpan(draft.Actor1.Span.End, draft.Actor2.Span.Start - draft.Actor1.Span.End).Trim().ToString()))
                (draft.Actor1, draft.Actor2) = (draft.Actor2, null);
            // "a frappé lundi un dépôt de carburant", "attacked a military base": when no one hit is named, the site hit stands for who holds it.
            if (draft.Plover == "ASSAULT" && draft.Actor1 is not null && draft.Actor2 is null) draft.Actor2 = HitSite(draft, sentence);
        }

        /// <summary>
        /// Whether a verb is joined to the one before ("X a dénoncé … et réclamé …"): the joining word stands before its trigger, or opens
        /// it where a bare participle is a trigger only after that word ("et demandé").
        /// </summary>
        private bool Joined(TextSpan trigger, TextSpan sentence)
        {
            if (Before(_lexicon.Coordinated, trigger.Start, sentence.Start)) return true;
            var space = _text.IndexOf(' ', trigger.Start, trigger.Length);
            return space > trigger.Start && _lexicon.Coordinated.IsMatch(_text.AsSpan(trigger.Start, space + 1 - trigger.Start));
        }

        /// <summary>The actors inside each sentence asked for so far, by the sentence's start, in document order.</summary>
        private readonly Dictionary<int, List<ActorMention>> _sentenceActors = [];

        /// <summary>The actors inside the sentence (read only: shared by every trigger of the sentence).</summary>
        private List<ActorMention> ActorsIn(TextSpan sentence)
        {
            if (!_sentenceActors.TryGetValue(sentence.Start, out var actors))
                _sentenceActors[sentence.Start] = actors = _actors.Where(a => a.Span.Start >= sentence.Start && a.Span.End <= sentence.End).ToList();
            return actors;
        }

        /// <summary>Past an acronym in brackets right after an actor ("the Syrian Observatory for Human Rights (SOHR) said"), else <paramref name="end"/>.</summary>
        private int AfterAcronym(int end, int limit)
        {
            var i = end;
            while (i < limit && _text[i] == ' ') i++;
            if (i >= limit || _text[i] != '(') return end;
            var close = _text.IndexOf(')', i, Math.Min(limit - i, 24));
            return close < 0 ? end : close + 1;
        }

        /// <summary>The sentence whose clauses are to be read, with its triggers; split only when one of them needs its actors.</summary>
        private (TextSpan Sentence, List<(TextSpan Span, int Trigger)> Hits, bool Done) _clauseSource;

        private void SegmentClauses(TextSpan sentence, List<(TextSpan Span, int Trigger)> hits) => _clauseSource = (sentence, hits, false);

        /// <summary>Splits the sentence into clauses, its verb triggers counting as finite verbs.</summary>
        private void EnsureClauses()
        {
            if (_segmenter is null || _clauseSource.Done) return;
            var (sentence, hits, _) = _clauseSource;
            _clauseSource.Done = true;
            Span<int> verbs = hits.Count <= 64 ? stackalloc int[hits.Count] : new int[hits.Count];
            var count = 0;
            foreach (var (span, which) in hits)
                if (_lexicon.Triggers[which].Form == TriggerForm.Verb) verbs[count++] = span.Start;
            _segmenter.Segment(_text, sentence.Start, sentence.End, verbs[..count], _clauses);
        }

        /// <summary>
        /// The actors that may be a trigger's subject (before it) and object (after it): those of its own clause; for a
        /// clause with no subject of its own, the antecedent of a subject relative ("les rebelles qui ont attaqué") or the
        /// subject of the clause it hangs on (a participle, an infinitive, a quoted fragment). A side the clauses leave
        /// empty is read from the whole sentence, as before clauses were known.
        /// </summary>
        private (List<ActorMention> Before, List<ActorMention> After) ClauseSides(List<ActorMention> inSentence, TextSpan trigger)
        {
            var before = new List<ActorMention>();
            var after = new List<ActorMention>();
            EnsureClauses();
            var clause = _segmenter is null ? -1 : _clauses.ClauseOf(trigger.Start);
            foreach (var a in inSentence)
                if (clause < 0 || _clauses.ClauseOf(a.Span.Start) == clause)
                {
                    if (a.Span.End <= trigger.Start) before.Add(a);
                    else if (a.Span.Start >= trigger.End) after.Add(a);
                }
            if (clause < 0) return (before, after);
            if (before.Count == 0) InheritedSubject(inSentence, clause, before);
            if (before.Count == 0)
                foreach (var a in inSentence)
                    if (a.Span.End <= trigger.Start) before.Add(a);
            // An object may stand in a clause the trigger's clause holds ("un accord … qui permet aux rebelles"), not in one beside it.
            if (after.Count == 0)
                foreach (var a in inSentence)
                    if (a.Span.Start >= trigger.End && Holds(clause, _clauses.ClauseOf(a.Span.Start))) after.Add(a);
            return (before, after);
        }

        /// <summary>Whether the actor stands in the trigger's clause ("tués par des jihadistes", not "tués lorsque des obus sont tombés sur un camp de déplacés").</summary>
        private bool SameClause(TextSpan trigger, ActorMention a) => _segmenter is null || _clauses.ClauseOf(a.Span.Start) == _clauses.ClauseOf(trigger.Start);

        /// <summary>Whether <paramref name="inner"/> is <paramref name="outer"/> or a clause inside it (a coordinated clause is beside it).</summary>
        private bool Holds(int outer, int inner)
        {
            for (var c = inner; c >= 0; c = _clauses.Parent(c))
            {
                if (c == outer) return true;
                // A coordinated or an adverbial clause ("the attack came a day after warplanes struck…") holds its own parties.
                if (_clauses.Kind(c) is ClauseKind.Coordinate or ClauseKind.Subordinate) return false;
            }
            return false;
        }

        /// <summary>The subject a clause without one takes from the clause it hangs on (see <see cref="ClauseSides"/>).</summary>
        private void InheritedSubject(List<ActorMention> inSentence, int clause, List<ActorMention> into)
        {
            if (_clauses.AntecedentIsSubject(clause))
            {
                var opener = _clauses.Opener(clause);
                ActorMention? antecedent = null;
                foreach (var a in inSentence)
                    if (a.Span.End <= opener) antecedent = a;
                if (antecedent is not null) into.Add(antecedent);
                return;
            }
            for (var child = clause; _clauses.Kind(child) != ClauseKind.Main && _clauses.Parent(child) is var parent and >= 0; child = parent)
            {
                // The parent's subject stands before its verb; before the child's opener when its verb is not seen.
                var verb = _clauses.FirstVerb(parent);
                var limit = verb >= 0 && verb < _clauses.Opener(child) ? verb : _clauses.Opener(child);
                foreach (var a in inSentence)
                    if (a.Span.End <= limit && _clauses.ClauseOf(a.Span.Start) == parent) into.Add(a);
                if (into.Count > 0) return;
            }
        }

        /// <summary>The site or vessel named right after an attack's trigger, as an actor of the kind its cue group names (military, police, civilians).</summary>
        private ActorMention? HitSite(Draft draft, TextSpan sentence)
        {
            var from = draft.Trigger.End;
            if (from >= sentence.End) return null;
            var match = _lexicon.Site.Match(_text, from, Math.Min(sentence.End, from + SiteReach) - from);
            if (!match.Success) return null;
            foreach (var kind in SiteKinds())
                if (match.Groups[kind] is { Success: true } site)
                {
                    var span = new TextSpan(site.Index, site.Index + site.Length);
                    return new ActorMention(span, span, site.Value, draft.Sentence, null, null, kind, null, null);
                }
            return null;
        }

        /// <summary>
        /// Who the sentence says did an incident: the subject of "a revendiqué l'attaque" / "claimed responsibility" (or "par X" /
        /// "by X" right after a passive claim), the actor right after "attribuée à" / "blamed"; null when it says nothing of the kind.
        /// Cue: whether it is a claim (not a blame), and where the claim or blame is written.
        /// </summary>
        private (ActorMention? Author, (bool Claimed, int At) Cue) Responsible(TextSpan sentence)
        {
            var inSentence = ActorsIn(sentence).Where(a => a.Kind != "civilians").ToList();
            if (inSentence.Count == 0) return (null, (false, sentence.Start));
            if (_lexicon.MayMatch(_lexicon.Claimed, _text, sentence.Start, sentence.Length)
                && _lexicon.Claimed.Match(_text, sentence.Start, sentence.Length) is { Success: true } claim)
            {
                var end = claim.Index + claim.Length;
                return (claim.Groups["by"].Success
                    ? inSentence.FirstOrDefault(a => a.Span.Start >= end && a.Span.Start - end <= 30)
                    : inSentence.FirstOrDefault(a => a.Span.End <= claim.Index && !Before(_lexicon.Source, a.Span.Start, sentence.Start)), (true, claim.Index));
            }
            if (_lexicon.MayMatch(_lexicon.Blamed, _text, sentence.Start, sentence.Length)
                && _lexicon.Blamed.Match(_text, sentence.Start, sentence.Length) is { Success: true } blame)
            {
                var end = blame.Index + blame.Length;
                return (inSentence.FirstOrDefault(a => a.Span.Start >= end && a.Span.Start - end <= 60), (false, blame.Index));
            }
            return (null, (false, sentence.Start));
        }

        /// <summary>Whether the sentence names a place outside its actors' names, so that it may tell an incident of its own.</summary>
        private bool HasOwnPlace(TextSpan sentence) =>
            _places.Any(p => p.Start >= sentence.Start && p.End <= sentence.End && !_actors.Any(a => a.Span.Start <= p.Start && p.End <= a.Span.End));

        /// <summary>
        /// Makes the author a later sentence names the incident's first actor; the actor it displaces was the target when nothing
        /// else is ("des VDP" escorting the convoy), not when it is the author's kin ("des hommes armés" for the group named later).
        /// </summary>
        private void GiveAuthor(Draft incident, ActorMention author, TextSpan told)
        {
            if (!incident.Evidence.Contains(told)) incident.Evidence.Add(told);
            if (incident.Actor1 is not null && SameActor(incident.Actor1, author)) return;
            if (incident.Actor2 is not null && SameActor(incident.Actor2, author))
            {
                (incident.Actor1, incident.Actor2) = (incident.Actor2, incident.Actor1);
                return;
            }
            var displaced = incident.Actor1;
            incident.Actor1 = author;
            if (incident.Actor2 is null && displaced is not null && !_types.SameFamily(displaced.Kind, author.Kind)) incident.Actor2 = displaced;
        }

        /// <summary>
        /// The actors before a verb, less those of an incise between commas just before it: in "Les Brigades du Hezbollah,
        /// principale faction armée pro-iranienne, ont démenti" the subject is before the incise.
        /// </summary>
        private List<ActorMention> OutsideIncise(List<ActorMention> before, int verb, int sentenceStart)
        {
            var close = verb - 1;
            while (close > sentenceStart && char.IsWhiteSpace(_text[close])) close--;
            if (close <= sentenceStart || _text[close] != ',') return before;
            var open = _text.LastIndexOf(',', close - 1, close - sentenceStart);
            if (open <= sentenceStart) return before;
            var outside = before.Where(a => a.Span.End <= open).ToList();
            return outside.Count > 0 ? outside : before;
        }

        /// <summary>The head of the phrase an actor closes: "l'envoyé spécial de l'ONU" for "le Yémen" in "l'envoyé spécial de l'ONU pour le Yémen".</summary>
        private ActorMention? Subject(List<ActorMention> before, ActorMention? last)
        {
            if (last is null) return null;
            for (var i = before.IndexOf(last); i > 0 && (_lexicon.Complement.IsMatch(_text.AsSpan(before[i - 1].Span.End, before[i].Span.Start - before[i - 1].Span.End))
                                                      || OriginOf(before[i - 1], before[i])); i--)
                last = before[i - 1];
            return last;
        }

        /// <summary>Whether an actor only restates the one before it: "les rebelles du M23", "Forces armées de la RDC (FARDC)".</summary>
        private bool Apposition(List<ActorMention> actors, ActorMention actor)
        {
            var i = actors.IndexOf(actor);
            if (i <= 0) return false;
            return _lexicon.Apposition.IsMatch(_text.AsSpan(actors[i - 1].Span.End, actor.Span.Start - actors[i - 1].Span.End));
        }

        /// <summary>Whether the second actor is the first one's acronym or name in brackets: "l'Agence nationale d'information (ANI)".</summary>
        private bool Bracketed(ActorMention first, ActorMention second) =>
            second.Span.Start > first.Span.End && _text.AsSpan(first.Span.End, second.Span.Start - first.Span.End).Trim() is "(";

        /// <summary>Whether the actor is the wire agency of a dateline, "Oct 23 (GWS) -": it filed the story and is no party.</summary>
        private bool InDateline(ActorMention a)
        {
            var rest = _text.AsSpan(a.Span.End).TrimStart();
            return rest.StartsWith(")") && rest[1..].TrimStart() is [ '-' or '–' or '—', ..];
        }

        /// <summary>Whether a comma follows the actor: a verb of saying after it then has its own subject ("…par des séparatistes, a annoncé le ministère").</summary>
        private bool CommaAfter(ActorMention a) => _text.AsSpan(a.Span.End).TrimStart().StartsWith(",");

        /// <summary>The actors before a trigger that are the subject of a passive verb ("ont été tués") standing between them and it: the passive cue before one of the words there.</summary>
        private List<ActorMention> Victims(List<ActorMention> before, int trigger, int sentenceStart)
        {
            // A subject that far from its verb is rarely its subject; the bound keeps the scan short. Each word start is tried once
            // per trigger: where a passive marker ends there, and where it begins.
            var from = Math.Max(sentenceStart, trigger - MaxSubjectDistance);
            // Every window looked at lies in [from, trigger): without the marker's literal strings there, none holds one.
            if (!_lexicon.MayMatch(_lexicon.Passive, _text, from, trigger - from)) return [];
            var passiveStarts = new List<int>();
            for (var i = from + 1; i < trigger; i++)
            {
                if (!char.IsLetter(_text[i]) || !char.IsWhiteSpace(_text[i - 1])) continue;
                var lo = Math.Max(from, i - PassiveReach);
                if (PassiveMarker(lo, i) is var marker and >= 0) passiveStarts.Add(marker);
            }
            return passiveStarts.Count == 0 ? [] : before.Where(a => a.Span.End >= from && passiveStarts.Any(p => p >= a.Span.End)).ToList();
        }

        /// <summary>Whether the word right before the actor introduces an author ("par", "by").</summary>
        private bool AfterAgentWord(ActorMention a)
        {
            if (_segmenter is null) return false;
            var before = _text.AsSpan(0, a.Span.Start).TrimEnd();
            var start = before.Length;
            while (start > 0 && char.IsLetter(before[start - 1])) start--;
            return start < before.Length && _segmenter.Grammar.AgentWords.Contains(before[start..].ToString());
        }

        /// <summary>The last of the subjects a passive names, unless it only picks out some of the one before ("cinq personnes, dont deux enfants").</summary>
        private ActorMention? MainVictim(List<ActorMention> subjects)
        {
            for (var i = subjects.Count - 1; i >= 0; i--)
                if (i == 0 || !PartOfPrevious(subjects[i - 1], subjects[i])) return subjects[i];
            return null;
        }

        private bool PartOfPrevious(ActorMention whole, ActorMention part)
        {
            if (_segmenter is null || part.Span.Start <= whole.Span.End) return false;
            var between = _text.AsSpan(whole.Span.End, part.Span.Start - whole.Span.End).TrimStart(" ,(");
            foreach (var subset in _segmenter.Grammar.Subsets)
                if (between.StartsWith(subset, StringComparison.OrdinalIgnoreCase) && (between.Length == subset.Length || !char.IsLetter(between[subset.Length]))) return true;
            return false;
        }

        /// <summary>Where the passive marker ending [lo, end) starts, -1 when there is none, by (lo, end): a sentence's triggers look at the same windows.</summary>
        private readonly Dictionary<(int Lo, int End), int> _passiveMarkers = [];

        private int PassiveMarker(int lo, int end)
        {
            if (!_passiveMarkers.TryGetValue((lo, end), out var start))
                _passiveMarkers[(lo, end)] = start = _lexicon.Passive.Match(_text, lo, end - lo) is { Success: true } marker ? marker.Index : -1;
            return start;
        }

        /// <summary>How far back from a word a passive marker may begin ("avaient été tués ").</summary>
        private const int PassiveReach = 40;

        private bool IsPassive(TextSpan trigger, TextSpan sentence)
        {
            // The passive marker sits before the participle, the trigger's last word ("ont été visés").
            var lastWord = trigger.End;
            while (lastWord > trigger.Start && !char.IsWhiteSpace(_text[lastWord - 1])) lastWord--;
            return Before(_lexicon.Passive, lastWord, sentence.Start);
        }

        private bool SameActor(ActorMention a, ActorMention b) =>
            string.Equals(Key(a), Key(b), StringComparison.Ordinal) || (Generic(a) || Generic(b)) && _types.SameFamily(a.Kind, b.Kind);

        /// <summary>A plain noun ("les soldats") that may name an actor the text named before ("l'armée malienne").</summary>
        private static bool Generic(ActorMention a) => a.Entity is null && a.Country is null;

        /// <summary>How many different sides these actors are, a plain noun counting with a named actor of its kind.</summary>
        private int Sides(params ActorMention?[] actors)
        {
            var distinct = new List<ActorMention>();
            foreach (var a in actors.OfType<ActorMention>().OrderBy(Generic))
                if (!distinct.Any(d => SameActor(d, a))) distinct.Add(a);
            return distinct.Count;
        }

        private static string Key(ActorMention a) => (a.Name ?? a.Text).ToLowerInvariant();

        private void FindPlace(Draft draft, TextSpan sentence)
        {
            Entity? best = null;
            var bestScore = int.MaxValue;
            foreach (var place in _places)
            {
                if (place.Start < sentence.Start || place.End > sentence.End) continue;
                var distance = Distance(draft.Trigger, place.Start, place.End);
                if (!Before(_lexicon.PlaceCue, place.Start, sentence.Start)) distance += 200;
                if (place.GeoPrecision is null) distance += 400;
                if (distance < bestScore) (best, bestScore) = (place, distance);
            }
            if (best is not null) draft.Place = TownInside(best, draft, sentence);
            else if (CapitalNamed(sentence) is { } capital) draft.Place = capital;
            else if (!_types.IsVerbal(draft.Plover) && _focus is not null) (draft.Place, draft.PlaceFromFocus) = (_focus, true);
        }

        /// <summary>A time the event stage may date an event by: a time expression, or a day named from the day told before ("la veille").</summary>
        private readonly record struct DayWords(int Start, int End, string Text, string From, string To, string? Value, TimeGrain Grain);

        private readonly Dictionary<int, List<DayWords>> _sentenceTimes = [];

        /// <summary>The usable times of a sentence: "la veille", "the next day", "en fin de matinée" counted from the last single day named before them, and the time expressions they do not overlap.</summary>
        private List<DayWords> TimesIn(int s)
        {
            if (_sentenceTimes.TryGetValue(s, out var cached)) return cached;
            var sentence = _doc.Sentences[s];
            var found = new List<DayWords>();
            var count = _lexicon.RelativeDays.Count;
            Span<bool> possible = count <= 64 ? stackalloc bool[count] : new bool[count];
            _lexicon.RelativeDaysPossible(_text.AsSpan(sentence.Start, sentence.Length), possible);
            var relative = new List<(int Start, int Length, int Days, int Pattern)>();
            for (var r = 0; r < count; r++)
            {
                if (!possible[r]) continue;
                var (pattern, days) = _lexicon.RelativeDays[r];
                for (var m = pattern.Match(_text, sentence.Start, sentence.Length); m.Success; m = m.NextMatch())
                    relative.Add((m.Index, m.Length, days, r));
            }
            // In text order, so that one counts from another before it in the sentence ("A day later, … in a pre-dawn gunfight").
            relative.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Pattern.CompareTo(b.Pattern));
            foreach (var (start, length, days, _) in relative)
            {
                // A time expression that holds the phrase and more names its own day ("mercredi en fin d'après-midi").
                if (_doc.Times.Any(t => t.Start <= start && start + length <= t.End && t.End - t.Start > length)) continue;
                var anchor = _doc.Times.LastOrDefault(t => t.End <= start && Usable(t) && t.From![..10] == t.To![..10]);
                var anchorDay = anchor?.From![..10];
                if (found.LastOrDefault(d => d.End <= start) is { Text.Length: > 0 } told && (anchor is null || told.End >= anchor.End)) anchorDay = told.From;
                if (anchorDay is null || !DateOnly.TryParseExact(anchorDay, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) continue;
                var date = day.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                found.Add(new DayWords(start, start + length, _doc.Text[start..(start + length)], date, date, date, TimeGrain.Day));
            }
            foreach (var time in _doc.Times)
                if (time.Start >= sentence.Start && time.End <= sentence.End && Usable(time) && !found.Any(r => r.Start < time.End && time.Start < r.End)
                    && Told(time) is { } told)
                    found.Add(told);
            _sentenceTimes[s] = found;
            return found;
        }

        /// <summary>
        /// A time as a date for something told as done: not after the publication day ("killed in two days of clashes" read
        /// as a future day dates nothing), and cut at it ("overnight", "this week" stretching past it).
        /// </summary>
        private DayWords? Told(TimeExpression time)
        {
            string from = time.From![..10], to = time.To![..10];
            var value = time.Value;
            if (_published is { } day)
            {
                var published = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                if (string.CompareOrdinal(from, published) > 0) return null;
                if (string.CompareOrdinal(to, published) > 0) (to, value) = (published, null);
            }
            return new DayWords(time.Start, time.End, time.Text, from, to, from == to ? from : value, time.Grain);
        }

        /// <summary>Whether a quotation («…», "…") of the sentence holds this offset.</summary>
        private bool Quoted(int offset, TextSpan sentence)
        {
            var open = false;
            for (var i = sentence.Start; i < offset; i++)
                switch (_doc.Text[i])
                {
                    case '«' or '“': open = true; break;
                    case '»' or '”': open = false; break;
                    case '"': open = !open; break;
                }
            return open;
        }

        /// <summary>"near the capital's port", "dans la capitale": the capital of the country the article is about, when the article names it.</summary>
        private Entity? CapitalNamed(TextSpan sentence)
        {
            if (_focus?.Place is not { } focus || !_lexicon.Capital.IsMatch(_text.AsSpan(sentence.Start, sentence.Length))) return null;
            return _doc.Entities.FirstOrDefault(e => e.Type == EntityType.LOC && e.Place is { Feature: "PPLC" } p && p.Country == focus.Country);
        }

        /// <summary>
        /// A division named with its cue is often only where the town is: "un village du district de Macomia, dans la
        /// province du Cabo Delgado", "près d'Amadiya, dans la province de Duhok" — the town of that division named in
        /// the sentence (the nearest to the trigger) places the event more precisely.
        /// </summary>
        private Entity TownInside(Entity chosen, Draft draft, TextSpan sentence)
        {
            if (chosen.Place is not { Feature: "ADM1" } division) return chosen;
            return _places.Where(e => e.Start >= sentence.Start && e.End <= sentence.End && e.GeoPrecision is not null
                                      && e.Place is { } p && p.Feature != "ADM1" && p.Admin1 is not null && p.Country == division.Country && p.Admin1 == division.Admin1)
                .OrderBy(e => Math.Abs(e.Start - draft.Trigger.Start)).ThenBy(e => e.Start)
                .FirstOrDefault() ?? chosen;
        }

        private void FindDate(Draft draft, TextSpan sentence)
        {
            // A statement reported without a day is dated to the publication window, not to the paragraph's last date.
            var verbal = _types.IsVerbal(draft.Plover);
            var paragraphStart = _doc.Paragraphs.LastOrDefault(p => p.Span.Start <= sentence.Start)?.Span.Start ?? 0;
            DayWords? best = null;
            var bestDistance = int.MaxValue;
            DayWords? earlier = null;
            // A day inside a quotation belongs to what is quoted ("« jour et nuit », a-t-il déclaré"), not to an act told outside it.
            var triggerQuoted = Quoted(draft.Trigger.Start, sentence);
            foreach (var time in TimesIn(draft.Sentence))
            {
                if (!triggerQuoted && Quoted(time.Start, sentence)) continue;
                // "a interdit une marche prévue samedi": the day is the march's, not the ban's.
                if (Before(_lexicon.Scheduled, time.Start, sentence.Start)) continue;
                // The time after the trigger is preferred ("ont attaqué lundi"); one before it may be a dateline's.
                var distance = Distance(draft.Trigger, time.Start, time.End);
                if (distance < bestDistance) (best, bestDistance) = (time, distance);
            }
            if (best is null && !verbal)
                foreach (var time in _doc.Times)
                    if (Usable(time) && time.Start >= paragraphStart && time.End <= sentence.Start && Told(time) is { } told) earlier = told;
            if ((best ?? earlier) is { } chosen)
            {
                var oneDay = chosen.From == chosen.To;
                draft.Date = new EventDate(oneDay ? chosen.From : chosen.Value ?? chosen.From, oneDay ? TimeGrain.Day : chosen.Grain, chosen.From, chosen.To, chosen.Text, new TextSpan(chosen.Start, chosen.End));
                if (best is not null)
                {
                    (draft.DateFromText, draft.DateDistance) = (true, bestDistance);
                    draft.Direct++;
                }
            }
            else if (_published is { } day)
            {
                var published = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                draft.Date = new EventDate(published, TimeGrain.Day, day.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), published, null, null);
            }
        }

        /// <summary>How far time words are from a trigger: after it as written, before it doubled (one before may be a dateline's or another clause's).</summary>
        private static int Distance(TextSpan trigger, int start, int end) =>
            start >= trigger.End ? start - trigger.End : (trigger.Start - end) * 2;

        /// <summary>
        /// True when the time words nearest the trigger put it well before the article ("l'offensive lancée en avril 2019",
        /// "in July 2018", "Depuis le 24 février, plus de 5 400 civils ont été tués"): history or a running toll the article
        /// only recalls, which the gold set does not count as an event.
        /// </summary>
        private bool Background(Draft draft, TriggerForm form, TextSpan sentence)
        {
            // A statement is made now; what it recalls is its content, not its date. A deal or talks named by a noun are dated by
            // the time words next to it ("under a 2020 deal", "ended a ceasefire last November").
            if (_published is not { } published || _types.IsVerbal(draft.Plover) && form == TriggerForm.Verb) return false;
            if (Before(_lexicon.Renewed, draft.Trigger.Start, sentence.Start)) return false;
            var triggerQuoted = Quoted(draft.Trigger.Start, sentence);
            TimeExpression? nearest = null;
            var nearestDistance = int.MaxValue;
            foreach (var time in _doc.Times)
            {
                if (time.Start < sentence.Start || time.End > sentence.End || time.From is null) continue;
                if (!triggerQuoted && Quoted(time.Start, sentence)) continue;
                if (Before(_lexicon.Scheduled, time.Start, sentence.Start)) continue;
                var distance = Distance(draft.Trigger, time.Start, time.End);
                if (distance < nearestDistance) (nearest, nearestDistance) = (time, distance);
            }
            // Farther off, the time words belong to another clause ("a prolongé l'état d'urgence décrété en janvier").
            if (nearest is null || nearestDistance > BackgroundReach) return false;
            // An open interval ("depuis le 24 février", "since January") counts what has piled up since then.
            if (nearest.To is null) return string.CompareOrdinal(nearest.From, published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) < 0;
            return string.CompareOrdinal(LastDay(nearest.To), published.AddDays(-BackgroundDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) < 0;
        }

        /// <summary>The last day a "2019", "2019-04" or "2019-04-12..." names, comparable as text with a yyyy-MM-dd day.</summary>
        private static string LastDay(string to) => to.Length switch
        {
            4 => to + "-12-31",
            7 => to + "-31",
            _ => to[..Math.Min(10, to.Length)],
        };

        private static bool Usable(TimeExpression time)
        {
            if (time.From is not { Length: >= 10 } from || time.To is not { Length: >= 10 } to) return false;
            if (!DateOnly.TryParseExact(from[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var a)
                || !DateOnly.TryParseExact(to[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var b)) return false;
            return b.DayNumber - a.DayNumber <= LongestEventDays;
        }

        private void FindFatalities(Draft draft) => FindFatalities(draft, draft.Sentence);

        /// <summary>Whether nothing but spaces on one line stands between two sentences.</summary>
        private bool SameParagraph(int first, int second) =>
            _text.AsSpan(_doc.Sentences[first].End, _doc.Sentences[second].Start - _doc.Sentences[first].End).IndexOfAny('\n', '\r') < 0;

        /// <summary>The dead of an attack: the killed counts of <paramref name="sentence"/> added up, else its zero toll.</summary>
        private void FindFatalities(Draft draft, int sentence)
        {
            if (draft.Plover != "ASSAULT" && draft.Mode != "riot") return;
            var killed = _doc.Casualties.Where(c => c.Sentence == sentence && c.Category == CasualtyCategory.Killed).ToList();
            if (killed.Count > 0)
            {
                // ACLED adds the dead of one event up: "quatre soldats et au moins onze assaillants" is at least 15.
                var exact = killed.All(c => c.Best is not null);
                int? best = exact ? killed.Sum(c => c.Best!.Value) : null;
                int? low = !exact && killed.Any(c => c.Low is not null) ? killed.Sum(c => c.Low ?? c.Best ?? 0) : null;
                int? high = !exact && killed.All(c => c.High is not null || c.Best is not null) && killed.Any(c => c.High is not null)
                    ? killed.Sum(c => c.High ?? c.Best!.Value) : null;
                var span = new TextSpan(killed[0].Span.Start, killed[^1].Span.End);
                draft.Fatalities = new EventFatalities(best, low, high, _doc.Text[span.Start..span.End], span);
            }
            else if (_doc.Casualties.FirstOrDefault(c => c.Sentence == sentence && c.Best == 0) is { } zero)
                draft.Fatalities = new EventFatalities(0, null, null, zero.Text, zero.Span);
        }

        /// <summary>The first count of wounded in a sentence that counts no dead (nor casualties the text does not split), else null.</summary>
        private CasualtyMention? WoundedOnly(int sentence)
        {
            CasualtyMention? wounded = null;
            foreach (var c in _doc.Casualties)
            {
                if (c.Sentence != sentence) continue;
                if (c.Category is CasualtyCategory.Killed or CasualtyCategory.Casualties) return null;
                if (c.Category == CasualtyCategory.Wounded && (c.Best ?? c.Low ?? c.High) > 0) wounded ??= c;
            }
            return wounded;
        }

        /// <summary>Whether two tellings may be of one act: same type and polarity, and neither places nor days named in the text that differ.</summary>
        private bool Compatible(Draft into, Draft next)
        {
            if (into.Plover != next.Plover || into.Negated != next.Negated) return false;
            var placeKnown = into.Place is not null && !into.PlaceFromFocus && next.Place is not null && !next.PlaceFromFocus;
            if (placeKnown && into.Place!.Place!.Name != next.Place!.Place!.Name) return false;
            var datesKnown = into.DateFromText && next.DateFromText;
            return !datesKnown || string.CompareOrdinal(into.Date!.From, next.Date!.To) <= 0 && string.CompareOrdinal(next.Date.From, into.Date.To) <= 0;
        }

        private bool Mergeable(Draft into, Draft next)
        {
            if (into.Plover != next.Plover || into.Negated != next.Negated) return false;
            if (Sides(into.Actor1, into.Actor2, next.Actor1, next.Actor2) > 2) return false;
            // The victim of one attack named as the author of an attack of another kind is no party the two share: "soldiers were
            // killed in an ambush" and "an army drone strike killed civilians" are two acts.
            var crossedOnly = next.Plover == "ASSAULT" && into.Mode is not null && next.Mode is not null && into.Mode != next.Mode;
            var sharedActor = next.Actor1 is not null && (into.Actor1 is not null && SameActor(into.Actor1, next.Actor1) || !crossedOnly && into.Actor2 is not null && SameActor(into.Actor2, next.Actor1))
                              || next.Actor2 is not null && (!crossedOnly && into.Actor1 is not null && SameActor(into.Actor1, next.Actor2) || into.Actor2 is not null && SameActor(into.Actor2, next.Actor2));
            var placeKnown = into.Place is not null && !into.PlaceFromFocus && next.Place is not null && !next.PlaceFromFocus;
            var samePlace = placeKnown && into.Place!.Place!.Name == next.Place!.Place!.Name;
            if (placeKnown && !samePlace) return false;
            var datesKnown = into.DateFromText && next.DateFromText;
            var sameDate = datesKnown && string.CompareOrdinal(into.Date!.From, next.Date!.To) <= 0 && string.CompareOrdinal(next.Date.From, into.Date.To) <= 0;
            if (datesKnown && !sameDate) return false;
            // A vague span ("il y a moins d'une semaine") that holds the other's day does not say it is the same day.
            if (sameDate && (Vague(into.Date!) || Vague(next.Date!))) sameDate = false;
            var near = next.Sentence - into.LastSentence <= 1;
            // An act told again with neither a day nor a place of its own ("les raids auraient été menés par des
            // avions russes") adds to the incident already told, not a new one; statements are many and short.
            var retold = !_types.IsVerbal(next.Plover) && !next.DateFromText && (next.Place is null || next.PlaceFromFocus);
            return sharedActor || samePlace || sameDate || near || retold;
        }

        private static bool Vague(EventDate date) =>
            DateOnly.TryParseExact(date.From, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            && DateOnly.TryParseExact(date.To, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            && to.DayNumber - from.DayNumber > 2;

        private void Merge(Draft into, Draft next, bool withActors = true)
        {
            into.Mode ??= next.Mode;
            // Each actor keeps its side where that side is free: a victim told again does not become the attacker.
            foreach (var (actor, first) in new[] { (next.Actor1, true), (next.Actor2, false) })
            {
                if (!withActors) break;
                if (actor is null || into.Actor1 is not null && SameActor(into.Actor1, actor) || into.Actor2 is not null && SameActor(into.Actor2, actor)) continue;
                // A second victim of a violent act does not become its author ("des obus sont tombés sur un camp de déplacés" … "cinq personnes, dont deux enfants, ont été tuées").
                if (!first && actor.Kind == "civilians" && into.Actor2?.Kind == "civilians") continue;
                if (first ? into.Actor1 is null : into.Actor2 is not null) into.Actor1 ??= actor;
                else into.Actor2 ??= actor;
            }
            if (into.Place is null || into.PlaceFromFocus && next.Place is not null && !next.PlaceFromFocus)
                (into.Place, into.PlaceFromFocus) = (next.Place, next.PlaceFromFocus);
            if (!into.DateFromText && next.DateFromText) (into.Date, into.DateFromText) = (next.Date, true);
            into.Fatalities ??= next.Fatalities;
            into.Hedged |= next.Hedged;
            foreach (var source in next.Attribution)
                if (!into.Attribution.Contains(source)) into.Attribution.Add(source);
            foreach (var span in next.Evidence)
                if (!into.Evidence.Contains(span)) into.Evidence.Add(span);
            into.Direct = Math.Max(into.Direct, next.Direct);
            into.LastSentence = next.LastSentence;
        }

        private Event ToEvent(Draft d, int index)
        {
            var onCivilians = d.Actor2?.Kind == "civilians" || d.Actor2 is null && d.Actor1?.Kind == "civilians";
            var codes = _types.Codes(d.Plover, d.Mode, onCivilians);
            var found = (d.Actor1 is null ? 0 : 1) + (d.Actor2 is null ? 0 : 1) + (d.Place is null || d.PlaceFromFocus ? 0 : 1) + (d.DateFromText ? 1 : 0);
            var e = new Event
            {
                Id = $"{_doc.Id}#e{index + 1}",
                Plover = d.Plover,
                Mode = d.Mode,
                Acled = codes.Acled,
                Cameo = codes.Cameo,
                Actor1 = ToActor(d.Actor1),
                Actor2 = ToActor(d.Actor2),
                Location = d.Place is { Place: { } place } p ? new EventLocation(place, p.Text, new TextSpan(p.Start, p.End)) : null,
                GeoPrecision = d.Place is null ? null : d.PlaceFromFocus ? 3 : d.Place.GeoPrecision ?? 3,
                Date = d.Date,
                Fatalities = d.Fatalities,
                Hedged = d.Hedged,
                Negated = d.Negated,
                Trigger = d.Trigger,
                Confidence = Math.Min(0.95, 0.35 + 0.1 * found + 0.05 * d.Direct + (d.Evidence.Count > 1 ? 0.05 : 0)),
            };
            e.Attribution.AddRange(d.Attribution);
            e.Evidence.AddRange(d.Evidence.OrderBy(span => span.Start));
            return e;
        }

        private static EventActor? ToActor(ActorMention? a) =>
            a is null ? null : new EventActor(a.Text, a.Span, a.Name, a.Country, a.Kind, a.Code);
    }
}
