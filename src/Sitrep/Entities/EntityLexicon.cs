using Sitrep.Language;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Entities;

/// <summary>
/// An entity the data knows by name: its type, canonical English name, kind of actor and state (ISO3).
/// A canonical name may hold <c>{adjective}</c>, filled with the adjective of the country a pattern matched.
/// </summary>
internal sealed record KnownEntity(EntityType Type, string Canonical, string? Kind, string? Country)
{
    /// <summary>A country's or capital's name: followed by what a government does ("Moscou accuse"), it names the government.</summary>
    public bool NamesState { get; init; }
}

/// <summary>A state as the data knows it: ISO 3166 alpha-3 code, English name and adjective ("Syria", "Syrian").</summary>
internal sealed record CountryInfo(string Iso3, string Name, string Adjective, bool Definite)
{
    /// <summary>The name as it stands in running English: "the United States", "France".</summary>
    public string NameInText => Definite ? "the " + Name : Name;

    /// <summary>Fills <c>{adjective}</c> and <c>{name}</c> in a canonical-name template.</summary>
    public string Fill(string template) =>
        template.Replace("{adjective}", Adjective, StringComparison.Ordinal).Replace("{name}", NameInText, StringComparison.Ordinal);
}

/// <summary>
/// The curated, language-independent entity lists of <c>data/entities/</c>: <c>countries.yaml</c>
/// (states with their names in several languages, adjective and capitals) and every other
/// <c>*.yaml</c> (armed groups, organisations, state bodies, outlets, places, persons: a default
/// <c>type</c> and <c>kind</c>, then <c>entries</c> with canonical name, aliases, kind, country),
/// plus <c>first-names.txt</c>.
/// </summary>
internal sealed class EntityLexicon
{
    public List<(string Alias, KnownEntity Entity)> Aliases { get; } = [];
    public Dictionary<string, CountryInfo> Countries { get; } = new(StringComparer.Ordinal);
    public HashSet<string> FirstNames { get; } = new(StringComparer.Ordinal);

    public static EntityLexicon Load(string folder)
    {
        var lexicon = new EntityLexicon();
        if (!Directory.Exists(folder)) return lexicon;
        var countries = Path.Combine(folder, "countries.yaml");
        if (File.Exists(countries)) lexicon.LoadCountries(countries);
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
            if (!file.EndsWith("countries.yaml", StringComparison.Ordinal)) lexicon.LoadEntities(file);
        var firstNames = Path.Combine(folder, "first-names.txt");
        if (File.Exists(firstNames))
            foreach (var line in WordList.Read(firstNames))
                foreach (var name in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    lexicon.FirstNames.Add(EntityTokenizer.Key(name));
        return lexicon;
    }

    private void LoadCountries(string path)
    {
        foreach (var node in EntityYaml.Sequence(EntityYaml.Read(path), "countries", path))
        {
            var iso3 = EntityYaml.Required(node, "iso3", path);
            var name = EntityYaml.Required(node, "name", path);
            var adjective = EntityYaml.Scalar(node, "adjective") ?? name;
            Countries[iso3] = new CountryInfo(iso3, name, adjective, EntityYaml.Scalar(node, "definite") == "true");
            var country = new KnownEntity(EntityType.LOC, name, null, iso3) { NamesState = true };
            Aliases.Add((name, country));
            foreach (var alias in EntityYaml.List(node, "aliases")) Aliases.Add((alias, country));
            var capitals = EntityYaml.List(node, "capitals");
            if (capitals.Count > 0)
            {
                var capital = new KnownEntity(EntityType.LOC, capitals[0], null, iso3) { NamesState = true };
                foreach (var alias in capitals) Aliases.Add((alias, capital));
            }
        }
    }

    private void LoadEntities(string path)
    {
        var root = EntityYaml.Read(path);
        var defaultType = EntityYaml.Type(EntityYaml.Scalar(root, "type") ?? "ORG", root, path);
        var defaultKind = EntityYaml.Scalar(root, "kind");
        foreach (var node in EntityYaml.Sequence(root, "entries", path))
        {
            var canonical = EntityYaml.Required(node, "canonical", path);
            var type = EntityYaml.Scalar(node, "type") is { } t ? EntityYaml.Type(t, node, path) : defaultType;
            var entity = new KnownEntity(type, canonical, EntityYaml.Scalar(node, "kind") ?? defaultKind, EntityYaml.Scalar(node, "country"));
            Aliases.Add((canonical, entity));
            foreach (var alias in EntityYaml.List(node, "aliases")) Aliases.Add((alias, entity));
        }
    }
}

/// <summary>Small readers over YamlDotNet's node model that name the file and line of a mistake.</summary>
internal static class EntityYaml
{
    public static YamlMappingNode Read(string path) => YamlFile.ReadMapping(path);

    public static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string? Scalar(YamlMappingNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value is { Length: > 0 } value ? value : null;

    public static string Required(YamlMappingNode node, string key, string path) =>
        Scalar(node, key) ?? throw new LanguageDataException($"{path}:{node.Start.Line}: '{key}' is missing");

    public static List<string> List(YamlMappingNode node, string key) =>
        Child(node, key) is YamlSequenceNode sequence
            ? sequence.Children.OfType<YamlScalarNode>().Select(s => s.Value ?? "").Where(s => s.Length > 0).ToList()
            : [];

    public static IEnumerable<YamlMappingNode> Sequence(YamlMappingNode root, string key, string path)
    {
        if (Child(root, key) is not YamlSequenceNode sequence) yield break;
        foreach (var item in sequence.Children)
            yield return item as YamlMappingNode ?? throw new LanguageDataException($"{path}:{item.Start.Line}: each '{key}' item is a mapping");
    }

    public static EntityType Type(string value, YamlNode where, string path) =>
        Enum.TryParse<EntityType>(value, ignoreCase: false, out var type)
            ? type
            : throw new LanguageDataException($"{path}:{where.Start.Line}: type '{value}' is not one of PERSON, ORG, LOC, GROUP, MISC");
}
