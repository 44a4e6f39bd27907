using System.Text.RegularExpressions;
using FluentAssertions;
using Sitrep.Time;
using Xunit;

namespace Sitrep.Tests.Time;

/// <summary>
/// A pattern read as holding a digit in every match is skipped in windows without one: a wrong "yes" would lose
/// times ("mardi soir" has no digit, but "(?:\d+|soir)" still matches it), so only sure readings say yes.
/// </summary>
public sealed class DigitRequirementTests
{
    [Theory]
    [InlineData(@"(?:(?:[12]\d|3[01]|0?[1-9]))", true)]
    [InlineData(@"(?:[01]?\d|2[0-3])", true)]
    [InlineData(@"(?<![\p{L}\p{N}])(?:le\s+(?<day>[0-3]?\d)\s+mars)(?![\p{L}\p{N}])", true)]
    [InlineData(@"\d{2,4}", true)]
    [InlineData(@"(?:\d+|soir)", false)]        // one branch has none
    [InlineData(@"\d*h", false)]                // optional
    [InlineData(@"\d{0,2}h", false)]
    [InlineData(@"mardi(?=\s+\d)", false)]      // the digit is after the match, not in it
    [InlineData(@"[-0]x", false)]              // a leading dash is a character, not a range
    [InlineData(@"[0-9a]", false)]
    [InlineData(@"[^a]", false)]
    [InlineData(@"\p{N}", false)]              // not read: numbers beyond the decimal digits
    [InlineData(@"(?<d>\d)\k<d>", false)]      // back references are not read
    public void Says_yes_only_when_every_match_holds_a_digit(string pattern, bool required) =>
        DigitRequirement.Of(pattern).Should().Be(required);

    [Theory]
    [InlineData("le 12 mars", true)]
    [InlineData("le ١٢ mars", true)] // Arabic-Indic digits: what \d matches too
    [InlineData("mardi soir", false)]
    public void A_window_holds_a_digit_where_the_regex_engine_sees_one(string window, bool found)
    {
        DigitRequirement.HasDigit(window).Should().Be(found);
        Regex.IsMatch(window, @"\d").Should().Be(found);
    }

    [Theory]
    [InlineData("fr", "Des combats ont éclaté mardi soir près de la frontière.", "mardi soir")]
    [InlineData("en", "Talks resume next week in Geneva, officials said.", "next week")]
    public void Times_without_digits_are_still_found(string language, string sentence, string expected)
    {
        var grammar = TestPaths.Resources.TimeGrammars[language];
        var found = new List<TimeExpression>();
        TimeExtractor.Extract(sentence, sentence, 0, sentence.Length, grammar, null, found);
        found.Select(t => t.Text).Should().Contain(expected);
    }
}
