using System.Text.Json;
using FluentAssertions;
using Sitrep.Geo;

namespace Sitrep.Tests.Geo;

/// <summary>Spellings that must meet on one key, and names that must stay apart (<c>Specs/geo/keys.json</c>).</summary>
public sealed class PlaceNameKeyTests
{
    private static readonly Lazy<JsonElement> Spec = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Specs", "geo", "keys.json"))).RootElement);

    private static TheoryData<string, string> Pairs(string kind)
    {
        var data = new TheoryData<string, string>();
        foreach (var pair in Spec.Value.GetProperty(kind).EnumerateArray())
            data.Add(pair[0].GetString()!, pair[1].GetString()!);
        return data;
    }

    public static TheoryData<string, string> Same() => Pairs("same");
    public static TheoryData<string, string> Different() => Pairs("different");

    [Theory]
    [MemberData(nameof(Same))]
    public void Spellings_of_one_place_meet(string one, string other) =>
        Gazetteer.Default.Keys.Key(one).Should().Be(Gazetteer.Default.Keys.Key(other));

    [Theory]
    [MemberData(nameof(Different))]
    public void Different_names_stay_apart(string one, string other) =>
        Gazetteer.Default.Keys.Key(one).Should().NotBe(Gazetteer.Default.Keys.Key(other));

    [Fact]
    public void Exonyms_find_the_place()
    {
        var gazetteer = Gazetteer.Default;
        foreach (var (name, id) in new[] { ("Alep", "170063"), ("Idleb", "169389"), ("Kharkov", "706483"), ("Kiev", "703448"), ("Tombouctou", "2449067"), ("Bagdad", "98182") })
            gazetteer.Candidates(name).Select(c => gazetteer.Places[c].Id).Should().Contain(id, "{0} is a name of {1}", name, id);
    }

    [Fact]
    public void Names_only_one_language_uses_match_only_in_it()
    {
        var gazetteer = Gazetteer.Default;
        gazetteer.Candidates("Mexico", "fr").Select(c => gazetteer.Places[c].Id).Should().Contain("3530597");
        gazetteer.Candidates("Mexico", "en").Select(c => gazetteer.Places[c].Id).Should().NotContain("3530597");
    }

    [Fact]
    public void The_fuzzy_step_allows_one_edit_on_long_names_only()
    {
        var gazetteer = Gazetteer.Default;
        gazetteer.FuzzyKeys(gazetteer.Keys.Key("Al-Mayadine"), ["SY"]).Should().Contain(gazetteer.Keys.Key("Al Mayādīn"));
        gazetteer.FuzzyKeys(gazetteer.Keys.Key("Homz"), ["SY"]).Should().BeEmpty("short names are too often other words");
    }

    [Fact]
    public void The_fuzzy_step_forgives_an_edit_at_the_first_letter_too()
    {
        // Keys are compared by first letter or, for an edit at the start, by last letter: both must still meet.
        var gazetteer = Gazetteer.Default;
        var key = gazetteer.Keys.Key("Al Mayādīn");
        gazetteer.FuzzyKeys("x" + key[1..], ["SY"]).Should().Contain(key, "a wrong first letter is one edit");
        gazetteer.FuzzyKeys("x" + key, ["SY"]).Should().Contain(key, "a letter added in front is one edit");
        gazetteer.FuzzyKeys(key[..^1] + "x", ["SY"]).Should().Contain(key, "a wrong last letter is one edit");
    }
}
