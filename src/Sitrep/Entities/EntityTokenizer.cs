using System.Globalization;
using System.Text;

namespace Sitrep.Entities;

/// <summary>What a token looks like, which is most of what says whether it can be part of a name.</summary>
[Flags]
internal enum TokenShape
{
    None = 0,
    Word = 1,
    /// <summary>Starts with a capital letter ("Dupont", "al-Assad" counts: a short lowercase particle, a hyphen, a capital).</summary>
    Capitalised = 2,
    /// <summary>Two or more letters, all capitals ("OSDH", "FAMa" does not count).</summary>
    AllCaps = 4,
    Digit = 8,
    Punctuation = 16,
}

/// <summary>
/// A word (letters and digits, with inner hyphens) or one punctuation character. <see cref="Key"/> is
/// the token lowercased without diacritics, so "État", "Etat" and "ÉTAT" meet in one dictionary entry.
/// </summary>
internal readonly record struct Token(int Start, int End, string Key, TokenShape Shape, bool SentenceStart)
{
    public bool IsWord => (Shape & TokenShape.Word) != 0;
    public bool IsCapitalised => (Shape & TokenShape.Capitalised) != 0;
    public bool IsAllCaps => (Shape & TokenShape.AllCaps) != 0;
    public bool Is(char c) => Shape == TokenShape.Punctuation && Key.Length == 1 && Key[0] == c;
}

/// <summary>Cuts text into <see cref="Token"/>s; the same cut for entity names in data files and for documents.</summary>
internal static class EntityTokenizer
{
    private static readonly char[] FoldTable = BuildFoldTable();

    /// <summary>The key of each punctuation character below U+0250, made once rather than per token.</summary>
    private static readonly string[] OneCharKeys = Enumerable.Range(0, 0x250).Select(c => ((char)c).ToString()).ToArray();

    /// <summary>Tokens of text[start..end); <paramref name="sentenceStarts"/> (sorted offsets) marks the first word of each sentence.</summary>
    public static void Tokenize(string text, int start, int end, IReadOnlyList<int> sentenceStarts, List<Token> tokens)
    {
        var keys = KeyCache ??= new KeyStrings();
        var nextSentence = 0;
        while (nextSentence < sentenceStarts.Count && sentenceStarts[nextSentence] < start) nextSentence++;
        var atSentenceStart = true;
        var i = start;
        while (i < end)
        {
            var c = text[i];
            while (nextSentence < sentenceStarts.Count && sentenceStarts[nextSentence] <= i)
            {
                atSentenceStart = true;
                nextSentence++;
            }
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }
            if (char.IsLetterOrDigit(c))
            {
                var j = i + 1;
                while (j < end && (char.IsLetterOrDigit(text[j]) || char.IsSurrogate(text[j])
                       || (text[j] == '-' && j + 1 < end && char.IsLetterOrDigit(text[j + 1]))))
                    j++;
                // "al-Qaeda-linked", "Houthi-controlled": a name with a lowercase word hyphened to it is the name,
                // a hyphen and the word ("porte-parole", "pro-Russian" stay whole).
                var hyphen = text.LastIndexOf('-', j - 1, j - i);
                if (hyphen > i && hyphen + 1 < j && IsLowercase(text.AsSpan(hyphen + 1, j - hyphen - 1)) && HasUpper(text.AsSpan(i, hyphen - i)))
                {
                    var head = keys.Word(text.AsSpan(i, hyphen - i));
                    tokens.Add(new Token(i, hyphen, head.Key, head.Shape, atSentenceStart));
                    tokens.Add(new Token(hyphen, hyphen + 1, "-", TokenShape.Punctuation, false));
                    var tail = keys.Word(text.AsSpan(hyphen + 1, j - hyphen - 1));
                    tokens.Add(new Token(hyphen + 1, j, tail.Key, tail.Shape, false));
                }
                else
                {
                    var word = keys.Word(text.AsSpan(i, j - i));
                    tokens.Add(new Token(i, j, word.Key, word.Shape, atSentenceStart));
                }
                atSentenceStart = false;
                i = j;
                continue;
            }
            // Opening quotes and brackets do not end the sentence start: « Selon… » still starts one.
            tokens.Add(new Token(i, i + 1, c < OneCharKeys.Length ? OneCharKeys[c] : c.ToString(), TokenShape.Punctuation, false));
            if (c is not ('"' or '(' or '\'' or '[' or '-')) atSentenceStart = false;
            i++;
        }
    }

    /// <summary>
    /// Tokens of a document's main text (its folded twin), paragraph by paragraph; <paramref name="ranges"/>
    /// gets each paragraph's token range and language (the document's when the paragraph's is unknown).
    /// </summary>
    public static List<Token> TokenizeDocument(Document document, List<(int From, int To, string Language)> ranges)
    {
        // The entity and actor stages read the same tokens, one after the other on the same thread: the
        // second gets the first's (the tokens are never changed once made).
        if (LastDocument is { } last && last.Document.TryGetTarget(out var seen) && ReferenceEquals(seen, document)
            && ReferenceEquals(last.Text, document.Text) && last.Paragraphs == document.Paragraphs.Count && last.Sentences == document.Sentences.Count)
        {
            ranges.AddRange(last.Ranges);
            return last.Tokens;
        }
        var tokens = Tokenize(document, ranges);
        LastDocument = new TokenizedDocument(new WeakReference<Document>(document), document.Text, document.Paragraphs.Count, document.Sentences.Count, tokens, [.. ranges]);
        return tokens;
    }

    private sealed record TokenizedDocument(WeakReference<Document> Document, string Text, int Paragraphs, int Sentences, List<Token> Tokens,
        List<(int From, int To, string Language)> Ranges);

    [ThreadStatic] private static TokenizedDocument? LastDocument;

    private static List<Token> Tokenize(Document document, List<(int From, int To, string Language)> ranges)
    {
        var text = document.FoldedText.Length == document.Text.Length ? document.FoldedText : document.Text;
        var sentenceStarts = new List<int>(document.Sentences.Count);
        foreach (var sentence in document.Sentences) sentenceStarts.Add(sentence.Start);
        var tokens = new List<Token>(text.Length / 5);
        if (document.Paragraphs.Count == 0)
        {
            Tokenize(text, 0, text.Length, sentenceStarts, tokens);
            ranges.Add((0, tokens.Count, document.Language));
        }
        else
            foreach (var paragraph in document.Paragraphs)
            {
                var from = tokens.Count;
                Tokenize(text, paragraph.Span.Start, paragraph.Span.End, sentenceStarts, tokens);
                ranges.Add((from, tokens.Count, paragraph.Language is "und" or "" ? document.Language : paragraph.Language));
            }
        return tokens;
    }

    /// <summary>Tokens of a name or cue written in a data file.</summary>
    public static List<Token> Tokenize(string phrase)
    {
        var tokens = new List<Token>();
        Tokenize(phrase, 0, phrase.Length, [], tokens);
        return tokens;
    }

    public static string Key(ReadOnlySpan<char> word)
    {
        Span<char> buffer = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
        Fold(word, buffer);
        return new string(buffer);
    }

    private static void Fold(ReadOnlySpan<char> word, Span<char> buffer)
    {
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            buffer[i] = c < FoldTable.Length ? FoldTable[c] : char.ToLowerInvariant(c);
        }
    }

    /// <summary>
    /// The words already read on this thread, as written, with their key and shape: a document repeats its words, and
    /// documents share most of theirs, so a word is folded and its shape worked out once rather than per token (strings
    /// are immutable, sharing is safe). A direct-mapped table indexed by a hash of the word as written: one probe, one
    /// compare, no hash set's buckets and comparer calls; a word whose slot another took is read again (as without the cache).
    /// </summary>
    private sealed class KeyStrings
    {
        private const int MaxLength = 64;
        private const int Slots = 1 << 15;
        private readonly KnownWord?[] _slots = new KnownWord?[Slots];

        public sealed record KnownWord(string Written, string Key, TokenShape Shape);

        public KnownWord Word(ReadOnlySpan<char> word)
        {
            if (word.Length > MaxLength) return new KnownWord("", EntityTokenizer.Key(word), Shape(word));
            // FNV-1a over the characters as written.
            var hash = 2166136261u;
            foreach (var c in word) hash = (hash ^ c) * 16777619u;
            ref var slot = ref _slots[(hash ^ (hash >> 15)) & (Slots - 1)];
            if (slot is { } known && word.SequenceEqual(known.Written)) return known;
            return slot = new KnownWord(word.ToString(), EntityTokenizer.Key(word), Shape(word));
        }
    }

    [ThreadStatic] private static KeyStrings? KeyCache;

    public static string Key(string word) => Key(word.AsSpan());

    private static bool IsLowercase(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (!char.IsLower(c)) return false;
        return true;
    }

    private static bool HasUpper(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
            if (char.IsUpper(c)) return true;
        return false;
    }

    private static TokenShape Shape(ReadOnlySpan<char> word)
    {
        var shape = TokenShape.Word;
        int letters = 0, upper = 0;
        foreach (var c in word)
        {
            if (char.IsLetter(c))
            {
                letters++;
                if (char.IsUpper(c)) upper++;
            }
            else if (char.IsDigit(c)) shape |= TokenShape.Digit;
        }
        if (char.IsUpper(word[0])) shape |= TokenShape.Capitalised;
        else
        {
            // "al-Assad", "el-Sissi", "ad-Dawla": a particle written in lowercase before the name proper.
            var hyphen = word.IndexOf('-');
            if (hyphen is > 0 and <= 3 && hyphen + 1 < word.Length && char.IsUpper(word[hyphen + 1])) shape |= TokenShape.Capitalised;
        }
        if (letters >= 2 && upper == letters) shape |= TokenShape.AllCaps;
        return shape;
    }

    private static char[] BuildFoldTable()
    {
        var table = new char[0x250];
        for (var c = 0; c < table.Length; c++)
        {
            var lower = char.ToLowerInvariant((char)c);
            var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
            var folded = lower;
            if (decomposed.Length > 0 && CharUnicodeInfo.GetUnicodeCategory(decomposed[0]) != UnicodeCategory.NonSpacingMark)
                folded = decomposed[0];
            table[c] = folded;
        }
        return table;
    }
}
