namespace Sitrep.Geo;

/// <summary>
/// ISO 3166 alpha-3 to alpha-2 (<c>data/gazetteer/country-codes.tsv</c>, from i18n-iso-countries):
/// entities carry alpha-3 countries (as ACLED and CAMEO actors do), the gazetteer alpha-2 (as GeoNames does).
/// The optional third and fourth columns, the numeric code and the English name, serve the exports.
/// </summary>
public sealed class CountryCodes
{
    private readonly Dictionary<string, string> _alpha2ByAlpha3;
    private readonly Dictionary<string, string> _alpha3ByAlpha2;
    private readonly Dictionary<string, (int? Numeric, string? Name)> _detailsByAlpha3;

    private CountryCodes(Dictionary<string, string> alpha2ByAlpha3, Dictionary<string, (int? Numeric, string? Name)> detailsByAlpha3)
    {
        _alpha2ByAlpha3 = alpha2ByAlpha3;
        _alpha3ByAlpha2 = alpha2ByAlpha3.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
        _detailsByAlpha3 = detailsByAlpha3;
    }

    private static readonly Lazy<CountryCodes> DefaultCodes = new(() => Load(Path.Combine(Gazetteer.DefaultDataFolder(), "country-codes.tsv")));

    public static CountryCodes Default => DefaultCodes.Value;

    public string? Alpha2(string? alpha3) => alpha3 is not null && _alpha2ByAlpha3.TryGetValue(alpha3, out var alpha2) ? alpha2 : null;

    public string? Alpha3(string? alpha2) => alpha2 is not null && _alpha3ByAlpha2.TryGetValue(alpha2, out var alpha3) ? alpha3 : null;

    /// <summary>ISO 3166 numeric code ("760" for SYR), or null.</summary>
    public int? Numeric(string? alpha3) => alpha3 is not null && _detailsByAlpha3.TryGetValue(alpha3, out var details) ? details.Numeric : null;

    /// <summary>English short name ("France"), or null.</summary>
    public string? Name(string? alpha3) => alpha3 is not null && _detailsByAlpha3.TryGetValue(alpha3, out var details) ? details.Name : null;

    public static CountryCodes Load(string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var details = new Dictionary<string, (int?, string?)>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields.Length is not (2 or 4) || fields[0].Length != 2 || fields[1].Length != 3)
                throw new Language.LanguageDataException($"{path}:{number}: expected 'alpha-2<TAB>alpha-3[<TAB>numeric<TAB>name]'");
            map[fields[1]] = fields[0];
            if (fields.Length == 4)
            {
                if (!int.TryParse(fields[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var numeric))
                    throw new Language.LanguageDataException($"{path}:{number}: numeric code '{fields[2]}' is not a number");
                details[fields[1]] = (numeric, fields[3]);
            }
        }
        return new CountryCodes(map, details);
    }
}
