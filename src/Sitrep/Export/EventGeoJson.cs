using System.Text.Json;
using Sitrep.Storage;

namespace Sitrep.Export;

/// <summary>
/// Located events as a GeoJSON FeatureCollection (RFC 7946): one Point feature per event with a place,
/// [lon, lat]; its properties are the document's id, title, source, url, published and duplicate_of,
/// then the event's fields exactly as in the record. Events without a place are left out and counted.
/// </summary>
public static class EventGeoJson
{
    private static JsonWriterOptions Options => DocumentRecord.WriterOptions;

    public static ExportSummary Write(IEnumerable<StoredEvent> events, TextWriter output)
    {
        using var buffer = new MemoryStream();
        int written = 0, leftOut = 0;
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "FeatureCollection");
            writer.WriteStartArray("features");
            foreach (var stored in events)
            {
                if (stored.Event.Location is not { } location) { leftOut++; continue; }
                writer.WriteStartObject();
                writer.WriteString("type", "Feature");
                writer.WriteString("id", stored.Document.Id + "#" + stored.Event.Id);
                writer.WriteStartObject("geometry");
                writer.WriteString("type", "Point");
                writer.WriteStartArray("coordinates");
                writer.WriteNumberValue(Math.Round(location.Place.Lon, 5));
                writer.WriteNumberValue(Math.Round(location.Place.Lat, 5));
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WritePropertyName("properties");
                WriteProperties(writer, stored);
                writer.WriteEndObject();
                written++;
                // Keep memory flat on large exports: hand what is written so far to the output.
                if (buffer.Length > 1 << 20) Drain(writer, buffer, output);
            }
            writer.WriteEndArray();
            writer.WriteEndObject();
            Drain(writer, buffer, output);
        }
        output.Write('\n');
        return new ExportSummary(written, leftOut, leftOut > 0 ? "no place" : null);
    }

    /// <summary>An event as one object: its source document's fields, then the event's own, as in the record.</summary>
    private static void WriteProperties(Utf8JsonWriter writer, StoredEvent stored)
    {
        var document = stored.Document;
        writer.WriteStartObject();
        writer.WriteString("document_id", document.Id);
        writer.WriteString("title", document.Title);
        writer.WriteString("source", document.Source);
        writer.WriteString("url", document.Url);
        writer.WriteString("published", document.Published);
        writer.WriteString("duplicate_of", document.DuplicateOf);
        using var json = JsonDocument.Parse(stored.Json);
        foreach (var property in json.RootElement.EnumerateObject()) property.WriteTo(writer);
        writer.WriteEndObject();
    }

    /// <summary>One stored event as a JSON line (for <c>sitrep events --format jsonl</c>): the document's fields, then the event's.</summary>
    public static string EventLine(StoredEvent stored)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options)) WriteProperties(writer, stored);
        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void Drain(Utf8JsonWriter writer, MemoryStream buffer, TextWriter output)
    {
        writer.Flush();
        output.Write(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        buffer.SetLength(0);
    }
}
