using System.Globalization;
using System.Text.Json;
using CsvHelper;
using FluentAssertions;
using Sitrep.Export;
using Sitrep.Storage;

namespace Sitrep.Tests.Export;

public class ExportFormatTests
{
    private static (string Output, ExportSummary Summary) Export(ExportFormat format, EventFilter? filter = null)
    {
        using var temp = new TempFolder();
        using var store = EventFixtures.Store(temp);
        var writer = new StringWriter { NewLine = "\n" };
        var summary = EventExport.Write(format, store, filter ?? new EventFilter(), writer);
        return (writer.ToString(), summary);
    }

    [Fact]
    public void Jsonl_is_every_stored_record_exactly_as_the_schema_writes_it_in_id_order()
    {
        var (output, summary) = Export(ExportFormat.Jsonl);

        var expected = EventFixtures.Documents().OrderBy(d => d.Id, StringComparer.Ordinal).Select(DocumentRecord.ToJson);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().Equal(expected);
        summary.Written.Should().Be(4);
    }

    [Fact]
    public void Jsonl_with_a_filter_keeps_the_documents_holding_a_selected_event()
    {
        var (output, _) = Export(ExportFormat.Jsonl, new EventFilter { Country = "UA" });

        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("id").GetString())
            .Should().Equal("en-kharkiv");
    }

    [Fact]
    public void Acled_csv_has_acleds_columns_in_order_and_leaves_out_events_without_an_acled_type()
    {
        var (output, summary) = Export(ExportFormat.AcledCsv);

        output.Split('\n')[0].Should().Be("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1," +
            "inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude," +
            "geo_precision,source,source_scale,notes,fatalities,tags,timestamp");
        summary.Should().Be(new ExportSummary(4, 1, "no ACLED type"));
        var rows = ReadCsv(output, ",");
        rows.Select(r => r["event_type"]).Should().Equal("Protests", "Explosions/Remote violence", "Explosions/Remote violence", "Explosions/Remote violence");

        var strike = rows[2];
        strike["event_id_cnty"].Should().MatchRegex("^SYR[0-9]+$");
        Fields(strike, "event_date", "year", "time_precision", "disorder_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2", "interaction")
            .Should().Equal("2024-03-05", "2024", "1", "Political violence", "Air/drone strike", "", "0", "Syrian rebels", "2", "20");
        Fields(strike, "iso", "region", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "fatalities", "tags")
            .Should().Equal("760", "Middle East", "Syria", "Idlib", "Idlib", "35.9308", "36.6339", "2", "Exemple Presse", "12", "hedged");
        strike["notes"].Should().Be("Des frappes aériennes ont visé mardi des positions rebelles près d'Idleb, a affirmé l'Observatoire syrien des droits de l'homme (OSDH). " +
                                    "Au moins douze combattants ont été tués, selon l'ONG.");
        long.Parse(strike["timestamp"], CultureInfo.InvariantCulture).Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 3600);

        var shelling = rows[3];
        Fields(shelling, "event_date", "actor1", "inter1", "actor2", "inter2", "interaction", "civilian_targeting", "iso", "fatalities")
            .Should().Equal("2024-04-01", "Military of Russia", "1", "Civilians (Ukraine)", "7", "17", "Civilian targeting", "804", "3");
        var protest = rows[0];
        Fields(protest, "disorder_type", "inter1", "interaction", "fatalities").Should().Equal("Demonstrations", "6", "60", "0");
        Fields(rows[1], "time_precision", "iso", "country").Should().Equal(new[] { "3", "", "" }, "the drone strikes are dated to a month, and placed nowhere");
        rows[1]["event_id_cnty"].Should().StartWith("XXX");
    }

    [Fact]
    public void Gdelt_csv_is_the_61_columns_of_gdelts_event_table_tab_separated_without_header()
    {
        var (output, summary) = Export(ExportFormat.GdeltCsv);

        summary.Should().Be(new ExportSummary(5, 0, null));
        GdeltCsv.Columns.Should().HaveCount(61);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(5).And.OnlyContain(l => l.Split('\t').Length == 61);
        var rows = lines.Select(l => GdeltCsv.Columns.Zip(l.Split('\t')).ToDictionary(p => p.First, p => p.Second)).ToList();

        var shelling = rows[4];
        Fields(shelling, "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code", "Actor2Code", "Actor2Type1Code")
            .Should().Equal("20240401", "202404", "2024", "RUSMIL", "MILITARY OF RUSSIA", "RUS", "MIL", "UKRCVL", "CVL");
        Fields(shelling, "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "NumMentions", "NumSources", "NumArticles")
            .Should().Equal("1", "194", "194", "19", "4", "-10.0", "2", "2", "2");
        Fields(shelling, "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID", "Actor1Geo_Type", "SOURCEURL")
            .Should().Equal("4", "Kharkiv, Kharkivska, Ukraine", "UA", "49.9808", "36.2527", "706483", "0", "https://wire.example.com/kharkiv-shelling");
        shelling["GLOBALEVENTID"].Should().Be(EventExport.StableNumber("en-kharkiv", "e1").ToString(CultureInfo.InvariantCulture));
        shelling["DATEADDED"].Should().MatchRegex("^[0-9]{14}$");

        var reject = rows[3];
        Fields(reject, "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale", "ActionGeo_Type", "IsRootEvent")
            .Should().Equal("125", "125", "12", "3", "-4.0", "0", "0");
    }

    [Fact]
    public void Geojson_is_a_feature_collection_of_the_located_events_with_the_event_fields_as_properties()
    {
        var (output, summary) = Export(ExportFormat.GeoJson);

        summary.Should().Be(new ExportSummary(3, 2, "no place"));
        using var json = JsonDocument.Parse(output);
        json.RootElement.GetProperty("type").GetString().Should().Be("FeatureCollection");
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        features.Select(f => f.GetProperty("id").GetString()).Should().Equal("fr-gao#e1", "fr-idleb#e1", "en-kharkiv#e1");
        var gao = features[0];
        gao.GetProperty("type").GetString().Should().Be("Feature");
        gao.GetProperty("geometry").GetProperty("type").GetString().Should().Be("Point");
        gao.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => c.GetDouble()).Should().Equal(-0.04472, 16.27167);
        var properties = gao.GetProperty("properties");
        properties.GetProperty("document_id").GetString().Should().Be("fr-gao");
        properties.GetProperty("title").GetString().Should().Be("Manifestation à Gao");
        properties.GetProperty("plover").GetString().Should().Be("PROTEST");
        properties.GetProperty("location").GetProperty("name").GetString().Should().Be("Gao");
        properties.GetProperty("actor1").GetProperty("code").GetString().Should().Be("MLICVL");
    }

    [Theory]
    [InlineData(ExportFormat.Jsonl)]
    [InlineData(ExportFormat.AcledCsv)]
    [InlineData(ExportFormat.GdeltCsv)]
    [InlineData(ExportFormat.GeoJson)]
    public void The_same_store_exports_the_same_bytes(ExportFormat format)
    {
        using var temp = new TempFolder();
        using var store = EventFixtures.Store(temp);
        string Once()
        {
            var writer = new StringWriter();
            EventExport.Write(format, store, new EventFilter { IncludeNegated = true, IncludeDuplicates = true }, writer);
            return writer.ToString();
        }

        Once().Should().Be(Once()).And.NotBeEmpty();
    }

    [Fact]
    public void Every_country_has_an_acled_region_a_numeric_code_and_a_name_and_every_renamed_country_exists()
    {
        var countries = Sitrep.Geo.CountryCodes.Default;
        var alpha3 = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "gazetteer", "country-codes.tsv"))
            .Where(l => !l.StartsWith('#')).Select(l => l.Split('\t')[1]).ToList();

        alpha3.Should().HaveCountGreaterThan(240);
        alpha3.Where(c => !ExportTables.Default.RegionByCountry.ContainsKey(c) || countries.Numeric(c) is null || countries.Name(c) is null)
            .Should().BeEmpty();
        ExportTables.Default.CountryNames.Keys.Should().OnlyContain(c => alpha3.Contains(c));
        ExportTables.Default.CameoRoots.Keys.Order().Should().Equal(Enumerable.Range(1, 20).Select(n => n.ToString("00", CultureInfo.InvariantCulture)));
    }

    private static List<Dictionary<string, string>> ReadCsv(string text, string delimiter)
    {
        using var reader = new CsvReader(new StringReader(text), new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter });
        reader.Read();
        reader.ReadHeader();
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
            rows.Add(reader.HeaderRecord!.ToDictionary(h => h, h => reader.GetField(h) ?? ""));
        return rows;
    }

    private static IEnumerable<string> Fields(IReadOnlyDictionary<string, string> row, params string[] names) => names.Select(n => row[n]);
}
