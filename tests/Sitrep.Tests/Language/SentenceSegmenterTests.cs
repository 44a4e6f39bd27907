using FluentAssertions;
using Sitrep.Language;

namespace Sitrep.Tests.Language;

public class SentenceSegmenterTests
{
    private static List<string> Split(string text, string language)
    {
        var segmenter = new SentenceSegmenter(TestPaths.Resources.Abbreviations);
        var spans = new List<TextSpan>();
        segmenter.Split(text, 0, text.Length, language, spans);
        return spans.Select(s => text[s.Start..s.End]).ToList();
    }

    [Fact]
    public void French_titles_and_military_ranks_do_not_end_a_sentence()
    {
        Split("M. Dupont et Mme Martin ont rencontré le lt-col. Bernard mardi. Le Dr. Haddad était absent.", "fr")
            .Should().Equal("M. Dupont et Mme Martin ont rencontré le lt-col. Bernard mardi.", "Le Dr. Haddad était absent.");
    }

    [Fact]
    public void English_acronyms_initials_and_titles_do_not_end_a_sentence()
    {
        Split("U.S. officials met Gen. J. Smith on Monday. He said 3.5 million people had fled! Was it true?", "en")
            .Should().Equal("U.S. officials met Gen. J. Smith on Monday.", "He said 3.5 million people had fled!", "Was it true?");
    }

    [Fact]
    public void A_quotation_in_guillemets_stays_inside_its_sentence()
    {
        Split("« Nous ne céderons pas. Jamais », a déclaré le ministre. Les combats ont repris.", "fr")
            .Should().Equal("« Nous ne céderons pas. Jamais », a déclaré le ministre.", "Les combats ont repris.");
    }

    [Fact]
    public void Paragraph_breaks_always_end_a_sentence_and_lower_case_continuations_do_not_split()
    {
        Split("Bilan provisoire\n\nLes frappes ont visé la ville, etc. selon l'OSDH. Fin", "fr")
            .Should().Equal("Bilan provisoire", "Les frappes ont visé la ville, etc. selon l'OSDH.", "Fin");
    }

    [Fact]
    public void Sentence_spans_are_offsets_into_the_text()
    {
        var segmenter = new SentenceSegmenter(TestPaths.Resources.Abbreviations);
        var text = "Premier.  Deuxième phrase.";
        var spans = new List<TextSpan>();
        segmenter.Split(text, 0, text.Length, "fr", spans);
        spans.Should().Equal(new TextSpan(0, 8), new TextSpan(10, 26));
    }
}
