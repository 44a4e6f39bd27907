using FluentAssertions;

namespace Sitrep.Tests.Cli;

/// <summary><c>sitrep gazetteer import</c> then <c>lookup --gazetteer</c>, run as a user would.</summary>
public sealed class GazetteerCliTests
{
    [Fact]
    public void Import_reports_bad_lines_by_file_and_line_and_lookup_uses_the_imported_file()
    {
        using var temp = new TempFolder();
        temp.Write("cities500.txt",
            "281133\tGaza\tGaza\tGhazzah,Gaza City\t31.50161\t34.46672\tP\tPPLA\tPS\t\tGZ\t\t\t\t410000\t\t15\tAsia/Gaza\t2023-01-01\n" +
            "broken\tline\n");

        var import = CliRunner.Run(temp.Path, "gazetteer", "import", "cities500.txt", "missing.txt", "-o", "g.tsv.gz");
        import.ExitCode.Should().Be(1);
        import.Stderr.Should().Contain("missing.txt: file not found");

        import = CliRunner.Run(temp.Path, "gazetteer", "import", "cities500.txt", "-o", "g.tsv.gz");
        import.ExitCode.Should().Be(1, "a bad line was skipped");
        import.Stderr.Should().Contain("cities500.txt:2: expected 19 tab-separated columns").And.Contain("1 places");

        var lookup = CliRunner.Run(temp.Path, "gazetteer", "lookup", "Ghazzah", "--gazetteer", "g.tsv.gz");
        lookup.ExitCode.Should().Be(0);
        lookup.Stdout.Should().StartWith("Ghazzah\tgaza\t281133\tGaza\tPS");
    }
}
