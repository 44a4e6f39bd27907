using System.Text;
using Lucene.Net.Tartarus.Snowball;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Language;

/// <summary>
/// Word stems for full-text search, with the Snowball stemmer each language names in
/// <c>lang/&lt;code&gt;/language.yaml</c> (<c>snowball: French</c>), so that "frappes" finds
/// "frappe" and "strikes" finds "strike". Stemmers are not thread-safe: each call makes its own.
/// </summary>
public sealed class SearchStemmer
{
    private readonly IReadOnlyDictionary<string, Func<SnowballProgram>> _byLanguage;

    private SearchStemmer(IReadOnlyDictionary<string, Func<SnowballProgram>> byLanguage) => _byLanguage = byLanguage;

    public static SearchStemmer Load(string root)
    {
        var stemmers = new SortedDictionary<string, Func<SnowballProgram>>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, "language.yaml");
            if (!File.Exists(file)) continue;
            if (YamlFile.ReadMappingOrNull(file) is not { } mapping) continue;
            foreach (var (key, value) in mapping.Children)
            {
                if (key is not YamlScalarNode { Value: "snowball" } || value is not YamlScalarNode { Value: { Length: > 0 } name }) continue;
                var type = typeof(SnowballProgram).Assembly.GetType($"Lucene.Net.Tartarus.Snowball.Ext.{name}Stemmer");
                if (type is null || !typeof(SnowballProgram).IsAssignableFrom(type))
                    throw new LanguageDataException($"{file}:{value.Start.Line}: unknown Snowball stemmer \"{name}\"");
                stemmers[Path.GetFileName(folder)] = () => (SnowballProgram)Activator.CreateInstance(type)!;
            }
        }
        return new SearchStemmer(stemmers);
    }

    /// <summary>The stems of the words of <paramref name="text"/>, space-separated, in the given language; empty when it has no stemmer.</summary>
    public string StemText(string text, string language)
    {
        if (!_byLanguage.TryGetValue(language, out var create)) return "";
        var stemmer = create();
        var output = new StringBuilder(text.Length);
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0) return;
            if (output.Length > 0) output.Append(' ');
            output.Append(Stem(stemmer, word.ToString()));
            word.Clear();
        }
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else Flush();
        }
        Flush();
        return output.ToString();
    }

    /// <summary>The word's stem in every language that has a stemmer, without repeats, in language order.</summary>
    public IReadOnlyList<string> StemsOf(string word)
    {
        var lower = word.ToLowerInvariant();
        var stems = new List<string>();
        foreach (var create in _byLanguage.Values)
        {
            var stem = Stem(create(), lower);
            if (stem.Length > 0 && !stems.Contains(stem)) stems.Add(stem);
        }
        return stems;
    }

    private static string Stem(SnowballProgram stemmer, string word)
    {
        stemmer.SetCurrent(word);
        stemmer.Stem();
        return stemmer.Current;
    }
}
