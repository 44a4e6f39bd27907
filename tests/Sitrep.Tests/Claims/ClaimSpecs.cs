using System.Text.Json;
using FluentAssertions;
using Sitrep.Pipeline;
using Xunit;

namespace Sitrep.Tests.Claims;

/// <summary>
/// Runs the case files in <c>Specs/claims/&lt;lang&gt;/*.json</c>: each case is one or two sentences and the exact
/// claim frames the whole pipeline gives them, in order: the clause's text, its modality, whether it is hedged,
/// its sources (text and canonical name) and the text of its negated spans.
/// </summary>
public sealed class ClaimSpecs
{
    private static readonly SpecFiles<ClaimCase> Specs = new("claims");
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => DocumentPipeline.CreateDefault(TestPaths.Resources));

    public static TheoryData<string, int> Cases() => Specs.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Frames_each_clause(string file, int index)
    {
        var spec = Specs.Read(file)[index];
        var document = new Document($"{file}#{index}", ContentKind.Body, spec.Text) { GivenLanguage = file.Split('/')[0], Published = "2024-03-07T10:00:00+01:00" };
        Pipeline.Value.Process(document);
        var found = document.Claims.Select(f => new ExpectedFrame(
            document.Text[f.Span.Start..f.Span.End], f.Modality.ToString().ToLowerInvariant(), f.Hedged,
            f.Sources.Select(s => new ExpectedSource(s.Text, s.Canonical)).ToList(),
            f.Negated.Select(n => document.Text[n.Start..n.End]).ToList()));
        Show(found).Should().Be(Show(spec.Frames), "the frames of \"{0}\" ({1}#{2})", spec.Text, file, index);
        document.Claims.Select(f => f.Span.Start).Should().BeInAscendingOrder("frames are in text order");
        foreach (var frame in document.Claims)
            frame.Negated.All(n => frame.Span.Start <= n.Start && n.End <= frame.Span.End).Should().BeTrue("a negated span lies in its clause");
    }

    [Fact]
    public void Every_sentence_has_a_frame()
    {
        var document = new Document("plain", ContentKind.Body, "Des affrontements ont eu lieu lundi à Gao. Le calme est revenu mardi.") { GivenLanguage = "fr" };
        Pipeline.Value.Process(document);
        document.Claims.Select(f => f.Sentence).Should().Equal(0, 1);
    }

    [Theory]
    [InlineData("fr", ", , a déclaré , , selon , mais , a-t-il ajouté , « », a affirmé")]
    [InlineData("fr", "« Ils ont tiré, a déclaré un témoin. Selon")]
    [InlineData("fr", "Il a ajouté que. Selon lui. Elle dément. N'a pas. Aucune.")]
    [InlineData("en", "\"\" said , , and that said, but said; according to , denied")]
    [InlineData("en", "He said. They denied. No. Not. If, could, will? Since 2020 more than")]
    public void Odd_text_still_gets_a_frame_per_sentence(string language, string text)
    {
        var document = new Document("odd", ContentKind.Body, text) { GivenLanguage = language };
        Pipeline.Value.Process(document);
        CheckFrames(document);
    }

    [Fact]
    public void The_samples_get_frames_inside_their_sentences()
    {
        foreach (var item in new Sitrep.Ingest.InputReader().Read([TestPaths.Samples]))
        {
            if (item.Document is not { } document) continue;
            Pipeline.Value.Process(document);
            CheckFrames(document);
        }
    }

    /// <summary>Every sentence has a frame, frames lie in their sentence in text order, negated spans and sources lie in the sentence.</summary>
    private static void CheckFrames(Document document)
    {
        document.Claims.Select(f => f.Sentence).Distinct().Should().Equal(Enumerable.Range(0, document.Sentences.Count), document.Id);
        document.Claims.Select(f => f.Span.Start).Should().BeInAscendingOrder(document.Id);
        foreach (var frame in document.Claims)
        {
            var sentence = document.Sentences[frame.Sentence];
            (sentence.Start <= frame.Span.Start && frame.Span.End <= sentence.End).Should().BeTrue("a frame lies in its sentence ({0})", document.Id);
            frame.Negated.All(n => frame.Span.Start <= n.Start && n.End <= frame.Span.End).Should().BeTrue("a negated span lies in its clause ({0})", document.Id);
            frame.Sources.All(s => s.Span.Length > 0 && document.Text[s.Span.Start..s.Span.End] == s.Text).Should().BeTrue("a source's text is its span ({0})", document.Id);
        }
    }

    [Fact]
    public void A_language_without_cues_gets_plain_frames()
    {
        var document = new Document("de", ContentKind.Body, "Nach Angaben der Polizei wurden drei Menschen getötet. Wer hat geschossen?") { GivenLanguage = "de" };
        Pipeline.Value.Process(document);
        document.Claims.Should().HaveCount(2).And.OnlyContain(f => f.Modality == Sitrep.Claims.ClaimModality.Asserted && f.Sources.Count == 0 && !f.Hedged);
    }

    [Fact]
    public void There_are_cases_in_each_language()
    {
        Cases().Count(row => ((string)row[0]).StartsWith("fr/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(30);
        Cases().Count(row => ((string)row[0]).StartsWith("en/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(20);
    }

    private static string Show(IEnumerable<ExpectedFrame> frames) => string.Join("\n", frames.Select(f => JsonSerializer.Serialize(f)));

    public sealed record ClaimCase(string Text, List<ExpectedFrame> Frames);

    public sealed record ExpectedFrame(string Text, string Modality, bool Hedged, List<ExpectedSource> Sources, List<string> Negated);

    public sealed record ExpectedSource(string Text, string? Canonical);
}
