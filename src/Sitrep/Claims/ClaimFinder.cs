using System.Text.RegularExpressions;
using Sitrep.Entities;

namespace Sitrep.Claims;

/// <summary>
/// Reads one sentence into claim frames. The sentence is cut into clauses at the grammar's clause breaks
/// ("…, mais l'OSDH affirme…"); a clause is cut again around quotations (« … » and “…”, plain quotes once
/// folded) and after a threat cue ("menace de"). Sources are found per clause (outside quotations) and shared
/// by its pieces; a clause without one takes the sentence's source when that source opens or closes the
/// sentence ("Selon l'OSDH, …", "…, a déclaré X."). Hedging, negation and modality are read per piece.
/// </summary>
internal sealed class ClaimFinder(ClaimGrammar grammar, ClaimResources parties)
{
    private const int MaxSourceWords = 12;
    /// <summary>A subject before its verb is shorter than a phrase after it ("A spokesman for the provincial government said").</summary>
    private const int MaxSubjectWords = 8;

    /// <summary>The sources of the last sentence that named any: what "Il a ajouté" refers to.</summary>
    private IReadOnlyList<ClaimSource> _lastSources = [];
    /// <summary>Whether those sources' word was hedged ("L'OSDH a affirmé…"): it stays so in "Il a ajouté…".</summary>
    private bool _lastHedging;

    private sealed record Part(int Start, int End, List<ClaimSource> Sources, bool Hedging, bool OpensOrCloses);

    private readonly record struct Piece(int Start, int End, bool ForcedPlanned);

    /// <summary>The cues with a key word in the sentence at hand: the others cannot match and are not tried.</summary>
    private ulong _cues;

    private bool On(Cue cue) => (_cues & cue.Bit) != 0;

    private IEnumerable<Match> Matches(Cue cue, string input) => On(cue) ? cue.Regex.Matches(input) : [];

    public void Find(string text, string original, int sentenceIndex, TextSpan sentence, IReadOnlyList<Entity> entities,
        IReadOnlyList<Time.TimeExpression> times, List<ClaimFrame> frames)
    {
        _times = times;
        _cues = grammar.CuesIn(text, sentence.Start, sentence.End);
        // A quotation left open by the sentences before, in the same paragraph and not too far back, goes on here.
        if (_quotedSentences > 0 && (_quotedSentences > MaxQuotedSentences || text.AsSpan(_lastSentenceEnd, sentence.Start - _lastSentenceEnd).Contains('\n')))
        {
            _quotedSentences = 0;
            _pendingQuoted.Clear();
        }
        var continuesQuote = _quotedSentences > 0;
        var (quotes, closesQuote, leavesQuoteOpen) = Quotes(text, sentence, continuesQuote);
        var firstFrame = frames.Count;
        // Quotations masked (marks and all) so no cue is read inside reported words and they bound source phrases.
        var masked = text.ToCharArray(sentence.Start, sentence.Length);
        foreach (var quote in quotes)
            for (var i = quote.Start; i < quote.End; i++) masked[i - sentence.Start] = '"';
        var view = new string(masked);

        var parts = new List<Part>();
        var partStart = sentence.Start;
        foreach (var clauseBreak in Matches(grammar.ClauseBreaks, view))
        {
            var at = sentence.Start + clauseBreak.Index;
            if (at <= partStart) continue;
            parts.Add(NewPart(text, original, view, sentence, partStart, at, entities));
            partStart = sentence.Start + clauseBreak.Index + clauseBreak.Length;
        }
        parts.Add(NewPart(text, original, view, sentence, partStart, sentence.End, entities));

        // A clause without its own source is told by the sentence's source when it opens or closes the sentence.
        var sentenceSource = parts.Where(p => p.Sources.Count > 0 && p.OpensOrCloses).ToList() is { Count: 1 } framing ? framing[0] : null;
        foreach (var part in parts)
        {
            var sources = part.Sources.Count > 0 ? part.Sources : sentenceSource?.Sources ?? [];
            var hedging = part.Sources.Count > 0 ? part.Hedging : sentenceSource?.Hedging ?? false;
            foreach (var piece in Pieces(text, part, quotes))
                frames.Add(Frame(text, sentenceIndex, piece, sources, hedging));
            if (part.Sources.Count > 0) (_lastSources, _lastHedging) = (part.Sources, part.Hedging);
        }
        FollowQuotation(sentence, frames, firstFrame, parts, quotes, continuesQuote, closesQuote, leavesQuoteOpen);
    }

    private const int MaxQuotedSentences = 4;
    /// <summary>How many sentences an open quotation has run over (0: none open).</summary>
    private int _quotedSentences;
    private int _lastSentenceEnd;
    /// <summary>Frames inside a quotation still open, without a source: they get the speaker named where it closes.</summary>
    private readonly List<int> _pendingQuoted = [];

    /// <summary>
    /// « Nous avons perdu quatre hommes. Les assaillants étaient plus de cent », a déclaré un officier: the
    /// sentences of a quotation over several sentences take the source named after it closes.
    /// </summary>
    private void FollowQuotation(TextSpan sentence, List<ClaimFrame> frames, int firstFrame, List<Part> parts, List<TextSpan> quotes,
        bool continuesQuote, bool closesQuote, bool leavesQuoteOpen)
    {
        _lastSentenceEnd = sentence.End;
        if (continuesQuote && !closesQuote)
        {
            for (var i = firstFrame; i < frames.Count; i++) _pendingQuoted.Add(i);
            _quotedSentences++;
            return;
        }
        if (continuesQuote && parts.FirstOrDefault(p => p.Sources.Count > 0) is { } speaker)
            foreach (var i in _pendingQuoted)
                if (frames[i].Sources.Count == 0)
                    frames[i] = frames[i] with { Sources = speaker.Sources, Hedged = frames[i].Hedged || speaker.Hedging };
        _pendingQuoted.Clear();
        _quotedSentences = 0;
        if (!leavesQuoteOpen) return;
        var opened = quotes[^1].Start;
        for (var i = firstFrame; i < frames.Count; i++)
            if (frames[i].Span.Start >= opened) _pendingQuoted.Add(i);
        _quotedSentences = 1;
    }

    private IReadOnlyList<Time.TimeExpression> _times = [];

    private ClaimFrame Frame(string text, int sentenceIndex, Piece piece, IReadOnlyList<ClaimSource> sources, bool hedgingSources)
    {
        var span = Trim(text, piece.Start, piece.End);
        // ", a déclaré X." after a quotation: the frame starts at its first word.
        while (span.Length > 1 && text[span.Start] is ',' or ';' or ':') span = Trim(text, span.Start + 1, span.End);
        var pieceText = text[span.Start..span.End];
        var hedged = hedgingSources || grammar.Hedges.Any(h => On(h) && h.Regex.IsMatch(pieceText));
        var modality = piece.ForcedPlanned ? ClaimModality.Planned : Modality(pieceText);
        // "Gunmen killed 12 people on Sunday in Zamfara, where such attacks are common": a dated day tells one occurrence.
        if (modality == ClaimModality.Generic && _times.Any(t => t.Start >= span.Start && t.End <= span.End && t.Grain <= Time.TimeGrain.Day && t.Value is not null))
            modality = ClaimModality.Asserted;
        return new ClaimFrame(span, sentenceIndex, sources, hedged, modality, Negated(text, span));
    }

    private ClaimModality Modality(string piece)
    {
        if (piece.Contains('?') || On(grammar.QuestionCues) && grammar.QuestionCues.Regex.IsMatch(piece)) return ClaimModality.Question;
        if (On(grammar.HypotheticalOpeners) && grammar.HypotheticalOpeners.Regex.IsMatch(piece) || grammar.Hypothetical.Any(r => On(r) && r.Regex.IsMatch(piece))) return ClaimModality.Hypothetical;
        if (grammar.Planned.Any(r => On(r) && r.Regex.IsMatch(piece))) return ClaimModality.Planned;
        if (grammar.Generic.Any(r => On(r) && r.Regex.IsMatch(piece))) return ClaimModality.Generic;
        return ClaimModality.Asserted;
    }

    /// <summary>Negated predicates (particle to the end of its clause) and denied complements, merged where they overlap.</summary>
    private List<TextSpan> Negated(string text, TextSpan piece)
    {
        var spans = new List<TextSpan>();
        foreach (var negation in grammar.Negations.Where(On))
            for (var m = negation.Regex.Match(text, piece.Start, piece.Length); m.Success; m = m.NextMatch())
            {
                // "n'a fait aucune victime", "no injuries were reported": a zero toll, not a negated act.
                var firstWordEnd = text.IndexOfAny([' ', '\n', '\t'], m.Index, m.Length) is var space and >= 0 ? space : m.Index + m.Length;
                if (grammar.ZeroToll.IsMatch(text, m.Index + m.Length) || grammar.ZeroToll.IsMatch(text, firstWordEnd)) continue;
                spans.Add(ScopeFrom(text, m.Index, m.Index + m.Length, piece));
            }
        for (var m = On(grammar.DenialVerbs) ? grammar.DenialVerbs.Regex.Match(text, piece.Start, piece.Length) : Match.Empty; m.Success; m = m.NextMatch())
        {
            var complement = ScopeFrom(text, m.Index + m.Length, m.Index + m.Length, piece);
            var trimmed = Trim(text, complement.Start, complement.End);
            if (trimmed.Length > 0) spans.Add(trimmed);
        }
        spans.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<TextSpan>();
        foreach (var span in spans)
            if (merged.Count > 0 && span.Start <= merged[^1].End) merged[^1] = merged[^1] with { End = Math.Max(merged[^1].End, span.End) };
            else merged.Add(span);
        return merged;
    }

    /// <summary>From <paramref name="start"/> to the first scope end after <paramref name="searchFrom"/>, within the piece.</summary>
    private TextSpan ScopeFrom(string text, int start, int searchFrom, TextSpan piece)
    {
        var end = grammar.ScopeEnds.Match(text, searchFrom, piece.End - searchFrom) is { Success: true } stop ? stop.Index : piece.End;
        return Trim(text, start, end);
    }

    private Part NewPart(string text, string original, string view, TextSpan sentence, int start, int end, IReadOnlyList<Entity> entities)
    {
        var sources = new List<ClaimSource>();
        var hedging = false;
        var local = view.Substring(start - sentence.Start, end - start);
        var taken = Matches(grammar.NotSources, local).Select(m => new TextSpan(start + m.Index, start + m.Index + m.Length)).ToList();
        bool Free(int from, int to) => !taken.Any(t => from < t.End && t.Start < to);

        void Add(int from, int phraseFrom, int phraseTo, int to, bool hedges)
        {
            var span = Trim(text, from, to);
            if (span.Length == 0 || !Free(span.Start, span.End)) return;
            var phrase = Trim(text, phraseFrom, phraseTo);
            if (grammar.ContinuationSubject.IsMatch(text[phrase.Start..phrase.End]))
            {
                // "Il a ajouté": the speaker of the sentences before, when there was one.
                taken.Add(span);
                foreach (var previous in _lastSources) if (!sources.Contains(previous)) sources.Add(previous);
                hedging |= _lastSources.Count > 0 && _lastHedging;
                return;
            }
            var (canonical, party) = Canonical(text, phrase, entities);
            taken.Add(span);
            sources.Add(new ClaimSource(original[span.Start..span.End], span, canonical));
            hedging |= hedges || party;
        }

        foreach (var (introducers, hedges) in new[] { (grammar.HedgingIntroducers, true), (grammar.Introducers, false) })
            foreach (var m in Matches(introducers, local))
            {
                var from = start + m.Index;
                var phraseEnd = PhraseForward(text, view, sentence, start + m.Index + m.Length, end);
                Add(from, start + m.Index + m.Length, phraseEnd, phraseEnd, hedges);
            }
        foreach (var m in Matches(grammar.QuotedBy, local))
        {
            var subjectStart = PhraseBackward(view, sentence, start, start + m.Index);
            if (subjectStart is not { } subject) continue;
            Add(subject, subject, start + m.Index, NameEnd(text, start + m.Index + m.Length, end), false);
        }
        foreach (var m in Matches(grammar.ReportingVerbs, local))
        {
            var verbStart = start + m.Index;
            var verbEnd = verbStart + m.Length;
            var verb = m.Value[(m.Value.LastIndexOfAny([' ', '\t', '\n']) + 1)..];
            var claims = grammar.ClaimingVerbs.Contains(verb);
            var auxiliary = m.Value.Length > verb.Length ? m.Value[..(m.Value.Length - verb.Length)].Trim() : "";
            if (auxiliary.Length > 0 && grammar.ContinuationSubject.IsMatch(auxiliary))
            {
                Add(verbStart, verbStart, verbStart + auxiliary.Length, verbEnd, claims);
                continue;
            }
            var before = PreviousVisible(view, sentence, start, verbStart);
            if (before == ',' && NamedBeforeApposition(text, view, sentence, start, verbStart, entities) is { } namedEnd)
            {
                // "Le colonel Issa Traoré, porte-parole de l'armée, a confirmé…": the name before the apposition speaks.
                Add(start, start, namedEnd, verbEnd, claims);
                continue;
            }
            if (before is ',' or '"' or '\0')
            {
                // Inverted: "…, a indiqué à l'AFP un responsable local."
                // Only when the phrase closes the clause or names someone: "…, a annoncé l'envoi de renforts « … » et …" is no inversion.
                var phraseStart = SkipChannel(text, verbEnd, end);
                var phraseEnd = PhraseForward(text, view, sentence, phraseStart, end);
                var phrase = Trim(text, phraseStart, phraseEnd);
                // "…, a indiqué le porte-parole de la coalition, le colonel Daniel Whitacre.": an apposition that closes the clause joins the phrase.
                if (phrase.Length > 0 && phraseEnd < end && text[phraseEnd] == ',' && PhraseForward(text, view, sentence, phraseEnd + 1, end) is var appositionEnd
                    && !HasLetter(text, appositionEnd, end))
                    phraseEnd = appositionEnd;
                if (phrase.Length > 0 && (!HasLetter(text, phraseEnd, end) || Names(phrase, entities)))
                {
                    Add(verbStart, phraseStart, phraseEnd, phraseEnd, claims);
                    continue;
                }
            }
            // "Le porte-parole, le colonel X, a déclaré que…": with nothing between the comma and the verb, the segment before the comma speaks.
            var subjectEnd = before == ',' && view.LastIndexOf(',', verbStart - 1 - sentence.Start, verbStart - start) is var comma and >= 0
                ? sentence.Start + comma
                : before == ')' && AcronymBefore(view, sentence, start, verbStart) is { } open ? open : verbStart;
            // The segment before the comma speaks only when it names someone (not "Deux employés ont été blessés, a indiqué").
            if (subjectEnd != verbStart && !(PhraseBackward(view, sentence, start, subjectEnd) is { } named && Names(new TextSpan(named, subjectEnd), entities))) continue;
            if (PhraseBackward(view, sentence, start, subjectEnd) is { } subjectStart && IsSubject(text[subjectStart..subjectEnd]))
            {
                var channelEnd = SkipChannel(text, verbEnd, end);
                Add(subjectStart, subjectStart, subjectEnd, channelEnd > verbEnd ? channelEnd : verbEnd, claims);
            }
        }
        sources.Sort((a, b) => a.Span.Start.CompareTo(b.Span.Start));
        var trimmedSentence = Trim(text, sentence.Start, sentence.End);
        var opensOrCloses = sources.Any(s => s.Span.Start - trimmedSentence.Start <= 1
                                             || Trim(text, s.Span.End, sentence.End).Length <= 1);
        return new Part(start, end, sources, hedging, opensOrCloses);
    }

    /// <summary>
    /// Where the name that opens the clause ends, when the clause is "Name, apposition, verb": a person,
    /// organisation or group that reaches the first comma, with exactly one more comma before the verb.
    /// </summary>
    private static int? NamedBeforeApposition(string text, string view, TextSpan sentence, int clauseStart, int verbStart, IReadOnlyList<Entity> entities)
    {
        // Commas of the clause outside quotations (masked in the view).
        var local = view.AsSpan(clauseStart - sentence.Start, verbStart - clauseStart);
        var firstComma = local.IndexOf(',');
        if (firstComma <= 0 || local[(firstComma + 1)..].IndexOf(',') is var second && second < 0
            || local[(firstComma + second + 2)..].IndexOf(',') >= 0) return null;
        var head = Trim(text, clauseStart, clauseStart + firstComma);
        foreach (var entity in entities)
            if (entity.Type is EntityType.PERSON or EntityType.ORG or EntityType.GROUP && entity.Start >= head.Start && entity.End == head.End)
                return head.End;
        return null;
    }

    private static bool Names(TextSpan phrase, IReadOnlyList<Entity> entities) =>
        entities.Any(e => e.Type is EntityType.PERSON or EntityType.ORG or EntityType.GROUP && e.Start >= phrase.Start && e.End <= phrase.End);

    /// <summary>The end of a source phrase that starts at <paramref name="from"/>: punctuation, a quotation, a word that ends it, or too many words.</summary>
    private int PhraseForward(string text, string view, TextSpan sentence, int from, int end)
    {
        var words = 0;
        var inWord = false;
        var stop = grammar.PhraseEnds.Match(view, from - sentence.Start, end - from) is { Success: true } word ? sentence.Start + word.Index : end;
        for (var i = from; i < stop; i++)
        {
            var c = view[i - sentence.Start];
            if (c is ',' or ';' or ':' or '"' or '(' or ')' or '?' or '!' || (c == '.' && (i + 1 >= end || char.IsWhiteSpace(text[i + 1])))) return i;
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord)
            {
                inWord = true;
                if (++words > MaxSourceWords) return i;
            }
        }
        return stop;
    }

    /// <summary>Where the subject before <paramref name="to"/> starts (after the last punctuation in the clause); null when it is empty or too long to be one.</summary>
    private int? PhraseBackward(string view, TextSpan sentence, int clauseStart, int to)
    {
        var from = to;
        while (from > clauseStart && view[from - 1 - sentence.Start] is not (',' or ';' or ':' or '"' or '(' or ')')) from--;
        // "…has denied carrying out strikes and said", "…and that it was reviewing reports": the subject starts after the last such word.
        var segmentStart = from;
        foreach (Match word in grammar.SubjectBreaks.Matches(view.Substring(segmentStart - sentence.Start, to - segmentStart)))
            from = segmentStart + word.Index + word.Length;
        var subject = view.Substring(from - sentence.Start, to - from);
        var words = subject.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // "…sanctions on a company it said was…": the pronoun is the subject, and who it is cannot be told here.
        if (words.Length > 1 && grammar.ContinuationSubject.IsMatch(words[^1])) return null;
        return words.Length is > 0 and <= MaxSubjectWords ? from : null;
    }

    /// <summary>Not a subject when it ends with a determiner ("l'annonce", "the reported attack") or a passive auxiliary ("were reported").</summary>
    private bool IsSubject(string subject)
    {
        var words = subject.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return false;
        var last = words[^1];
        var apostrophe = last.LastIndexOf('\'');
        if (apostrophe >= 0 && apostrophe == last.Length - 1) return false;
        // "rejected claims that…": the verb is a noun after a denial; "No group claimed…", "aucun groupe n'a revendiqué": nobody speaks.
        return !grammar.NotSubjectEndings.Contains(last) && !grammar.DenialVerbs.Regex.IsMatch(last) && !grammar.NotSubjectStarts.Contains(words[0]);
    }

    /// <summary>The end of the name after "cités par", "quoted by": capitalised words and the articles before them ("l'AFP", "the Associated Press").</summary>
    private int NameEnd(string text, int from, int end)
    {
        var last = from;
        var i = from;
        while (i < end)
        {
            while (i < end && char.IsWhiteSpace(text[i])) i++;
            var wordStart = i;
            while (i < end && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '-' or '.' && i + 1 < end && char.IsLetter(text[i + 1]))) i++;
            if (i == wordStart) break;
            var word = text[wordStart..i];
            var afterElision = word.IndexOf('\'') is var apostrophe and >= 0 ? word[(apostrophe + 1)..] : word;
            if (afterElision.Length > 0 && char.IsUpper(afterElision[0])) last = i;
            else if (!grammar.NotSubjectEndings.Contains(word)) break;
        }
        return last;
    }

    private int SkipChannel(string text, int from, int end) =>
        grammar.Channels.Match(text, from, end - from) is { Success: true } channel && text.AsSpan(from, channel.Index - from).IsWhiteSpace()
            ? channel.Index + channel.Length
            : from;

    /// <summary>
    /// Where a short bracketed name right before <paramref name="at"/> opens: "the Syrian Observatory for Human
    /// Rights (SOHR) said", "l'OSDH (Observatoire syrien) a indiqué": the name before the brackets speaks.
    /// </summary>
    private static int? AcronymBefore(string view, TextSpan sentence, int clauseStart, int at)
    {
        var close = view.LastIndexOf(')', at - 1 - sentence.Start, at - clauseStart);
        if (close < 0) return null;
        var open = view.LastIndexOf('(', close, close - (clauseStart - sentence.Start) + 1);
        if (open < 0) return null;
        var inside = view.AsSpan(open + 1, close - open - 1);
        return inside.Trim().Length > 0 && inside.Count(' ') <= 3 && inside.IndexOfAny(",;:\"") < 0 ? sentence.Start + open : null;
    }

    private static char PreviousVisible(string view, TextSpan sentence, int clauseStart, int at)
    {
        for (var i = at - 1; i >= clauseStart; i--)
            if (!char.IsWhiteSpace(view[i - sentence.Start])) return view[i - sentence.Start];
        return '\0';
    }

    /// <summary>The canonical name of the first person, organisation or group named in the phrase (not in a channel such as "à l'AFP"), and whether it is a party to a conflict.</summary>
    private (string? Canonical, bool Party) Canonical(string text, TextSpan phrase, IReadOnlyList<Entity> entities)
    {
        var channels = grammar.Channels.Matches(text[phrase.Start..phrase.End]).Select(m => new TextSpan(phrase.Start + m.Index, phrase.Start + m.Index + m.Length)).ToList();
        foreach (var entity in entities)
        {
            if (entity.Start < phrase.Start || entity.End > phrase.End) continue;
            if (entity.Type is not (EntityType.ORG or EntityType.GROUP or EntityType.PERSON)) continue;
            if (channels.Any(c => entity.Start < c.End && c.Start < entity.End) || entity.QualifiesNextWord(text)) continue;
            return (entity.Canonical, entity.Kind is { } kind && parties.Kinds.Contains(kind) && !parties.NotParties.Contains(entity.Canonical));
        }
        return (null, false);
    }

    /// <summary>Pairs of quotation marks in the sentence (folded: all plain), as spans with their marks.</summary>
    /// <summary>
    /// Pairs of quotation marks in the sentence (folded: all plain), as spans with their marks. A quotation open
    /// from before runs from the sentence's start to its first mark (or the whole sentence); one left open runs to the end.
    /// </summary>
    private static (List<TextSpan> Quotes, bool Closes, bool LeavesOpen) Quotes(string text, TextSpan sentence, bool continues)
    {
        var quotes = new List<TextSpan>();
        var open = continues ? sentence.Start : -1;
        var closes = false;
        for (var i = sentence.Start; i < sentence.End; i++)
        {
            if (text[i] != '"') continue;
            if (open < 0) open = i;
            else
            {
                closes |= continues && quotes.Count == 0;
                quotes.Add(new TextSpan(open, i + 1));
                open = -1;
            }
        }
        if (open >= 0) quotes.Add(new TextSpan(open, sentence.End));
        return (quotes, closes, open >= 0 && !(continues && !closes));
    }

    /// <summary>The part cut around its quotations and after a threat cue, keeping only pieces with a letter.</summary>
    private IEnumerable<Piece> Pieces(string text, Part part, List<TextSpan> quotes)
    {
        var cuts = new List<Piece>();
        var at = part.Start;
        foreach (var quote in quotes)
        {
            if (quote.Start < part.Start || quote.End > part.End) continue;
            if (quote.Start > at) cuts.Add(new Piece(at, quote.Start, false));
            cuts.Add(new Piece(quote.Start, quote.End, false));
            at = quote.End;
        }
        if (at < part.End) cuts.Add(new Piece(at, part.End, false));
        var any = false;
        foreach (var cut in cuts)
        {
            if (!HasLetter(text, cut.Start, cut.End)) continue;
            any = true;
            // "menace de frapper Gaza", "un accord prévoyant la livraison de drones": the threat or the deal is told as done, what
            // it threatens or provides for is planned.
            if (FirstMatch(text, cut, grammar.ThreatCues, grammar.ProvisionCues) is { } cue && HasLetter(text, cue.Index + cue.Length, cut.End))
            {
                yield return cut with { End = cue.Index + cue.Length };
                yield return new Piece(cue.Index + cue.Length, cut.End, true);
            }
            else yield return cut;
        }
        if (!any) yield return new Piece(part.Start, part.End, false);
    }

    /// <summary>The earliest match in the piece of any of these cues, null when none matches.</summary>
    private Match? FirstMatch(string text, Piece cut, params Cue[] cues)
    {
        Match? first = null;
        foreach (var cue in cues)
            if (On(cue) && cue.Regex.Match(text, cut.Start, cut.End - cut.Start) is { Success: true } m && (first is null || m.Index < first.Index))
                first = m;
        return first;
    }

    private static bool HasLetter(string text, int start, int end)
    {
        for (var i = start; i < end; i++)
            if (char.IsLetter(text[i])) return true;
        return false;
    }

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextSpan(start, end);
    }
}
