using Sitrep.Language;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Quantities;

/// <summary>Reads the quantity YAML files, with the file and line of any mistake in the error.</summary>
internal sealed class QuantityData
{
    private QuantityData(string path, YamlMappingNode root)
    {
        Path = path;
        Root = root;
    }

    public string Path { get; }
    public YamlMappingNode Root { get; }

    public static QuantityData Load(string path)
    {
        return new QuantityData(path, YamlFile.ReadMapping(path));
    }

    public string Where(YamlNode node) => $"{Path}:{node.Start.Line}";

    public YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    /// <summary>A mapping of phrases to scalar values (<c>"une vingtaine": 20</c>); empty when absent.</summary>
    public IEnumerable<(string Phrase, string Value, YamlNode Node)> Map(YamlMappingNode parent, string key)
    {
        if (Child(parent, key) is not { } node) yield break;
        if (node is not YamlMappingNode map) throw new LanguageDataException($"{Where(node)}: '{key}' must map phrases to values");
        foreach (var (k, v) in map.Children)
        {
            var phrase = (k as YamlScalarNode)?.Value;
            var value = (v as YamlScalarNode)?.Value;
            if (string.IsNullOrWhiteSpace(phrase) || value is null)
                throw new LanguageDataException($"{Where(k)}: '{key}' entries are 'phrase: value'");
            yield return (phrase, value, k);
        }
    }

    /// <summary>A list of strings (<c>[et, and]</c>); empty when absent.</summary>
    public IEnumerable<string> List(YamlMappingNode parent, string key)
    {
        if (Child(parent, key) is not { } node) yield break;
        if (node is not YamlSequenceNode list) throw new LanguageDataException($"{Where(node)}: '{key}' must be a list");
        foreach (var item in list.Children)
            yield return (item as YamlScalarNode)?.Value ?? throw new LanguageDataException($"{Where(item)}: '{key}' items are strings");
    }

    public YamlMappingNode Section(string key) =>
        Child(Root, key) as YamlMappingNode ?? throw new LanguageDataException($"{Path}:1: section '{key}' (a mapping) is missing");
}
