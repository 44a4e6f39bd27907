using FluentAssertions;
using Sitrep.Time;
using Xunit;

namespace Sitrep.Tests.Time;

/// <summary>What a rule cannot match without: a window lacking it skips the rule (same output, less work).</summary>
public sealed class RequiredPiecesTests
{
    [Theory]
    [InlineData(@"{le}?(?<day>{day})\s*(?<month>{month})(?:,?\s+(?<year>{year}))?", "{day} {month}")]
    [InlineData(@"(?<n>{num})\s+(?<unit>{unit})\s+(?<ago>ago|back)", "{num} {unit} (?:ago|back)")]
    [InlineData(@"{at}?(?<hour>\d+)(?=\s+{month})", @"(?:\d+)")]
    [InlineData(@"(?<month>{month})|(?<month>{month})\s+{year}", "{month}")]
    [InlineData(@"(?<a>{month})|{year}", "")]
    [InlineData(@"\d{0,2}{year}{2}x", "{year}")]
    [InlineData(@"(?-i:Mon)\s+{day}*", "(?:Mon)")]
    [InlineData(@"(?<a>\k<b>){month}", "")]
    [InlineData(@"[{month}]+x", "")]
    public void Finds_what_every_match_contains(string pattern, string expected) =>
        string.Join(" ", TimeGrammar.RequiredPieces(pattern)).Should().Be(expected);
}
