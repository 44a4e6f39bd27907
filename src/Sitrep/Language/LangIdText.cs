using System.Globalization;
using System.Text;

namespace Sitrep.Language;

/// <summary>The writing systems language identification tells apart before it looks at words.</summary>
public enum Script : byte
{
    Other,
    Latin,
    Greek,
    Cyrillic,
    Armenian,
    Hebrew,
    Arabic,
    Devanagari,
    Thai,
    Georgian,
    Hangul,
    Kana,
    Han,
}

/// <summary>Character-level helpers shared by the identifier and the profile generator.</summary>
public static class LangIdText
{
    public const int ScriptCount = (int)Script.Han + 1;

    /// <summary>The boundary mark around words in n-grams; written <c>_</c> in profile files.</summary>
    public const char Boundary = ' ';

    /// <summary>The script of a letter (callers pass letters only).</summary>
    public static Script ScriptOf(char c) => c switch
    {
        < '\u0250' => Script.Latin,
        >= '\u0370' and < '\u0400' => Script.Greek,
        >= '\u0400' and < '\u0530' => Script.Cyrillic,
        >= '\u0530' and < '\u0590' => Script.Armenian,
        >= '\u0590' and < '\u0600' => Script.Hebrew,
        >= '\u0600' and < '\u0700' => Script.Arabic,
        >= '\u0750' and < '\u0780' => Script.Arabic,
        >= '\u08A0' and < '\u0900' => Script.Arabic,
        >= '\u0900' and < '\u0980' => Script.Devanagari,
        >= '\u0E00' and < '\u0E80' => Script.Thai,
        >= '\u10A0' and < '\u1100' => Script.Georgian,
        >= '\u1100' and < '\u1200' => Script.Hangul,
        >= '\u1E00' and < '\u1F00' => Script.Latin,
        >= '\u1F00' and < '\u2000' => Script.Greek,
        >= '\u3040' and < '\u3100' => Script.Kana,
        >= '\u3400' and < '\u4DC0' => Script.Han,
        >= '\u4E00' and < '\uA000' => Script.Han,
        >= '\uAC00' and < '\uD7B0' => Script.Hangul,
        >= '\uFB50' and < '\uFE00' => Script.Arabic,
        >= '\uFE70' and < '\uFF00' => Script.Arabic,
        _ => Script.Other,
    };

    /// <summary>Letters and combining marks (Arabic vowels, Devanagari signs) make up words.</summary>
    public static bool IsWordChar(char c)
    {
        if (c < '\u0300') return char.IsLetter(c);
        if (char.IsLetter(c)) return true;
        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    public static bool IsApostrophe(char c) => c == '\'' || c == '\u2019';

    /// <summary>The key of an n-gram of 1 to 3 lower-case characters (or <see cref="Boundary"/>).</summary>
    public static ulong NgramKey(char a) => 1UL << 48 | a;

    public static ulong NgramKey(char a, char b) => 2UL << 48 | (ulong)b << 16 | a;

    public static ulong NgramKey(char a, char b, char c) => 3UL << 48 | (ulong)c << 32 | (ulong)b << 16 | a;

    /// <summary>The n-grams of one lower-cased word, with boundaries: "le" gives l e _l le e_ _le le_.</summary>
    public static void ForEachNgram<TSink>(ReadOnlySpan<char> lowerWord, ref TSink sink) where TSink : struct, INgramSink, allows ref struct
    {
        var previous2 = Boundary;
        var previous = Boundary;
        foreach (var c in lowerWord)
        {
            sink.Add(NgramKey(c), 1);
            sink.Add(NgramKey(previous, c), 2);
            sink.Add(NgramKey(previous2, previous, c), previous == Boundary ? 0 : 3);
            previous2 = previous;
            previous = c;
        }
        sink.Add(NgramKey(previous, Boundary), 2);
        sink.Add(NgramKey(previous2, previous, Boundary), 3);
    }
}

/// <summary>Receives n-grams; <c>order</c> 0 means "not an n-gram" (skip it).</summary>
public interface INgramSink
{
    void Add(ulong key, int order);
}

/// <summary>
/// Walks the words of a text without allocating: letters (and combining marks) make words; an
/// apostrophe between letters ends a word and is kept on the shorter side for function-word
/// look-up ("l'", "d'", "dell'", "'s"). Tracks whether a word starts a sentence, so that
/// capitalised words inside a sentence (names, places) can count for less.
/// </summary>
public ref struct WordScanner
{
    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private bool _sentenceStart;

    public WordScanner(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        _sentenceStart = true;
    }

    public int Start { get; private set; }
    public int Length { get; private set; }

    /// <summary>The word follows an apostrophe that follows a letter ("armée" in "l'armée").</summary>
    public bool AfterApostrophe { get; private set; }

    /// <summary>An apostrophe and a letter follow the word ("l" in "l'armée").</summary>
    public bool BeforeApostrophe { get; private set; }

    /// <summary>The first word of the text or of a sentence, line or heading.</summary>
    public bool SentenceInitial { get; private set; }

    public readonly ReadOnlySpan<char> Word => _text.Slice(Start, Length);

    /// <summary>Capitalised (or upper-case) inside a sentence: likely a name, an acronym or a place.</summary>
    public readonly bool NameLike => !SentenceInitial && !AfterApostrophe && char.IsUpper(_text[Start]);

    public bool MoveNext()
    {
        var text = _text;
        var position = _position;
        while (position < text.Length && !LangIdText.IsWordChar(text[position]))
        {
            if (text[position] is '.' or '!' or '?' or ':' or '\n' or '\u2026') _sentenceStart = true;
            position++;
        }
        if (position >= text.Length)
        {
            _position = position;
            return false;
        }
        Start = position;
        AfterApostrophe = position >= 2 && LangIdText.IsApostrophe(text[position - 1]) && LangIdText.IsWordChar(text[position - 2]);
        while (position < text.Length && LangIdText.IsWordChar(text[position])) position++;
        Length = position - Start;
        BeforeApostrophe = position + 1 < text.Length && LangIdText.IsApostrophe(text[position]) && LangIdText.IsWordChar(text[position + 1]);
        SentenceInitial = _sentenceStart && !AfterApostrophe;
        _sentenceStart = false;
        _position = position;
        return true;
    }

    /// <summary>
    /// Writes the look-up form of the current word into <paramref name="buffer"/>: lower case, with
    /// the apostrophe kept before a following word ("l'") or on a short ending ("'s", "'t").
    /// Returns the number of characters written, or 0 when the word does not fit.
    /// </summary>
    public readonly int LookupForm(Span<char> buffer)
    {
        var prefix = AfterApostrophe && Length <= 2 && !BeforeApostrophe ? 1 : 0;
        var suffix = BeforeApostrophe ? 1 : 0;
        var total = prefix + Length + suffix;
        if (total > buffer.Length) return 0;
        if (prefix == 1) buffer[0] = '\'';
        var word = Word;
        for (var i = 0; i < word.Length; i++) buffer[prefix + i] = char.ToLowerInvariant(word[i]);
        if (suffix == 1) buffer[total - 1] = '\'';
        return total;
    }
}

/// <summary>
/// Builds a character n-gram profile (1 to 3 letters with word boundaries) from text, as the
/// tab-separated <c>langid-ngrams.tsv</c> file the identifier reads. Used by tools/langid.
/// </summary>
public static class NgramProfileBuilder
{
    /// <summary>Additive smoothing and assumed inventory size per n-gram order (1, 2, 3).</summary>
    public const double Alpha = 0.1;

    public static readonly int[] Inventory = [0, 60, 1500, 15000];

    public static string Build(string corpus, string source)
    {
        var counter = new Counter { Counts = new Dictionary<ulong, int>() };
        Span<char> buffer = stackalloc char[64];
        var scanner = new WordScanner(corpus);
        while (scanner.MoveNext())
        {
            var word = scanner.Word;
            if (word.Length > buffer.Length) continue;
            var lower = buffer[..word.Length];
            word.ToLowerInvariant(lower);
            LangIdText.ForEachNgram(lower, ref counter);
        }

        var totals = new long[4];
        foreach (var (key, count) in counter.Counts) totals[(int)(key >> 48)] += count;

        var output = new StringBuilder();
        output.Append("# Character n-gram log-probabilities, generated by tools/langid/generate.sh from ").Append(source).Append('\n');
        output.Append("# Do not edit by hand: edit the corpus and regenerate. '_' marks a word boundary.\n");
        for (var order = 1; order <= 3; order++)
        {
            var unseen = Math.Log(Alpha / (totals[order] + Alpha * Inventory[order]));
            output.Append("unseen:").Append(order).Append('\t').Append(unseen.ToString("F3", CultureInfo.InvariantCulture)).Append('\n');
        }
        var entries = counter.Counts
            .Select(pair => (Gram: GramText(pair.Key), Order: (int)(pair.Key >> 48), Count: pair.Value))
            .OrderBy(entry => entry.Order).ThenByDescending(entry => entry.Count).ThenBy(entry => entry.Gram, StringComparer.Ordinal);
        foreach (var (gram, order, count) in entries)
        {
            var logProbability = Math.Log((count + Alpha) / (totals[order] + Alpha * Inventory[order]));
            output.Append(gram).Append('\t').Append(logProbability.ToString("F3", CultureInfo.InvariantCulture)).Append('\n');
        }
        return output.ToString();
    }

    private static string GramText(ulong key)
    {
        var order = (int)(key >> 48);
        Span<char> chars = stackalloc char[3];
        for (var i = 0; i < order; i++)
        {
            var c = (char)(key >> (16 * i) & 0xFFFF);
            chars[i] = c == LangIdText.Boundary ? '_' : c;
        }
        return new string(chars[..order]);
    }

    private struct Counter : INgramSink
    {
        public Dictionary<ulong, int> Counts;

        public void Add(ulong key, int order)
        {
            if (order == 0) return;
            Counts[key] = Counts.GetValueOrDefault(key) + 1;
        }
    }
}
