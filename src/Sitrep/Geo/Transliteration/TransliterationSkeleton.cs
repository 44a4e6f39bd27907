using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Language;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Geo.Transliteration;

/// <summary>
/// Folds a place name into its transliteration skeleton, coarser than its name key: the spellings of one
/// Arabic, Persian, Somali, Sahelian or Slavic name in French and English copy and in GeoNames meet there
/// ("Zaouïa" = "Zawiya", "Chéberghan" = "Shibirghān", "Soudja" = "Sudzha"). The rules are data:
/// <c>data/gazetteer/transliteration.yaml</c>. Immutable and thread-safe.
/// </summary>
public sealed class TransliterationSkeleton
{
    /// <summary>The file's name in the gazetteer's data folder.</summary>
    public const string FileName = "transliteration.yaml";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);
    private readonly HashSet<string> _qualifiers;
    // A rule without regex syntax is a plain replacement (most of them): far cheaper on the 137,000 gazetteer names.
    private readonly (Regex Pattern, string? Literal, string Replacement)[] _rules;

    private TransliterationSkeleton(HashSet<string> qualifiers, (Regex, string?, string)[] rules, int minimumLength, int minimumLengthAnywhere)
    {
        _qualifiers = qualifiers;
        _rules = rules;
        MinimumLength = minimumLength;
        MinimumLengthAnywhere = minimumLengthAnywhere;
    }

    /// <summary>The rules' patterns, in order.</summary>
    public IReadOnlyList<string> Patterns => [.. _rules.Select(r => r.Pattern.ToString())];

    /// <summary>Skeletons shorter than this are never matched.</summary>
    public int MinimumLength { get; }

    /// <summary>Skeletons shorter than this are matched only among the places of the document's countries.</summary>
    public int MinimumLengthAnywhere { get; }

    /// <summary>The rules of <paramref name="path"/>; a mistake names the file and line.</summary>
    public static TransliterationSkeleton Load(string path)
    {
        var root = YamlFile.ReadMapping(path, "qualifiers, rules and the minimum lengths");
        var qualifiers = new HashSet<string>(StringComparer.Ordinal);
        var rules = new List<(Regex, string?, string)>();
        int? minimumLength = null, minimumAnywhere = null;
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "qualifiers":
                    foreach (var item in Sequence(path, value, key)) qualifiers.Add(Scalar(path, item));
                    break;
                case "rules":
                    foreach (var item in Sequence(path, value, key))
                    {
                        if (item is not YamlSequenceNode { Children.Count: 2 } pair)
                            throw new LanguageDataException($"{path}:{item.Start.Line}: a rule is [pattern, replacement]");
                        var text = Scalar(path, pair[0]);
                        Regex pattern;
                        try
                        {
                            pattern = new Regex(text, RegexOptions.CultureInvariant | RegexOptions.Compiled, MatchTimeout);
                        }
                        catch (ArgumentException error)
                        {
                            throw new LanguageDataException($"{path}:{item.Start.Line}: {error.Message}");
                        }
                        rules.Add((pattern, Regex.Escape(text) == text ? text : null, ((YamlScalarNode)pair[1]).Value ?? ""));
                    }
                    break;
                case "min_length":
                    minimumLength = Number(path, value);
                    break;
                case "min_length_anywhere":
                    minimumAnywhere = Number(path, value);
                    break;
                default:
                    throw new LanguageDataException($"{path}:{keyNode.Start.Line}: unknown key '{key}'");
            }
        }
        if (minimumLength is not { } shortest || minimumAnywhere is not { } anywhere)
            throw new LanguageDataException($"{path}:1: min_length and min_length_anywhere are required");
        return new TransliterationSkeleton(qualifiers, [.. rules], shortest, anywhere);
    }

    private static IEnumerable<YamlNode> Sequence(string path, YamlNode node, string key) =>
        node as YamlSequenceNode ?? throw new LanguageDataException($"{path}:{node.Start.Line}: '{key}' is a list");

    private static string Scalar(string path, YamlNode node) =>
        (node as YamlScalarNode)?.Value is { Length: > 0 } value ? value : throw new LanguageDataException($"{path}:{node.Start.Line}: expected a word or pattern");

    private static int Number(string path, YamlNode node) =>
        int.TryParse((node as YamlScalarNode)?.Value, out var n) && n > 0 ? n : throw new LanguageDataException($"{path}:{node.Start.Line}: expected a positive number");

    /// <summary>The skeleton of a name, from the words its name key reads (<paramref name="keys"/>); empty when nothing is left.</summary>
    public string Skeleton(PlaceNameKey keys, ReadOnlySpan<char> name)
    {
        var words = keys.Words(name);
        // "An Nabaţīyah at Taḩtā": the article before the qualifier is already gone with the other articles.
        if (words.Count > 1 && _qualifiers.Contains(words[^1])) words.RemoveAt(words.Count - 1);
        var joined = new StringBuilder(name.Length);
        foreach (var word in words) joined.Append(word);
        var skeleton = joined.ToString();
        foreach (var (pattern, literal, replacement) in _rules)
            skeleton = literal is null ? pattern.Replace(skeleton, replacement) : skeleton.Replace(literal, replacement, StringComparison.Ordinal);
        return skeleton;
    }
}
