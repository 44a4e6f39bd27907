using FluentAssertions;
using Sitrep.Pipeline;

namespace Sitrep.Tests.Language;

public class LanguageStageTests
{
    private static Document Run(string body, string? givenLanguage = null)
    {
        var document = new Document("t", ContentKind.Body, body) { GivenLanguage = givenLanguage };
        DocumentPipeline.CreateDefault(TestPaths.Resources).Process(document);
        return document;
    }

    [Fact]
    public void A_page_mixing_languages_gets_one_language_per_paragraph_and_the_majority_for_the_document()
    {
        var document = Run("""
            Des tirs d'artillerie ont visé dans la nuit de mardi à mercredi plusieurs quartiers de la ville, selon les autorités locales.

            The ministry said on Wednesday that the strikes had targeted military depots and denied hitting residential areas.

            Les secours ont indiqué avoir retiré trois corps des décombres et évacué une vingtaine de blessés vers l'hôpital.
            """);

        document.Language.Should().Be("fr");
        document.Paragraphs.Select(p => p.Language).Should().Equal("fr", "en", "fr");
    }

    [Fact]
    public void A_short_paragraph_takes_the_document_language()
    {
        var document = Run("Les combats ont repris jeudi à l'aube autour de l'aéroport, selon plusieurs témoins joints par téléphone.\n\nMise à jour");
        document.Paragraphs.Select(p => p.Language).Should().Equal("fr", "fr");
    }

    [Fact]
    public void A_language_given_with_the_input_wins_for_the_document()
    {
        Run("The ministry said on Wednesday that the strikes had targeted military depots.", givenLanguage: "fr").Language.Should().Be("fr");
    }

    [Fact]
    public void Sentences_are_found_inside_each_paragraph_as_offsets_into_the_text()
    {
        var document = Run("Premier paragraphe. Il a deux phrases.\n\nLe second n'en a qu'une.");
        document.Sentences.Select(s => document.Text[s.Start..s.End])
            .Should().Equal("Premier paragraphe.", "Il a deux phrases.", "Le second n'en a qu'une.");
    }
}
