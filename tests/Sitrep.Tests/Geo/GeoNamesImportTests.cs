using FluentAssertions;
using Sitrep.Geo;

namespace Sitrep.Tests.Geo;

/// <summary>
/// <c>sitrep gazetteer import</c> on small files in the exact GeoNames dump formats (written by
/// the team): what is kept, how names and divisions join up, and how a bad line is reported.
/// </summary>
public sealed class GeoNamesImportTests
{
    private static string DataFolder => Path.Combine(AppContext.BaseDirectory, "data", "gazetteer");

    // geonameid, name, asciiname, alternatenames, lat, lon, class, code, country, cc2, admin1-4, population, elevation, dem, timezone, modified
    private static string Row(params string[] fields) => string.Join('\t', fields) + "\n";

    private static readonly string Cities =
        Row("2210247", "Tripoli", "Tripoli", "Tarabulus,Trablous,TIP,طرابلس", "32.88743", "13.18733", "P", "PPLC", "LY", "", "77", "", "", "", "1150989", "", "15", "Africa/Tripoli", "2022-03-12") +
        Row("266826", "Tripoli", "Tripoli", "Trablous,Tarabulus ash Sham", "34.43352", "35.84415", "P", "PPLA", "LB", "", "09", "", "", "", "229398", "", "5", "Asia/Beirut", "2021-11-01") +
        "2210248\tTruncated line\n" +
        Row("2215636", "Libya", "Libya", "Libye", "28", "17", "A", "PCLI", "LY", "", "00", "", "", "", "6461454", "", "", "Africa/Tripoli", "2022-01-01") +
        Row("272103", "North Governorate", "North Governorate", "", "34.4", "35.9", "A", "ADM1", "LB", "", "09", "", "", "", "0", "", "", "Asia/Beirut", "2022-01-01") +
        Row("999001", "Some Hill", "Some Hill", "", "34.5", "35.9", "T", "HLL", "LB", "", "09", "", "", "", "0", "", "", "Asia/Beirut", "2022-01-01") +
        Row("abc", "Bad Number", "Bad Number", "", "x", "35.9", "P", "PPL", "LB", "", "09", "", "", "", "0", "", "", "Asia/Beirut", "2022-01-01");

    [Fact]
    public void Imports_places_countries_and_divisions_and_reports_bad_lines()
    {
        using var folder = new TempFolder();
        var cities = folder.Write("cities1000.txt", Cities);
        var admin1 = folder.Write("admin1CodesASCII.txt", "LB.09\tNorth Governorate\tNorth Governorate\t272103\nLY.77\tTripoli\tTripoli\t2210245\n");
        var countryInfo = folder.Write("countryInfo.txt",
            "# ISO\tISO3\tISO-Numeric\tfips\tCountry\tCapital\tArea(in sq km)\tPopulation\tContinent\ttld\tCurrencyCode\tCurrencyName\tPhone\tPostal Code Format\tPostal Code Regex\tLanguages\tgeonameid\tneighbours\tEquivalentFipsCode\n" +
            "LY\tLBY\t434\tLY\tLibya\tTripoli\t1759540\t6461454\tAF\t.ly\tLYD\tDinar\t218\t\t\tar-LY,it,en\t2215636\tTD,NE,DZ,SD,TN,EG\t\n");
        var output = Path.Combine(folder.Path, "out.tsv.gz");
        var errors = new StringWriter();

        var summary = GeoNamesImporter.Load(Path.Combine(DataFolder, "import.yaml")).Import([cities, admin1, countryInfo], output, errors);

        summary.Should().Be(new GazetteerImportSummary(Countries: 1, Admin1: 2, Places: 4, AlternateNames: 0, BadLines: 2));
        errors.ToString().Should().Contain($"{cities}:3: expected 19 tab-separated columns").And.Contain($"{cities}:7: geonameid, latitude or longitude");
        var gazetteer = Gazetteer.Load(output, DataFolder);
        var tripoli = gazetteer.Candidates("Trablous").Select(c => gazetteer.Places[c]).ToList();
        tripoli.Select(p => p.Id).Should().BeEquivalentTo(["2210247", "266826"], "alternate names of the dump are kept (Latin script only)");
        gazetteer.Candidates("طرابلس").Should().BeEmpty();
        gazetteer.Candidates("TIP").Should().BeEmpty("all-capital short names are codes");
        gazetteer.Candidates("Some Hill").Should().BeEmpty("hills are not among the features kept");
        var libya = gazetteer.Places[gazetteer.Candidates("Libye").Single()];
        libya.Should().Match<GazetteerPlace>(p => p.Id == "country:LY" && p.GeonamesId == 2215636 && p.Lat == 28);
        var north = gazetteer.Places[gazetteer.Candidates("North Governorate").Single()];
        north.Should().Match<GazetteerPlace>(p => p.Id == "adm1:LB.09" && p.GeonamesId == 272103 && p.Level == PlaceLevel.Division);
        gazetteer.ToPlace(gazetteer.Places[tripoli.Single(p => p.Country == "LB") is var lb ? gazetteer.Places.ToList().IndexOf(lb) : -1]).Admin1.Should().Be("North Governorate");
    }

    [Fact]
    public void Alternate_names_file_gives_the_names_in_the_languages_kept()
    {
        using var folder = new TempFolder();
        var cities = folder.Write("cities500.txt", Cities);
        // alternateNameId, geonameid, isolanguage, alternate name, isPreferredName, isShortName, isColloquial, isHistoric, from, to
        var alternates = folder.Write("alternateNamesV2.txt",
            "1\t266826\tfr\tTripoli du Liban\t\t\t\t\t\t\n2\t266826\tar\tطرابلس\t\t\t\t\t\t\n3\t2210247\tiata\tTIP\t\t\t\t\t\t\n4\t2210247\ten\tTripoli of the West\t\t\t\t\t\t\nnot a line\n");
        var output = Path.Combine(folder.Path, "out.tsv.gz");
        var errors = new StringWriter();

        var summary = GeoNamesImporter.Load(Path.Combine(DataFolder, "import.yaml")).Import([cities, alternates], output, errors);

        summary.AlternateNames.Should().Be(2);
        errors.ToString().Should().Contain($"{alternates}:5:");
        var gazetteer = Gazetteer.Load(output, DataFolder);
        gazetteer.Candidates("Tripoli du Liban").Select(c => gazetteer.Places[c].Id).Should().Equal("266826");
        gazetteer.Candidates("Trablous").Should().BeEmpty("with an alternate names file, names come from it");
    }

    [Fact]
    public void A_file_that_is_not_a_gazetteer_is_refused_with_its_name()
    {
        using var folder = new TempFolder();
        var path = folder.Write("plain.txt", "hello");
        var act = () => Gazetteer.Load(path, DataFolder);
        act.Should().Throw<InvalidDataException>().WithMessage($"*{path}*");
    }
}
