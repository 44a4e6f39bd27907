using FluentAssertions;
using Sitrep.Actors;
using Xunit;

namespace Sitrep.Tests.Actors;

/// <summary><c>sitrep actors import</c>: a PETRARCH/TABARI actor dictionary becomes analysts' actors the stage can use.</summary>
public sealed class PetrarchImportTests
{
    private const string Dictionary = """
        <!-- A small dictionary in PETRARCH's format,
             written for this test -->
        MALI [MLI]
        +MALIAN
        MALIAN_ARMY [MLIMIL] # the army
        AMADOU_SALL_   # a fictional officer who took power
        +SALL
        	[MLIMIL < 210101]
        	[MLIGOV 20210101 - 20231231]
        	[MLI > 231231]
        SOME_NOISE [---]
        BROKEN [MLI 2021]
        """;

    [Fact]
    public void Names_aliases_countries_kinds_and_dated_codes_are_imported()
    {
        using var folder = new TempFolder();
        var input = folder.Write("test.actors.txt", Dictionary);
        var output = Path.Combine(folder.Path, "data", "actors", "imported.yaml");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var errors = new StringWriter();

        var summary = PetrarchActorImporter.Import(input, output, errors);

        summary.Actors.Should().Be(3);
        errors.ToString().Should().Contain("test.actors.txt:12").And.Contain("cannot read");
        var catalogue = ActorCatalogue.Load(Path.Combine(folder.Path, "data"));
        catalogue.Find("Malian army")!.Kind.Should().Be("military");
        catalogue.Find("Malian")!.CodeOn(null).Should().Be("MLI");
        var officer = catalogue.Find("Sall")!;
        officer.Country.Should().Be("MLI");
        officer.CodeOn(new DateOnly(2020, 6, 1)).Should().Be("MLIMIL");
        officer.CodeOn(new DateOnly(2022, 6, 1)).Should().Be("MLIGOV");
        officer.CodeOn(new DateOnly(2024, 6, 1)).Should().Be("MLI");
        catalogue.Find("Some noise").Should().BeNull("[---] says not to code the name");
    }
}
