using FluentAssertions;
using Sitrep.Time;
using Xunit;

namespace Sitrep.Tests.Time;

/// <summary>Literal strings every match of a pattern contains: a window lacking all of them skips the pattern (same output, less work).</summary>
public sealed class LiteralFactorsTests
{
    [Theory]
    [InlineData(@"(?<hour>\d{1,2}|deux|trois)\s+heures?(?:\s+et\s+quart)?", "(?:heures|heure)")]
    [InlineData(@"(?:le\s+)?(?:lundi|mardi)\s+\d+", "(?:lundi|mardi)")]
    [InlineData(@"\d+h\s+(?:apr[eè]s-midi|matin[ée]e)", "(?:apres-midi|après-midi|matinee|matinée)")]
    [InlineData(@"(?<![\p{L}\p{N}])(?:(?<n>\d+)\s+(?<unit>jours?|semaines?))(?![\p{L}\p{N}])", "(?:semaines|semaine|jours|jour)")]
    [InlineData(@"(?:au\s+)?\d+(?:\s+ans)?", null)] // nothing literal is required
    [InlineData(@"lundi|mardi", null)] // only literals: the pattern is its own search
    [InlineData(@"(?:ago|)\s+\d+", null)] // an empty branch: nothing required
    [InlineData(@"\d+\s+(?=heures)", null)] // a lookahead consumes nothing it could be found in
    [InlineData(@"\d+(?:h|heures?)", null)] // "h": too short to be worth a search
    [InlineData(@"(?<a>\k<b>)heures", null)] // back references are not read
    [InlineData(@"(?:(?-i:Mon)|Tue)\s+\d", "(?:Mon|Tue)")]
    public void Finds_what_every_match_contains(string pattern, string? expected) =>
        LiteralFactors.Prefilter(pattern).Should().Be(expected);

    [Theory]
    [InlineData(@"(?:janvier|f[eé]vrier)\s+\d+", "fevrier février janvier")]
    [InlineData(@"(?:le\s+)?mardi", null)] // may start with "le" or "mardi": an optional start is not followed
    [InlineData(@"(?<n>\d+)\s+jours", null)]
    [InlineData(@"o'?clock|a\.m\.|week-?end", "a.m. o'clock oclock week-end weekend")]
    public void Knows_how_every_match_starts(string pattern, string? expected) =>
        (LiteralFactors.Prefixes(pattern) is { } prefixes ? string.Join(" ", prefixes.Order(StringComparer.Ordinal)) : null).Should().Be(expected);

    [Fact]
    public void Knows_how_a_long_word_list_starts()
    {
        // More words than a search is worth (holiday names): still a set of starts for the trigger's word-start trie.
        var words = Enumerable.Range(0, 300).Select(n => "fete" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        LiteralFactors.Prefixes("(?:" + string.Join("|", words) + ")|noon").Should().HaveCount(301);
        LiteralFactors.Prefilter(@"\d+\s+(?:" + string.Join("|", words) + ")").Should().BeNull(); // searches stay bounded
    }

    [Fact]
    public void Every_language_knows_how_its_trigger_words_start()
    {
        // Without the trie every word start of a text runs the trigger-word pattern (English did, with its holidays).
        foreach (var (language, grammar) in Sitrep.Language.LanguageResources.Default.TimeGrammars)
            grammar.TriggerStarts.Should().NotBeNull(language);
    }

    [Theory]
    [InlineData("Les combats ont repris MARDI soir", 23, true)] // case folded
    [InlineData("Les combats ont repris mardi soir", 4, false)] // "combats": no trigger word starts so
    [InlineData("Les combats ont repris mardi soir", 0, false)]
    [InlineData("Le marsouin a été vu", 3, true)] // begins like "mars": the pattern itself decides
    [InlineData("La marche a eu lieu", 3, false)]
    [InlineData("La ﬁn du mois", 3, true)] // beyond Latin-1: left to the pattern
    public void Tries_the_trigger_only_where_one_may_start(string text, int index, bool expected) =>
        TriggerStarts.For("(?:mardi|mars|lundi|mois)")!.MayStartAt(text, index).Should().Be(expected);

    [Fact]
    public void A_trigger_entry_of_many_alternatives_still_gives_a_gate_when_the_caller_allows_a_large_set()
    {
        // Three alternatives of 100 verbs each, one after an auxiliary: hundreds of strings, past the default bound, within the event triggers'.
        string Verbs(string stem) => string.Join("|", Enumerable.Range(0, 100).Select(i => $"{stem}{i:00}"));
        var pattern = $"(?:a|ont) (?:{Verbs("tir")})é|(?:{Verbs("frapp")})ant|(?:{Verbs("vis")})és? par";
        LiteralFactors.Literals(pattern, minLength: 1).Should().BeNull("the default bound keeps prefilters small");
        var gate = LiteralFactors.Literals(pattern, minLength: 1, limit: 4096);
        gate.Should().NotBeNull();
        gate!.Value.Strings.Should().Contain(["ont tir07é", "frapp07ant"]).And.OnlyContain(s => s.Length >= 6);
    }
}
