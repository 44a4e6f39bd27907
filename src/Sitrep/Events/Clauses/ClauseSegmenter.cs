namespace Sitrep.Events.Clauses;

/// <summary>What a clause is to the sentence.</summary>
public enum ClauseKind
{
    /// <summary>A main clause (the sentence's first, or one after a break).</summary>
    Main,
    /// <summary>What a quotation mark opens.</summary>
    Quote,
    /// <summary>An adverbial clause ("après que …", "when …").</summary>
    Subordinate,
    /// <summary>A content clause or an object relative ("a indiqué que …"): its subject is inside.</summary>
    Complement,
    /// <summary>A relative clause ("qui …", "who …", "dont …").</summary>
    Relative,
    /// <summary>A clause joined by a coordinator with a subject of its own ("… et les rebelles ont riposté").</summary>
    Coordinate,
    /// <summary>A participial phrase after a comma (", tuant …", ", killing …"): its subject is its parent's.</summary>
    Participle,
}

/// <summary>
/// The clauses of one sentence: each clause is one or more segments of text (a clause resumes after the clause
/// it holds closes), with its kind, the clause it hangs on, where it opens and where its first verb stands.
/// </summary>
public sealed class ClauseMap
{
    internal readonly List<int> SegmentStarts = [];
    internal readonly List<int> SegmentClauses = [];
    internal readonly List<ClauseKind> Kinds = [];
    internal readonly List<int> Parents = [];
    internal readonly List<int> Openers = [];
    internal readonly List<int> FirstVerbs = [];
    internal readonly List<bool> SubjectIsAntecedent = [];

    /// <summary>How many clauses the sentence has.</summary>
    public int Count => Kinds.Count;

    /// <summary>The clause the offset falls in (0 before the first segment).</summary>
    public int ClauseOf(int offset)
    {
        var found = 0;
        for (var i = 0; i < SegmentStarts.Count && SegmentStarts[i] <= offset; i++) found = SegmentClauses[i];
        return found;
    }

    public ClauseKind Kind(int clause) => Kinds[clause];

    /// <summary>The clause this one hangs on; -1 for a main clause.</summary>
    public int Parent(int clause) => Parents[clause];

    /// <summary>Where the clause opens (its opening word or mark).</summary>
    public int Opener(int clause) => Openers[clause];

    /// <summary>Where the clause's first verb (a finite-verb cue or a verb trigger) starts; -1 when none was seen.</summary>
    public int FirstVerb(int clause) => FirstVerbs[clause];

    /// <summary>Whether the clause is a subject relative ("les rebelles qui ont attaqué"): its subject is the phrase before its opener.</summary>
    public bool AntecedentIsSubject(int clause) => SubjectIsAntecedent[clause];

    internal void Clear()
    {
        SegmentStarts.Clear();
        SegmentClauses.Clear();
        Kinds.Clear();
        Parents.Clear();
        Openers.Clear();
        FirstVerbs.Clear();
        SubjectIsAntecedent.Clear();
    }
}

/// <summary>
/// A light, deterministic clause segmentation: one pass over the words and marks of a sentence, opening a clause at a
/// quotation mark, subordinator, complementizer, relative pronoun, coordinator followed by a subject and a finite verb,
/// or a participle after a comma (words from <see cref="ClauseGrammar"/>), and closing it at the matching quotation
/// mark, at a comma (relatives, subordinates, participles) or at a break. No parser: it tells the event stage which
/// clause a trigger is in and where its subject and object may stand, and it is wrong where punctuation lies.
/// </summary>
public sealed class ClauseSegmenter(ClauseGrammar grammar)
{
    /// <summary>How many words after a coordinator or a verb-needing subordinator its finite verb may stand.</summary>
    private const int VerbReach = 10;

    /// <summary>The words this segmenter reads clauses by.</summary>
    public ClauseGrammar Grammar => grammar;

    private readonly List<(int Start, int End)> _tokens = [];
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _finiteVerbs = grammar.FiniteVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _determiners = grammar.Determiners.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _objectMarkers = grammar.ObjectMarkers.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _notParticiples = grammar.NotParticiples.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly Dictionary<string, (string[] Words, ClauseGrammar.Role Role)[]>.AlternateLookup<ReadOnlySpan<char>> _phrases = grammar.Phrases.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly List<int> _stack = [];
    /// <summary>The longest word the grammar looks up: a longer one needs no look-up (most words of a sentence).</summary>
    private readonly int _longestWord = grammar.FiniteVerbs.Concat(grammar.Phrases.Keys).Select(w => w.Length).DefaultIfEmpty(0).Max();

    /// <summary>
    /// Splits [start, end) of <paramref name="text"/> into clauses, written into <paramref name="map"/>.
    /// <paramref name="verbStarts"/> (ascending) are where the sentence's verb triggers start: they count as finite verbs.
    /// </summary>
    public void Segment(string text, int start, int end, ReadOnlySpan<int> verbStarts, ClauseMap map)
    {
        map.Clear();
        Tokenize(text, start, end);
        _stack.Clear();
        Open(map, ClauseKind.Main, start, false);
        var inQuote = false;
        for (var k = 0; k < _tokens.Count; k++)
        {
            var (from, to) = _tokens[k];
            var c = text[from];
            if (!IsWordChar(c))
            {
                var both = grammar.BothQuotes.Contains(c);
                if (grammar.OpenQuotes.Contains(c) || both && !inQuote)
                {
                    Open(map, ClauseKind.Quote, from, false);
                    inQuote = true;
                }
                else if (grammar.CloseQuotes.Contains(c) || both && inQuote)
                {
                    // Whatever the quotation held closes with it.
                    var quote = LastQuote(map);
                    if (quote < 0) continue;
                    while (_stack.Count > 1 && _stack[^1] != quote) _stack.RemoveAt(_stack.Count - 1);
                    if (_stack.Count > 1) _stack.RemoveAt(_stack.Count - 1);
                    Resume(map, to);
                    inQuote = LastQuote(map) >= 0;
                }
                else if (grammar.Breaks.Contains(c))
                {
                    var quote = LastQuote(map);
                    while (_stack.Count > 0 && _stack[^1] != quote) _stack.RemoveAt(_stack.Count - 1);
                    Open(map, ClauseKind.Main, to, false);
                }
                else if (c == ',')
                {
                    // A participle runs on past commas (", killing two people and injuring 16, including three children").
                    if (map.Kinds[_stack[^1]] is ClauseKind.Relative or ClauseKind.Subordinate && _stack.Count > 1)
                    {
                        _stack.RemoveAt(_stack.Count - 1);
                        Resume(map, to);
                    }
                    if (k + 1 < _tokens.Count && map.Kinds[_stack[^1]] != ClauseKind.Participle && IsParticiple(text, _tokens[k + 1]))
                    {
                        Open(map, ClauseKind.Participle, _tokens[k + 1].Start, false);
                        MarkVerb(map, _tokens[k + 1].Start);
                    }
                }
                continue;
            }
            var word = text.AsSpan(from, to - from);
            if (IsVerb(text, k, verbStarts)) MarkVerb(map, from);
            if (word.Length > _longestWord || !_phrases.TryGetValue(word, out var phrases)) continue;
            foreach (var (words, role) in phrases)
            {
                if (!Matches(text, k, words)) continue;
                var next = k + words.Length;
                switch (role)
                {
                    case ClauseGrammar.Role.Subordinator:
                        Open(map, ClauseKind.Subordinate, from, false);
                        break;
                    case ClauseGrammar.Role.SubordinatorWithVerb when VerbAhead(text, next, verbStarts):
                        Open(map, ClauseKind.Subordinate, from, false);
                        break;
                    case ClauseGrammar.Role.Complementizer:
                        Open(map, ClauseKind.Complement, from, false);
                        break;
                    case ClauseGrammar.Role.SubjectRelative:
                        var objectRelative = next < _tokens.Count && _objectMarkers.Contains(text.AsSpan(_tokens[next].Start, _tokens[next].End - _tokens[next].Start));
                        Open(map, objectRelative ? ClauseKind.Complement : ClauseKind.Relative, from, !objectRelative);
                        // A subject relative's next word is its verb, whether the grammar knows it or not ("qui évoque").
                        if (!objectRelative && next < _tokens.Count) MarkVerb(map, _tokens[next].Start);
                        break;
                    case ClauseGrammar.Role.Relative:
                        Open(map, ClauseKind.Relative, from, false);
                        break;
                    // "X a attaqué Y et les rebelles ont riposté": a clause of its own only after a clause with a verb, and with a
                    // subject between the coordinator and its verb ("et a appelé" shares the subject; "X et Y ont attaqué" is one subject).
                    case ClauseGrammar.Role.Coordinator when map.FirstVerbs[_stack[^1]] >= 0 && next < _tokens.Count
                                                             && !IsVerb(text, next, verbStarts) && VerbAhead(text, next, verbStarts):
                        if (map.Kinds[_stack[^1]] == ClauseKind.Coordinate && _stack.Count > 1) _stack.RemoveAt(_stack.Count - 1);
                        Open(map, ClauseKind.Coordinate, from, false);
                        break;
                }
                k = next - 1;
                break;
            }
        }
        // Words without a verb are a phrase of the clause around them, not a clause: "a accusé des « milices soutenues
        // par l'Iran »", "douze personnes, dont cinq femmes, ont été tuées".
        for (var i = 0; i < map.SegmentClauses.Count; i++)
        {
            var clause = map.SegmentClauses[i];
            while (map.FirstVerbs[clause] < 0 && map.Parents[clause] >= 0) clause = map.Parents[clause];
            map.SegmentClauses[i] = clause;
        }
    }

    /// <summary>Splits a phrase of the grammar into the words the segmenter sees ("lorsqu'" stays one word; "après que" is two).</summary>
    internal static string[] SplitWords(string phrase)
    {
        var words = new List<string>();
        for (var i = 0; i < phrase.Length;)
        {
            if (!IsWordChar(phrase[i])) { i++; continue; }
            var end = WordEnd(phrase, i, phrase.Length);
            words.Add(phrase[i..end]);
            i = end;
        }
        return [.. words];
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    /// <summary>The end of the word starting at <paramref name="i"/>: letters, digits, inner hyphens; an apostrophe ends it and stays in it ("qu'").</summary>
    private static int WordEnd(string text, int i, int end)
    {
        while (i < end)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c)) i++;
            else if (c == '\'' || c == '’') return i + 1;
            else if (c == '-' && i + 1 < end && char.IsLetterOrDigit(text[i + 1])) i++;
            else break;
        }
        return i;
    }

    private void Tokenize(string text, int start, int end)
    {
        _tokens.Clear();
        for (var i = start; i < end;)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (IsWordChar(c))
            {
                var wordEnd = WordEnd(text, i, end);
                _tokens.Add((i, wordEnd));
                i = wordEnd;
            }
            else
            {
                _tokens.Add((i, i + 1));
                i++;
            }
        }
    }

    private bool Matches(string text, int k, string[] words)
    {
        if (k + words.Length > _tokens.Count) return false;
        for (var w = 0; w < words.Length; w++)
        {
            var (from, to) = _tokens[k + w];
            if (!text.AsSpan(from, to - from).Equals(words[w], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return true;
    }

    private bool IsVerb(string text, int k, ReadOnlySpan<int> verbStarts)
    {
        var (start, end) = _tokens[k];
        if (end - start <= _longestWord && _finiteVerbs.Contains(text.AsSpan(start, end - start))) return true;
        // A trigger read as a verb after a determiner is a noun ("et la livraison de drones").
        return verbStarts.BinarySearch(start) >= 0 && (k == 0 || !_determiners.Contains(text.AsSpan(_tokens[k - 1].Start, _tokens[k - 1].End - _tokens[k - 1].Start)));
    }

    /// <summary>Whether a finite verb stands within <see cref="VerbReach"/> words from token <paramref name="k"/>, before any mark.</summary>
    private bool VerbAhead(string text, int k, ReadOnlySpan<int> verbStarts)
    {
        for (var i = k; i < _tokens.Count && i < k + VerbReach; i++)
        {
            if (!IsWordChar(text[_tokens[i].Start])) return false;
            if (IsVerb(text, i, verbStarts)) return true;
        }
        return false;
    }

    private bool IsParticiple(string text, (int Start, int End) token)
    {
        var word = text.AsSpan(token.Start, token.End - token.Start);
        if (_notParticiples.Contains(word)) return false;
        foreach (var ending in grammar.ParticipleEndings)
            if (word.Length >= ending.Length + 2 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private void Open(ClauseMap map, ClauseKind kind, int at, bool antecedentIsSubject)
    {
        var id = map.Kinds.Count;
        map.Kinds.Add(kind);
        map.Parents.Add(kind == ClauseKind.Main || _stack.Count == 0 ? -1 : _stack[^1]);
        map.Openers.Add(at);
        map.FirstVerbs.Add(-1);
        map.SubjectIsAntecedent.Add(antecedentIsSubject);
        _stack.Add(id);
        AddSegment(map, at, id);
    }

    /// <summary>The clause now on top goes on from <paramref name="at"/>.</summary>
    private void Resume(ClauseMap map, int at) => AddSegment(map, at, _stack[^1]);

    private static void AddSegment(ClauseMap map, int at, int clause)
    {
        // A segment opened where the last one opened replaces it (a mark and a word at one place).
        if (map.SegmentStarts.Count > 0 && map.SegmentStarts[^1] == at)
        {
            map.SegmentClauses[^1] = clause;
            return;
        }
        map.SegmentStarts.Add(at);
        map.SegmentClauses.Add(clause);
    }

    private void MarkVerb(ClauseMap map, int at)
    {
        var top = _stack[^1];
        if (map.FirstVerbs[top] < 0) map.FirstVerbs[top] = at;
    }

    private int LastQuote(ClauseMap map)
    {
        for (var i = _stack.Count - 1; i >= 0; i--)
            if (map.Kinds[_stack[i]] == ClauseKind.Quote) return _stack[i];
        return -1;
    }
}
