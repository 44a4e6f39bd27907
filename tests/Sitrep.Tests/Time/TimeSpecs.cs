using System.Text.Json;
using FluentAssertions;
using Sitrep.Pipeline;
using Sitrep.Time;
using Xunit;

namespace Sitrep.Tests.Time;

/// <summary>
/// Runs the case files in <c>Specs/time/&lt;lang&gt;/*.json</c>: each case is a text, a reference
/// (publication date, or null), a bias and the exact list of times expected in it.
/// </summary>
public sealed class TimeSpecs
{
    private static readonly SpecFiles<TimeCase> Specs = new("time");

    private static readonly Lazy<DocumentPipeline> Past = new(() => DocumentPipeline.CreateDefault(TestPaths.Resources, TimeBias.Past));
    private static readonly Lazy<DocumentPipeline> Future = new(() => DocumentPipeline.CreateDefault(TestPaths.Resources, TimeBias.Future));

    public static TheoryData<string, int> Cases() => Specs.Cases();

    /// <summary>
    /// The grammars as a long run uses them: compiled, with the linear-time prefilters (own resources, so the
    /// other tests keep the short-run path).
    /// </summary>
    private static readonly Lazy<(DocumentPipeline Past, DocumentPipeline Future)> CompiledPipelines = new(() =>
    {
        var resources = Sitrep.Language.LanguageResources.Load(TestPaths.LangRoot);
        foreach (var grammar in resources.TimeGrammars.Values)
        {
            // A busy machine may lack the time to warm the patterns up: a few tries.
            var compiled = false;
            for (var attempt = 0; attempt < 3 && !compiled; attempt++) compiled = grammar.CompileNow();
            compiled.Should().BeTrue("the machine had time to compile the patterns");
        }
        return (DocumentPipeline.CreateDefault(resources, TimeBias.Past), DocumentPipeline.CreateDefault(resources, TimeBias.Future));
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_and_resolves_times(string file, int index)
    {
        var spec = Read(file)[index];
        var pipeline = (spec.Bias == "future" ? Future : Past).Value;
        Check(spec, file, index, pipeline);
    }

    /// <summary>A long run (compiled patterns, linear-time prefilters) finds exactly what a short run finds.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_the_same_times_once_the_patterns_are_compiled(string file, int index)
    {
        var spec = Read(file)[index];
        var (past, future) = CompiledPipelines.Value;
        Check(spec, file, index, spec.Bias == "future" ? future : past);
    }

    private static void Check(TimeCase spec, string file, int index, DocumentPipeline pipeline)
    {
        var language = file.Split('/')[0];
        var document = new Document($"{file}#{index}", ContentKind.Body, spec.Text)
        {
            Published = spec.Reference,
            GivenLanguage = language,
        };
        pipeline.Process(document);

        var found = document.Times.Select(t => new ExpectedTime(t.Text, t.Value, t.Grain.ToString().ToLowerInvariant(), t.From, t.To)).ToList();
        string Show(IEnumerable<ExpectedTime> times) => string.Join("\n", times.Select(t => JsonSerializer.Serialize(t)));
        Show(found).Should().Be(Show(spec.Times), "the times of \"{0}\" ({1}#{2})", spec.Text, file, index);
        foreach (var time in document.Times)
            document.Text[time.Start..time.End].Should().Be(time.Text, "offsets point at the phrase");
    }

    [Fact]
    public void There_are_cases_in_each_language()
    {
        Cases().Count(row => ((string)row[0]).StartsWith("fr/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(40);
        Cases().Count(row => ((string)row[0]).StartsWith("en/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(30);
    }

    private static List<TimeCase> Read(string relative) => Specs.Read(relative);

    public sealed record TimeCase(string Text, string? Reference, string? Bias, List<ExpectedTime> Times);

    public sealed record ExpectedTime(string Text, string? Value, string Grain, string? From, string? To);
}
