namespace Sitrep.Quantities;

/// <summary>
/// Finds casualty phrases in one sentence with a language's <see cref="CasualtyGrammar"/>: the
/// sentence is skipped unless it holds a word that says what happened; otherwise it is tokenized,
/// its numbers found, and the patterns tried in the order written, each count and each trigger
/// word serving one phrase only.
/// </summary>
public static class CasualtyExtractor
{
    [ThreadStatic] private static Scratch? _scratch;

    private sealed class Scratch
    {
        public readonly List<QuantityToken> Tokens = [];
        public readonly List<NumberMention> Numbers = [];
        public readonly List<CasualtyMention> Found = [];
        public int[] NumberAt = new int[64];
        public bool[] Claimed = new bool[64];
        public bool[] CountStart = new bool[64];
        public ulong[] PatternsStarting = new ulong[64];
        public readonly MatchMemo Memo = new();
    }

    /// <summary>Whether [start, end) holds a word that starts an outcome phrase ("tués", "killed", "bilan").</summary>
    public static bool MayHoldCasualties(string text, int start, int end, CasualtyGrammar grammar)
    {
        var lookup = grammar.TriggerWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var i = start;
        while (i < end)
        {
            if (!char.IsLetter(text[i])) { i++; continue; }
            var from = i;
            while (i < end && char.IsLetter(text[i])) i++;
            if ((grammar.TriggerLengths >> Math.Min(i - from, 63) & 1) != 0 && lookup.Contains(text.AsSpan(from, i - from))) return true;
        }
        return false;
    }

    /// <param name="text">The folded text the patterns are matched on.</param>
    /// <param name="original">The text the mentions quote (same offsets).</param>
    /// <param name="excluded">Ranges whose numbers count no people (dates and times found earlier).</param>
    public static void Extract(string text, string original, int start, int end, int sentence, CasualtyGrammar grammar,
        IReadOnlyList<TextSpan> excluded, List<CasualtyMention> output)
    {
        if (!MayHoldCasualties(text, start, end, grammar)) return;
        var scratch = _scratch ??= new Scratch();
        var tokens = scratch.Tokens;
        tokens.Clear();
        scratch.Numbers.Clear();
        scratch.Found.Clear();
        QuantityTokenizer.Tokenize(text, start, end, tokens);
        NumberRecognizer.Recognize(text, tokens, grammar.Numbers, scratch.Numbers);
        if (scratch.NumberAt.Length < tokens.Count + 1)
        {
            scratch.NumberAt = new int[tokens.Count * 2 + 1];
            scratch.Claimed = new bool[tokens.Count * 2 + 1];
            scratch.CountStart = new bool[tokens.Count * 2 + 1];
            scratch.PatternsStarting = new ulong[tokens.Count * 2 + 1];
        }
        Array.Fill(scratch.NumberAt, -1, 0, tokens.Count + 1);
        Array.Clear(scratch.Claimed, 0, tokens.Count + 1);
        for (var n = 0; n < scratch.Numbers.Count; n++)
        {
            var number = scratch.Numbers[n];
            var inTime = false;
            foreach (var span in excluded)
                if (span.Start < number.End && number.Start < span.End) { inTime = true; break; }
            if (!inTime) scratch.NumberAt[number.FirstToken] = n;
        }

        var index = grammar.Index;
        // The patterns that may start at some token: the others are skipped whole, not asked at every token.
        var startingAnywhere = 0UL;
        for (var t = 0; t < tokens.Count; t++)
            startingAnywhere |= scratch.PatternsStarting[t] = index.StartsAt(tokens[t], scratch.NumberAt[t] >= 0, out scratch.CountStart[t]);
        if (startingAnywhere == 0) return;
        scratch.Memo.Reset(tokens.Count, index.MemoSlots);
        var matcher = new PatternMatcher(tokens, scratch.Numbers, scratch.NumberAt, scratch.CountStart, grammar, scratch.Memo);
        for (var p = 0; p < grammar.Patterns.Count; p++)
        {
            var pattern = grammar.Patterns[p];
            var bit = p < PatternIndex.Indexed ? 1UL << p : ulong.MaxValue;
            if ((startingAnywhere & bit) == 0) continue;
            for (var t = 0; t < tokens.Count; t++)
            {
                if ((scratch.PatternsStarting[t] & bit) == 0) continue;
                var captures = Captures.Empty;
                if (!matcher.Match(pattern.Elements, 0, t, ref captures) || captures.First != t) continue;
                var count = captures.Count;
                if (Claimed(scratch.Claimed, count.FirstToken, count.NextToken) || Claimed(scratch.Claimed, captures.TriggerFirst, captures.TriggerNext)) continue;
                // "un", "a" count one person only when a victim noun or the outcome noun itself follows ("un soldat", "un mort").
                if (count.Article && captures.VictimFirst < 0 && captures.TriggerFirst != count.NextToken) continue;
                Claim(scratch.Claimed, count.FirstToken, count.NextToken);
                Claim(scratch.Claimed, captures.TriggerFirst, captures.TriggerNext);
                scratch.Found.Add(Mention(original, tokens, captures, sentence));
                // "trois policiers et un civil ont été blessés": counts joined before this one share its outcome, but only
                // where the outcome follows a victim as a verb does ("3 000 déplacés et 20 morts" joins nothing).
                var joins = count.FirstToken == captures.First && captures.VictimFirst >= 0 && captures.TriggerFirst > captures.VictimFirst;
                var joinedAt = captures.First;
                while (joins && joinedAt > 0 && grammar.Coordinators.Contains(tokens[joinedAt - 1].Key)
                    && matcher.Conjunct(joinedAt - 1, out var joined) && !Claimed(scratch.Claimed, joined.Count.FirstToken, joined.Count.NextToken))
                {
                    AddJoined(scratch, original, joined, captures, sentence);
                    joinedAt = joined.First;
                }
                // "killing three paramilitaries and a police constable": counts joined after a verb's count and its victim by a word share its
                // outcome ("killing eight passengers, two residents said" joins nothing).
                var next = captures.Next;
                var verbFirst = captures.TriggerFirst < count.FirstToken && captures.VictimFirst >= 0;
                while (verbFirst && next + 1 < tokens.Count && tokens[next].Kind == TokenKind.Word && grammar.Coordinators.Contains(tokens[next].Key)
                    && matcher.ConjunctAt(next + 1, out var following) && !Claimed(scratch.Claimed, following.Count.FirstToken, following.Count.NextToken))
                {
                    AddJoined(scratch, original, following, captures, sentence);
                    next = following.Next;
                }
            }
        }
        scratch.Found.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Trigger.Start.CompareTo(b.Trigger.Start));
        for (var k = 0; k < scratch.Found.Count; k++)
        {
            var mention = scratch.Found[k];
            // "killing 5 soldiers and wounding 7": a count without a victim right after one with a victim shares it.
            if (mention.Victim is null && k > 0 && scratch.Found[k - 1] is { Victim: not null } previous
                && mention.Span.Start - previous.Span.End is >= 0 and <= 8)
                mention = mention with { Victim = previous.Victim, VictimClass = previous.VictimClass };
            output.Add(mention);
        }
    }

    /// <summary>A count joined to a matched one: it takes that one's outcome.</summary>
    private static void AddJoined(Scratch scratch, string original, Captures joined, Captures by, int sentence)
    {
        Claim(scratch.Claimed, joined.Count.FirstToken, joined.Count.NextToken);
        joined.Category = by.Category;
        joined.TriggerFirst = by.TriggerFirst;
        joined.TriggerNext = by.TriggerNext;
        scratch.Found.Add(Mention(original, scratch.Tokens, joined, sentence));
    }

    private static bool Claimed(bool[] claimed, int from, int to)
    {
        for (var i = from; i < to; i++)
            if (claimed[i]) return true;
        return false;
    }

    private static void Claim(bool[] claimed, int from, int to)
    {
        for (var i = from; i < to; i++) claimed[i] = true;
    }

    private static CasualtyMention Mention(string original, List<QuantityToken> tokens, Captures c, int sentence)
    {
        var span = new TextSpan(tokens[c.First].Start, tokens[c.Next - 1].End);
        var victimClass = VictimClass.Unknown;
        string? victim = null;
        if (c.VictimFirst >= 0)
        {
            victim = original[tokens[c.VictimFirst].Start..tokens[c.VictimNext - 1].End];
            CasualtyGrammar.TryVictimClass(c.VictimValue ?? "unknown", out victimClass);
        }
        var count = c.Count;
        return new CasualtyMention(
            Enum.Parse<CasualtyCategory>(c.Category!, true),
            count.Best, count.Low, count.High, count.Approximate, count.Unknown,
            victim, victimClass, sentence, span,
            count.NumberStart >= 0 ? new TextSpan(count.NumberStart, count.NumberEnd) : null,
            new TextSpan(tokens[c.TriggerFirst].Start, tokens[c.TriggerNext - 1].End),
            original[span.Start..span.End]);
    }
}

/// <summary>What a count says: the figure, or its bounds, and where its number is.</summary>
internal struct CountRead
{
    public int FirstToken, NextToken;
    public int NumberStart, NumberEnd;
    public int? Best, Low, High;
    public bool Approximate, Unknown, Article;
}

/// <summary>What a pattern matched: its tokens, count, trigger (category) and victim.</summary>
internal struct Captures
{
    public int First, Next;
    public CountRead Count;
    public int TriggerFirst, TriggerNext;
    public string? Category;
    public int VictimFirst, VictimNext;
    public string? VictimValue;

    public static Captures Empty => new() { First = -1, TriggerFirst = -1, VictimFirst = -1 };

    public void Took(int from, int to)
    {
        if (First < 0) First = from;
        Next = to;
    }
}

/// <summary>Matches pattern elements against tokens by backtracking (patterns and sentences are short).</summary>
/// <summary>
/// What the matcher found at each token of the sentence at hand, kept because patterns ask again at the same
/// tokens: the longest phrase of each word class, the count, whether an outcome starts there. Entries of an
/// earlier sentence are told apart by their generation, so nothing is cleared between sentences.
/// </summary>
internal sealed class MatchMemo
{
    private int _generation;
    private int _tokens;
    private int[] _phraseStamp = [], _phraseLength = [];
    private string?[] _phraseValue = [];
    private int[] _countStamp = [], _outcomeStamp = [];
    private bool[] _countFound = [], _outcomeFound = [];
    private CountRead[] _count = [];

    public void Reset(int tokens, int slots)
    {
        _generation++;
        _tokens = tokens;
        if (_phraseStamp.Length < tokens * slots)
        {
            var size = tokens * slots * 2;
            (_phraseStamp, _phraseLength, _phraseValue) = (new int[size], new int[size], new string?[size]);
        }
        if (_countStamp.Length < tokens)
        {
            var size = tokens * 2;
            (_countStamp, _outcomeStamp, _countFound, _outcomeFound, _count) = (new int[size], new int[size], new bool[size], new bool[size], new CountRead[size]);
        }
    }

    public int Phrase(PhraseTable<string> table, IReadOnlyList<QuantityToken> tokens, int at, out string value)
    {
        if (table.MemoSlot < 0 || at >= _tokens) return table.Match(tokens, at, out value);
        var i = table.MemoSlot * _tokens + at;
        if (_phraseStamp[i] != _generation)
        {
            _phraseLength[i] = table.Match(tokens, at, out var found);
            _phraseValue[i] = found;
            _phraseStamp[i] = _generation;
        }
        value = _phraseValue[i]!;
        return _phraseLength[i];
    }

    public bool KnownCount(int at, out bool found, out CountRead count)
    {
        var known = _countStamp[at] == _generation;
        found = known && _countFound[at];
        count = known ? _count[at] : default;
        return known;
    }

    public void KeepCount(int at, bool found, CountRead count)
    {
        (_countStamp[at], _countFound[at], _count[at]) = (_generation, found, count);
    }

    public bool KnownOutcome(int at, out bool found)
    {
        var known = _outcomeStamp[at] == _generation;
        found = known && _outcomeFound[at];
        return known;
    }

    public void KeepOutcome(int at, bool found)
    {
        (_outcomeStamp[at], _outcomeFound[at]) = (_generation, found);
    }
}

internal readonly struct PatternMatcher(List<QuantityToken> tokens, List<NumberMention> numbers, int[] numberAt, bool[] countStart, CasualtyGrammar grammar, MatchMemo memo)
{
    /// <summary>A repeated element ("{aux}*") takes at most this many phrases ("auraient été", "had reportedly been"), which bounds the backtracking.</summary>
    private const int MaxRepeats = 4;

    public bool Match(IReadOnlyList<PatternElement> elements, int e, int t, ref Captures c, int repeats = 0)
    {
        if (e == elements.Count) return true;
        var element = elements[e];
        var copy = c;
        if (Step(element, t, out var next, ref copy) && next > t)
        {
            if (element.Repeat && repeats + 1 < MaxRepeats && Match(elements, e, next, ref copy, repeats + 1)) { c = copy; return true; }
            if (Match(elements, e + 1, next, ref copy)) { c = copy; return true; }
        }
        return element.Optional && Match(elements, e + 1, t, ref c);
    }

    /// <summary>A count and its victim that end just before token <paramref name="end"/> (a coordinator), found by trying the few starts before it.</summary>
    public bool Conjunct(int end, out Captures joined)
    {
        // The earliest start wins, so a qualifier is kept ("au moins trois policiers", not "trois policiers").
        var found = false;
        joined = default;
        for (var start = end - 1; start >= 0 && start >= end - 8; start--)
        {
            var candidate = Captures.Empty;
            if (Match(grammar.Conjunct, 0, start, ref candidate) && candidate.First == start && candidate.Next == end && !candidate.Count.Unknown && candidate.Count.Best != 0)
            {
                joined = candidate;
                found = true;
            }
        }
        return found;
    }

    /// <summary>A count and its victim that start at token <paramref name="start"/> (after a coordinator) and are not the subject of a verb of their own.</summary>
    public bool ConjunctAt(int start, out Captures joined)
    {
        joined = Captures.Empty;
        if (!Match(grammar.Conjunct, 0, start, ref joined) || joined.First != start || joined.Count.Unknown || joined.Count.Best == 0) return false;
        var after = joined.Next;
        return after >= tokens.Count || !StartsOutcome(after)
            && !(grammar.Pieces.TryGetValue(PatternElement.Auxiliary, out var auxiliaries) && memo.Phrase(auxiliaries, tokens, after, out _) > 0);
    }

    private bool Step(PatternElement element, int t, out int next, ref Captures c)
    {
        next = t;
        if (t >= tokens.Count) return false;
        if (element.Literals is { } literals)
        {
            if (!literals.Contains(tokens[t].Key)) return false;
            next = t + 1;
        }
        else if (element.Piece == PatternElement.Count)
        {
            if (!CountAt(t, out var count)) return false;
            c.Count = count;
            next = count.NextToken;
        }
        else if (element.Piece == PatternElement.AnyNumber)
        {
            if (numberAt[t] < 0) return false;
            next = numbers[numberAt[t]].NextToken;
        }
        else if (element.Piece == PatternElement.Aside)
        {
            // ", dont cinq enfants," or "(including two children)": up to a dozen tokens to the closing mark.
            var close = tokens[t].Key switch { "," => ",", "(" => ")", _ => null };
            if (close is null || memo.Phrase(grammar.Asides, tokens, t + 1, out _) == 0) return false;
            var end = t + 2;
            while (end < tokens.Count && end <= t + 12 && tokens[end].Key != close) end++;
            if (end >= tokens.Count || tokens[end].Key != close) return false;
            next = end + 1;
        }
        else if (element.Piece == PatternElement.Complement)
        {
            if (!Complement(element, t, out next)) return false;
        }
        else if (element.Piece == PatternElement.AnyWord)
        {
            // Any word but a number, a coordinator (a list of counts follows), a victim ("police officers", not "police" + "officers")
            // or the start of what happened ("mortellement blessé").
            if (tokens[t].Kind != TokenKind.Word || numberAt[t] >= 0 || grammar.Coordinators.Contains(tokens[t].Key) || StartsOutcome(t)
                || grammar.Index.Victims is { } victims && memo.Phrase(victims, tokens, t, out _) > 0) return false;
            next = t + 1;
        }
        else
        {
            var length = memo.Phrase(element.Table ?? grammar.Pieces[element.Piece!], tokens, t, out var value);
            if (length == 0) return false;
            next = t + length;
            if (element.Outcome)
            {
                c.TriggerFirst = t;
                c.TriggerNext = next;
                c.Category = value;
            }
            else if (element.Piece == PatternElement.Victim)
            {
                // "combattants jihadistes": a second victim noun right after the first names the same people, maybe more precisely.
                if (c.VictimFirst < 0 || c.VictimNext != t) c.VictimFirst = t;
                if (c.VictimValue is null or "unknown" || c.VictimNext != t) c.VictimValue = value;
                c.VictimNext = next;
            }
        }
        c.Took(t, next);
        return true;
    }

    /// <summary>
    /// "membres des FDS, alliance dominée par les combattants kurdes, ont été tués", "members of a pro-government militia were
    /// killed": from a comma, a bracket or a word that opens a complement, up to the first auxiliary within 16 tokens. No number
    /// but an article, no outcome and no end of clause may come between (they tell other people or another act), and an apposition is closed by its comma.
    /// </summary>
    private bool Complement(PatternElement element, int t, out int next)
    {
        next = t;
        if (!grammar.Pieces.TryGetValue(PatternElement.Auxiliary, out var auxiliaries)) return false;
        var opener = tokens[t].Key;
        if (opener is not ("," or "(") && memo.Phrase(element.Table!, tokens, t, out _) == 0) return false;
        var commas = opener == ",";
        for (var end = t + 1; end < tokens.Count && end <= t + 16; end++)
        {
            var key = tokens[end].Key;
            if (numberAt[end] >= 0 && !grammar.One.Contains(key) || key is "." or ";" or ":" or "!" or "?" or "«" or "»" || StartsOutcome(end)) return false;
            if (memo.Phrase(auxiliaries, tokens, end, out _) > 0)
            {
                // ", dont une femme, ont été tués": the comma just before the auxiliary closes an aside, it opens none.
                if (commas && (tokens[end - 1].Key != "," || end - 1 == t)) return false;
                next = end;
                return true;
            }
            if (key == ",") commas = true;
        }
        return false;
    }

    private bool StartsOutcome(int t)
    {
        if (memo.KnownOutcome(t, out var known)) return known;
        var found = FindOutcome(t);
        memo.KeepOutcome(t, found);
        return found;
    }

    private bool FindOutcome(int t)
    {
        foreach (var table in grammar.Index.OutcomeTables)
            if (memo.Phrase(table, tokens, t, out _) > 0) return true;
        return false;
    }

    /// <summary>A count at token <paramref name="t"/>: a qualifier, then a number, a zero or unknown phrase or an article, then maybe a range's end.</summary>
    private bool CountAt(int t, out CountRead count)
    {
        if (memo.KnownCount(t, out var known, out count)) return known;
        var found = ReadCount(t, out count);
        memo.KeepCount(t, found, count);
        return found;
    }

    private bool ReadCount(int t, out CountRead count)
    {
        count = new CountRead { FirstToken = t, NumberStart = -1, NumberEnd = -1 };
        if (!countStart[t]) return false;
        var qualifierLength = grammar.Qualifiers.Match(tokens, t, out var qualifier);
        var at = t + qualifierLength;
        if (at >= tokens.Count) return false;
        int length;
        if (qualifierLength == 0 && (length = memo.Phrase(grammar.Zero, tokens, at, out _)) > 0)
        {
            count.Best = 0;
            count.NextToken = at + length;
            return NotFollowedByNonVictim(count.NextToken);
        }
        if (qualifierLength == 0 && (length = memo.Phrase(grammar.Unknown, tokens, at, out _)) > 0)
        {
            count.Unknown = true;
            count.NextToken = at + length;
            return NotFollowedByNonVictim(count.NextToken);
        }
        int value;
        var approximate = false;
        if (People(at) is { } number)
        {
            value = (int)number.Value;
            approximate = number.Kind == NumberKind.Approximate;
            count.NumberStart = number.Start;
            count.NumberEnd = number.End;
            count.NextToken = number.NextToken;
        }
        else if (qualifierLength == 0 && grammar.One.Contains(tokens[at].Key))
        {
            value = 1;
            count.Article = true;
            count.NumberStart = tokens[at].Start;
            count.NumberEnd = tokens[at].End;
            count.NextToken = at + 1;
        }
        else return false;

        // A range: "10 à 15", "two or three", "entre 10 et 15".
        var join = count.NextToken;
        if (join + 1 < tokens.Count && (grammar.RangeJoiners.Contains(tokens[join].Key) || (qualifier == CountQualifier.Range && qualifierLength > 0 && grammar.RangeJoinersAfterStart.Contains(tokens[join].Key)))
            && People(join + 1) is { } upper && upper.Value >= value)
        {
            count.Low = value;
            count.High = (int)upper.Value;
            count.NumberEnd = upper.End;
            count.NextToken = upper.NextToken;
        }
        else if (qualifierLength > 0 && qualifier == CountQualifier.Range) return false;
        else if (qualifierLength > 0 && qualifier == CountQualifier.Low) count.Low = value;
        else if (qualifierLength > 0 && qualifier == CountQualifier.High) count.High = value;
        else
        {
            count.Best = value;
            count.Approximate = approximate || (qualifierLength > 0 && qualifier == CountQualifier.About);
        }
        return NotFollowedByNonVictim(count.NextToken);
    }

    /// <summary>A number at token <paramref name="at"/> that can count people: whole, not negative, not an ordinal, not in a date.</summary>
    private NumberMention? People(int at)
    {
        if (numberAt[at] < 0) return null;
        var number = numbers[numberAt[at]];
        return number.Kind != NumberKind.Ordinal && number.Value >= 0 && number.Value == Math.Floor(number.Value) && number.Value < int.MaxValue ? number : null;
    }

    /// <summary>"45 ans", "30 km", "12 %": the words after a count (past "de"/"of") that show it counts no people.</summary>
    private bool NotFollowedByNonVictim(int next)
    {
        if (next >= tokens.Count) return true;
        if (grammar.NonVictims.Contains(tokens[next].Key)) return false;
        return !(grammar.Index.Of is { } of && memo.Phrase(of, tokens, next, out _) > 0 && next + 1 < tokens.Count && grammar.NonVictims.Contains(tokens[next + 1].Key));
    }
}
