using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Sitrep.Geo;

/// <summary>
/// The compact on-disk gazetteer: gzipped, tab-separated, one record a line, written by
/// <c>tools/gazetteer/generate.js</c> (the default) and by <see cref="GeoNamesImporter"/>.
/// <code>
/// #sitrep-gazetteer  1  source
/// C  ISO2  geonameid|empty  name  other|names
/// A  ISO2.admin1  name  geonameid|empty
/// geonameid  name  lat  lon  feature-class  feature-code  ISO2  admin1  population  other|names
/// </code>
/// </summary>
public static class GazetteerFile
{
    public const string Header = "#sitrep-gazetteer\t1";

    public sealed record CountryRecord(string Code, int? GeonamesId, string Name, IReadOnlyList<string> OtherNames);
    public sealed record Admin1Record(string Code, string Name, int? GeonamesId);
    public sealed record PlaceRecord(int GeonamesId, string Name, double Lat, double Lon, char FeatureClass, string FeatureCode,
        string Country, string Admin1, long Population, IReadOnlyList<string> OtherNames);

    public static StreamWriter CreateWriter(string path, string source)
    {
        var gzip = new GZipStream(File.Create(path), CompressionLevel.SmallestSize);
        var writer = new StreamWriter(gzip, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine($"{Header}\t{Clean(source)}");
        return writer;
    }

    public static void Write(TextWriter writer, CountryRecord c) =>
        writer.WriteLine($"C\t{c.Code}\t{c.GeonamesId}\t{Clean(c.Name)}\t{Names(c.OtherNames)}");

    public static void Write(TextWriter writer, Admin1Record a) =>
        writer.WriteLine($"A\t{a.Code}\t{Clean(a.Name)}\t{a.GeonamesId}");

    public static void Write(TextWriter writer, PlaceRecord p) =>
        writer.WriteLine(string.Join('\t', p.GeonamesId.ToString(CultureInfo.InvariantCulture), Clean(p.Name),
            p.Lat.ToString("0.#####", CultureInfo.InvariantCulture), p.Lon.ToString("0.#####", CultureInfo.InvariantCulture),
            p.FeatureClass.ToString(), p.FeatureCode, p.Country, p.Admin1, p.Population.ToString(CultureInfo.InvariantCulture), Names(p.OtherNames)));

    /// <summary>Reads a gazetteer file, calling one of the three handlers per record.</summary>
    public static void Read(string path, Action<CountryRecord> country, Action<Admin1Record> admin1, Action<PlaceRecord> place)
    {
        using var stream = File.OpenRead(path);
        if (stream.ReadByte() != 0x1f || stream.ReadByte() != 0x8b)
            throw new InvalidDataException($"{path}: not a Sitrep gazetteer (not gzipped; build one with 'sitrep gazetteer import')");
        stream.Position = 0;
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8, false, 1 << 16);
        var header = reader.ReadLine();
        if (header is null || !header.StartsWith(Header, StringComparison.Ordinal))
            throw new InvalidDataException($"{path}: not a Sitrep gazetteer (first line must start with \"{Header.Replace("\t", "<TAB>")}\")");
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var f = line.Split('\t');
            try
            {
                if (f[0] == "C") country(new CountryRecord(f[1], OptionalInt(f[2]), f[3], SplitNames(f[4])));
                else if (f[0] == "A") admin1(new Admin1Record(f[1], f[2], OptionalInt(f[3])));
                else place(new PlaceRecord(int.Parse(f[0], CultureInfo.InvariantCulture), f[1], Double(f[2]), Double(f[3]), f[4][0], f[5], f[6], f[7],
                    long.Parse(f[8], CultureInfo.InvariantCulture), SplitNames(f[9])));
            }
            catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException)
            {
                throw new InvalidDataException($"{path}:{lineNumber}: malformed gazetteer line");
            }
        }
    }

    internal static double Double(string s) => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
    internal static int? OptionalInt(string s) => s.Length == 0 ? null : int.Parse(s, CultureInfo.InvariantCulture);
    internal static IReadOnlyList<string> SplitNames(string s) => s.Length == 0 ? [] : s.Split('|');
    private static string Names(IEnumerable<string> names) => string.Join('|', names.Select(Clean));
    private static string Clean(string s) => s.Replace('\t', ' ').Replace('|', ' ').Replace('\n', ' ').Replace('\r', ' ').Trim();
}
