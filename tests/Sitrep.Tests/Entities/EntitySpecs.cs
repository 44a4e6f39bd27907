using System.Text.Json;
using FluentAssertions;
using Sitrep.Pipeline;
using Xunit;

namespace Sitrep.Tests.Entities;

/// <summary>
/// Runs the case files in <c>Specs/entities/&lt;lang&gt;/*.json</c>: each case is a text, a publication
/// date, the entities that must be found (type and text; canonical name, role, country and kind when
/// given) and the phrases that must not be entities.
/// </summary>
public sealed class EntitySpecs
{
    private static readonly string SpecsRoot = Path.Combine(AppContext.BaseDirectory, "Specs", "entities");
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => DocumentPipeline.CreateDefault(TestPaths.Resources));

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
    public void Finds_entities(string file, int index)
    {
        var spec = Read(file)[index];
        var document = new Document($"{file}#{index}", ContentKind.Body, spec.Text) { Published = spec.Published, GivenLanguage = file.Split('/')[0] };
        Pipeline.Value.Process(document);

        var found = document.Entities.Select(e => $"{e.Type} '{e.Text}' → {e.Canonical} | role={e.Role} | {e.Country} {e.Kind}").ToList();
        var because = $"\"{spec.Text}\" ({file}#{index}) gave:\n{string.Join("\n", found)}\n";
        foreach (var expected in spec.Entities)
        {
            var entity = document.Entities.FirstOrDefault(e => e.Text == expected.Text && e.Type.ToString() == expected.Type);
            entity.Should().NotBeNull("{0} should be found as {1}; {2}", expected.Text, expected.Type, because);
            if (expected.Canonical is not null) entity!.Canonical.Should().Be(expected.Canonical, because);
            if (expected.Role is not null) entity!.Role.Should().Be(expected.Role, because);
            if (expected.Country is not null) entity!.Country.Should().Be(expected.Country, because);
            if (expected.Kind is not null) entity!.Kind.Should().Be(expected.Kind, because);
        }
        foreach (var absent in spec.Absent ?? [])
            document.Entities.Should().NotContain(e => e.Text.Contains(absent, StringComparison.Ordinal), "'{0}' is not a name; {1}", absent, because);
        foreach (var entity in document.Entities)
            document.Text[entity.Start..entity.End].Should().Be(entity.Text, "offsets point at the mention");
        for (var i = 1; i < document.Entities.Count; i++)
            document.Entities[i].Start.Should().BeGreaterThanOrEqualTo(document.Entities[i - 1].End, "mentions are in text order and do not overlap");
    }

    [Fact]
    public void There_are_cases_in_each_language()
    {
        Cases().Count(row => ((string)row[0]).StartsWith("fr/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(15);
        Cases().Count(row => ((string)row[0]).StartsWith("en/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(10);
    }

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
    private static readonly Dictionary<string, List<EntityCase>> Cache = [];

    private static List<EntityCase> Read(string relative)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(relative, out var cases))
                Cache[relative] = cases = JsonSerializer.Deserialize<List<EntityCase>>(File.ReadAllText(Path.Combine(SpecsRoot, relative)), Options)
                    ?? throw new InvalidDataException(relative);
            return cases;
        }
    }

    public sealed record EntityCase(string Text, string? Published, List<ExpectedEntity> Entities, List<string>? Absent);

    public sealed record ExpectedEntity(string Type, string Text, string? Canonical, string? Role, string? Country, string? Kind);
}
