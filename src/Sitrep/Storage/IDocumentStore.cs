namespace Sitrep.Storage;

/// <summary>What happened to a document given to the store.</summary>
public enum StoreOutcome
{
    /// <summary>A new document.</summary>
    Added,
    /// <summary>The id was stored with other content; the new content replaced it.</summary>
    Updated,
    /// <summary>The same id with the same content, or the same content under another id: nothing written.</summary>
    Unchanged,
}

public sealed record StoreResult(string Id, StoreOutcome Outcome, string? SameContentAs);

public sealed record SearchHit(string Id, string? Title, string? Language, string? Published, string Snippet, double Rank);

public sealed record StoredDocument(string Id, string Record, DateTimeOffset IngestedAt);

public sealed record StoreStats(
    int Documents,
    int Duplicates,
    IReadOnlyList<(string Language, int Count)> Languages,
    IReadOnlyList<(string Source, int Count)> Sources,
    string? FirstPublished,
    string? LastPublished);

/// <summary>
/// Where processed documents live. The embedded SQLite store is the default; a PostgreSQL store
/// for many workers implements the same contract. Writes of one batch are all-or-nothing.
/// </summary>
public interface IDocumentStore : IDisposable
{
    /// <summary>Stores a batch in one transaction, in order; identical content is stored once.</summary>
    IReadOnlyList<StoreResult> Save(IReadOnlyList<Document> documents);

    /// <summary>The id of a stored document, other than <paramref name="exceptId"/>, with the same or nearly the same text, or null.</summary>
    string? FindDuplicate(string? contentHash, Fusion.MinHashSignature? signature, string? exceptId = null);

    StoredDocument? Get(string id);

    /// <summary>Full-text search, accent- and case-insensitive, best first.</summary>
    IReadOnlyList<SearchHit> Search(string query, int limit);

    StoreStats Stats();

    /// <summary>All stored documents in id order: id, title, language, published, duplicate_of.</summary>
    IReadOnlyList<(string Id, string? Title, string? Language, string? Published, string? DuplicateOf)> List(int limit);

    /// <summary>Stored events that pass the filter, by date (undated last), then document id, then position; read lazily.</summary>
    IEnumerable<StoredEvent> Events(EventFilter filter);

    /// <summary>Stored records in id order: all, or those of documents with an event the filter selects; read lazily.</summary>
    IEnumerable<StoredDocument> Records(EventFilter? filter = null);
}
