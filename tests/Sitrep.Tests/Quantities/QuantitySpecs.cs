using System.Text.Json;
using FluentAssertions;
using Sitrep.Pipeline;
using Sitrep.Quantities;
using Xunit;

namespace Sitrep.Tests.Quantities;

/// <summary>
/// Runs the case files in <c>Specs/quantities/&lt;lang&gt;/*.json</c>: each case is a sentence and either
/// the exact numbers found in it, or the exact casualty counts found in it by the whole pipeline.
/// </summary>
public sealed class QuantitySpecs
{
    private static readonly SpecFiles<QuantityCase> Specs = new("quantities");
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => DocumentPipeline.CreateDefault(TestPaths.Resources));

    public static TheoryData<string, int> Cases() => Specs.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_numbers_and_casualties(string file, int index)
    {
        var spec = Read(file)[index];
        var language = file.Split('/')[0];
        string Show<T>(IEnumerable<T> items) => string.Join("\n", items.Select(t => JsonSerializer.Serialize(t)));
        if (spec.Numbers is { } expectedNumbers)
        {
            var tokens = new List<QuantityToken>();
            var numbers = new List<NumberMention>();
            QuantityTokenizer.Tokenize(spec.Text, 0, spec.Text.Length, tokens);
            NumberRecognizer.Recognize(spec.Text, tokens, TestPaths.Resources.NumberGrammars[language], numbers);
            var found = numbers.Select(n => new ExpectedNumber(spec.Text[n.Start..n.End], n.Value, n.Kind.ToString().ToLowerInvariant()));
            Show(found).Should().Be(Show(expectedNumbers), "the numbers of \"{0}\" ({1}#{2})", spec.Text, file, index);
        }
        if (spec.Casualties is { } expectedCasualties)
        {
            var document = new Document($"{file}#{index}", ContentKind.Body, spec.Text) { GivenLanguage = language, Published = "2024-03-07T10:00:00+01:00" };
            Pipeline.Value.Process(document);
            var found = document.Casualties.Select(c => new ExpectedCasualty(
                c.Category.ToString().ToLowerInvariant(), c.Best, c.Low, c.High, c.Unknown, c.Victim, Class(c.VictimClass), c.Text,
                c.Number is { } n ? document.Text[n.Start..n.End] : null, document.Text[c.Trigger.Start..c.Trigger.End]));
            Show(found).Should().Be(Show(expectedCasualties), "the casualties of \"{0}\" ({1}#{2})", spec.Text, file, index);
            foreach (var c in document.Casualties)
                (document.Sentences[c.Sentence].Start <= c.Span.Start && c.Span.End <= document.Sentences[c.Sentence].End).Should().BeTrue("a count lies in the sentence it names");
        }
    }

    [Fact]
    public void There_are_cases_in_each_language()
    {
        Cases().Count(row => ((string)row[0]).StartsWith("fr/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(30);
        Cases().Count(row => ((string)row[0]).StartsWith("en/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(20);
    }

    private static string Class(VictimClass victimClass) => victimClass == VictimClass.ArmedGroup ? "armed-group" : victimClass.ToString().ToLowerInvariant();

    private static List<QuantityCase> Read(string relative) => Specs.Read(relative);

    public sealed record QuantityCase(string Text, List<ExpectedNumber>? Numbers, List<ExpectedCasualty>? Casualties);

    public sealed record ExpectedNumber(string Text, double Value, string Kind);

    public sealed record ExpectedCasualty(string Category, int? Best, int? Low, int? High, bool Unknown, string? Victim, string Class, string Text, string? Number, string Trigger);
}
