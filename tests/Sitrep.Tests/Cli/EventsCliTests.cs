using System.Text.Json;
using FluentAssertions;
using Sitrep.Tests.Export;

namespace Sitrep.Tests.Cli;

public class EventsCliTests
{
    private static TempFolder WithStore()
    {
        var temp = new TempFolder();
        EventFixtures.Store(temp, "s.db").Dispose();
        return temp;
    }

    [Fact]
    public void Events_lists_the_stored_events_by_date_one_tab_separated_line_each_when_piped()
    {
        using var temp = WithStore();

        var result = CliRunner.Run(temp.Path, "events", "--db", "s.db");

        result.ExitCode.Should().Be(0, result.Stderr);
        var lines = result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(5);
        lines[0].Should().Be("2024-02-10\tPROTEST/demonstrate\tProtesters (Mali) → -\tGao, ML\t0\t\tfr-gao: Manifestation à Gao");
        lines[2].Should().Be("2024-03-05\tASSAULT/aerial\t- → Syrian rebels\tIdlib, SY\t≥ 12\t?\tfr-idleb: Frappes aériennes près d'Idleb");
        lines[1].Should().StartWith("2024-03\tASSAULT/drone\tMilitary of Russia → -\t\t\t\t");
    }

    [Fact]
    public void Events_as_jsonl_give_each_event_with_its_document()
    {
        using var temp = WithStore();

        var result = CliRunner.Run(temp.Path, "events", "--db", "s.db", "--format", "jsonl", "--actor", "russia", "--min-fatalities", "1");

        result.ExitCode.Should().Be(0, result.Stderr);
        var line = JsonDocument.Parse(result.Stdout.Trim()).RootElement;
        line.GetProperty("document_id").GetString().Should().Be("en-kharkiv");
        line.GetProperty("id").GetString().Should().Be("e1");
        line.GetProperty("fatalities").GetProperty("best").GetInt32().Should().Be(3);
    }

    [Fact]
    public void Export_writes_the_file_and_says_what_it_left_out()
    {
        using var temp = WithStore();

        var result = CliRunner.Run(temp.Path, "export", "--format", "acled-csv", "--db", "s.db", "-o", "out/acled.csv", "--since", "2024-03");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Trim().Should().Be("sitrep: export: 3 events written; 1 left out (no ACLED type)");
        File.ReadAllLines(Path.Combine(temp.Path, "out", "acled.csv")).Should().HaveCount(4).And.Subject.First().Should().StartWith("event_id_cnty,");
    }

    [Theory]
    [InlineData("events --db missing.db", "missing.db: no such database")]
    [InlineData("export --format jsonl --db missing.db", "missing.db: no such database")]
    [InlineData("export --format xml --db s.db", "--format 'xml': expected jsonl, acled-csv, gdelt-csv or geojson")]
    [InlineData("export --db s.db", "--format is required")]
    [InlineData("events --format csv --db s.db", "--format 'csv': expected table or jsonl")]
    [InlineData("events --since 2024-02-30 --db s.db", "--since '2024-02-30': expected a date")]
    [InlineData("export --format geojson --until March --db s.db", "--until 'March': expected a date")]
    [InlineData("events --country Syria --db s.db", "--country 'Syria': expected an ISO 3166 code")]
    [InlineData("export --format jsonl --db s.db -o s.db/out.jsonl", "s.db/out.jsonl:")]
    public void Bad_arguments_give_one_error_line_and_exit_code_2(string arguments, string message)
    {
        using var temp = WithStore();

        var result = CliRunner.Run(temp.Path, arguments.Split(' '));

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        var errors = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        errors.Should().ContainSingle().Which.Should().StartWith("sitrep: error: ").And.Contain(message);
    }
}
