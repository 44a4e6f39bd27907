using System.Text.Json;
using System.Text.Json.Serialization;
using FluentAssertions;
using Sitrep.Content.Html;
using Sitrep.Content.Scraped;
using Xunit;

namespace Sitrep.Tests.Content.Html;

/// <summary>
/// Runs the pages in <c>Content/Html/Fixtures</c> through the HTML extractor, as <c>cases.json</c> there says:
/// one page per extraction rule, what it must keep (in that order) and what it must drop.
/// </summary>
public sealed class HtmlFixtureSpecs
{
    private static readonly string FixturesRoot = Path.Combine(AppContext.BaseDirectory, "Content", "Html", "Fixtures");

    private static readonly Lazy<Dictionary<string, FixtureCase>> AllCases = new(() =>
        JsonSerializer.Deserialize<List<FixtureCase>>(File.ReadAllText(Path.Combine(FixturesRoot, "cases.json")))!
            .ToDictionary(c => c.Fixture, StringComparer.Ordinal));

    // As the content stage builds it: with the line cues of lang/.
    private static readonly HtmlContentExtractor Extractor = new() { Cues = BoilerplateCues.Load(Path.Combine(AppContext.BaseDirectory, "lang")) };

    public static TheoryData<string> Cases() => new(AllCases.Value.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extracts_the_article_as_the_rule_says(string fixture)
    {
        var spec = AllCases.Value[fixture];

        var content = Extractor.Extract(File.ReadAllText(Path.Combine(FixturesRoot, fixture)), null);

        var body = string.Join("\n", content.Blocks);
        var at = 0;
        foreach (var keep in spec.MustKeepInOrder)
        {
            var found = body.IndexOf(keep, at, StringComparison.Ordinal);
            found.Should().BeGreaterThanOrEqualTo(0, "{0}: {1} keeps \"{2}\" (in order); body was:\n{3}", fixture, spec.Rule, keep, body);
            at = found + keep.Length;
        }
        foreach (var drop in spec.MustDrop)
            body.Should().NotContain(drop, "{0}: {1}", fixture, spec.Rule);
    }

    [Fact]
    public void Every_fixture_page_has_a_case()
    {
        var pages = Directory.EnumerateFiles(FixturesRoot, "*.html").Select(Path.GetFileName);

        pages.Should().BeEquivalentTo(AllCases.Value.Keys);
    }

    private sealed record FixtureCase(
        [property: JsonPropertyName("fixture")] string Fixture,
        [property: JsonPropertyName("rule")] string Rule,
        [property: JsonPropertyName("must_keep_in_order")] List<string> MustKeepInOrder,
        [property: JsonPropertyName("must_drop")] List<string> MustDrop);
}
