namespace Sitrep.Language;

/// <summary>A language guess: ISO 639-1 code (or "und"), a score in [0, 1], and whether it is safe to use alone.</summary>
public readonly record struct LanguageGuess(string Language, double Confidence, bool IsConfident);

/// <summary>Identifies the language of a text from the function words listed in <c>lang/&lt;code&gt;/langid.txt</c>.</summary>
public sealed class LanguageIdentifier
{
    private readonly Dictionary<string, string[]> _wordsByLanguage;

    private LanguageIdentifier(Dictionary<string, string[]> wordsByLanguage) => _wordsByLanguage = wordsByLanguage;

    public IReadOnlyCollection<string> Languages => _wordsByLanguage.Keys;

    public static LanguageIdentifier Load(string root)
    {
        var words = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, "langid.txt");
            if (File.Exists(file)) words[Path.GetFileName(folder)] = WordList.Read(file).ToArray();
        }
        return new LanguageIdentifier(words);
    }

    public LanguageGuess Identify(ReadOnlySpan<char> text, string? hint = null)
    {
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var range in text.Split(' '))
        {
            var word = text[range].Trim(".,;:!?\"'()\n").ToString().ToLowerInvariant();
            if (word.Length > 0) tokens.Add(word);
        }
        string best = "und";
        var bestScore = 0;
        foreach (var (language, words) in _wordsByLanguage)
        {
            var score = words.Count(tokens.Contains);
            if (score > bestScore) (best, bestScore) = (language, score);
        }
        return new LanguageGuess(best, bestScore == 0 ? 0 : 1, bestScore >= 3);
    }
}
