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
        while (i < pattern.Length)
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
        return (output.ToString(), exact);
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
