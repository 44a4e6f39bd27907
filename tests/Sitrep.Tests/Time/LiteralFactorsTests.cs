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
}
