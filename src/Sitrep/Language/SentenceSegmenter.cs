namespace Sitrep.Language;

/// <summary>
/// Splits text into sentences. A sentence ends at '.', '!', '?' or '…' (with any closing quotes or
/// brackets) followed by a space and a capital, digit or opening quote, or at a paragraph break.
/// It does not end after a known abbreviation of the paragraph's language ("M.", "Dr.", "lt-col.")
/// or of any language, after an initial ("J. Dupont"), after dotted acronyms ("U.S."), or inside
/// « guillemets » and “curly quotes”, where the speaker's sentence continues after the quote.
/// </summary>
public sealed class SentenceSegmenter
{
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _abbreviations;
    private readonly HashSet<string> _anyLanguage;

    public SentenceSegmenter(IReadOnlyDictionary<string, IReadOnlySet<string>> abbreviations)
    {
        _abbreviations = abbreviations;
        _anyLanguage = abbreviations.Values.SelectMany(a => a).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Sentence spans in [start, end) of <paramref name="text"/>, trimmed of spaces.</summary>
    public void Split(string text, int start, int end, string language, List<TextSpan> into)
    {
        var own = _abbreviations.GetValueOrDefault(language);
        var sentenceStart = start;
        var quoteDepth = 0;
        for (var i = start; i < end; i++)
        {
            var c = text[i];
            if (c is '«' or '“') { quoteDepth++; continue; }
            if (c is '»' or '”') { if (quoteDepth > 0) quoteDepth--; continue; }
            if (c == '\n' && i + 1 < end && text[i + 1] == '\n')
            {
                Add(text, sentenceStart, i, into);
                sentenceStart = i + 2;
                quoteDepth = 0;
                i++;
                continue;
            }
            if (c is not ('.' or '!' or '?' or '…') || quoteDepth > 0) continue;

            var after = i + 1;
            while (after < end && text[after] is '.' or '!' or '?' or '…') after++;
            while (after < end && text[after] is '"' or '\'' or ')' or ']' or '»' or '”' or '’') after++;
            if (after >= end) break;
            if (text[after] is not (' ' or '\n')) continue;
            var next = after;
            while (next < end && text[next] is ' ' or '\n') next++;
            if (next >= end) break;
            if (!StartsSentence(text[next])) continue;
            if (c == '.' && IsAbbreviation(text, start, i, own)) continue;

            Add(text, sentenceStart, after, into);
            sentenceStart = next;
            i = next - 1;
        }
        Add(text, sentenceStart, end, into);
    }

    private static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || c is '«' or '“' or '"' or '(' or '[' or '-' or '–' or '—' or '¿' or '¡' || char.IsLetter(c) && !char.IsLower(c);

    private bool IsAbbreviation(string text, int limit, int dot, IReadOnlySet<string>? own)
    {
        var wordStart = dot;
        while (wordStart > limit && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '«' or '"' or '“')) wordStart--;
        var word = text.AsSpan(wordStart, dot + 1 - wordStart);
        if (word.Length == 2 && char.IsUpper(word[0])) return true; // an initial: "J. Dupont"
        if (IsDottedAcronym(word)) return true; // "U.S.", "N.-B."
        var key = word.ToString();
        return own?.Contains(key) == true || _anyLanguage.Contains(key)
            || own?.Contains(key.ToLowerInvariant()) == true;
    }

    private static bool IsDottedAcronym(ReadOnlySpan<char> word)
    {
        var letters = 0;
        for (var i = 0; i < word.Length; i++)
        {
            if (char.IsLetter(word[i]))
            {
                if (i + 1 >= word.Length || word[i + 1] != '.') return false;
                letters++;
                i++;
            }
            else if (word[i] != '-') return false;
        }
        return letters >= 2;
    }

    private static void Add(string text, int start, int end, List<TextSpan> into)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) into.Add(new TextSpan(start, end));
    }
}
