using System.Text.Json;
using FluentAssertions;

namespace Sitrep.Tests.Cli;

public class CliTests
{
    private const string FrenchPage = """
        <!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Frappes près d'Idleb - Le Courrier</title></head>
        <body><article><h1>Frappes près d'Idleb</h1>
        <p>Des frappes aériennes ont visé mardi soir des positions près d'Idleb, selon l'Observatoire syrien des droits de l'homme.</p>
        <p>Au moins douze personnes ont été tuées, dont quatre civils, a précisé l'ONG, qui dispose d'un réseau de sources sur le terrain.</p>
        </article></body></html>
        """;

    [Fact]
    public void Extract_prints_one_record_per_good_input_reports_each_bad_one_and_exits_non_zero()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.html", FrenchPage);
        temp.Write("in/b.jsonl", "{\"id\": \"wire-1\", \"body\": \"Three soldiers were killed on Monday near the border, the army said.\", \"published\": \"2024-03-05\"}\n{oops\n");
        temp.Write("in/c.txt", "");

        var result = CliRunner.Run(temp.Path, "extract", "in", "missing.html");

        result.ExitCode.Should().Be(1);
        var records = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        records.Select(r => r.GetProperty("id").GetString()).Should().Equal("in/a.html", "wire-1");
        records[0].GetProperty("language").GetString().Should().Be("fr");
        records[0].GetProperty("text").GetString().Should().Contain("Au moins douze personnes ont été tuées");
        records[1].GetProperty("published").GetString().Should().Be("2024-03-05");
        foreach (var field in new[] { "url", "source", "title", "duplicate_of", "entities", "times", "events", "warnings" })
            records[0].TryGetProperty(field, out _).Should().BeTrue(field);

        var errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errors.Should().HaveCount(3).And.Contain(e => e.Contains("in/b.jsonl:2: malformed JSON"))
            .And.Contain(e => e.Contains("in/c.txt: empty file")).And.Contain(e => e.Contains("missing.html: no such file or folder"));
    }

    [Fact]
    public void Extract_output_is_byte_for_byte_the_same_on_one_thread_and_many()
    {
        using var temp = new TempFolder();
        for (var i = 0; i < 12; i++)
            temp.Write($"in/page{i:00}.html", FrenchPage.Replace("douze", $"{i + 2} fois deux"));
        temp.Write("in/copy.html", FrenchPage);

        var one = CliRunner.Run(temp.Path, "extract", "-j", "1", "in");
        var many = CliRunner.Run(temp.Path, "extract", "-j", "4", "in");

        one.ExitCode.Should().Be(0);
        many.Stdout.Should().Be(one.Stdout);
        one.Stdout.Should().Contain("\"duplicate_of\":\"in/copy.html\"");
    }

    [Fact]
    public void Ingest_is_idempotent_and_search_show_and_stats_read_the_store()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.html", FrenchPage);

        CliRunner.Run(temp.Path, "ingest", "in", "--db", "t.db").Stdout.Should().StartWith("1 added");
        CliRunner.Run(temp.Path, "ingest", "in", "--db", "t.db").Stdout.Should()
            .StartWith("0 added, 0 updated, 1 unchanged").And.Contain("0 marked as duplicates");

        var search = CliRunner.Run(temp.Path, "search", "idleb tuees", "--db", "t.db");
        search.ExitCode.Should().Be(0);
        search.Stdout.Should().Contain("in/a.html");

        var show = CliRunner.Run(temp.Path, "show", "in/a.html", "--db", "t.db", "--format", "json");
        JsonDocument.Parse(show.Stdout).RootElement.GetProperty("id").GetString().Should().Be("in/a.html");

        CliRunner.Run(temp.Path, "stats", "--db", "t.db").Stdout.Should().Contain("documents").And.Contain("fr 1");
        CliRunner.Run(temp.Path, "list", "--db", "t.db").Stdout.Should().Contain("in/a.html").And.Contain("Frappes près d'Idleb");
    }

    [Fact]
    public void Reading_commands_on_a_missing_database_fail_with_a_clear_line()
    {
        using var temp = new TempFolder();
        var result = CliRunner.Run(temp.Path, "search", "x", "--db", "none.db");
        result.ExitCode.Should().Be(2);
        result.Stderr.Should().Contain("none.db: no such database");
        File.Exists(Path.Combine(temp.Path, "none.db")).Should().BeFalse();
    }

    [Theory]
    [InlineData("extract", "--format")]
    [InlineData("ingest", "--db")]
    [InlineData("search", "--limit")]
    [InlineData("show", "--format")]
    [InlineData("stats", "--db")]
    [InlineData("list", "--limit")]
    [InlineData("demo", "--samples")]
    public void Every_command_has_help_listing_its_options(string command, string option)
    {
        var result = CliRunner.Run(Path.GetTempPath(), command, "--help");
        result.ExitCode.Should().Be(0);
        result.Stdout.Should().Contain($"sitrep {command}").And.Contain(option);
    }

    [Fact]
    public void A_truncated_page_still_gives_the_text_it_holds()
    {
        using var temp = new TempFolder();
        var cut = FrenchPage[..(FrenchPage.IndexOf("a précisé", StringComparison.Ordinal) + 9)];
        temp.Write("cut.html", cut);

        var result = CliRunner.Run(temp.Path, "extract", "cut.html");

        result.ExitCode.Should().Be(0);
        JsonDocument.Parse(result.Stdout).RootElement.GetProperty("text").GetString().Should().Contain("Au moins douze personnes ont été tuées");
    }

    [Fact]
    public void A_page_over_the_size_limit_is_reported_and_the_rest_goes_through()
    {
        using var temp = new TempFolder();
        temp.Write("in/big.html", "<html><body>" + string.Concat(Enumerable.Repeat("<p>Un paragraphe de remplissage pour une page énorme.</p>", 40000)) + "</body></html>");
        temp.Write("in/ok.html", FrenchPage);

        var result = CliRunner.Run(temp.Path, "extract", "--max-size", "1", "in");

        result.ExitCode.Should().Be(1);
        result.Stderr.Should().Contain("in/big.html: file too large");
        result.Stdout.Should().Contain("\"id\":\"in/ok.html\"");
    }

    [Fact]
    public void Records_can_come_from_standard_input()
    {
        using var temp = new TempFolder();
        var result = CliRunner.RunWithInput(temp.Path, "{\"body\": \"Hier, des soldats ont été tués près de Gao, selon l'armée malienne.\"}\n", "extract", "-");
        result.ExitCode.Should().Be(0);
        JsonDocument.Parse(result.Stdout).RootElement.GetProperty("id").GetString().Should().Be("stdin#1");
    }
}
