using FluentAssertions;
using Sitrep.Time;
using Xunit;

namespace Sitrep.Tests.Time;

/// <summary>Matched words are looked up in the word lists by one key, however they were written in the text.</summary>
public sealed class WordKeyTests
{
    [Theory]
    [InlineData("mardi", "mardi")]
    [InlineData("Mardi", "mardi")]
    [InlineData("FÉVRIER", "fevrier")]
    [InlineData("février", "fevrier")]
    [InlineData("l’après-midi", "l'apres-midi")]
    [InlineData("  next   week ", "next week")]
    [InlineData("a.m.", "a.m.")]
    [InlineData("", "")]
    public void Case_accents_apostrophes_and_spaces_do_not_matter(string word, string key)
    {
        TimeGrammar.Key(word).Should().Be(key);
        TimeGrammar.Key(word).Should().Be(key, "the second look-up gives the same key");
    }
}
