using FluentAssertions;
using Sitrep.Content.Scraped;
using Sitrep.Language;
using Xunit;

namespace Sitrep.Tests.Content;

/// <summary>Loading <c>lang/&lt;code&gt;/boilerplate.yaml</c>: every language folder with one, and mistakes reported with file and line.</summary>
public sealed class BoilerplateCuesTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sitrep-cues-" + Guid.NewGuid().ToString("N"));

    public BoilerplateCuesTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Shipped_files_load_for_every_language_that_has_one()
    {
        var cues = BoilerplateCues.Load(Path.Combine(AppContext.BaseDirectory, "lang"));

        cues.Languages.Select(language => language.Language).Should().Contain(["en", "fr"]);
        cues.Languages.Should().OnlyContain(language => language.Months.Count >= 12);
    }

    [Fact]
    public void A_new_language_is_a_new_folder()
    {
        Write("de", """
            months:
              März: 3
            published:
              - '(?i)veröffentlicht am (?<day>\d{1,2})\. (?<month>{month}) (?<year>\d{4})'
            author:
              - '^Von (?<author>\p{Lu}\p{L}+ \p{Lu}\p{L}+)$'
            share:
              lines: [Artikel teilen]
            footer:
              lines: [Impressum]
            """);
        var resources = LanguageResources.Load(_root);
        var extractor = new ScrapedTextExtractor(resources);

        var content = extractor.Extract(string.Join('\n',
            "Waffenruhe im Norden nach tagelangen Gefechten vereinbart",
            "Von Anna Becker",
            "Veröffentlicht am 5. März 2024",
            "Nach tagelangen Gefechten haben sich die Konfliktparteien im Norden des Landes auf eine Waffenruhe geeinigt, teilten die Vermittler mit.",
            "Artikel teilen",
            "Die Waffenruhe soll zunächst für zwei Wochen gelten und von internationalen Beobachtern überwacht werden.",
            "Impressum"));

        content.Title.Should().Be("Waffenruhe im Norden nach tagelangen Gefechten vereinbart");
        content.Published.Should().Be("2024-03-05");
        content.Author.Should().Be("Anna Becker");
        content.Blocks.Should().HaveCount(2).And.NotContain(["Artikel teilen", "Impressum"]);
    }

    [Fact]
    public void A_runaway_pattern_times_out_as_no_match()
    {
        Write("xx", "navigation:\n  max_words: 100\n  patterns:\n    - '^(\\w+\\s?)*$'\n");
        var extractor = new ScrapedTextExtractor(LanguageResources.Load(_root));
        var line = string.Join(' ', Enumerable.Repeat("abcdefghij", 12)) + " klmnopqrstuvwxyz!";

        var content = extractor.Extract(line + "\n" + line);

        content.Blocks.Should().HaveCount(2, "a pattern that runs past its timeout does not match");
    }

    [Theory]
    [InlineData("navigation:\n  lines: [Home]\nshares:\n  lines: [Share]\n", 3, "unknown key 'shares'")]
    [InlineData("navigation:\n  lines: [Home]\n  pattern: ['x']\n", 3, "unknown field 'pattern'")]
    [InlineData("credit:\n  patterns:\n    - 'ok'\n    - '(unclosed'\n", 4, "invalid pattern")]
    [InlineData("published:\n  - '(?<day>\\d+) (?<year>\\d{4})'\n", 2, "(?<month>...)")]
    [InlineData("months:\n  janvier: 13\n", 2, "month number")]
    [InlineData("navigation:\n  lines: [Home\n  starts: [Go]\n", 2, "")]
    [InlineData("navigation:\n  lines:\n    - Home\n   - Menu\n", 4, "")]
    public void A_mistake_names_the_file_and_line(string yaml, int line, string message)
    {
        var path = Write("xx", yaml);

        var load = () => BoilerplateCues.Load(_root);

        load.Should().Throw<LanguageDataException>()
            .Where(error => error.Message.StartsWith($"{path}:{line}:", StringComparison.Ordinal) && error.Message.Contains(message, StringComparison.Ordinal));
    }

    private string Write(string language, string yaml)
    {
        var folder = Path.Combine(_root, language);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, BoilerplateCues.FileName);
        File.WriteAllText(path, yaml);
        return path;
    }
}
