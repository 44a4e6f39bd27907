namespace Sitrep.Time;

/// <summary>
/// Whether every match of a pattern holds a digit (<c>\d</c>, or a class of digits only such as <c>[0-5]</c>):
/// then a window without one is not worth the pattern, and one test per window (<see cref="HasDigit"/>) answers
/// for all such patterns. The day, hour and year pieces are such patterns, and most windows opened by a word
/// ("mardi", "week") hold no digit. A reading that is not sure says no, so the answer is always safe to skip on.
/// </summary>
internal static class DigitRequirement
{
    /// <summary>True only when every match of <paramref name="pattern"/> contains a character for which <see cref="char.IsDigit(char)"/> holds.</summary>
    public static bool Of(string pattern)
    {
        try
        {
            var i = 0;
            var required = Alternation(pattern, ref i);
            return i == pattern.Length && required;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="window"/> holds a decimal digit, any script (what <c>\d</c> matches).</summary>
    public static bool HasDigit(ReadOnlySpan<char> window)
    {
        if (window.ContainsAnyInRange('0', '9')) return true;
        if (!window.ContainsAnyExceptInRange('\0', '\u007f')) return false;
        foreach (var c in window)
            if (char.IsDigit(c)) return true;
        return false;
    }

    private static bool Alternation(string p, ref int i)
    {
        var all = Sequence(p, ref i);
        while (i < p.Length && p[i] == '|')
        {
            i++;
            all &= Sequence(p, ref i);
        }
        return all;
    }

    private static bool Sequence(string p, ref int i)
    {
        var required = false;
        while (i < p.Length && p[i] is not ('|' or ')'))
        {
            var item = Atom(p, ref i);
            if (i < p.Length && (p[i] is '?' or '*' or '+' || (p[i] == '{' && LiteralFactors.Repeat(p, i) > 0)))
            {
                var least = 1;
                if (p[i] == '{')
                {
                    var length = LiteralFactors.Repeat(p, i);
                    least = int.Parse(p.AsSpan(i + 1, length - 2).ToString().Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
                    i += length;
                }
                else
                {
                    if (p[i] is '?' or '*') least = 0;
                    i++;
                }
                if (i < p.Length && p[i] is '?' or '+') i++; // lazy or possessive
                if (least == 0) item = false;
            }
            required |= item;
        }
        return required;
    }

    /// <summary>Whether the atom at <paramref name="i"/> (read past) holds a digit in every match.</summary>
    private static bool Atom(string p, ref int i)
    {
        var c = p[i];
        switch (c)
        {
            case '(':
                var opening = LiteralFactors.OpenGroup(p, ref i);
                if (opening == LiteralFactors.GroupOpening.OptionsOnly) return false;
                var body = Alternation(p, ref i);
                if (i >= p.Length || p[i] != ')') throw new FormatException();
                i++;
                // A lookaround's digit is not in the match.
                return opening == LiteralFactors.GroupOpening.Group && body;
            case '[':
                return DigitClass(p, ref i);
            case '\\':
                var e = EscapedAt(p, i);
                if (SkipCategory(p, ref i)) return false;
                // Code points and back references are not read; other escapes are one character (or none).
                if (e is 'u' or 'x' or 'c' or 'k' || (char.IsAsciiDigit(e) && e != '0')) throw new FormatException();
                i += 2;
                return e == 'd';
            default:
                // A quantifier with nothing before it is no pattern.
                if (c is '*' or '+' or '?' || (c == '{' && LiteralFactors.Repeat(p, i) > 0)) throw new FormatException();
                i++;
                return char.IsAsciiDigit(c);
        }
    }

    /// <summary>Whether the class at <paramref name="i"/> (read past) holds ASCII digits, digit ranges or <c>\d</c> only.</summary>
    private static bool DigitClass(string p, ref int i)
    {
        i++; // "["
        var digitsOnly = true;
        if (i < p.Length && p[i] == '^')
        {
            digitsOnly = false;
            i++;
        }
        var first = true;
        while (i < p.Length && (p[i] != ']' || first))
        {
            var atStart = first;
            first = false;
            if (p[i] == '[') throw new FormatException(); // subtraction
            if (p[i] == '\\')
            {
                var e = EscapedAt(p, i);
                if (SkipCategory(p, ref i))
                {
                    digitsOnly = false;
                    continue;
                }
                if (e is 'u' or 'x' or 'c') throw new FormatException();
                if (e != 'd') digitsOnly = false;
                i += 2;
                continue;
            }
            // A range between two digits stays within the digits; any other character or range does not.
            if (p[i] == '-' && !atStart && i + 1 < p.Length && p[i + 1] != ']')
            {
                if (!char.IsAsciiDigit(p[i + 1])) digitsOnly = false;
                i += 2;
                continue;
            }
            if (!char.IsAsciiDigit(p[i])) digitsOnly = false;
            i++;
        }
        if (i >= p.Length) throw new FormatException();
        i++; // "]"
        return digitsOnly;
    }

    /// <summary>The character escaped by the backslash at <paramref name="i"/>.</summary>
    private static char EscapedAt(string p, int i) => i + 1 < p.Length ? p[i + 1] : throw new FormatException();

    /// <summary>Reads past a Unicode category ("\p{L}", "\P{N}") at <paramref name="i"/>; false when there is none there.</summary>
    private static bool SkipCategory(string p, ref int i)
    {
        if (p[i + 1] is not ('p' or 'P')) return false;
        var close = p.IndexOf('}', i);
        i = close >= 0 ? close + 1 : throw new FormatException();
        return true;
    }
}
