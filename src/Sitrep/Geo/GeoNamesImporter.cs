using System.Globalization;
using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Sitrep.Geo;

/// <summary>What an import read and wrote.</summary>
public sealed record GazetteerImportSummary(int Countries, int Admin1, int Places, int AlternateNames, int BadLines);

/// <summary>
/// Builds a gazetteer file (<see cref="GazetteerFile"/>) from the GeoNames dumps as GeoNames
/// publishes them: <c>allCountries.txt</c>, <c>cities500.txt</c>, <c>cities1000.txt</c> or any
/// country file (19 tab-separated columns), <c>alternateNamesV2.txt</c>, <c>admin1CodesASCII.txt</c>,
/// <c>countryInfo.txt</c>. Reads line by line: memory grows with the places kept (their ids) and
/// the alternate names kept for them, never with the size of the inputs. A bad line is reported
/// once, with its file and line number, and skipped.
/// </summary>
public sealed class GeoNamesImporter
{
    private readonly HashSet<string> _features;
    private readonly HashSet<string> _languages;

    private GeoNamesImporter(ImportRules rules)
    {
        _features = rules.Features.ToHashSet(StringComparer.Ordinal);
        _languages = rules.NameLanguages.ToHashSet(StringComparer.Ordinal);
    }

    public static GeoNamesImporter Load(string rulesPath) =>
        new(new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<ImportRules>(File.ReadAllText(rulesPath)) ?? new ImportRules());

    public GazetteerImportSummary Import(IReadOnlyList<string> inputs, string output, TextWriter errors)
    {
        string Kind(string path) => Path.GetFileName(path).ToLowerInvariant() switch
        {
            var n when n.StartsWith("alternatenames", StringComparison.Ordinal) => "alternates",
            var n when n.StartsWith("admin1codes", StringComparison.Ordinal) => "admin1",
            var n when n.StartsWith("countryinfo", StringComparison.Ordinal) => "countries",
            _ => "places",
        };
        var bad = 0;
        void Bad(string file, int line, string message)
        {
            bad++;
            errors.WriteLine($"sitrep: error: {file}:{line}: {message}; line skipped");
        }

        var temporary = output + ".places.tmp";
        var kept = new HashSet<int>();
        int countries = 0, admin1 = 0, places = 0, alternateCount = 0;
        var hasAlternatesFile = inputs.Any(i => Kind(i) == "alternates");
        try
        {
            // Pass 1: places kept, without the alternate names a separate file may add.
            using (var placeWriter = new StreamWriter(temporary, false, new UTF8Encoding(false)) { NewLine = "\n" })
            {
                foreach (var input in inputs.Where(i => Kind(i) == "places"))
                    foreach (var (f, number) in Lines(input))
                    {
                        if (f.Length < 15) { Bad(input, number, $"expected 19 tab-separated columns, found {f.Length}"); continue; }
                        if (!int.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ||
                            !double.TryParse(f[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) ||
                            !double.TryParse(f[5], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) ||
                            lat is < -90 or > 90 || lon is < -180 or > 180)
                        { Bad(input, number, "geonameid, latitude or longitude is not a number in range"); continue; }
                        long.TryParse(f[14], NumberStyles.None, CultureInfo.InvariantCulture, out var population);
                        if (f[6].Length != 1 || !(f[6] == "P" || _features.Contains(f[7]))) continue;
                        if (!kept.Add(id)) continue;
                        var others = hasAlternatesFile ? [] : f[3].Split(',').Where(UsefulName).Distinct(StringComparer.Ordinal).ToList();
                        GazetteerFile.Write(placeWriter, new GazetteerFile.PlaceRecord(id, f[1], lat, lon, f[6][0], f[7], f[8], f[10], population, others));
                        places++;
                    }
            }

            // Pass 2: alternate names of the kept places, in the languages news copy uses.
            var alternates = new Dictionary<int, List<string>>();
            foreach (var input in inputs.Where(i => Kind(i) == "alternates"))
                foreach (var (f, number) in Lines(input))
                {
                    if (f.Length < 4 || !int.TryParse(f[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                    { Bad(input, number, "expected alternateNameId, geonameid, isolanguage, alternate name"); continue; }
                    if (!kept.Contains(id) || !_languages.Contains(f[2]) || !UsefulName(f[3])) continue;
                    if (!alternates.TryGetValue(id, out var list)) alternates[id] = list = [];
                    if (!list.Contains(f[3])) { list.Add(f[3]); alternateCount++; }
                }

            // Pass 3: the file: countries, divisions, then places with their names.
            using var writer = GazetteerFile.CreateWriter(output, "GeoNames dumps: " + string.Join(", ", inputs.Select(Path.GetFileName)));
            foreach (var input in inputs.Where(i => Kind(i) == "countries"))
                foreach (var (f, number) in Lines(input))
                {
                    if (f.Length < 17 || f[0].Length != 2) { Bad(input, number, "expected the 19 countryInfo columns (ISO first)"); continue; }
                    int? id = int.TryParse(f[16], NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : null;
                    GazetteerFile.Write(writer, new GazetteerFile.CountryRecord(f[0], id, f[4], id is { } known && alternates.TryGetValue(known, out var names) ? names : []));
                    countries++;
                }
            foreach (var input in inputs.Where(i => Kind(i) == "admin1"))
                foreach (var (f, number) in Lines(input))
                {
                    if (f.Length < 2 || !f[0].Contains('.')) { Bad(input, number, "expected code (CC.admin1), name, ascii name, geonameid"); continue; }
                    int? id = f.Length > 3 && int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var g) ? g : null;
                    GazetteerFile.Write(writer, new GazetteerFile.Admin1Record(f[0], f[1], id));
                    admin1++;
                }
            foreach (var line in File.ReadLines(temporary))
            {
                var tab = line.IndexOf('\t');
                var id = int.Parse(line.AsSpan(0, tab), CultureInfo.InvariantCulture);
                writer.WriteLine(alternates.TryGetValue(id, out var names) ? line + string.Join('|', names.Select(n => n.Replace('|', ' ').Replace('\t', ' '))) : line);
            }
        }
        finally
        {
            File.Delete(temporary);
        }
        return new GazetteerImportSummary(countries, admin1, places, alternateCount, bad);
    }

    /// <summary>Names in Latin script worth matching: no codes, digits or links.</summary>
    private static bool UsefulName(string name)
    {
        if (name.Length < 3 || name.Length > 80 || name.Contains("://", StringComparison.Ordinal)) return false;
        var letters = 0;
        foreach (var c in name)
        {
            if (char.IsDigit(c)) return false;
            if (!char.IsLetter(c)) continue;
            if (c > 'ɏ' && c < 'Ḁ' || c > 'ỿ') return false;   // outside the Latin blocks
            letters++;
        }
        // All-capital short names are codes (IATA, ICAO, abbreviations).
        return letters >= 3 && !(name.Length <= 5 && name.All(c => !char.IsLetter(c) || char.IsUpper(c)));
    }

    private static IEnumerable<(string[] Fields, int Number)> Lines(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            yield return (line.Split('\t'), number);
        }
    }

    private sealed class ImportRules
    {
        public List<string> Features { get; set; } = [];
        public List<string> NameLanguages { get; set; } = [];
    }
}
