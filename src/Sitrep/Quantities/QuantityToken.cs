using System.Globalization;
using System.Text;

namespace Sitrep.Quantities;

/// <summary>What a token is: letters (with a closing elision apostrophe), ASCII digits, or one other mark (a hyphen too).</summary>
public enum TokenKind
{
    Word,
    Digits,
    Mark,
}

/// <summary>A token of a text: a half-open range of it, and its lookup key when it is a word.</summary>
public readonly record struct QuantityToken(int Start, int End, TokenKind Kind, string Key)
{
    public int Length => End - Start;
}

/// <summary>
/// Splits text into words, digit runs and marks. Language-neutral: an elision keeps its apostrophe
/// ("jusqu'", "n'") so data phrases are split the same way as the text they are matched against.
/// </summary>
public static class QuantityTokenizer
{
    public static void Tokenize(string text, int start, int end, List<QuantityToken> tokens)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            var from = i;
            if (char.IsAsciiDigit(c))
            {
                while (i < end && char.IsAsciiDigit(text[i])) i++;
                tokens.Add(new QuantityToken(from, i, TokenKind.Digits, ""));
            }
            else if (char.IsLetter(c))
            {
                while (i < end)
                {
                    if (char.IsLetter(text[i]) || CharUnicodeInfo.GetUnicodeCategory(text[i]) == UnicodeCategory.NonSpacingMark) i++;
                    // An apostrophe ends an elision ("jusqu'"); a hyphen is a mark of its own ("vingt", "-", "trois").
                    else if (text[i] is '\'' or '’' && i > from) { i++; break; }
                    else break;
                }
                tokens.Add(new QuantityToken(from, i, TokenKind.Word, (KeyCache ??= new KnownKeys()).Key(text.AsSpan(from, i - from))));
            }
            else
            {
                i++;
                tokens.Add(new QuantityToken(from, i, TokenKind.Mark, text[from].ToString()));
            }
        }
    }

    /// <summary>Lower case, no accents, plain apostrophes: how every word list is looked up.</summary>
    public static string Key(ReadOnlySpan<char> word)
    {
        var plain = true;
        foreach (var c in word)
        {
            if (c >= FoldTable.Length && c != '’') return SlowKey(word);
            if (c > 0x7F || char.IsAsciiLetterUpper(c) || c == '’') plain = false;
        }
        if (plain) return word.ToString();
        var length = 0;
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        foreach (var c in word)
            buffer[length++] = c == '’' ? '\'' : FoldTable[c];
        return new string(buffer[..length]);
    }

    /// <summary>
    /// The keys of the words already read on this thread, by the word as written: sentences repeat their words, so a
    /// word's key is made once rather than per token (strings are immutable, sharing is safe). A direct-mapped table
    /// indexed by a hash of the word: one probe, one compare; a word whose slot another took is keyed again.
    /// </summary>
    private sealed class KnownKeys
    {
        private const int MaxLength = 64;
        private const int Slots = 1 << 13;
        private readonly (string Written, string Key)[] _slots = new (string, string)[Slots];

        public string Key(ReadOnlySpan<char> word)
        {
            if (word.Length > MaxLength) return QuantityTokenizer.Key(word);
            // FNV-1a over the characters as written.
            var hash = 2166136261u;
            foreach (var c in word) hash = (hash ^ c) * 16777619u;
            ref var slot = ref _slots[(hash ^ (hash >> 13)) & (Slots - 1)];
            if (slot.Written is { } written && word.SequenceEqual(written)) return slot.Key;
            var key = QuantityTokenizer.Key(word);
            slot = (word.ToString(), key);
            return key;
        }
    }

    [ThreadStatic] private static KnownKeys? KeyCache;

    /// <summary>Latin letters up to U+024F, lower-cased and stripped of their accents: "É" → 'e'.</summary>
    private static readonly char[] FoldTable = BuildFoldTable();

    private static char[] BuildFoldTable()
    {
        var table = new char[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var decomposed = ((char)c).ToString().Normalize(NormalizationForm.FormD);
            table[c] = char.ToLowerInvariant(decomposed[0]);
        }
        return table;
    }

    private static string SlowKey(ReadOnlySpan<char> word)
    {
        var decomposed = word.ToString().ToLowerInvariant().Replace('’', '\'').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        return builder.ToString();
    }

    /// <summary>The keys of a phrase written in a data file ("jusqu'à" → ["jusqu'", "a"]).</summary>
    public static string[] Keys(string phrase)
    {
        var tokens = new List<QuantityToken>();
        Tokenize(phrase, 0, phrase.Length, tokens);
        return [.. tokens.Select(t => t.Kind == TokenKind.Word ? t.Key : phrase[t.Start..t.End])];
    }
}
