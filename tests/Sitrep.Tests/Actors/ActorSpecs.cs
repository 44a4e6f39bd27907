using FluentAssertions;
using Sitrep.Pipeline;
using Xunit;

namespace Sitrep.Tests.Actors;

/// <summary>
/// Runs the case files in <c>Specs/actors/&lt;lang&gt;/*.json</c>: each case is a text, a publication date,
/// the actor phrases that must be found (exact text; name, country, kind and code when given) and phrases
/// that must not be actors.
/// </summary>
public sealed class ActorSpecs
{
    private static readonly SpecFiles<ActorCase> Specs = new("actors");
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => DocumentPipeline.CreateDefault(TestPaths.Resources));

    public static TheoryData<string, int> Cases() => Specs.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_and_codes_actors(string file, int index)
    {
        var spec = Specs.Read(file)[index];
        var document = new Document($"{file}#{index}", ContentKind.Body, spec.Text) { Published = spec.Published, GivenLanguage = file.Split('/')[0] };
        Pipeline.Value.Process(document);

        var found = document.Actors.Select(a => $"'{a.Text}' → {a.Name} | {a.Country} {a.Kind} {a.Code}").ToList();
        var because = $"\"{spec.Text}\" ({file}#{index}) gave:\n{string.Join("\n", found)}\n";
        foreach (var expected in spec.Actors)
        {
            var actor = document.Actors.FirstOrDefault(a => a.Text == expected.Text);
            actor.Should().NotBeNull("'{0}' should be an actor; {1}", expected.Text, because);
            if (expected.Name is not null) actor!.Name.Should().Be(expected.Name, because);
            if (expected.Country is not null) actor!.Country.Should().Be(expected.Country, because);
            if (expected.Kind is not null) actor!.Kind.Should().Be(expected.Kind, because);
            if (expected.Code is not null) actor!.Code.Should().Be(expected.Code, because);
        }
        foreach (var absent in spec.Absent ?? [])
            document.Actors.Should().NotContain(a => a.Text.Contains(absent, StringComparison.Ordinal), "'{0}' is not an actor; {1}", absent, because);
        for (var i = 0; i < document.Actors.Count; i++)
        {
            var actor = document.Actors[i];
            document.Text[actor.Span.Start..actor.Span.End].Should().Be(actor.Text, "offsets point at the mention");
            if (i > 0) actor.Span.Start.Should().BeGreaterThanOrEqualTo(document.Actors[i - 1].Span.End, "mentions are in text order and do not overlap");
        }
    }

    [Fact]
    public void There_are_cases_in_each_language()
    {
        Cases().Count(row => ((string)row[0]).StartsWith("fr/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(15);
        Cases().Count(row => ((string)row[0]).StartsWith("en/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(10);
    }

    public sealed record ActorCase(string Text, string? Published, List<ExpectedActor> Actors, List<string>? Absent);

    public sealed record ExpectedActor(string Text, string? Name, string? Country, string? Kind, string? Code);
}
