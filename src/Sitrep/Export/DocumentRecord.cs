using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Sitrep.Export;

/// <summary>
/// Writes a document as the JSONL record of <c>docs/output-schema.md</c>: the fields in the
/// contract's order, non-ASCII kept readable, one line.
/// </summary>
public static class DocumentRecord
{
    internal static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static string ToJson(Document document)
    {
        using var buffer = new MemoryStream();
        Write(document, buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    public static void Write(Document document, Stream output)
    {
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        writer.WriteStartObject();
        writer.WriteString("id", document.Id);
        writer.WriteString("url", document.Url);
        writer.WriteString("source", document.Source);
        writer.WriteString("title", document.Title);
        writer.WriteString("published", document.Published);
        writer.WriteString("language", document.Language);
        writer.WriteString("text", document.Text);
        writer.WriteString("duplicate_of", document.DuplicateOf);
        writer.WriteStartArray("entities");
        foreach (var entity in document.Entities)
        {
            writer.WriteStartObject();
            writer.WriteString("type", entity.Type.ToString());
            writer.WriteString("text", entity.Text);
            writer.WriteNumber("start", entity.Start);
            writer.WriteNumber("end", entity.End);
            writer.WriteString("canonical", entity.Canonical);
            writer.WriteString("role", entity.Role);
            writer.WriteString("country", entity.Country);
            writer.WriteString("kind", entity.Kind);
            if (entity.Place is { } place) Geo.PlaceJson.Write(writer, "place", place);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("times");
        foreach (var time in document.Times)
        {
            writer.WriteStartObject();
            writer.WriteString("text", time.Text);
            writer.WriteNumber("start", time.Start);
            writer.WriteNumber("end", time.End);
            writer.WriteString("value", time.Value);
            writer.WriteString("grain", time.Grain.ToString().ToLowerInvariant());
            writer.WriteString("from", time.From);
            writer.WriteString("to", time.To);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray("events");
        foreach (var e in document.Events) EventJson.Write(writer, e);
        writer.WriteEndArray();
        writer.WriteStartArray("warnings");
        foreach (var warning in document.Warnings) writer.WriteStringValue(warning);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
