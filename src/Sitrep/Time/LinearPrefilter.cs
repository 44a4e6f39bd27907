using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Time;

/// <summary>
/// A pattern's linear-time stand-in: the same pattern with its lookarounds dropped and its atomic groups
/// read as plain ones, run by the non-backtracking engine. It matches wherever the pattern matches (and
/// maybe elsewhere), so a window where it finds nothing is one the pattern need not be run on; without
/// backtracking it costs one pass over the window however many words the pattern lists. Where nothing was
/// dropped it answers exactly what the pattern would (whether there is a match, not where).
/// </summary>
internal sealed class LinearPrefilter
{
    private LinearPrefilter(Regex regex, bool exact)
    {
        Regex = regex;
        Exact = exact;
    }

    public Regex Regex { get; }

    /// <summary>Whether nothing was dropped: a match here is a match of the pattern.</summary>
    public bool Exact { get; }

    public bool IsMatch(ReadOnlySpan<char> window) => Regex.IsMatch(window);

    /// <summary>
    /// Texts shorter than this go straight to the pattern: on a short phrase the backtracking pattern is cheap, and the
    /// linear engine's fixed cost per call (and the states it must build for each new phrase) costs more than it saves.
    /// </summary>
    public const int WorthFrom = 48;

    /// <summary>The stand-in for <paramref name="pattern"/>, or null when the non-backtracking engine cannot run it.</summary>
    public static LinearPrefilter? For(Regex pattern)
    {
        if (Relax(pattern.ToString()) is not var (relaxed, exact)) return null;
        try
        {
            var options = (pattern.Options & ~RegexOptions.Compiled) | RegexOptions.NonBacktracking;
            return new LinearPrefilter(new Regex(relaxed, options, pattern.MatchTimeout), exact);
        }
        catch (NotSupportedException)
        {
            return null; // a backreference, a conditional…: the pattern runs alone
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// The pattern with every lookaround group replaced by an empty group and every atomic group made plain (true when
    /// there was none of either), or null when it holds a construct this reading does not follow.
    /// </summary>
    internal static (string Pattern, bool Exact)? Relax(string pattern)
    {
        var output = new StringBuilder(pattern.Length);
        var exact = true;
        var i = 0;
        var stop = pattern.Length;
        // A word edge around the whole pattern ("(?<![\p{L}\p{N}])…(?![\p{L}\p{N}])") is kept, as the character
        // before or after it, or the input's edge: still exact, and no match in the middle of a longer word.
        if (EdgeClass(pattern, 0, "(?<!") is { } before)
        {
            output.Append("(?:^|").Append(before).Append(')');
            i = GroupEnd(pattern, 0);
        }
        var tail = "";
        if (pattern.EndsWith(')') && LastGroupStart(pattern) is var last and > 0 && EdgeClass(pattern, last, "(?!") is { } after)
        {
            tail = "(?:\\z|" + after + ")";
            stop = last;
        }
        while (i < stop)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                if (i + 1 >= pattern.Length) return null;
                output.Append(pattern, i, 2);
                i += 2;
            }
            else if (c == '[')
            {
                var end = ClassEnd(pattern, i);
                if (end < 0) return null;
                output.Append(pattern, i, end - i);
                i = end;
            }
            else if (c == '(' && i + 2 < pattern.Length && pattern[i + 1] == '?')
            {
                var kind = pattern[i + 2];
                var lookbehind = kind == '<' && i + 3 < pattern.Length && pattern[i + 3] is '=' or '!';
                if (kind is '=' or '!' || lookbehind)
                {
                    var end = GroupEnd(pattern, i);
                    if (end < 0) return null;
                    output.Append("(?:)");
                    exact = false;
                    i = end;
                }
                else if (kind == '>')
                {
                    output.Append("(?:");
                    exact = false;
                    i += 3;
                }
                else if (kind is '(' or '#') return null; // conditionals and comments
                else
                {
                    output.Append("(?");
                    i += 2;
                }
            }
            else
            {
                output.Append(c);
                i++;
            }
        }
        return (output.Append(tail).ToString(), exact);
    }

    /// <summary>
    /// The complement of the one character class a negative lookaround opening with <paramref name="opening"/> at
    /// <paramref name="at"/> holds ("(?&lt;![\p{L}]" gives "[^\p{L}]"), or null when there is no such group there.
    /// </summary>
    private static string? EdgeClass(string p, int at, string opening)
    {
        if (string.CompareOrdinal(p, at, opening, 0, opening.Length) != 0) return null;
        var start = at + opening.Length;
        if (start + 1 >= p.Length || p[start] != '[' || p[start + 1] == '^') return null;
        var end = ClassEnd(p, start);
        if (end < 0 || end >= p.Length || p[end] != ')') return null;
        var inner = p[(start + 1)..(end - 1)];
        return inner.Contains('[') ? null : "[^" + inner + "]"; // a subtraction is not complemented this way
    }

    /// <summary>Where the group that ends the pattern opens, or -1 when it does not end with one.</summary>
    private static int LastGroupStart(string p)
    {
        var start = -1;
        for (var i = 0; i < p.Length;)
        {
            var c = p[i];
            if (c == '\\') i += 2;
            else if (c == '[')
            {
                i = ClassEnd(p, i);
                if (i < 0) return -1;
            }
            else if (c == '(')
            {
                var end = GroupEnd(p, i);
                if (end < 0) return -1;
                if (end == p.Length) start = i;
                i = end;
            }
            else i++;
        }
        return start;
    }

    /// <summary>The index just past the group opening at <paramref name="open"/>, or -1 when it does not close.</summary>
    private static int GroupEnd(string p, int open)
    {
        var depth = 0;
        for (var i = open; i < p.Length;)
        {
            var c = p[i];
            if (c == '\\') i += 2;
            else if (c == '[')
            {
                i = ClassEnd(p, i);
                if (i < 0) return -1;
            }
            else
            {
                if (c == '(') depth++;
                else if (c == ')' && --depth == 0) return i + 1;
                i++;
            }
        }
        return -1;
    }

    /// <summary>The index just past the character class opening at <paramref name="open"/> (subtractions included), or -1.</summary>
    private static int ClassEnd(string p, int open)
    {
        var depth = 0;
        var i = open;
        while (i < p.Length)
        {
            var c = p[i];
            if (c == '[')
            {
                depth++;
                i++;
                if (i < p.Length && p[i] == '^') i++;
                if (i < p.Length && p[i] == ']') i++; // a leading ']' is a plain character
                continue;
            }
            if (c == '\\') i += 2;
            else if (c == ']')
            {
                i++;
                if (--depth == 0) return i;
            }
            else i++;
        }
        return -1;
    }
}
