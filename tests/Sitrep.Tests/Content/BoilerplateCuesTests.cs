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

    /// <summary>
    /// Each category's patterns are tried as one alternation run by a non-backtracking automaton: it must say "match"
    /// exactly where one of the patterns would.
    /// </summary>
    [Theory]
    [InlineData("Photo : AFP")]
    [InlineData("Des secouristes fouillent les décombres d'un immeuble à Kharkiv, le 3 mars. (AFP / Jean Dupont)")]
    [InlineData("Rescuers search the rubble in Kharkiv on March 3. REUTERS/Jane Doe")]
    [InlineData("A displaced family waits at a checkpoint, in this file photo taken in 2023.")]
    [InlineData("Des soldats patrouillent dans le nord du pays (image d'archives).")]
    [InlineData("Publié le 12 mars 2024 à 10h32")]
    [InlineData("Published on March 12, 2024 10:32")]
    [InlineData("12/03/2024 18:22")]
    [InlineData("Par Marie Lefèvre et Paul Martin")]
    [InlineData("By JOHN SMITH, Associated Press")]
    [InlineData("Partager sur Facebook")]
    [InlineData("Lire aussi : la trêve tient toujours dans le nord")]
    [InlineData("Les forces gouvernementales ont repris le contrôle de la ville mardi, après trois jours de combats qui ont fait au moins douze morts, selon un bilan officiel.")]
    public void Cue_alternations_match_where_one_of_their_patterns_does(string line)
    {
        var cues = BoilerplateCues.Load(Path.Combine(AppContext.BaseDirectory, "lang"));

        foreach (var language in cues.Languages)
        {
            foreach (var (category, set) in language.Categories)
                if (set.AnyPattern is { } any)
                    any.IsMatch(line).Should().Be(set.Patterns.Any(pattern => pattern.IsMatch(line)), $"{language.Language} {category}");
        }
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
