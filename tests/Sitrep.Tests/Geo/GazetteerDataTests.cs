using FluentAssertions;
using Sitrep.Geo;

namespace Sitrep.Tests.Geo;

/// <summary>The team's supplements agree with the default gazetteer: no exonym for a missing id, no empty division.</summary>
public sealed class GazetteerDataTests
{
    private static string DataFile(string name) => Path.Combine(AppContext.BaseDirectory, "data", "gazetteer", name);

    private static IEnumerable<string[]> Rows(string name) =>
        File.ReadLines(DataFile(name)).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t'));

    [Fact]
    public void Every_exonym_names_a_place_of_the_default_gazetteer_by_its_GeoNames_name()
    {
        var byId = Gazetteer.Default.Places.ToDictionary(p => p.Id);
        foreach (var row in Rows("exonyms.tsv"))
        {
            byId.Should().ContainKey(row[0], "exonyms.tsv lists {0}", row[2]);
            byId[row[0]].Name.Should().Be(row[3], "the fourth column checks the id");
        }
    }

    [Fact]
    public void Every_division_has_places_in_it_so_its_point_is_known()
    {
        var gazetteer = Gazetteer.Default;
        foreach (var row in Rows("divisions.tsv"))
        {
            var division = gazetteer.Places.Single(p => p.Id == $"adm1:{row[0]}.{row[1]}");
            (division.Lat, division.Lon).Should().NotBe((0.0, 0.0), "{0} {1} ({2}) has places in the gazetteer", row[0], row[1], row[2]);
            gazetteer.Places.Where(p => p.Level == PlaceLevel.Town && p.Country == row[0] && p.Admin1Code == row[1] && p.FeatureCode is "PPLA" or "PPLC" or "PPLA2")
                .Should().NotBeEmpty("the code of {0} is that of its capital or district seats", row[2]);
        }
    }
}

/// <summary>A place is written with the schema's field names.</summary>
public sealed class PlaceJsonTests
{
    [Fact]
    public void A_place_is_written_as_the_schema_says()
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            PlaceJson.Write(writer, "place", new Place("Ar Raqqah", 172955, 35.95283, 39.00788, "SY", "Raqqa", "PPLA"));
            PlaceJson.Write(writer, "country", new Place("Syrian Arab Republic", null, 33.5102, 36.29128, "SY", null, "PCLI"));
            writer.WriteEndObject();
        }
        System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Replace('"', '\'').Should().Be(
            "{'place':{'name':'Ar Raqqah','geonames_id':172955,'lat':35.95283,'lon':39.00788,'country':'SY','admin1':'Raqqa','feature':'PPLA'}," +
            "'country':{'name':'Syrian Arab Republic','geonames_id':null,'lat':33.5102,'lon':36.29128,'country':'SY','admin1':null,'feature':'PCLI'}}");
    }
}
