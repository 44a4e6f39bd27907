using System.Globalization;
using Sitrep.Language;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Export;

/// <summary>
/// The tables the ACLED and GDELT exports fill codes from (<c>data/export/export.yaml</c>): ACLED's
/// actor type (inter) per actor kind, its disorder type per event type, its region per country, its time
/// precision per date grain, and GDELT's QuadClass and Goldstein value per CAMEO root code.
/// </summary>
public sealed class ExportTables
{
    public sealed record CameoRoot(string Name, int QuadClass, double Goldstein);

    private static readonly Lazy<ExportTables> DefaultTables = new(() => Load(DefaultPath()));

    public static ExportTables Default => DefaultTables.Value;

    public static string DefaultPath() => Path.Combine(AppContext.BaseDirectory, "data", "export", "export.yaml");

    public required IReadOnlyDictionary<string, int> InterByKind { get; init; }
    public required IReadOnlyDictionary<string, int> InterByEventType { get; init; }
    public required IReadOnlyDictionary<string, string> DisorderByType { get; init; }
    public required IReadOnlyDictionary<string, string> DisorderBySubtype { get; init; }
    public required IReadOnlyDictionary<string, int> TimePrecisionByGrain { get; init; }
    /// <summary>Country names as ACLED writes them, by ISO 3166 alpha-3, where they differ from ISO's.</summary>
    public required IReadOnlyDictionary<string, string> CountryNames { get; init; }
    /// <summary>ACLED's region by ISO 3166 alpha-3 country.</summary>
    public required IReadOnlyDictionary<string, string> RegionByCountry { get; init; }
    public required IReadOnlyDictionary<string, CameoRoot> CameoRoots { get; init; }

    /// <summary>The country's name for the exports: ACLED's spelling when it differs from ISO's, else ISO's short name.</summary>
    public string? CountryName(string? alpha3, Geo.CountryCodes countries) =>
        alpha3 is not null && CountryNames.TryGetValue(alpha3, out var name) ? name : countries.Name(alpha3);

    public static ExportTables Load(string path)
    {
        var root = YamlFile.ReadMapping(path, "a mapping with acled and gdelt");
        var acled = Mapping(path, root, "acled");
        var gdelt = Mapping(path, root, "gdelt");
        var roots = new Dictionary<string, CameoRoot>(StringComparer.Ordinal);
        foreach (var (key, value) in Mapping(path, gdelt, "cameo-roots").Children)
        {
            var code = Scalar(path, key);
            if (code.Length != 2 || !code.All(char.IsAsciiDigit)) throw Error(path, key, $"CAMEO root '{code}' must be two digits");
            if (value is not YamlMappingNode fields) throw Error(path, value, "expected { name, quad, goldstein }");
            roots[code] = new CameoRoot(Scalar(path, Field(path, fields, "name")),
                Number(path, Field(path, fields, "quad")), Real(path, Field(path, fields, "goldstein")));
        }
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Mapping(path, acled, "regions").Children)
        {
            if (value is not YamlSequenceNode countries) throw Error(path, value, "expected a list of ISO 3166 alpha-3 codes");
            foreach (var country in countries)
                if (!regions.TryAdd(Scalar(path, country), Scalar(path, key))) throw Error(path, country, $"{Scalar(path, country)} is in two regions");
        }
        return new ExportTables
        {
            InterByKind = Numbers(path, Mapping(path, acled, "inter")),
            InterByEventType = Numbers(path, Mapping(path, acled, "inter-for-event-type")),
            DisorderByType = Strings(path, Mapping(path, acled, "disorder")),
            DisorderBySubtype = Strings(path, Mapping(path, acled, "disorder-for-subtype")),
            TimePrecisionByGrain = Numbers(path, Mapping(path, acled, "time-precision")),
            RegionByCountry = regions,
            CountryNames = Strings(path, Mapping(path, root, "country-names")),
            CameoRoots = roots,
        };
    }

    private static YamlMappingNode Mapping(string path, YamlMappingNode parent, string name) =>
        parent.Children.TryGetValue(new YamlScalarNode(name), out var node)
            ? node as YamlMappingNode ?? throw Error(path, node, $"'{name}' must be a mapping")
            : throw Error(path, parent, $"'{name}' is missing");

    private static YamlNode Field(string path, YamlMappingNode parent, string name) =>
        parent.Children.TryGetValue(new YamlScalarNode(name), out var node) ? node : throw Error(path, parent, $"'{name}' is missing");

    private static Dictionary<string, int> Numbers(string path, YamlMappingNode mapping) =>
        mapping.Children.ToDictionary(pair => Scalar(path, pair.Key), pair => Number(path, pair.Value), StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, string> Strings(string path, YamlMappingNode mapping) =>
        mapping.Children.ToDictionary(pair => Scalar(path, pair.Key), pair => Scalar(path, pair.Value), StringComparer.OrdinalIgnoreCase);

    private static string Scalar(string path, YamlNode node) =>
        node is YamlScalarNode { Value: { Length: > 0 } value } ? value : throw Error(path, node, "expected a word or number");

    private static int Number(string path, YamlNode node) =>
        int.TryParse(Scalar(path, node), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : throw Error(path, node, "expected a whole number");

    private static double Real(string path, YamlNode node) =>
        double.TryParse(Scalar(path, node), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : throw Error(path, node, "expected a number");

    private static LanguageDataException Error(string path, YamlNode node, string message) => new($"{path}:{node.Start.Line}: {message}");
}
