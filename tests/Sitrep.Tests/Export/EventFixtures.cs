using System.Text.Json;
using Sitrep.Export;
using Sitrep.Storage;

namespace Sitrep.Tests.Export;

/// <summary>
/// Documents with events written by hand (<c>Specs/export/store.jsonl</c>: records as the schema writes
/// them, events included), read back into <see cref="Document"/>s, since the event stage is not in the
/// pipeline yet. Each gets a content hash of its own so the store treats them as distinct texts.
/// </summary>
internal static class EventFixtures
{
    public static string Path => System.IO.Path.Combine(AppContext.BaseDirectory, "Specs", "export", "store.jsonl");

    public static List<Document> Documents() => File.ReadLines(Path).Where(l => l.Length > 0).Select(FromRecord).ToList();

    public static Document FromRecord(string line)
    {
        using var json = JsonDocument.Parse(line);
        var r = json.RootElement;
        string? S(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var document = new Document(S("id")!, ContentKind.Body, S("text")!)
        {
            Text = S("text")!,
            Title = S("title"),
            Url = S("url"),
            Source = S("source"),
            Published = S("published"),
            Language = S("language") ?? "und",
            DuplicateOf = S("duplicate_of"),
            ContentHash = "fixture:" + S("id"),
        };
        foreach (var e in r.GetProperty("events").EnumerateArray()) document.Events.Add(EventRecordReader.Read(e));
        return document;
    }

    /// <summary>A new store in <paramref name="folder"/> holding the fixture documents.</summary>
    public static SqliteDocumentStore Store(TempFolder folder, string name = "events.db")
    {
        var store = new SqliteDocumentStore(System.IO.Path.Combine(folder.Path, name));
        store.Save(Documents());
        return store;
    }

    /// <summary>"document#event" for each stored event, in the order read.</summary>
    public static List<string> Keys(IEnumerable<StoredEvent> events) => events.Select(e => e.Document.Id + "#" + e.Event.Id).ToList();
}
