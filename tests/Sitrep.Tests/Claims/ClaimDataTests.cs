using FluentAssertions;
using Sitrep.Claims;
using Sitrep.Language;
using Xunit;

namespace Sitrep.Tests.Claims;

/// <summary>A mistake in a claims.yaml is reported with its file and line, and a language folder without one is simply not read.</summary>
public sealed class ClaimDataTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sitrep-claims-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_bad_pattern_names_its_file_and_line()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "xx")).FullName;
        File.WriteAllText(Path.Combine(folder, "claims.yaml"),
            "sources: {verbs: [dit]}\nhedges:\n  patterns:\n    - '(unclosed'\nnegation: {}\nmodality: {}\n");
        var load = () => ClaimGrammar.LoadAll(_root);
        load.Should().Throw<LanguageDataException>().WithMessage("*claims.yaml:4*");
    }

    [Fact]
    public void A_missing_section_is_reported()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_root, "xx")).FullName;
        File.WriteAllText(Path.Combine(folder, "claims.yaml"), "sources: {verbs: [dit]}\n");
        var load = () => ClaimGrammar.LoadAll(_root);
        load.Should().Throw<LanguageDataException>().WithMessage("*claims.yaml:*'hedges' is missing*");
    }

    [Fact]
    public void Languages_without_cues_are_left_out()
    {
        Directory.CreateDirectory(Path.Combine(_root, "yy"));
        ClaimGrammar.LoadAll(_root).Should().BeEmpty();
    }
}
