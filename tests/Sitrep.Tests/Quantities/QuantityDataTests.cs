using FluentAssertions;
using Sitrep.Language;
using Sitrep.Quantities;
using Xunit;

namespace Sitrep.Tests.Quantities;

/// <summary>An analyst editing the quantity files gets the file and line of a mistake, and a language is a folder.</summary>
public sealed class QuantityDataTests
{
    private const string Numbers = """
        digits:
          thousands-separators: [" "]
          decimal-separators: [","]
        words:
          values: {un: 1, deux: 2}
          multipliers: {cent: 100}
        """;

    private static string Casualties(string pattern, string victimClass = "civilian") => $$"""
        words:
          outcome-noun: {morts: killed}
          victim: {civils: {{victimClass}}}
        patterns:
          - "{{pattern}}"
        """;

    [Fact]
    public void A_pattern_naming_an_unknown_piece_is_reported_with_its_line()
    {
        using var folder = new TempFolder();
        folder.Write("xx/numbers.yaml", Numbers);
        var file = folder.Write("xx/casualties.yaml", Casualties("{count} {victime} {outcome-noun}"));
        var load = () => CasualtyGrammar.LoadAll(folder.Path, NumberGrammar.LoadAll(folder.Path));
        load.Should().Throw<LanguageDataException>().WithMessage($"{file}:5: unknown piece {{victime}}*");
    }

    [Fact]
    public void A_word_with_neither_a_category_nor_a_victim_class_is_reported()
    {
        using var folder = new TempFolder();
        folder.Write("xx/numbers.yaml", Numbers);
        var file = folder.Write("xx/casualties.yaml", Casualties("{count} {victim}? {outcome-noun}", "civil"));
        var load = () => CasualtyGrammar.LoadAll(folder.Path, NumberGrammar.LoadAll(folder.Path));
        load.Should().Throw<LanguageDataException>().WithMessage($"{file}:3: 'civil' is neither a category*");
    }

    [Fact]
    public void A_new_folder_is_a_new_language()
    {
        using var folder = new TempFolder();
        folder.Write("xx/numbers.yaml", Numbers);
        folder.Write("xx/casualties.yaml", Casualties("{count} {victim}? {outcome-noun}"));
        var grammar = CasualtyGrammar.LoadAll(folder.Path, NumberGrammar.LoadAll(folder.Path))["xx"];
        var found = new List<CasualtyMention>();
        const string text = "Il y a eu deux cent civils morts.";
        CasualtyExtractor.Extract(text, text, 0, text.Length, 0, grammar, [], found);
        found.Should().ContainSingle().Which.Should().Match<CasualtyMention>(c => c.Best == 200 && c.Category == CasualtyCategory.Killed && c.VictimClass == VictimClass.Civilian);
    }
}
