using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sitrep.Events;
using Sitrep.Export;
using Sitrep.Geo;

namespace Sitrep.Storage;

/// <summary>
/// The events table: one row per event of each stored document, written in the same transaction as the
/// document (deleted and written again when the document changes), with the columns the filters and
/// exports need and the event's JSON exactly as in the record. Events of duplicates are kept; the
/// document's <c>duplicate_of</c> tells them apart.
/// </summary>
public sealed partial class SqliteDocumentStore
{
    private static readonly JsonWriterOptions EventWriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private const string EventColumns = """
        document_id, ordinal, event_id, plover, mode, acled_type, acled_subtype, cameo,
        actor1_text, actor1_name, actor1_country, actor1_kind, actor1_code,
        actor2_text, actor2_name, actor2_country, actor2_kind, actor2_code,
        country, lat, lon, geo_precision, date_from, date_to, fatalities_best, fatalities_low, fatalities_high,
        hedged, negated, confidence, json
        """;

    private static readonly string[] EventColumnNames = EventColumns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private void AddEventsTable(SqliteTransaction transaction)
    {
        Execute("""
            CREATE TABLE IF NOT EXISTS events (
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
                ordinal INTEGER NOT NULL,
                event_id TEXT NOT NULL,
                plover TEXT NOT NULL,
                mode TEXT,
                acled_type TEXT,
                acled_subtype TEXT,
                cameo TEXT,
                actor1_text TEXT, actor1_name TEXT, actor1_country TEXT, actor1_kind TEXT, actor1_code TEXT,
                actor2_text TEXT, actor2_name TEXT, actor2_country TEXT, actor2_kind TEXT, actor2_code TEXT,
                country TEXT,
                lat REAL,
                lon REAL,
                geo_precision INTEGER,
                date_from TEXT,
                date_to TEXT,
                fatalities_best INTEGER, fatalities_low INTEGER, fatalities_high INTEGER,
                hedged INTEGER NOT NULL,
                negated INTEGER NOT NULL,
                confidence REAL NOT NULL,
                json TEXT NOT NULL,
                PRIMARY KEY (document_id, ordinal)
            );
            CREATE INDEX IF NOT EXISTS events_date ON events(date_from, date_to);
            CREATE INDEX IF NOT EXISTS events_plover ON events(plover);
            CREATE INDEX IF NOT EXISTS events_country ON events(country);
            CREATE INDEX IF NOT EXISTS documents_duplicate_of ON documents(duplicate_of);
            """, transaction);

        // Records stored before the table existed keep their events in their JSON: copy them in.
        var stored = new List<(string Id, string Record)>();
        using (var read = Command("SELECT id, record FROM documents ORDER BY rowid", transaction))
        using (var reader = read.ExecuteReader())
            while (reader.Read()) stored.Add((reader.GetString(0), reader.GetString(1)));
        foreach (var (id, record) in stored)
        {
            using var json = JsonDocument.Parse(record);
            if (!json.RootElement.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Array) continue;
            var ordinal = 0;
            foreach (var element in events.EnumerateArray())
            {
                // A malformed event stays in the record (nothing stored is lost) but cannot be filtered or exported.
                Event e;
                try { e = EventRecordReader.Read(element); }
                catch (FormatException) { ordinal++; continue; }
                InsertEvent(id, ordinal++, e, element.GetRawText(), transaction);
            }
        }
    }

    private void SaveEvents(Document document, SqliteTransaction transaction)
    {
        using (var clear = Command("DELETE FROM events WHERE document_id = $id", transaction))
        {
            clear.Parameters.AddWithValue("$id", document.Id);
            clear.ExecuteNonQuery();
        }
        for (var ordinal = 0; ordinal < document.Events.Count; ordinal++)
        {
            var e = document.Events[ordinal];
            InsertEvent(document.Id, ordinal, e, ToJson(e), transaction);
        }
    }

    private static string ToJson(Event e)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, EventWriterOptions)) EventJson.Write(writer, e);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private void InsertEvent(string documentId, int ordinal, Event e, string json, SqliteTransaction transaction)
    {
        var names = EventColumnNames;
        using var insert = Command($"INSERT INTO events ({EventColumns}) VALUES ({string.Join(", ", names.Select(n => "$" + n))})", transaction);
        var values = new object?[]
        {
            documentId, ordinal, e.Id, e.Plover.ToUpperInvariant(), e.Mode, e.Acled?.Type, e.Acled?.Subtype, e.Cameo,
            e.Actor1?.Text, e.Actor1?.Name, e.Actor1?.Country, e.Actor1?.Kind, e.Actor1?.Code,
            e.Actor2?.Text, e.Actor2?.Name, e.Actor2?.Country, e.Actor2?.Kind, e.Actor2?.Code,
            e.Location is { } at ? CountryCodes.Default.Alpha3(at.Place.Country) ?? at.Place.Country : null,
            e.Location?.Place.Lat, e.Location?.Place.Lon, e.GeoPrecision,
            e.Date is { } date ? EventDay.First(date.From) : null, e.Date is { } until ? EventDay.Last(until.To) : null,
            e.Fatalities?.Best, e.Fatalities?.Low, e.Fatalities?.High,
            e.Hedged ? 1 : 0, e.Negated ? 1 : 0, e.Confidence, json,
        };
        for (var i = 0; i < names.Length; i++) insert.Parameters.AddWithValue("$" + names[i], values[i] ?? DBNull.Value);
        insert.ExecuteNonQuery();
    }

    /// <summary>Stored events that pass <paramref name="filter"/>, by date (undated last), then document id, then position.</summary>
    public IEnumerable<StoredEvent> Events(EventFilter filter)
    {
        using var command = Command("");
        var where = EventConditions(filter, command.Parameters);
        command.CommandText = $"""
            SELECT d.id, d.title, d.source, d.url, d.published, d.duplicate_of, d.text, d.ingested_at,
                   (SELECT count(*) FROM documents c WHERE c.duplicate_of = d.id),
                   (SELECT count(DISTINCT c.source) FROM documents c WHERE c.duplicate_of = d.id AND c.source IS NOT d.source),
                   e.ordinal, e.json
            FROM events e JOIN documents d ON d.id = e.document_id
            WHERE {where}
            ORDER BY e.date_from IS NULL, e.date_from, e.date_to, d.id, e.ordinal
            {(filter.Limit > 0 ? "LIMIT " + filter.Limit.ToString(CultureInfo.InvariantCulture) : "")}
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var document = new EventDocument(reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2), NullableString(reader, 3),
                NullableString(reader, 4), NullableString(reader, 5), reader.GetString(6),
                DateTimeOffset.Parse(reader.GetString(7), CultureInfo.InvariantCulture), reader.GetInt32(8), reader.GetInt32(9));
            var json = reader.GetString(11);
            using var parsed = JsonDocument.Parse(json);
            yield return new StoredEvent(document, reader.GetInt32(10), EventRecordReader.Read(parsed.RootElement), json);
        }
    }

    /// <summary>
    /// Stored records in id order: all of them, or with a filter that selects events, those of the
    /// documents holding at least one such event (duplicates included only when the filter says so).
    /// </summary>
    public IEnumerable<StoredDocument> Records(EventFilter? filter = null)
    {
        using var command = Command("");
        var where = filter is { SelectsEvents: true }
            ? $"d.id IN (SELECT e.document_id FROM events e JOIN documents d ON d.id = e.document_id WHERE {EventConditions(filter, command.Parameters)})"
            : "1";
        command.CommandText = $"""
            SELECT d.id, d.record, d.ingested_at FROM documents d WHERE {where} ORDER BY d.id
            {(filter is { Limit: > 0 } ? "LIMIT " + filter.Limit.ToString(CultureInfo.InvariantCulture) : "")}
            """;
        using var reader = command.ExecuteReader();
        while (reader.Read())
            yield return new StoredDocument(reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture));
    }

    /// <summary>The SQL conditions on <c>e</c> (events) and <c>d</c> (documents) for a filter, its values bound as parameters.</summary>
    private static string EventConditions(EventFilter filter, SqliteParameterCollection parameters)
    {
        var conditions = new List<string>();
        void Add(string condition, string name, object value)
        {
            conditions.Add(condition);
            parameters.AddWithValue(name, value);
        }
        if (filter.Plover is { } plover) Add("e.plover = $plover", "$plover", plover.ToUpperInvariant());
        if (filter.Acled is { } acled) Add("(e.acled_type = $acled COLLATE NOCASE OR e.acled_subtype = $acled COLLATE NOCASE)", "$acled", acled);
        if (filter.Country is { } country)
            Add("e.country = $country", "$country", country.Length == 2 ? CountryCodes.Default.Alpha3(country.ToUpperInvariant()) ?? country : country.ToUpperInvariant());
        if (filter.Actor is { } actor)
        {
            var columns = new[] { "text", "name", "code", "country" };
            var any = columns.SelectMany(c => new[] { $"e.actor1_{c} LIKE $actor ESCAPE '\\'", $"e.actor2_{c} LIKE $actor ESCAPE '\\'" });
            var escaped = actor.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
            Add("(" + string.Join(" OR ", any) + ")", "$actor", "%" + escaped + "%");
        }
        if (filter.Since is { } since) Add("e.date_to >= $since", "$since", since);
        if (filter.Until is { } until) Add("e.date_from <= $until", "$until", until);
        if (filter.MinFatalities > 0)
            Add("coalesce(e.fatalities_best, e.fatalities_low, e.fatalities_high, 0) >= $fatalities", "$fatalities", filter.MinFatalities);
        if (!filter.IncludeNegated) conditions.Add("e.negated = 0");
        if (!filter.IncludeDuplicates) conditions.Add("d.duplicate_of IS NULL");
        return conditions.Count == 0 ? "1" : string.Join(" AND ", conditions);
    }
}
