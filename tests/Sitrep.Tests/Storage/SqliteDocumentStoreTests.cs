using FluentAssertions;
using Microsoft.Data.Sqlite;
using Sitrep.Pipeline;
using Sitrep.Storage;

namespace Sitrep.Tests.Storage;

public class SqliteDocumentStoreTests
{
    private static Document Processed(string id, string body, string? title = null)
    {
        var document = new Document(id, ContentKind.Body, body) { Title = title };
        DocumentPipeline.CreateDefault(TestPaths.Resources).Process(document);
        return document;
    }

    [Fact]
    public void Saving_the_same_content_twice_stores_one_document()
    {
        using var temp = new TempFolder();
        using var store = new SqliteDocumentStore(Path.Combine(temp.Path, "s.db"));

        store.Save([Processed("a", "Des renforts ont été déployés à Gao mardi soir.")]).Single().Outcome.Should().Be(StoreOutcome.Added);
        store.Save([Processed("a", "Des renforts ont été déployés à Gao mardi soir.")]).Single().Outcome.Should().Be(StoreOutcome.Unchanged);
        var sameUnderOtherId = store.Save([Processed("b", "Des renforts ont été déployés à Gao mardi soir.")]).Single();

        sameUnderOtherId.Should().Be(new StoreResult("b", StoreOutcome.Unchanged, "a"));
        store.Stats().Documents.Should().Be(1);
    }

    [Fact]
    public void The_same_content_analysed_differently_is_rewritten_so_reingesting_refreshes_old_records()
    {
        using var temp = new TempFolder();
        using var store = new SqliteDocumentStore(Path.Combine(temp.Path, "s.db"));
        const string body = "Des renforts ont été déployés à Gao mardi soir.";
        var before = Processed("a", body);
        before.Times.Clear(); // as an older Sitrep that found no times would have stored it
        store.Save([before]);

        store.Save([Processed("a", body)]).Single().Outcome.Should().Be(StoreOutcome.Updated);

        store.Get("a")!.Record.Should().Contain("\"text\":\"mardi soir\"");
        store.Stats().Documents.Should().Be(1);
    }

    [Fact]
    public void New_content_under_a_stored_id_replaces_it_and_search_follows()
    {
        using var temp = new TempFolder();
        using var store = new SqliteDocumentStore(Path.Combine(temp.Path, "s.db"));
        store.Save([Processed("a", "Premier bilan : trois morts à Kidal.")]);

        store.Save([Processed("a", "Bilan révisé : cinq morts à Tombouctou.")]).Single().Outcome.Should().Be(StoreOutcome.Updated);

        store.Search("Kidal", 10).Should().BeEmpty();
        store.Search("Tombouctou", 10).Single().Id.Should().Be("a");
    }

    [Fact]
    public void Search_ignores_accents_and_case_ranks_title_matches_first_and_marks_the_snippet()
    {
        using var temp = new TempFolder();
        using var store = new SqliteDocumentStore(Path.Combine(temp.Path, "s.db"));
        store.Save([
            Processed("body-only", "Le conseil a discuté de la sécurité des convois humanitaires dans la région.", "Réunion du conseil"),
            Processed("in-title", "Les patrouilles ont été renforcées autour du camp.", "Sécurité renforcée à Gao"),
            Processed("unrelated", "Les prix du blé ont encore augmenté.", "Marchés"),
        ]);

        var hits = store.Search("SECURITE", 10);

        hits.Select(h => h.Id).Should().Equal("in-title", "body-only");
        hits[1].Snippet.Should().Contain("[sécurité]");
    }

    [Theory]
    [InlineData("frappe*", "{title text} : \"frappe\"*")]
    [InlineData("\"tirs de roquettes\" Gaza", "{title text} : \"tirs de roquettes\" AND {title text} : \"Gaza\"")]
    [InlineData("Idleb OR Idlib Syrie", "({title text} : \"Idleb\" OR {title text} : \"Idlib\") AND {title text} : \"Syrie\"")]
    [InlineData("l'armée (AND) NEAR", "{title text} : \"l\" AND {title text} : \"armée\" AND {title text} : \"AND\" AND {title text} : \"NEAR\"")]
    [InlineData("\"unclosed phrase", "{title text} : \"unclosed phrase\"")]
    [InlineData("OR", "{title text} : \"OR\"")]
    public void User_queries_become_safe_fts_expressions(string query, string expected)
    {
        SqliteDocumentStore.ToMatchExpression(query).Should().Be(expected);
    }

    [Fact]
    public void Words_also_match_through_their_stems_in_the_document_language()
    {
        using var temp = new TempFolder();
        using var store = new SqliteDocumentStore(Path.Combine(temp.Path, "s.db"));
        store.Save([
            Processed("fr", "Une frappe de drone a visé un véhicule près de Bagdad, tuant trois combattants."),
            Processed("en", "Two drone strikes hit a depot outside the port city on Monday night, officials said."),
        ]);

        store.Search("frappes", 10).Select(h => h.Id).Should().Equal("fr");
        store.Search("strike", 10).Select(h => h.Id).Should().Equal("en");
        store.Search("drones tués", 10).Select(h => h.Id).Should().Equal("fr");
        store.Search("frappes combattant", 10).Single().Snippet.Should().Contain("frappe de drone");
    }

    [Fact]
    public void Stored_documents_survive_reopening_and_near_duplicates_are_found_in_the_store()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "s.db");
        const string text = "Des affrontements ont opposé mardi l'armée malienne à des combattants armés près de Ménaka, " +
                            "faisant au moins douze morts parmi les assaillants selon un communiqué de l'état-major publié mercredi soir à Bamako. " +
                            "Deux soldats ont été blessés et évacués vers Gao, a précisé l'armée, qui affirme avoir saisi des armes et des motos. " +
                            "Ces combats interviennent une semaine après une embuscade meurtrière sur l'axe reliant Ménaka à Anderamboukane, " +
                            "dans une région où les groupes armés se disputent le contrôle des routes commerciales et des points d'eau.";
        using (var store = new SqliteDocumentStore(path))
            store.Save([Processed("original", text)]);

        using var reopened = new SqliteDocumentStore(path);
        var copy = Processed("copy", "Par notre correspondant. " + text + " Lire aussi notre dossier.");
        reopened.FindDuplicate(copy.ContentHash, copy.MinHash).Should().Be("original");
        reopened.Get("original")!.Record.Should().Contain("\"id\":\"original\"");
    }

    [Fact]
    public void A_store_written_before_signatures_held_their_shingle_count_still_finds_copies_and_skips_foreign_signatures()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "s.db");
        const string text = "Des tirs d'artillerie ont visé jeudi soir les faubourgs de Kharkiv, blessant trois civils selon le gouverneur régional, " +
                            "qui a fait état de dégâts importants dans un quartier résidentiel et d'un incendie dans un entrepôt de la zone industrielle.";
        using (var store = new SqliteDocumentStore(path))
            store.Save([Processed("old", text), Processed("odd", "Une tout autre dépêche, sur les négociations commerciales entre deux pays voisins, publiée vendredi.")]);
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // Older stores kept the 64 values alone; a blob of another size is not a signature at all.
            command.CommandText = "UPDATE documents SET minhash = substr(minhash, 1, 256) WHERE id = 'old'; UPDATE documents SET minhash = x'0102' WHERE id = 'odd';";
            command.ExecuteNonQuery();
        }

        using var reopened = new SqliteDocumentStore(path);
        var again = Processed("again", text);
        reopened.FindDuplicate(null, again.MinHash).Should().Be("old");
        reopened.FindDuplicate(null, Processed("other", "Une tout autre dépêche, sur les négociations commerciales entre deux pays voisins, publiée vendredi.").MinHash)
            .Should().BeNull("a signature the store cannot read is no evidence of a copy");
    }

    [Fact]
    public void A_batch_that_fails_midway_leaves_the_database_as_it_was()
    {
        using var temp = new TempFolder();
        var path = Path.Combine(temp.Path, "s.db");
        using var store = new SqliteDocumentStore(path);
        store.Save([Processed("kept", "Un premier document déjà stocké.")]);

        // Another writer holds the write lock: the batch cannot commit, and nothing of it may appear.
        using (var other = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            other.Open();
            using var lockCommand = other.CreateCommand();
            lockCommand.CommandText = "PRAGMA busy_timeout=0; BEGIN IMMEDIATE; INSERT INTO documents (id, language, text, record, ingested_at) VALUES ('x', 'fr', 't', '{}', 'now');";
            lockCommand.ExecuteNonQuery();
            using var blocked = new SqliteDocumentStore(path, busyTimeoutMilliseconds: 0);
            var act = () => blocked.Save([Processed("new-1", "Deux."), Processed("new-2", "Trois.")]);
            act.Should().Throw<SqliteException>();
        }

        store.List(10).Select(r => r.Id).Should().Equal("kept");
    }
}
