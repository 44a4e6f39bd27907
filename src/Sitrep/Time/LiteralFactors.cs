using System.Text.RegularExpressions;

namespace Sitrep.Time;

/// <summary>
/// Literal strings a regular expression cannot match without: a set such that every match contains
/// at least one of them ("heure"/"heures" for <c>{num}\s+heures?…</c>). Searching for such a set is a
/// vectorised multi-string scan, far cheaper than trying a large pattern at every position, so a window
/// without any of them is skipped before the pattern runs. A reading that is not sure finds nothing, so
/// the answer is always safe to skip on.
/// </summary>
internal static class LiteralFactors
{
    /// <summary>More alternatives than this and a literal set is no longer worth keeping exact.</summary>
    private const int MaxStrings = 256;

    /// <summary>
    /// A pattern matching the factor strings (escaped, to be run with the pattern's own options, so case
    /// folding is the regex engine's in both), or null when the pattern has no factor of at least
    /// <paramref name="minLength"/> characters, or is itself no more than its literals.
    /// </summary>
    public static string? Prefilter(string pattern, int minLength = 3) =>
        Literals(pattern, minLength) is { Whole: false } factor ? Alternatives(factor.Strings) : null;

    /// <summary>
    /// The literal strings every match of <paramref name="pattern"/> contains one of, none shorter than
    /// <paramref name="minLength"/>; <c>Whole</c> when the pattern matches exactly these and nothing else. Null when not known.
    /// </summary>
    /// <param name="limit">How many strings the set may hold; a scan of many patterns at once (the event triggers) may afford more.</param>
    public static (IReadOnlyCollection<string> Strings, bool Whole)? Literals(string pattern, int minLength = 3, int limit = MaxStrings)
    {
        if (Read(pattern, limit) is not { Factor: { } factor } node || factor.Min(f => f.Length) < minLength) return null;
        return (factor, node.Exact is not null);
    }

    /// <summary>A pattern matching any of <paramref name="strings"/>, longest first.</summary>
    public static string Alternatives(IEnumerable<string> strings) =>
        "(?:" + string.Join("|", strings.OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).Select(Regex.Escape)) + ")";

    /// <summary>Strings one of which every match of the pattern starts with (as written: case is the caller's to fold), or null when not known.</summary>
    /// <remarks>
    /// Up to <see cref="MaxPrefixes"/> of them: a trie of word starts is not slowed by more, and the English trigger
    /// words (holiday names among them) are over <see cref="MaxStrings"/>, which left every English word start to the regexes.
    /// </remarks>
    public static IReadOnlyCollection<string>? Prefixes(string pattern) => Read(pattern, MaxPrefixes)?.Prefix;

    /// <summary>How many strings a set read for <see cref="Prefixes"/> may hold.</summary>
    private const int MaxPrefixes = 4096;

    private static Node? Read(string pattern, int limit = MaxStrings)
    {
        try
        {
            var i = 0;
            var node = Alternation(pattern, ref i, limit);
            return i == pattern.Length ? node : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>
    /// What a piece of pattern is known to match: <see cref="Exact"/>, exactly one of these strings (null: not
    /// a finite literal set); <see cref="Factor"/>, a set one of which every match contains (null: none known);
    /// <see cref="Prefix"/>, a set one of which every match starts with (null: none known).
    /// </summary>
    private sealed record Node(HashSet<string>? Exact, HashSet<string>? Factor, HashSet<string>? Prefix = null, bool ZeroWidth = false)
    {
        public static readonly Node Unknown = new(null, null);
        public static readonly Node Empty = new(null, null, null, true);

        public static Node Literal(HashSet<string> strings) => strings.Contains("") ? new(strings, null) : new(strings, strings, strings);
    }

    private static Node Alternation(string p, ref int i, int limit)
    {
        var branches = new List<Node> { Sequence(p, ref i, limit) };
        while (i < p.Length && p[i] == '|')
        {
            i++;
            branches.Add(Sequence(p, ref i, limit));
        }
        if (branches.Count == 1) return branches[0];
        HashSet<string>? exact = new(StringComparer.Ordinal);
        HashSet<string>? factor = new(StringComparer.Ordinal);
        HashSet<string>? prefix = new(StringComparer.Ordinal);
        foreach (var branch in branches)
        {
            if (branch.ZeroWidth) return Node.Unknown; // a branch matching nothing: the alternation may match empty
            exact = Union(exact, branch.Exact, limit);
            factor = Union(factor, branch.Factor, limit);
            prefix = Union(prefix, branch.Prefix, limit);
        }
        return exact is not null ? Node.Literal(exact) : new Node(null, factor, prefix);
    }

    /// <summary>Both sets in one, or null when either is unknown or the whole grows too large.</summary>
    private static HashSet<string>? Union(HashSet<string>? all, HashSet<string>? more, int limit)
    {
        if (all is null || more is null) return null;
        all.UnionWith(more);
        return all.Count > limit ? null : all;
    }

    private static Node Sequence(string p, ref int i, int limit)
    {
        var run = new HashSet<string>(StringComparer.Ordinal) { "" };
        var wholeIsRun = true;
        var anyItem = false;
        HashSet<string>? best = null;
        HashSet<string>? prefix = null;
        var prefixKnown = false;

        void Consider(HashSet<string>? candidate)
        {
            if (candidate is null || candidate.Count == 0 || candidate.Contains("")) return;
            if (best is null || Better(candidate, best)) best = candidate;
        }

        // The run so far, or when there is none the item that ends it (null: optional, zero-width), is what a match starts with.
        void CloseRun(Node? consumed)
        {
            if (!prefixKnown)
            {
                prefixKnown = true;
                prefix = run.Count == 1 && run.Contains("") ? consumed?.Prefix : run.Contains("") ? null : run;
            }
            Consider(run);
            run = new HashSet<string>(StringComparer.Ordinal) { "" };
            wholeIsRun = false;
        }

        while (i < p.Length && p[i] is not ('|' or ')'))
        {
            var item = Atom(p, ref i, limit);
            anyItem = true;
            // The quantifier, if any.
            if (i < p.Length && (p[i] is '?' or '*' or '+' || (p[i] == '{' && Repeat(p, i) > 0)))
            {
                int least;
                if (p[i] == '{')
                {
                    var length = Repeat(p, i);
                    var body = p.Substring(i + 1, length - 2);
                    least = int.Parse(body.Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
                    i += length;
                }
                else
                {
                    least = p[i] == '+' ? 1 : 0;
                    var optionalOnce = p[i] == '?';
                    i++;
                    if (optionalOnce && item.Exact is not null && !item.ZeroWidth)
                    {
                        // "s?": the run goes on with or without it.
                        var withEmpty = new HashSet<string>(item.Exact, StringComparer.Ordinal) { "" };
                        if (i < p.Length && p[i] is '?' or '+') i++;
                        if (!Extend(ref run, withEmpty, limit)) CloseRun(null);
                        continue;
                    }
                }
                if (i < p.Length && p[i] is '?' or '+') i++; // lazy or possessive
                // Repeated: required once at least (or not at all); the run stops either way.
                item = least >= 1 && !item.ZeroWidth ? new Node(null, item.Factor, item.Prefix) : Node.Empty;
                CloseRun(item);
                Consider(item.Factor);
                continue;
            }
            if (item.ZeroWidth)
            {
                CloseRun(null);
                continue;
            }
            if (item.Exact is not null && Extend(ref run, item.Exact, limit)) continue;
            CloseRun(item);
            Consider(item.Factor);
        }
        if (!anyItem) return Node.Empty;
        if (wholeIsRun) return Node.Literal(run);
        CloseRun(null);
        return new Node(null, best, prefix);
    }

    /// <summary>Appends each of <paramref name="next"/> to each of <paramref name="run"/>; false when that grows too large.</summary>
    private static bool Extend(ref HashSet<string> run, HashSet<string> next, int limit)
    {
        if ((long)run.Count * next.Count > limit) return false;
        var product = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in run)
            foreach (var b in next)
                product.Add(a + b);
        run = product;
        return true;
    }

    /// <summary>The rarer factor: longer shortest string, then fewer strings.</summary>
    private static bool Better(HashSet<string> candidate, HashSet<string> best)
    {
        var (c, b) = (candidate.Min(s => s.Length), best.Min(s => s.Length));
        return c != b ? c > b : candidate.Count < best.Count;
    }

    /// <summary>The length of a counted quantifier ("{2}", "{1,3}", "{2,}") at <paramref name="i"/>, or 0 when "{" is a plain character there.</summary>
    internal static int Repeat(string p, int i)
    {
        var m = Counted.Match(p, i);
        return m.Success && m.Index == i ? m.Length : 0;
    }

    private static readonly Regex Counted = new(@"\G\{\d+(?:,\d*)?\}", RegexOptions.CultureInvariant, TimeGrammar.MatchTimeout);

    private static Node Atom(string p, ref int i, int limit)
    {
        var c = p[i];
        switch (c)
        {
            case '(':
                return Group(p, ref i, limit);
            case '[':
                return CharacterClass(p, ref i);
            case '\\':
                return Escape(p, ref i);
            case '.':
                i++;
                return Node.Unknown;
            case '^' or '$':
                i++;
                return Node.Empty;
            case '*' or '+' or '?':
                throw new FormatException("a quantifier with nothing before it");
            case '{' when Repeat(p, i) > 0:
                throw new FormatException("a quantifier with nothing before it");
            default:
                i++;
                return Node.Literal(new HashSet<string>(StringComparer.Ordinal) { c.ToString() });
        }
    }

    private static Node Group(string p, ref int i, int limit)
    {
        var opening = OpenGroup(p, ref i);
        // Inline options alone ("(?i)") change case matching, which a case-insensitive search still covers.
        if (opening == GroupOpening.OptionsOnly) return Node.Empty;
        var body = Alternation(p, ref i, limit);
        if (i >= p.Length || p[i] != ')') throw new FormatException();
        i++;
        return opening == GroupOpening.Lookaround ? Node.Empty : body;
    }

    internal enum GroupOpening { Group, Lookaround, OptionsOnly }

    /// <summary>
    /// Reads a group's opening at <paramref name="i"/> ("(", "(?:", "(?&lt;name&gt;", "(?=", "(?-i:"…) up to its body;
    /// an options-only group ("(?i)") is read whole. Conditionals and comments are not read (<see cref="FormatException"/>).
    /// </summary>
    internal static GroupOpening OpenGroup(string p, ref int i)
    {
        i++; // "("
        if (i >= p.Length || p[i] != '?') return GroupOpening.Group;
        i++;
        if (i >= p.Length) throw new FormatException();
        if (p[i] is ':' or '>') { i++; return GroupOpening.Group; }
        if (p[i] is '=' or '!') { i++; return GroupOpening.Lookaround; }
        if (p[i] == '<' && i + 1 < p.Length && p[i + 1] is '=' or '!') { i += 2; return GroupOpening.Lookaround; }
        if (p[i] is '<' or '\'')
        {
            var close = p.IndexOf(p[i] == '<' ? '>' : '\'', i + 1);
            if (close < 0) throw new FormatException();
            i = close + 1;
            return GroupOpening.Group;
        }
        while (i < p.Length && (char.IsAsciiLetter(p[i]) || p[i] == '-')) i++;
        if (i >= p.Length) throw new FormatException();
        if (p[i] == ')') { i++; return GroupOpening.OptionsOnly; }
        if (p[i] != ':') throw new FormatException();
        i++;
        return GroupOpening.Group;
    }

    private static Node CharacterClass(string p, ref int i)
    {
        i++; // "["
        var negated = i < p.Length && p[i] == '^';
        if (negated) i++;
        var chars = new HashSet<string>(StringComparer.Ordinal);
        var plain = !negated;
        var first = true;
        while (i < p.Length && (p[i] != ']' || first))
        {
            first = false;
            if (p[i] == '[') throw new FormatException(); // subtraction
            if (p[i] == '\\')
            {
                if (i + 1 >= p.Length) throw new FormatException();
                var e = p[i + 1];
                if (char.IsAsciiLetterOrDigit(e))
                {
                    plain = false;
                    if (e is 'p' or 'P')
                    {
                        var close = p.IndexOf('}', i);
                        if (close < 0) throw new FormatException();
                        i = close + 1;
                        continue;
                    }
                    i += 2;
                    continue;
                }
                chars.Add(e.ToString());
                i += 2;
                continue;
            }
            if (p[i] == '-' && chars.Count > 0 && i + 1 < p.Length && p[i + 1] != ']') plain = false; // a range
            chars.Add(p[i].ToString());
            i++;
        }
        if (i >= p.Length) throw new FormatException();
        i++; // "]"
        return plain && chars.Count is > 0 and <= 4 ? Node.Literal(chars) : Node.Unknown;
    }

    private static Node Escape(string p, ref int i)
    {
        if (i + 1 >= p.Length) throw new FormatException();
        var e = p[i + 1];
        if (e is 'p' or 'P')
        {
            var close = p.IndexOf('}', i);
            if (close < 0) throw new FormatException();
            i = close + 1;
            return Node.Unknown;
        }
        if (e is 'b' or 'B' or 'A' or 'Z' or 'z' or 'G')
        {
            i += 2;
            return Node.Empty;
        }
        if (e is 'd' or 'D' or 'w' or 'W' or 's' or 'S' or 't' or 'n' or 'r' or 'f' or 'v' or 'e' or 'a')
        {
            i += 2;
            return Node.Unknown;
        }
        // Code points, back references: not read.
        if (char.IsAsciiLetterOrDigit(e)) throw new FormatException();
        i += 2;
        return Node.Literal(new HashSet<string>(StringComparer.Ordinal) { e.ToString() });
    }
}
