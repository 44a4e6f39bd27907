using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using Sitrep.Content.Scraped;
using Sitrep.Language;
using Xunit;
using Xunit.Abstractions;

namespace Sitrep.Tests.Content;

/// <summary>Runs the case files in <c>Specs/content/&lt;lang&gt;/*.json</c> through the scraped-text extractor.</summary>
public sealed class ScrapedTextExtractorSpecs(ITestOutputHelper output)
{
    private static readonly string SpecsRoot = Path.Combine(AppContext.BaseDirectory, "Specs", "content");

    internal static readonly Lazy<ScrapedTextExtractor> Extractor =
        new(() => new ScrapedTextExtractor(LanguageResources.Load(Path.Combine(AppContext.BaseDirectory, "lang"))));

    public static TheoryData<string> Cases() => new(CaseFiles());

    private static IEnumerable<string> CaseFiles() =>
        Directory.EnumerateFiles(SpecsRoot, "*.json", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(SpecsRoot, file).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Extracts_main_content(string file)
    {
        var spec = ContentCase.Read(Path.Combine(SpecsRoot, file));

        var content = Extractor.Value.Extract(spec.Input);
        output.WriteLine(Extractor.Value.Explain(spec.Input));

        content.Title.Should().Be(spec.Title, "the title of {0}", spec.Name);
        var body = string.Join("\n", content.Blocks);
        foreach (var keep in spec.MustKeep)
            body.Should().Contain(keep, "{0} keeps it; body was:\n{1}", spec.Name, body);
        foreach (var drop in spec.MustDrop)
            Regex.IsMatch(body, $@"(?<!\w){Regex.Escape(drop)}(?!\w)").Should().BeFalse("{0} drops \"{1}\"; body was:\n{2}", spec.Name, drop, body);
        content.Published.Should().Be(spec.Published, "the publication date of {0}", spec.Name);
        if (spec.Author is not null) content.Author.Should().Be(spec.Author, "the author of {0}", spec.Name);
    }

    [Fact]
    public void There_are_enough_cases_in_each_language()
    {
        Directory.EnumerateFiles(Path.Combine(SpecsRoot, "fr"), "*.json").Should().HaveCountGreaterThanOrEqualTo(12);
        Directory.EnumerateFiles(Path.Combine(SpecsRoot, "en"), "*.json").Should().HaveCountGreaterThanOrEqualTo(8);
        Directory.EnumerateFiles(Path.Combine(SpecsRoot, "de"), "*.json").Should().HaveCountGreaterThanOrEqualTo(2);
        Directory.EnumerateFiles(Path.Combine(SpecsRoot, "es"), "*.json").Should().HaveCountGreaterThanOrEqualTo(2);
    }

    [Fact]
    public void Gives_the_same_result_on_many_threads()
    {
        var inputs = CaseFiles().Select(file => ContentCase.Read(Path.Combine(SpecsRoot, file)).Input).ToArray();
        var expected = inputs.Select(Render).ToArray();

        var results = new string[inputs.Length * 8];
        Parallel.For(0, results.Length, i => results[i] = Render(inputs[i % inputs.Length]));

        for (var i = 0; i < results.Length; i++) results[i].Should().Be(expected[i % inputs.Length]);
    }

    [Fact]
    public void Empty_text_has_no_content()
    {
        var content = Extractor.Value.Extract("\n  \n");
        content.Blocks.Should().BeEmpty();
        content.Title.Should().BeNull();
    }

    private static string Render(string input)
    {
        var content = Extractor.Value.Extract(input);
        return $"{content.Title}|{content.Published}|{content.Author}|{string.Join("\n", content.Blocks)}";
    }

    private sealed record ContentCase(string Name, string Input, string? Title, string[] MustKeep, string[] MustDrop, string? Published, string? Author)
    {
        private static readonly JsonSerializerOptions Options = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

        public static ContentCase Read(string path) =>
            JsonSerializer.Deserialize<ContentCase>(File.ReadAllText(path), Options) ?? throw new InvalidDataException($"{path}: empty case");
    }
}
