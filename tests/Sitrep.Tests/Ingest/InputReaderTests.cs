using System.Text;
using FluentAssertions;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public class InputReaderTests
{
    private const string Page = "<html><head><title>Titre</title></head><body><p>Un paragraphe de texte.</p></body></html>";

    [Fact]
    public void Folders_are_read_recursively_in_ordinal_order_with_ids_joined_to_the_argument()
    {
        using var temp = new TempFolder();
        temp.Write("b.html", Page);
        temp.Write("a/z.txt", "Texte");
        temp.Write("a/B.htm", Page);
        temp.Write("notes.md", "ignored");
        var folder = temp.Path + "/";

        var ids = new InputReader().Read([folder]).Select(i => i.Document!.Id).ToList();

        ids.Should().Equal(temp.Path + "/a/B.htm", temp.Path + "/a/z.txt", temp.Path + "/b.html");
    }

    [Fact]
    public void Jsonl_records_get_their_own_id_or_file_and_line_and_keep_given_metadata()
    {
        using var temp = new TempFolder();
        var file = temp.Write("in.jsonl", """
            {"id": "dep-1", "body": "Texte propre.", "title": "Un titre", "published": "2024-03-05", "url": "https://example.org/a", "language": "FR", "source": "AFP"}

            {"text": "Accueil\nTexte gratté"}
            {"html": "<p>page</p>", "published": "2024-03-05T10:32:00+01:00"}
            """);

        var documents = new InputReader().Read([file]).Select(i => i.Document!).ToList();

        documents.Select(d => d.Id).Should().Equal("dep-1", file + "#3", file + "#4");
        documents.Select(d => d.Kind).Should().Equal(ContentKind.Body, ContentKind.ScrapedText, ContentKind.Html);
        var first = documents[0];
        (first.Title, first.Published, first.Url, first.GivenLanguage, first.Source)
            .Should().Be(("Un titre", "2024-03-05", "https://example.org/a", "fr", "AFP"));
        documents[2].Published.Should().Be("2024-03-05T10:32:00+01:00");
    }

    [Fact]
    public void A_malformed_jsonl_line_is_an_error_naming_file_and_line_and_the_next_lines_still_go_through()
    {
        using var temp = new TempFolder();
        var file = temp.Write("in.jsonl", "{\"body\": \"un\"}\n{\"body\": \"deux\"\n{\"title\": \"sans contenu\"}\n[1, 2]\n{\"body\": \"cinq\"}\n");

        var items = new InputReader().Read([file]).ToList();

        items.Should().HaveCount(5);
        items[1].Error!.ToString().Should().StartWith(file + ":2: malformed JSON");
        items[2].Error!.ToString().Should().Be(file + ":3: record has no \"html\", \"text\" or \"body\" field");
        items[3].Error!.Line.Should().Be(4);
        items[4].Document!.Raw.Should().Be("cinq");
    }

    [Fact]
    public void Missing_empty_binary_and_oversized_files_are_errors_and_the_good_file_still_comes_through()
    {
        using var temp = new TempFolder();
        var empty = temp.Write("empty.html", "");
        var binary = temp.WriteBytes("image.html", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01, 0x02]);
        var huge = temp.Write("huge.html", "<p>" + new string('x', 3 * 1024 * 1024) + "</p>");
        var good = temp.Write("good.html", Page);
        var missing = Path.Combine(temp.Path, "missing.html");

        var items = new InputReader(maxBytes: 2 * 1024 * 1024).Read([missing, empty, binary, huge, good]).ToList();

        items.Select(i => i.Error?.ToString() ?? "ok").Should().Equal(
            missing + ": no such file or folder",
            empty + ": empty file",
            binary + ": binary file, not text or HTML",
            huge + ": file too large (3 MiB; the limit is 2 MiB, see --max-size)",
            "ok");
    }

    [Fact]
    public void Standard_input_is_read_as_jsonl()
    {
        var input = new MemoryStream(Encoding.UTF8.GetBytes("{\"body\": \"Depuis l'entrée standard.\"}\n"));
        var items = new InputReader(openStandardInput: () => input).Read(["-"]).ToList();
        items.Single().Document!.Id.Should().Be("stdin#1");
    }

    [Fact]
    public void An_html_file_without_any_tag_is_read_as_scraped_text()
    {
        using var temp = new TempFolder();
        var file = temp.Write("saved.html", "Accueil\nInternational\nUn titre\nUn paragraphe.");
        new InputReader().Read([file]).Single().Document!.Kind.Should().Be(ContentKind.ScrapedText);
    }
}
