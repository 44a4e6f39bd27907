namespace Sitrep.Geo;

/// <summary>
/// ISO 3166 alpha-3 to alpha-2 (<c>data/gazetteer/country-codes.tsv</c>, from i18n-iso-countries):
/// entities carry alpha-3 countries (as ACLED and CAMEO actors do), the gazetteer alpha-2 (as GeoNames does).
/// </summary>
public sealed class CountryCodes
{
    private readonly Dictionary<string, string> _alpha2ByAlpha3;
    private readonly Dictionary<string, string> _alpha3ByAlpha2;

    private CountryCodes(Dictionary<string, string> alpha2ByAlpha3)
    {
        _alpha2ByAlpha3 = alpha2ByAlpha3;
        _alpha3ByAlpha2 = alpha2ByAlpha3.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }

    private static readonly Lazy<CountryCodes> DefaultCodes = new(() => Load(Path.Combine(Gazetteer.DefaultDataFolder(), "country-codes.tsv")));

    public static CountryCodes Default => DefaultCodes.Value;

    public string? Alpha2(string? alpha3) => alpha3 is not null && _alpha2ByAlpha3.TryGetValue(alpha3, out var alpha2) ? alpha2 : null;

    public string? Alpha3(string? alpha2) => alpha2 is not null && _alpha3ByAlpha2.TryGetValue(alpha2, out var alpha3) ? alpha3 : null;

    public static CountryCodes Load(string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields.Length != 2 || fields[0].Length != 2 || fields[1].Length != 3)
                throw new Language.LanguageDataException($"{path}:{number}: expected 'alpha-2<TAB>alpha-3'");
            map[fields[1]] = fields[0];
        }
        return new CountryCodes(map);
    }
}
