using System.Globalization;
using Sitrep.Entities;
using Sitrep.Language;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Actors;

/// <summary>A code an analysts' actor holds between two days (both included; null is open).</summary>
internal sealed record DatedCode(string Code, DateOnly? From, DateOnly? To)
{
    public bool Covers(DateOnly day) => (From is null || From <= day) && (To is null || day <= To);
}

/// <summary>An actor from <c>data/actors/actors.yaml</c>: its name, country, kind and codes over time.</summary>
internal sealed record CataloguedActor(string Name, string? Country, string Kind, IReadOnlyList<DatedCode> Codes)
{
    /// <summary>The code valid on <paramref name="day"/>; without a day, the open-ended (current) one, else the last.</summary>
    public string? CodeOn(DateOnly? day)
    {
        if (Codes.Count == 0) return null;
        if (day is { } known) return Codes.FirstOrDefault(c => c.Covers(known))?.Code;
        return (Codes.LastOrDefault(c => c.To is null) ?? Codes[^1]).Code;
    }
}

/// <summary>
/// The language-independent actor data of <c>data/actors/</c>: role codes per kind and organisation
/// sectors (<c>roles.yaml</c>), and the analysts' own actors with dated codes (<c>actors.yaml</c>).
/// </summary>
internal sealed class ActorCatalogue
{
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "military", "government", "police", "rebel", "militia", "mercenary", "terrorist", "civilians", "organization", "person", "coalition",
    };

    private readonly Dictionary<string, string> _roles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sectorByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CataloguedActor> _actorsByKey = new(StringComparer.Ordinal);
    private string _international = "IGO";

    public static ActorCatalogue Load(string dataRoot)
    {
        var catalogue = new ActorCatalogue();
        var folder = Path.Combine(dataRoot, "actors");
        var roles = Path.Combine(folder, "roles.yaml");
        if (File.Exists(roles)) catalogue.LoadRoles(roles, Path.Combine(dataRoot, "entities"));
        // actors.yaml and any other list beside it (an imported dictionary), in name order: a name an earlier
        // file already gives keeps that file's actor.
        if (Directory.Exists(folder))
            foreach (var file in Directory.EnumerateFiles(folder, "*.yaml").Order(StringComparer.Ordinal))
                if (Path.GetFileName(file) != "roles.yaml") catalogue.LoadActors(file);
        return catalogue;
    }

    /// <summary>The analysts' actor a name stands for (a canonical name or the text written), if any.</summary>
    public CataloguedActor? Find(string name) => _actorsByKey.GetValueOrDefault(EntityTokenizer.Key(name));

    /// <summary>
    /// The CAMEO-style code of an actor: country, then the role of its kind ("TUR" + "MIL"); organisations
    /// by sector (MED, NGO) or IGO without a country; null when there is nothing to code.
    /// </summary>
    public string? Code(string? country, string kind, string? canonical = null, string? roleOverride = null)
    {
        if (roleOverride is not null) return (country ?? "") + roleOverride;
        var role = _roles.GetValueOrDefault(kind, "");
        if (kind == "organization")
        {
            if (canonical is not null && _sectorByName.TryGetValue(canonical, out var sector)) role = sector;
            else if (country is null) return _international;
        }
        else if (kind == "coalition" && country is null) return _international + role;
        var code = (country ?? "") + role;
        return code.Length > 0 ? code : null;
    }

    private void LoadRoles(string path, string entityFolder)
    {
        var root = YamlFile.ReadMapping(path, "roles, international and sectors");
        if (EntityYaml.Child(root, "roles") is YamlMappingNode roles)
            foreach (var (keyNode, valueNode) in roles.Children)
            {
                var kind = keyNode.ToString();
                if (!Kinds.Contains(kind)) throw new LanguageDataException($"{path}:{keyNode.Start.Line}: kind '{kind}' is not one of {string.Join(", ", Kinds)}");
                _roles[kind] = (valueNode as YamlScalarNode)?.Value ?? "";
            }
        _international = EntityYaml.Scalar(root, "international") ?? _international;
        if (EntityYaml.Child(root, "sectors") is not YamlMappingNode sectors) return;
        foreach (var (keyNode, valueNode) in sectors.Children)
        {
            var sector = keyNode.ToString();
            if (valueNode is not YamlMappingNode body)
                throw new LanguageDataException($"{path}:{valueNode.Start.Line}: sector '{sector}' maps to names and/or entity-lists");
            foreach (var name in EntityYaml.List(body, "names")) _sectorByName[name] = sector;
            foreach (var list in EntityYaml.List(body, "entity-lists"))
            {
                var file = Path.Combine(entityFolder, list);
                if (!File.Exists(file)) throw new LanguageDataException($"{path}:{body.Start.Line}: entity list '{list}' not found in {entityFolder}");
                foreach (var entry in EntityYaml.Sequence(EntityYaml.Read(file), "entries", file))
                    _sectorByName[EntityYaml.Required(entry, "canonical", file)] = sector;
            }
        }
    }

    private void LoadActors(string path)
    {
        var root = YamlFile.ReadMapping(path, "actors");
        var thisFile = new Dictionary<string, CataloguedActor>(StringComparer.Ordinal);
        foreach (var node in EntityYaml.Sequence(root, "actors", path))
        {
            var name = EntityYaml.Required(node, "name", path);
            var kind = EntityYaml.Required(node, "kind", path);
            if (!Kinds.Contains(kind)) throw new LanguageDataException($"{path}:{node.Start.Line}: kind '{kind}' is not one of {string.Join(", ", Kinds)}");
            var codes = new List<DatedCode>();
            foreach (var code in EntityYaml.Sequence(node, "codes", path))
                codes.Add(new DatedCode(EntityYaml.Required(code, "code", path), Day(code, "from", path), Day(code, "to", path)));
            var actor = new CataloguedActor(name, EntityYaml.Scalar(node, "country"), kind, codes);
            foreach (var alias in EntityYaml.List(node, "aliases").Prepend(name))
            {
                var key = EntityTokenizer.Key(alias);
                if (thisFile.TryGetValue(key, out var other) && other != actor)
                    throw new LanguageDataException($"{path}:{node.Start.Line}: alias '{alias}' already names {other.Name}");
                thisFile[key] = actor;
                _actorsByKey.TryAdd(key, actor);
            }
        }
    }

    private static DateOnly? Day(YamlMappingNode node, string key, string path) =>
        EntityYaml.Scalar(node, key) is not { } value ? null
        : DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new LanguageDataException($"{path}:{node.Start.Line}: '{key}: {value}' is not a day (YYYY-MM-DD)");
}
