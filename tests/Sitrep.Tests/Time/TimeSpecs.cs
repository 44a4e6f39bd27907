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
    private static readonly string SpecsRoot = Path.Combine(AppContext.BaseDirectory, "Specs", "time");

    private static readonly Lazy<DocumentPipeline> Past = new(() => DocumentPipeline.CreateDefault(TestPaths.Resources, TimeBias.Past));
    private static readonly Lazy<DocumentPipeline> Future = new(() => DocumentPipeline.CreateDefault(TestPaths.Resources, TimeBias.Future));

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.EnumerateFiles(SpecsRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(SpecsRoot, file).Replace('\\', '/');
            for (var i = 0; i < Read(relative).Count; i++) data.Add(relative, i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_and_resolves_times(string file, int index)
    {
        var spec = Read(file)[index];
        var language = file.Split('/')[0];
        var document = new Document($"{file}#{index}", ContentKind.Body, spec.Text)
        {
            Published = spec.Reference,
            GivenLanguage = language,
        };
        (spec.Bias == "future" ? Future : Past).Value.Process(document);

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

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
    private static readonly Dictionary<string, List<TimeCase>> Cache = [];

    private static List<TimeCase> Read(string relative)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(relative, out var cases))
                Cache[relative] = cases = JsonSerializer.Deserialize<List<TimeCase>>(File.ReadAllText(Path.Combine(SpecsRoot, relative)), Options)
                    ?? throw new InvalidDataException(relative);
            return cases;
        }
    }

    public sealed record TimeCase(string Text, string? Reference, string? Bias, List<ExpectedTime> Times);

    public sealed record ExpectedTime(string Text, string? Value, string Grain, string? From, string? To);
}
