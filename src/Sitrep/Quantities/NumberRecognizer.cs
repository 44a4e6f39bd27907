using System.Globalization;

namespace Sitrep.Quantities;

/// <summary>Cardinal ("1 200", "vingt-trois"), ordinal ("3e", "deuxième") or approximate ("une vingtaine", "dozens").</summary>
public enum NumberKind
{
    Cardinal,
    Ordinal,
    Approximate,
}

/// <summary>A number found in a text: its range, value and kind, and the tokens it covers.</summary>
public readonly record struct NumberMention(int Start, int End, double Value, NumberKind Kind, int FirstToken, int TokenCount)
{
    public int NextToken => FirstToken + TokenCount;
}

/// <summary>
/// Finds numbers in tokenized text with one language's <see cref="NumberGrammar"/>. Words are
/// composed the usual way for French and English: values add up ("vingt" + "trois",
/// "quatre-vingt" + "dix-sept"), a hundred multiplies what is before it, and a larger multiplier
/// closes a group ("deux cent mille", "three thousand millions").
/// </summary>
public static class NumberRecognizer
{
    /// <summary>Every number in <paramref name="tokens"/>, left to right, none overlapping.</summary>
    public static void Recognize(string text, IReadOnlyList<QuantityToken> tokens, NumberGrammar grammar, List<NumberMention> output)
    {
        var i = 0;
        var wordStarts = grammar.WordStarts;
        while (i < tokens.Count)
        {
            if (tokens[i].Kind == TokenKind.Word && !wordStarts.Contains(tokens[i].Key)) i++;
            else if (TryAt(text, tokens, i, grammar, out var mention))
            {
                output.Add(mention);
                i = mention.NextToken;
            }
            else i++;
        }
    }

    /// <summary>The number that starts at token <paramref name="at"/>, if one does.</summary>
    public static bool TryAt(string text, IReadOnlyList<QuantityToken> tokens, int at, NumberGrammar grammar, out NumberMention mention)
    {
        mention = default;
        var token = tokens[at];
        if (token.Kind == TokenKind.Word)
        {
            var approximate = grammar.Approximations.Match(tokens, at, out var rough);
            var cardinal = Cardinal(text, tokens, at, grammar, out var value, out var ordinal);
            if (approximate > 0 && approximate >= cardinal)
            {
                mention = Make(tokens, at, approximate, rough, NumberKind.Approximate);
                return true;
            }
            if (cardinal > 0)
            {
                mention = Make(tokens, at, cardinal, value, ordinal ? NumberKind.Ordinal : NumberKind.Cardinal);
                return true;
            }
            var ordinalWord = grammar.Ordinals.Match(tokens, at, out var rank);
            if (ordinalWord > 0)
            {
                mention = Make(tokens, at, ordinalWord, rank, NumberKind.Ordinal);
                return true;
            }
            // "minus 1,200,000", "negative five hundred and four".
            if (grammar.Negative.Contains(token.Key) && at + 1 < tokens.Count && TryAt(text, tokens, at + 1, grammar, out var negated) && negated.Kind == NumberKind.Cardinal)
            {
                mention = Make(tokens, at, negated.NextToken - at, -negated.Value, NumberKind.Cardinal);
                return true;
            }
            return false;
        }
        if (token.Kind == TokenKind.Digits)
        {
            if (Fraction(tokens, at, text) is { } fraction)
            {
                mention = Make(tokens, at, 3, fraction, NumberKind.Cardinal);
                return true;
            }
            var length = Cardinal(text, tokens, at, grammar, out var value, out var ordinal);
            if (length == 0) return false;
            mention = Make(tokens, at, length, value, ordinal ? NumberKind.Ordinal : NumberKind.Cardinal);
            return true;
        }
        // A sign: "-504", "- 1.200.000", never the dash of a range ("10-15") nor a dateline's before a spelled count ("(GWS) - Five soldiers").
        if (token.Key == "-" && at + 1 < tokens.Count && (at == 0 || tokens[at - 1].Kind == TokenKind.Mark)
            && tokens[at + 1].Start - token.End <= (tokens[at + 1].Kind == TokenKind.Digits ? 1 : 0) && TryAt(text, tokens, at + 1, grammar, out var signed) && signed.Kind == NumberKind.Cardinal)
        {
            mention = Make(tokens, at, signed.NextToken - at, -signed.Value, NumberKind.Cardinal);
            return true;
        }
        // A leading decimal mark: ".77", ",0012G".
        if (token.Key is "." or "," && at + 1 < tokens.Count && tokens[at + 1].Kind == TokenKind.Digits && Adjacent(tokens, at)
            && (at == 0 || tokens[at - 1].End < token.Start || tokens[at - 1].Kind == TokenKind.Mark))
        {
            var fraction = Fraction(text, tokens[at + 1]);
            var next = at + 2;
            if (next < tokens.Count && Adjacent(tokens, next - 1) && tokens[next].Kind == TokenKind.Word && grammar.Suffixes.TryGetValue(text[tokens[next].Start..tokens[next].End], out var suffix))
            {
                fraction *= suffix;
                next++;
            }
            mention = Make(tokens, at, next - at, fraction, NumberKind.Cardinal);
            return true;
        }
        return false;
    }

    /// <summary>
    /// "1/5", "20/100": a smaller number over a larger one, written tight. Never a date: "12/3" (larger
    /// first) and "5/3/2019" (a second slash) are left alone.
    /// </summary>
    private static double? Fraction(IReadOnlyList<QuantityToken> tokens, int at, string text)
    {
        if (at + 2 >= tokens.Count || tokens[at + 1].Key != "/" || tokens[at + 2].Kind != TokenKind.Digits || !Adjacent(tokens, at) || !Adjacent(tokens, at + 1)) return null;
        if (at > 0 && Adjacent(tokens, at - 1) && tokens[at - 1].Key is "/" or "." or ",") return null;
        if (at + 3 < tokens.Count && Adjacent(tokens, at + 2) && tokens[at + 3].Key is "/" or "." or ",") return null;
        if (tokens[at].Length > 6 || tokens[at + 2].Length > 6) return null;
        var numerator = double.Parse(text.AsSpan(tokens[at].Start, tokens[at].Length), CultureInfo.InvariantCulture);
        var denominator = double.Parse(text.AsSpan(tokens[at + 2].Start, tokens[at + 2].Length), CultureInfo.InvariantCulture);
        return denominator > numerator ? numerator / denominator : null;
    }

    private static NumberMention Make(IReadOnlyList<QuantityToken> tokens, int at, int count, double value, NumberKind kind) =>
        new(tokens[at].Start, tokens[at + count - 1].End, Math.Round(value, 6), kind, at, count);

    /// <summary>Token <paramref name="i"/> touches token i+1: nothing between them.</summary>
    private static bool Adjacent(IReadOnlyList<QuantityToken> tokens, int i) => i + 1 < tokens.Count && tokens[i].End == tokens[i + 1].Start;

    private static double Fraction(string text, QuantityToken digits) =>
        double.Parse("0." + text.AsSpan(digits.Start, digits.Length).ToString(), CultureInfo.InvariantCulture);

    private enum Last { None, Digits, Unit, Ten, Hundred, Big }

    /// <summary>How many tokens the cardinal at <paramref name="at"/> covers (0: none), its value, and whether an ordinal ending closed it.</summary>
    private static int Cardinal(string text, IReadOnlyList<QuantityToken> tokens, int at, NumberGrammar grammar, out double value, out bool ordinal)
    {
        value = 0;
        ordinal = false;
        double total = 0, current = 0;
        var last = Last.None;
        var j = at;
        if (tokens[at].Kind == TokenKind.Digits)
        {
            j = Digits(text, tokens, at, grammar, out current);
            last = Last.Digits;
            if (j < tokens.Count && tokens[j].Kind == TokenKind.Word && tokens[j - 1].End == tokens[j].Start && (j + 1 == tokens.Count || tokens[j].End != tokens[j + 1].Start || tokens[j + 1].Kind != TokenKind.Word))
            {
                if (grammar.OrdinalSuffixes.Contains(tokens[j].Key))
                {
                    value = current;
                    ordinal = true;
                    return j + 1 - at;
                }
                if (grammar.Suffixes.TryGetValue(text[tokens[j].Start..tokens[j].End], out var suffix))
                {
                    value = current * suffix;
                    return j + 1 - at;
                }
            }
        }
        while (j < tokens.Count)
        {
            var token = tokens[j];
            // A hyphen inside a number word ("vingt-trois") joins like a space.
            if (token.Key == "-" && last is Last.Unit or Last.Ten or Last.Hundred or Last.Big && Adjacent(tokens, j - 1) && Adjacent(tokens, j)
                && (grammar.Values.Match(tokens, j + 1, out _) > 0 || grammar.Multipliers.Match(tokens, j + 1, out _) > 0 || grammar.Joiners.Contains(tokens[j + 1].Key)))
            {
                j++;
                continue;
            }
            if (token.Kind == TokenKind.Digits)
            {
                // "trente 3": a digit after a tens word.
                if (last == Last.Ten && token.Length == 1 && text[token.Start] != '0' && current % 10 == 0)
                {
                    current += text[token.Start] - '0';
                    last = Last.Unit;
                    j++;
                    continue;
                }
                break;
            }
            if (token.Kind != TokenKind.Word) break;
            if (grammar.Joiners.Contains(token.Key) && last is Last.Ten or Last.Hundred or Last.Big && j + 1 < tokens.Count)
            {
                // "vingt et un", "vingt-et-un".
                var after = tokens[j + 1].Key == "-" && Adjacent(tokens, j) && Adjacent(tokens, j + 1) ? j + 2 : j + 1;
                if (grammar.Values.Match(tokens, after, out var joined) > 0 && Fits(current, joined))
                {
                    j = after;
                    continue;
                }
            }
            if (last != Last.Digits && grammar.Values.Match(tokens, j, out var v) is > 0 and var valueLength)
            {
                if (!Fits(current, v)) break;
                current += v;
                last = v >= 20 ? Last.Ten : Last.Unit;
                j += valueLength;
                continue;
            }
            if (grammar.Multipliers.Match(tokens, j, out var m) is > 0 and var multiplierLength)
            {
                if (m < 1000 && m != 12 && m >= 100)
                {
                    if (current >= 100) break;
                    current = (current == 0 ? 1 : current) * m;
                    last = Last.Hundred;
                }
                else
                {
                    if (current == 0 && total > 0 && total < m) total *= m;       // "three thousand millions"
                    else if (total > 0 && total < m) total = (total + current) * m;
                    else total += (current == 0 ? 1 : current) * m;
                    current = 0;
                    last = Last.Big;
                }
                j += multiplierLength;
                continue;
            }
            if (last == Last.None && grammar.OneBeforeMultiplier.Contains(token.Key) && grammar.Multipliers.Match(tokens, j + 1, out _) > 0)
            {
                current = 1;
                last = Last.Unit;
                j++;
                continue;
            }
            // "two point two million", "point 77".
            if (grammar.DecimalPoint.Contains(token.Key) && last is Last.None or Last.Unit or Last.Ten or Last.Digits && j + 1 < tokens.Count)
            {
                var digits = DecimalDigits(text, tokens, j + 1, grammar, out var read);
                if (digits.Length == 0) break;
                current += double.Parse("0." + digits, CultureInfo.InvariantCulture);
                last = Last.Digits;
                j += 1 + read;
                continue;
            }
            break;
        }
        if (last == Last.None || j == at) return 0;
        value = total + current;
        // "forty-five (45)", "45 (forty five)": the figure said twice is one number.
        if (j + 2 < tokens.Count && tokens[j].Key == "(" && TryAt(text, tokens, j + 1, grammar, out var again) && again.Value == value
            && again.NextToken < tokens.Count && tokens[again.NextToken].Key == ")")
            j = again.NextToken + 1;
        return j - at;
    }

    /// <summary>Whether a value word can follow what is being built: "vingt" + "trois", "soixante" + "onze", not "trois" + "deux".</summary>
    private static bool Fits(double current, double value)
    {
        var low = current % 100;
        return low == 0 || (low % 10 == 0 && (value < 10 || (low >= 20 && value < 20)));
    }

    /// <summary>Digits after a decimal word: "1 point 1", "point 77", "point two".</summary>
    private static string DecimalDigits(string text, IReadOnlyList<QuantityToken> tokens, int at, NumberGrammar grammar, out int read)
    {
        read = 0;
        if (tokens[at].Kind == TokenKind.Digits)
        {
            read = 1;
            return text[tokens[at].Start..tokens[at].End];
        }
        var digits = "";
        while (at + read < tokens.Count && grammar.Values.Match(tokens, at + read, out var d) == 1 && d < 10)
        {
            digits += ((int)d).ToString(CultureInfo.InvariantCulture);
            read++;
        }
        return digits;
    }

    /// <summary>A run of digits with its thousands groups and decimals; returns the token after it.</summary>
    private static int Digits(string text, IReadOnlyList<QuantityToken> tokens, int at, NumberGrammar grammar, out double value)
    {
        var whole = text[tokens[at].Start..tokens[at].End];
        var j = at + 1;
        if (tokens[at].Length <= 3)
        {
            while (j < tokens.Count)
            {
                // "2.000", "1,200": a mark between two runs of digits; "1 200": one space.
                if (j + 1 < tokens.Count && tokens[j].Kind == TokenKind.Mark && Adjacent(tokens, j - 1) && Adjacent(tokens, j)
                    && grammar.ThousandsSeparators.Contains(tokens[j].Key) && tokens[j + 1].Kind == TokenKind.Digits && tokens[j + 1].Length == 3)
                {
                    whole += text[tokens[j + 1].Start..tokens[j + 1].End];
                    j += 2;
                }
                else if (tokens[j].Kind == TokenKind.Digits && tokens[j].Length == 3 && tokens[j].Start - tokens[j - 1].End == 1
                    && grammar.ThousandsSeparators.Contains(text[tokens[j - 1].End].ToString()))
                {
                    whole += text[tokens[j].Start..tokens[j].End];
                    j++;
                }
                else break;
            }
        }
        value = double.Parse(whole, CultureInfo.InvariantCulture);
        // Decimals: the language's mark, or '.'/',' where it could not group thousands ("3.5 millions" in French).
        if (j + 1 < tokens.Count && tokens[j].Key is "." or "," && Adjacent(tokens, j - 1) && Adjacent(tokens, j) && tokens[j + 1].Kind == TokenKind.Digits
            && (grammar.DecimalSeparators.Contains(tokens[j].Key) || !grammar.ThousandsSeparators.Contains(tokens[j].Key) || tokens[j + 1].Length != 3))
        {
            value += Fraction(text, tokens[j + 1]);
            j += 2;
        }
        return j;
    }
}
