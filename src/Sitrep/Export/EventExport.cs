using System.Globalization;
using System.Text;
using Sitrep.Storage;

namespace Sitrep.Export;

/// <summary>The formats <c>sitrep export</c> writes.</summary>
public enum ExportFormat
{
    /// <summary>The stored records, one document per line, exactly docs/output-schema.md.</summary>
    Jsonl,
    /// <summary>ACLED's public column set and order, one row per event with an ACLED type.</summary>
    AcledCsv,
    /// <summary>GDELT 2.0's event table: 61 tab-separated columns, no header, one row per event with a CAMEO code.</summary>
    GdeltCsv,
    /// <summary>A GeoJSON FeatureCollection of the located events.</summary>
    GeoJson,
}

/// <summary>What an export wrote, and how many selected events it had to leave out (and why).</summary>
public sealed record ExportSummary(int Written, int LeftOut, string? LeftOutReason);

/// <summary>Writes stored documents or events in one of the <see cref="ExportFormat"/>s; the output is the same byte for byte for the same store.</summary>
public static class EventExport
{
    public static readonly IReadOnlyDictionary<string, ExportFormat> FormatNames = new Dictionary<string, ExportFormat>(StringComparer.Ordinal)
    {
        ["jsonl"] = ExportFormat.Jsonl,
        ["acled-csv"] = ExportFormat.AcledCsv,
        ["gdelt-csv"] = ExportFormat.GdeltCsv,
        ["geojson"] = ExportFormat.GeoJson,
    };

    public static ExportSummary Write(ExportFormat format, IDocumentStore store, EventFilter filter, TextWriter output) => format switch
    {
        ExportFormat.Jsonl => WriteRecords(store, filter, output),
        ExportFormat.AcledCsv => AcledCsv.Write(store.Events(filter), output),
        ExportFormat.GdeltCsv => GdeltCsv.Write(store.Events(filter), output),
        ExportFormat.GeoJson => EventGeoJson.Write(store.Events(filter), output),
        _ => throw new ArgumentOutOfRangeException(nameof(format)),
    };

    private static ExportSummary WriteRecords(IDocumentStore store, EventFilter filter, TextWriter output)
    {
        var written = 0;
        foreach (var stored in store.Records(filter))
        {
            output.Write(stored.Record);
            output.Write('\n');
            written++;
        }
        return new ExportSummary(written, 0, null);
    }

    /// <summary>
    /// A number for an event that stays the same across exports and stores: 64-bit FNV-1a of its document
    /// id and event id, kept to 12 decimal digits (collisions are unlikely below millions of events).
    /// </summary>
    public static long StableNumber(string documentId, string eventId)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(documentId + "\u001f" + eventId))
        {
            hash ^= b;
            hash *= 1099511628211UL;
        }
        return (long)(hash % 1_000_000_000_000UL);
    }

    /// <summary>The text of the event's evidence sentences, joined by a space, on one line.</summary>
    public static string EvidenceText(StoredEvent stored)
    {
        var text = stored.Document.Text;
        var parts = stored.Event.Evidence
            .Where(span => span.Start >= 0 && span.End <= text.Length && span.Start < span.End)
            .Select(span => OneLine(text[span.Start..span.End]));
        return string.Join(" ", parts);
    }

    /// <summary>Whitespace runs (line breaks, tabs) as one space, trimmed.</summary>
    public static string OneLine(string text) => Content.Html.HtmlMetadata.Collapse(text);

    /// <summary>
    /// Writes a CSV of events (CsvHelper, invariant culture, "\n" line ends): the header when given, then
    /// one row per event that <paramref name="row"/> turns into fields; it returns null for events the
    /// format cannot hold, which are counted with <paramref name="leftOutReason"/>.
    /// </summary>
    public static ExportSummary WriteCsv(IEnumerable<StoredEvent> events, TextWriter output, CsvHelper.Configuration.CsvConfiguration config,
        IReadOnlyList<string>? header, Func<StoredEvent, string[]?> row, string leftOutReason)
    {
        using var csv = new CsvHelper.CsvWriter(output, config, leaveOpen: true);
        if (header is not null)
        {
            foreach (var column in header) csv.WriteField(column);
            csv.NextRecord();
        }
        int written = 0, leftOut = 0;
        foreach (var stored in events)
        {
            if (row(stored) is not { } fields) { leftOut++; continue; }
            foreach (var field in fields) csv.WriteField(field);
            csv.NextRecord();
            written++;
        }
        csv.Flush();
        return new ExportSummary(written, leftOut, leftOut > 0 ? leftOutReason : null);
    }

    /// <summary>A coordinate with at most <paramref name="decimals"/> decimals, invariant culture.</summary>
    public static string Coordinate(double value, int decimals) =>
        Math.Round(value, decimals).ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture);

    /// <summary>The event's first day as a date, or the document's publication day, or null.</summary>
    public static DateOnly? Day(StoredEvent stored)
    {
        var text = stored.Event.Date is { } date ? EventDay.First(date.From) : stored.Document.Published is { Length: >= 10 } published ? published[..10] : null;
        return text is not null && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }
}
