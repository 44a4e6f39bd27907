using System.Text.Json;
using FluentAssertions;
using Sitrep.Geo;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Geo;

/// <summary>
/// Runs the case files in <c>Specs/geo/&lt;lang&gt;/*.json</c>: a text, the toponyms in it (as entity
/// recognition would hand them over) and, for each, the place expected (gazetteer id), its ACLED
/// precision (null for a country) and whether it reads as a government ("Washington a refusé").
/// </summary>
public sealed class GeoSpecs
{
    private static readonly string SpecsRoot = Path.Combine(AppContext.BaseDirectory, "Specs", "geo");
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => DocumentPipeline.CreateDefault(TestPaths.Resources));
    private static readonly Lazy<PlaceResolver> Resolver = new(() => new PlaceResolver(Gazetteer.Default, GeoCues.LoadAll(TestPaths.LangRoot)));

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.EnumerateFiles(SpecsRoot, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(SpecsRoot, file).Replace('\\', '/');
            if (!relative.Contains('/')) continue;
            for (var i = 0; i < Read(relative).Count; i++) data.Add(relative, i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Resolves_each_toponym_to_the_place_meant(string file, int index)
    {
        var spec = Read(file)[index];
        var document = new Document($"{file}#{index}", ContentKind.Body, spec.Text) { GivenLanguage = file.Split('/')[0] };
        Pipeline.Value.Process(document);
        var mentions = Mentions(spec);
        var results = Resolver.Value.Resolve(document, mentions);

        string Show(IEnumerable<(string Text, string? Id, int? Precision, bool Metonymic)> rows) => string.Join("\n", rows.Select(r => $"{r.Text} → {r.Id} p{r.Precision} {(r.Metonymic ? "government" : "")}"));
        var found = results.Select((r, i) => (mentions[i].Text, r?.Entry.Id, r?.GeoPrecision, Resolver.Value.LooksLikeMetonymicCapital(document, mentions[i])));
        var expected = spec.Places.Select(p => (p.Text, (string?)p.Id, p.Precision, p.Metonymic));
        Show(found).Should().Be(Show(expected), "the places of \"{0}\" ({1}#{2})", spec.Text, file, index);
    }

    [Fact]
    public void Places_come_with_the_schema_fields()
    {
        var document = new Document("t", ContentKind.Body, "Des obus sont tombés sur Alep.") { GivenLanguage = "fr" };
        Pipeline.Value.Process(document);
        var place = Resolver.Value.Resolve(document, [new ToponymMention("Alep", new TextSpan(25, 29))])[0]!.Place;
        place.Should().BeEquivalentTo(new Place("Aleppo", 170063, 36.20124, 37.16117, "SY", "Aleppo", "PPLA"));
    }

    [Fact]
    public void The_same_input_gives_the_same_places_whatever_the_order_of_runs()
    {
        var spec = Read("fr/conflict.json")[1];
        var runs = Enumerable.Range(0, 4).AsParallel().Select(_ =>
        {
            var document = new Document("d", ContentKind.Body, spec.Text) { GivenLanguage = "fr" };
            Pipeline.Value.Process(document);
            return string.Join(",", Resolver.Value.Resolve(document, Mentions(spec)).Select(r => r?.Entry.Id));
        }).ToList();
        runs.Distinct().Should().ContainSingle();
    }

    [Fact]
    public void There_are_cases_in_each_language()
    {
        Cases().Count(row => ((string)row[0]).StartsWith("fr/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(10);
        Cases().Count(row => ((string)row[0]).StartsWith("en/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(10);
    }

    /// <summary>Each expected place's text, at its n-th occurrence for the n-th time it is listed.</summary>
    private static List<ToponymMention> Mentions(GeoCase spec)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var mentions = new List<ToponymMention>();
        foreach (var place in spec.Places)
        {
            var nth = seen[place.Text] = seen.GetValueOrDefault(place.Text) + 1;
            var start = -1;
            for (var k = 0; k < nth; k++) start = spec.Text.IndexOf(place.Text, start + 1, StringComparison.Ordinal);
            start.Should().BeGreaterThanOrEqualTo(0, "\"{0}\" is in the text", place.Text);
            mentions.Add(new ToponymMention(place.Text, new TextSpan(start, start + place.Text.Length)));
        }
        return mentions;
    }

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
    private static readonly Dictionary<string, List<GeoCase>> Cache = [];

    private static List<GeoCase> Read(string relative)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(relative, out var cases))
                Cache[relative] = cases = JsonSerializer.Deserialize<List<GeoCase>>(File.ReadAllText(Path.Combine(SpecsRoot, relative)), Options)!;
            return cases;
        }
    }

    public sealed record GeoCase(string Text, List<ExpectedPlace> Places);
    public sealed record ExpectedPlace(string Text, string Id, int? Precision, bool Metonymic);
}

/// <summary>The stage seam hands each mention its place, in mention order.</summary>
public sealed class GeocodingStageTests
{
    [Fact]
    public void The_stage_resolves_the_mentions_it_is_given()
    {
        var document = new Document("d", ContentKind.Body, "Des tirs ont visé Mossoul puis Kirkouk.") { GivenLanguage = "fr" };
        DocumentPipeline.CreateDefault(TestPaths.Resources).Process(document);
        IReadOnlyList<ResolvedPlace?> places = [];
        var stage = new GeocodingStage(new PlaceResolver(Gazetteer.Default, GeoCues.LoadAll(TestPaths.LangRoot)),
            _ => [new ToponymMention("Mossoul", new TextSpan(18, 25)), new ToponymMention("Kirkouk", new TextSpan(31, 38))],
            (_, resolved) => places = resolved);
        stage.Process(document);
        places.Select(p => p?.Place.Name).Should().Equal("Mosul", "Kirkuk");
    }
}

/// <summary>The default pipeline geocodes the places entity recognition finds, and only those.</summary>
public sealed class EntityGeocodingTests
{
    private static Document Process(string language, string text)
    {
        var document = new Document("d", ContentKind.Body, text) { GivenLanguage = language, Published = "2024-03-07" };
        DocumentPipeline.CreateDefault(TestPaths.Resources).Process(document);
        return document;
    }

    [Fact]
    public void Places_named_in_the_text_get_coordinates_and_a_capital_speaking_for_its_state_gets_none()
    {
        var document = Process("fr", "Washington a refusé la proposition. Des frappes ont touché Al-Bab, dans la province d'Alep, selon l'OSDH.");
        var washington = document.Entities.Single(e => e.Text == "Washington");
        washington.Type.Should().Be(Sitrep.Entities.EntityType.ORG);
        washington.Place.Should().BeNull();
        var alBab = document.Entities.Single(e => e.Text == "Al-Bab");
        alBab.Place!.Country.Should().Be("SY");
        alBab.Place.GeonamesId.Should().Be(174018);
        alBab.GeoPrecision.Should().Be(1);
        var aleppo = document.Entities.Single(e => e.Text == "Alep");
        aleppo.Place!.Feature.Should().Be("ADM1");
        aleppo.GeoPrecision.Should().Be(3);
        document.Entities.Where(e => e.Type != Sitrep.Entities.EntityType.LOC).Should().OnlyContain(e => e.Place == null);
    }

    [Fact]
    public void The_state_bodies_named_steer_an_ambiguous_town_to_their_country()
    {
        var document = Process("en", "The Lebanese army said shells fell on the outskirts of Tripoli overnight.");
        document.Entities.Single(e => e.Text == "Tripoli").Place!.Country.Should().Be("LB");
    }

    [Fact]
    public void The_record_carries_the_place_of_a_geocoded_entity()
    {
        var json = Sitrep.Export.DocumentRecord.ToJson(Process("fr", "Des combats ont eu lieu à Kharkov."));
        json.Should().Contain("\"place\":{\"name\":\"Kharkiv\"");
    }
}
