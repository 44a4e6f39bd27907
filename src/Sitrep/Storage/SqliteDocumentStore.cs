using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Sitrep.Export;
using Sitrep.Fusion;
using Sitrep.Language;

namespace Sitrep.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode. Each batch is one transaction, so an
/// interrupted ingest leaves the database as it was before that batch. Full-text search is FTS5
/// with the unicode61 tokenizer removing diacritics ("securite" finds "sécurité"), ranked by BM25,
/// over the title, the text and the text's word stems in its language ("frappes" finds "frappe").
/// </summary>
public sealed partial class SqliteDocumentStore : IDocumentStore
{
    // 2: the events table (filled from the stored records when an older database is opened).
    private const int SchemaVersion = 2;
    private readonly SqliteConnection _connection;
    private readonly SearchStemmer _stemmer;

    /// <param name="busyTimeoutMilliseconds">How long to wait for another writer before failing.</param>
    /// <param name="stemmer">Stems for search; the stemmers named by the default language data when null.</param>
    public SqliteDocumentStore(string path, int busyTimeoutMilliseconds = 10000, SearchStemmer? stemmer = null)
    {
        _stemmer = stemmer ?? LanguageResources.Default.Stemmer;
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null) Directory.CreateDirectory(directory);
        _connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Pooling = false,
            // The provider retries a locked database for this many seconds; 0 would mean forever.
            DefaultTimeout = Math.Max(1, busyTimeoutMilliseconds / 1000),
        }.ToString());
        _connection.Open();
        Execute("PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; ");
        Execute($"PRAGMA busy_timeout={busyTimeoutMilliseconds}");
        Migrate();
    }


    private void Migrate()
    {
        var version = Convert.ToInt32(Scalar("PRAGMA user_version"), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
            throw new InvalidOperationException($"{_connection.DataSource}: database schema {version} is newer than this sitrep ({SchemaVersion})");
        if (version == SchemaVersion) return;

        using var transaction = _connection.BeginTransaction();
        if (version < 1) Execute("""
            CREATE TABLE IF NOT EXISTS documents (
                id TEXT PRIMARY KEY,
                raw_hash TEXT,
                content_hash TEXT,
                minhash BLOB,
                url TEXT,
                source TEXT,
                title TEXT,
                published TEXT,
                language TEXT NOT NULL,
                text TEXT NOT NULL,
                stems TEXT NOT NULL,
                duplicate_of TEXT,
                record TEXT NOT NULL,
                ingested_at TEXT NOT NULL
            );
            CREATE INDEX IF NOT EXISTS documents_content_hash ON documents(content_hash);
            CREATE TABLE IF NOT EXISTS minhash_bands (
                band_key INTEGER NOT NULL,
                document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE
            );
            CREATE INDEX IF NOT EXISTS minhash_bands_key ON minhash_bands(band_key);
            CREATE INDEX IF NOT EXISTS minhash_bands_document ON minhash_bands(document_id);
            CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
                title, text, stems, content='documents', content_rowid='rowid',
                tokenize = 'unicode61 remove_diacritics 2');
            CREATE TRIGGER IF NOT EXISTS documents_fts_insert AFTER INSERT ON documents BEGIN
                INSERT INTO documents_fts(rowid, title, text, stems) VALUES (new.rowid, new.title, new.text, new.stems);
            END;
            CREATE TRIGGER IF NOT EXISTS documents_fts_delete AFTER DELETE ON documents BEGIN
                INSERT INTO documents_fts(documents_fts, rowid, title, text, stems) VALUES ('delete', old.rowid, old.title, old.text, old.stems);
            END;
            CREATE TRIGGER IF NOT EXISTS documents_fts_update AFTER UPDATE ON documents BEGIN
                INSERT INTO documents_fts(documents_fts, rowid, title, text, stems) VALUES ('delete', old.rowid, old.title, old.text, old.stems);
                INSERT INTO documents_fts(rowid, title, text, stems) VALUES (new.rowid, new.title, new.text, new.stems);
            END;
            """, transaction);
        if (version < 2) AddEventsTable(transaction);
        Execute($"PRAGMA user_version = {SchemaVersion}", transaction);
        transaction.Commit();
    }

    public IReadOnlyList<StoreResult> Save(IReadOnlyList<Document> documents)
    {
        var results = new List<StoreResult>(documents.Count);
        using var transaction = _connection.BeginTransaction();
        foreach (var document in documents)
            results.Add(SaveOne(document, transaction));
        transaction.Commit();
        return results;
    }

    private StoreResult SaveOne(Document document, SqliteTransaction transaction)
    {
        string? storedHash = null;
        string? storedRecord = null;
        var exists = false;
        using (var lookup = Command("SELECT content_hash, record FROM documents WHERE id = $id", transaction))
        {
            lookup.Parameters.AddWithValue("$id", document.Id);
            using var reader = lookup.ExecuteReader();
            if (reader.Read())
            {
                exists = true;
                storedHash = reader.IsDBNull(0) ? null : reader.GetString(0);
                storedRecord = reader.GetString(1);
            }
        }
        var record = DocumentRecord.ToJson(document);
        // Same content is rewritten only when its analysis changed (a newer Sitrep, other options),
        // so re-ingesting old pages refreshes their entities and events.
        if (exists && storedHash == document.ContentHash && storedRecord == record)
            return new StoreResult(document.Id, StoreOutcome.Unchanged, null);

        if (!exists && document.ContentHash is not null)
        {
            using var same = Command("SELECT id FROM documents WHERE content_hash = $hash ORDER BY rowid LIMIT 1", transaction);
            same.Parameters.AddWithValue("$hash", document.ContentHash);
            if (same.ExecuteScalar() is string sameId)
                return new StoreResult(document.Id, StoreOutcome.Unchanged, sameId);
        }

        using (var upsert = Command("""
            INSERT INTO documents (id, raw_hash, content_hash, minhash, url, source, title, published, language, text, stems, duplicate_of, record, ingested_at)
            VALUES ($id, $raw, $hash, $minhash, $url, $source, $title, $published, $language, $text, $stems, $duplicate, $record, $at)
            ON CONFLICT(id) DO UPDATE SET raw_hash = excluded.raw_hash, content_hash = excluded.content_hash, minhash = excluded.minhash,
                url = excluded.url, source = excluded.source, title = excluded.title, published = excluded.published,
                language = excluded.language, text = excluded.text, stems = excluded.stems, duplicate_of = excluded.duplicate_of,
                record = excluded.record, ingested_at = excluded.ingested_at
            """, transaction))
        {
            var p = upsert.Parameters;
            p.AddWithValue("$id", document.Id);
            p.AddWithValue("$raw", (object?)document.RawHash ?? DBNull.Value);
            p.AddWithValue("$hash", (object?)document.ContentHash ?? DBNull.Value);
            p.AddWithValue("$minhash", document.MinHash is { } signature ? signature.ToBytes() : DBNull.Value);
            p.AddWithValue("$url", (object?)document.Url ?? DBNull.Value);
            p.AddWithValue("$source", (object?)document.Source ?? DBNull.Value);
            p.AddWithValue("$title", (object?)document.Title ?? DBNull.Value);
            p.AddWithValue("$published", (object?)document.Published ?? DBNull.Value);
            p.AddWithValue("$language", document.Language);
            p.AddWithValue("$text", document.Text);
            p.AddWithValue("$stems", _stemmer.StemText(document.Title + "\n" + document.Text, document.Language));
            p.AddWithValue("$duplicate", (object?)document.DuplicateOf ?? DBNull.Value);
            p.AddWithValue("$record", record);
            p.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            upsert.ExecuteNonQuery();
        }

        using (var clear = Command("DELETE FROM minhash_bands WHERE document_id = $id", transaction))
        {
            clear.Parameters.AddWithValue("$id", document.Id);
            clear.ExecuteNonQuery();
        }
        if (document.MinHash is { } bands)
        {
            using var insert = Command("INSERT INTO minhash_bands (band_key, document_id) VALUES ($key, $id)", transaction);
            var key = insert.Parameters.Add("$key", SqliteType.Integer);
            insert.Parameters.AddWithValue("$id", document.Id);
            for (var band = 0; band < DuplicateIndex.Bands; band++)
            {
                key.Value = unchecked((long)DuplicateIndex.BandKey(bands, band));
                insert.ExecuteNonQuery();
            }
        }
        SaveEvents(document, transaction);
        return new StoreResult(document.Id, exists ? StoreOutcome.Updated : StoreOutcome.Added, null);
    }

    public string? FindDuplicate(string? contentHash, MinHashSignature? signature, string? exceptId = null)
    {
        if (contentHash is not null)
        {
            using var exact = Command("SELECT id FROM documents WHERE content_hash = $hash AND id IS NOT $except ORDER BY rowid LIMIT 1");
            exact.Parameters.AddWithValue("$hash", contentHash);
            exact.Parameters.AddWithValue("$except", (object?)exceptId ?? DBNull.Value);
            if (exact.ExecuteScalar() is string id) return id;
        }
        if (signature is null) return null;

        var keys = Enumerable.Range(0, DuplicateIndex.Bands).Select(b => unchecked((long)DuplicateIndex.BandKey(signature, b)).ToString(CultureInfo.InvariantCulture));
        using var candidates = Command($"""
            SELECT d.id, d.minhash FROM documents d
            WHERE d.id IN (SELECT document_id FROM minhash_bands WHERE band_key IN ({string.Join(',', keys)}))
              AND d.id IS NOT $except
            ORDER BY d.rowid
            """);
        candidates.Parameters.AddWithValue("$except", (object?)exceptId ?? DBNull.Value);
        using var reader = candidates.ExecuteReader();
        while (reader.Read())
        {
            if (reader.IsDBNull(1)) continue;
            // A signature of an unknown form (not written by Sitrep) is no evidence of a copy.
            if (MinHashSignature.FromBytes((byte[])reader.GetValue(1)) is not { } stored) continue;
            if (DuplicateIndex.IsNearDuplicate(signature, stored))
                return reader.GetString(0);
        }
        return null;
    }

    public StoredDocument? Get(string id)
    {
        using var command = Command("SELECT id, record, ingested_at FROM documents WHERE id = $id");
        command.Parameters.AddWithValue("$id", id);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return null;
        return new StoredDocument(reader.GetString(0), reader.GetString(1), DateTimeOffset.Parse(reader.GetString(2), CultureInfo.InvariantCulture));
    }

    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        var match = ToMatchExpression(query, _stemmer.StemsOf);
        if (match.Length == 0) return [];
        using var command = Command("""
            SELECT d.id, d.title, d.language, d.published,
                   snippet(documents_fts, 1, '[', ']', '…', 16) AS snippet, bm25(documents_fts, 2.0, 1.0, 0.5) AS rank
            FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
            WHERE documents_fts MATCH $match
            ORDER BY rank, d.id
            LIMIT $limit
            """);
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$limit", limit);
        var hits = new List<SearchHit>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hits.Add(new SearchHit(reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2), NullableString(reader, 3),
                reader.GetString(4).Replace('\n', ' '), reader.GetDouble(5)));
        }
        return hits;
    }

    /// <summary>
    /// Turns what a user types into an FTS5 expression: "quoted phrases" stay phrases, OR stays OR,
    /// a trailing * asks for a prefix, every other word is required, as itself or (with
    /// <paramref name="stemsOf"/>) through its stem in any language. Nothing the user types can
    /// be an FTS5 syntax error.
    /// </summary>
    public static string ToMatchExpression(string query, Func<string, IReadOnlyList<string>>? stemsOf = null)
    {
        // Terms joined by OR form one group (OR binds tighter than the implicit AND, as in web search);
        // groups are joined with AND.
        var groups = new List<List<string>>();
        var orPending = false;
        void AddTerm(string term)
        {
            if (orPending && groups.Count > 0) groups[^1].Add(term);
            else groups.Add([term]);
            orPending = false;
        }

        var i = 0;
        while (i < query.Length)
        {
            if (char.IsWhiteSpace(query[i])) { i++; continue; }
            if (query[i] == '"')
            {
                var close = query.IndexOf('"', i + 1);
                var phrase = close < 0 ? query[(i + 1)..] : query[(i + 1)..close];
                var words = Words(phrase);
                if (words.Count > 0) AddTerm("{title text} : \"" + string.Join(' ', words) + "\"");
                i = close < 0 ? query.Length : close + 1;
                continue;
            }
            var end = i;
            while (end < query.Length && !char.IsWhiteSpace(query[end]) && query[end] != '"') end++;
            var token = query[i..end];
            i = end;
            if (token == "OR" && groups.Count > 0) { orPending = true; continue; }
            var prefix = token.EndsWith('*');
            foreach (var word in Words(token))
            {
                if (prefix || stemsOf is null) { AddTerm("{title text} : \"" + word + "\"" + (prefix ? "*" : "")); continue; }
                var alternatives = new List<string> { "{title text} : \"" + word + "\"" };
                alternatives.AddRange(stemsOf(word).Select(stem => "stems : \"" + stem + "\""));
                AddTerm(alternatives.Count == 1 ? alternatives[0] : "(" + string.Join(" OR ", alternatives) + ")");
            }
        }
        return string.Join(" AND ", groups.Select(g => g.Count == 1 ? g[0] : "(" + string.Join(" OR ", g) + ")"));
    }

    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) builder.Append(c);
            else if (builder.Length > 0) { words.Add(builder.ToString()); builder.Clear(); }
        }
        if (builder.Length > 0) words.Add(builder.ToString());
        return words;
    }

    public StoreStats Stats()
    {
        var documents = Convert.ToInt32(Scalar("SELECT count(*) FROM documents"), CultureInfo.InvariantCulture);
        var duplicates = Convert.ToInt32(Scalar("SELECT count(*) FROM documents WHERE duplicate_of IS NOT NULL"), CultureInfo.InvariantCulture);
        var languages = Pairs("SELECT language, count(*) FROM documents GROUP BY language ORDER BY count(*) DESC, language");
        var sources = Pairs("SELECT coalesce(source, '(unknown)'), count(*) FROM documents GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 20");
        var first = Scalar("SELECT min(published) FROM documents") as string;
        var last = Scalar("SELECT max(published) FROM documents") as string;
        return new StoreStats(documents, duplicates, languages, sources, first, last);
    }

    public IReadOnlyList<(string Id, string? Title, string? Language, string? Published, string? DuplicateOf)> List(int limit)
    {
        using var command = Command("SELECT id, title, language, published, duplicate_of FROM documents ORDER BY id LIMIT $limit");
        command.Parameters.AddWithValue("$limit", limit);
        var rows = new List<(string, string?, string?, string?, string?)>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
            rows.Add((reader.GetString(0), NullableString(reader, 1), NullableString(reader, 2), NullableString(reader, 3), NullableString(reader, 4)));
        return rows;
    }

    private List<(string, int)> Pairs(string sql)
    {
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        var pairs = new List<(string, int)>();
        while (reader.Read()) pairs.Add((reader.GetString(0), reader.GetInt32(1)));
        return pairs;
    }

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    private void Execute(string sql, SqliteTransaction? transaction = null)
    {
        using var command = Command(sql, transaction);
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteScalar();
    }

    public void Dispose()
    {
        _connection.Dispose();
        SqliteConnection.ClearAllPools();
    }
}
