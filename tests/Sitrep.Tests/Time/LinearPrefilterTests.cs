using System.Text.RegularExpressions;
using FluentAssertions;
using Sitrep.Time;
using Xunit;

namespace Sitrep.Tests.Time;

/// <summary>
/// A rule's linear-time stand-in matches wherever the rule does, so skipping the rule where the stand-in finds
/// nothing never loses a time (same output, less work).
/// </summary>
public sealed class LinearPrefilterTests
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    [Theory]
    [InlineData(@"(?<![\p{L}\p{N}])(?:mardi\s+\d+)(?![\p{L}\p{N}])", @"(?:^|[^\p{L}\p{N}])(?:mardi\s+\d+)(?:\z|[^\p{L}\p{N}])", true)]
    [InlineData(@"(?<![\p{L}\p{N}])(?:\d+(?![\d/.]\d)h)(?![\p{L}\p{N}])", @"(?:^|[^\p{L}\p{N}])(?:\d+(?:)h)(?:\z|[^\p{L}\p{N}])", false)]
    [InlineData(@"(?>\d+)h", @"(?:\d+)h", false)]
    [InlineData(@"[(?=]\d+\(?!", @"[(?=]\d+\(?!", true)] // brackets and escapes are characters, not groups
    [InlineData(@"(?<hour>\d+)(?-i:H)", @"(?<hour>\d+)(?-i:H)", true)]
    [InlineData(@"\d+(?=\s*(?:h|heures?))", @"\d+(?:)", false)]
    public void Drops_lookarounds_and_atomic_groups(string pattern, string relaxed, bool exact) =>
        LinearPrefilter.Relax(pattern).Should().Be((relaxed, exact));

    [Theory]
    [InlineData(@"(?<![\d,.]\s?)(?<day>[12]\d|3[01]|0?[1-9])\s+mars", "le 12 mars à Paris")]
    [InlineData(@"(?<![\p{L}\p{N}])(?:entre|du)\s+(?<a>\d+)\s+(?:et|au)\s+(?<b>\d+)(?![\p{L}\p{N}])", "du 3 au 5 mars")]
    [InlineData(@"at\s+(?<h>\d{1,2})(?!\d)\s*(?:am|pm)", "at 4 pm")]
    public void Matches_wherever_the_pattern_matches(string pattern, string text)
    {
        var regex = new Regex(pattern, Options);
        var linear = LinearPrefilter.For(regex);
        linear.Should().NotBeNull();
        regex.IsMatch(text).Should().BeTrue();
        linear!.IsMatch(text).Should().BeTrue();
        linear.IsMatch("rien à voir").Should().BeFalse();
    }

    [Theory]
    [InlineData("mardi 12", true)]
    [InlineData("le mardi 12.", true)]
    [InlineData("lemardi 12", false)] // inside a longer word: the word edges are kept
    [InlineData("mardi 123x", false)]
    public void Keeps_the_word_edges_around_a_rule(string text, bool found)
    {
        var regex = new Regex(@"(?<![\p{L}\p{N}])(?:mardi\s+\d+)(?![\p{L}\p{N}])", Options);
        regex.IsMatch(text).Should().Be(found);
        LinearPrefilter.For(regex)!.IsMatch(text).Should().Be(found);
    }

    [Fact]
    public void Leaves_alone_what_the_linear_engine_cannot_run() =>
        LinearPrefilter.For(new Regex(@"(?<d>\d)\k<d>", Options)).Should().BeNull();
}
