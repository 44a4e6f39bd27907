using FluentAssertions;
using Microsoft.Data.Sqlite;
using Sitrep.Export;
using Sitrep.Storage;
using Sitrep.Tests.Export;

namespace Sitrep.Tests.Storage;

public class EventStoreTests
{
    public sealed class FilterCase
    {
        public string Name { get; set; } = "";
        public FilterSpec Filter { get; set; } = new();
        public List<string> Expect { get; set; } = [];
    }

    public sealed class FilterSpec
    {
        public string? Plover { get; set; }
        public string? Acled { get; set; }
        public string? Country { get; set; }
        public string? Actor { get; set; }
        public string? Since { get; set; }
        public string? Until { get; set; }
        public int MinFatalities { get; set; }
        public bool IncludeNegated { get; set; }
        public bool IncludeDuplicates { get; set; }
        public int Limit { get; set; }
    }

    private static readonly SpecFiles<FilterCase> Specs = new("export");

    public static TheoryData<string, int> FilterCases() => Specs.Cases();

    [Theory]
    [MemberData(nameof(FilterCases))]
    public void Filters_select_and_order_the_stored_events(string file, int index)
    {
        var spec = Specs.Read(file)[index];
        using var temp = new TempFolder();
        using var store = EventFixtures.Store(temp);
        var f = spec.Filter;
        var filter = new EventFilter
        {
            Plover = f.Plover, Acled = f.Acled, Country = f.Country, Actor = f.Actor,
            Since = f.Since is null ? null : EventFilter.ParseDay(f.Since, last: false),
            Until = f.Until is null ? null : EventFilter.ParseDay(f.Until, last: true),
            MinFatalities = f.MinFatalities, IncludeNegated = f.IncludeNegated, IncludeDuplicates = f.IncludeDuplicates, Limit = f.Limit,
        };

        EventFixtures.Keys(store.Events(filter)).Should().Equal(spec.Expect, spec.Name);
    }

    [Fact]
    public void Each_stored_event_is_its_record_json_read_back_with_its_document()
    {
        using var temp = new TempFolder();
        using var store = EventFixtures.Store(temp);

        var all = store.Events(new EventFilter { IncludeNegated = true, IncludeDuplicates = true }).ToList();

        all.Should().HaveCount(7);
        foreach (var stored in all)
        {
            using var record = System.Text.Json.JsonDocument.Parse(store.Get(stored.Document.Id)!.Record);
            record.RootElement.GetProperty("events")[stored.Ordinal].GetRawText().Should().Be(stored.Json);
        }
        var kharkiv = all.Single(e => e.Document.Id == "en-kharkiv" && e.Event.Id == "e1");
        kharkiv.Document.Copies.Should().Be(1, "one stored document duplicates it");
        kharkiv.Document.CopySources.Should().Be(1);
        kharkiv.Event.Fatalities!.Best.Should().Be(3);
        kharkiv.Event.Location!.Place.Country.Should().Be("UA");
    }

    [Fact]
    public void New_content_under_a_stored_id_replaces_its_events()
    {
        using var temp = new TempFolder();
        using var store = EventFixtures.Store(temp);
        var revised = EventFixtures.Documents().Single(d => d.Id == "fr-idleb");
        revised.ContentHash = "revised";
        revised.Events.RemoveRange(1, 2);

        store.Save([revised]).Single().Outcome.Should().Be(StoreOutcome.Updated);

        EventFixtures.Keys(store.Events(new EventFilter { IncludeNegated = true }).Where(e => e.Document.Id == "fr-idleb"))
            .Should().Equal("fr-idleb#e1");
    }

    [Fact]
    public void Events_are_still_there_after_reopening()
    {
        using var temp = new TempFolder();
        List<string> before;
        using (var store = EventFixtures.Store(temp)) before = EventFixtures.Keys(store.Events(new EventFilter()));

        using var reopened = new SqliteDocumentStore(Path.Combine(temp.Path, "events.db"));
        EventFixtures.Keys(reopened.Events(new EventFilter())).Should().Equal(before).And.HaveCount(5);
    }

    [Fact]
    public void Opening_a_database_from_before_the_events_table_fills_it_from_the_records_and_loses_nothing()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "events.db");
        string brokenRecord;
        using (var store = EventFixtures.Store(temp)) brokenRecord = store.Get("fr-gao")!.Record.Replace("\"plover\":\"PROTEST\"", "\"plover\":null");
        // Make it a schema-1 database: no events table, and one record whose event lacks its type.
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DROP TABLE events; DROP INDEX documents_duplicate_of; UPDATE documents SET record = $record WHERE id = 'fr-gao'; PRAGMA user_version = 1;";
            command.Parameters.AddWithValue("$record", brokenRecord);
            command.ExecuteNonQuery();
        }

        using var reopened = new SqliteDocumentStore(path);

        EventFixtures.Keys(reopened.Events(new EventFilter())).Should().Equal("en-kharkiv#e2", "fr-idleb#e1", "fr-idleb#e3", "en-kharkiv#e1");
        reopened.Get("fr-gao")!.Record.Should().Be(brokenRecord, "an event that cannot be read stays in its record");
        reopened.Stats().Documents.Should().Be(4);
        reopened.Search("Kharkiv", 10).Should().HaveCount(2);
    }

    [Theory]
    [InlineData("""{"id":"e1","evidence":[]}""", "plover")]
    [InlineData("""{"id":"e1","plover":"ASSAULT","date":{"value":"2024-03-05","grain":"fortnight","from":"2024-03-05","to":"2024-03-05"}}""", "fortnight")]
    [InlineData("""{"id":"e1","plover":"ASSAULT","location":{"name":"Gao","lat":16.27}}""", "lon")]
    [InlineData("""["not", "an", "event"]""", "object")]
    public void A_malformed_event_record_is_refused_naming_what_is_wrong(string json, string named)
    {
        using var parsed = System.Text.Json.JsonDocument.Parse(json);

        var read = () => EventRecordReader.Read(parsed.RootElement);

        read.Should().Throw<FormatException>().WithMessage($"*{named}*");
    }

    [Theory]
    [InlineData("2024", false, "2024-01-01")]
    [InlineData("2024", true, "2024-12-31")]
    [InlineData("2024-02", true, "2024-02-29")]
    [InlineData("2024-03-05", true, "2024-03-05")]
    [InlineData("2024-13", false, null)]
    [InlineData("5 mars", false, null)]
    public void Date_bounds_are_read_as_the_days_they_cover(string text, bool last, string? expected) =>
        EventFilter.ParseDay(text, last).Should().Be(expected);
}
