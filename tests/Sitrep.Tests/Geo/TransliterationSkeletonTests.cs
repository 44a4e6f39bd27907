using System.Text.Json;
using FluentAssertions;
using Sitrep.Geo;
using Sitrep.Geo.Transliteration;

namespace Sitrep.Tests.Geo;

/// <summary>
/// Spellings of one place that must meet on one transliteration skeleton, one pair for each rule of
/// <c>data/gazetteer/transliteration.yaml</c>, and names that must stay apart (<c>Specs/geo/skeletons.json</c>).
/// </summary>
public sealed class TransliterationSkeletonTests
{
    private static readonly Lazy<JsonElement> Spec = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "geo", "skeletons.json"))).RootElement);

    private static string Skeleton(string name) => Gazetteer.Default.Skeletons.Skeleton(name);

    public static TheoryData<string, string, string> RuleCases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var item in Spec.Value.GetProperty("rules").EnumerateArray())
        {
            var same = item.GetProperty("same");
            data.Add(item.GetProperty("rule").GetString()!, same[0].GetString()!, same[1].GetString()!);
        }
        return data;
    }

    private static TheoryData<string, string> Pairs(string kind)
    {
        var data = new TheoryData<string, string>();
        foreach (var pair in Spec.Value.GetProperty(kind).EnumerateArray()) data.Add(pair[0].GetString()!, pair[1].GetString()!);
        return data;
    }

    public static TheoryData<string, string> Qualifiers() => Pairs("qualifiers");
    public static TheoryData<string, string> Apart() => Pairs("apart");

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void Each_rule_brings_two_spellings_of_one_place_together(string rule, string one, string other) =>
        Skeleton(one).Should().Be(Skeleton(other), "rule {0} makes \"{1}\" and \"{2}\" one name", rule, one, other);

    [Theory]
    [MemberData(nameof(Qualifiers))]
    public void The_official_long_form_meets_the_short_name(string shortName, string longForm) =>
        Skeleton(shortName).Should().Be(Skeleton(longForm));

    [Theory]
    [MemberData(nameof(Apart))]
    public void Different_places_stay_apart(string one, string other) =>
        Skeleton(one).Should().NotBe(Skeleton(other));

    [Fact]
    public void Every_rule_of_the_data_file_has_a_case()
    {
        var rules = TransliterationSkeleton.Load(Path.Combine(Gazetteer.DefaultDataFolder(), TransliterationSkeleton.FileName)).Patterns;
        var cases = RuleCases().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);
        rules.Where(rule => !cases.Contains(rule)).Should().BeEmpty("each rule of transliteration.yaml gets a case in skeletons.json");
    }

    [Fact]
    public void A_mistake_in_the_rules_names_the_file_and_line()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sitrep-translit-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "qualifiers: [tahta]\nrules:\n  - [\"(\", \"x\"]\nmin_length: 4\nmin_length_anywhere: 6\n");
        try
        {
            var load = () => TransliterationSkeleton.Load(path);
            load.Should().Throw<Sitrep.Language.LanguageDataException>().WithMessage($"{path}:3:*");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
