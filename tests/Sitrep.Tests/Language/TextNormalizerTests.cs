using FluentAssertions;
using Sitrep.Language;

namespace Sitrep.Tests.Language;

public class TextNormalizerTests
{
    [Fact]
    public void Clean_removes_invisible_characters_and_makes_no_break_spaces_plain()
    {
        TextNormalizer.Clean("Le bi\u00ADlan\u00A0: 1\u202F200 morts\u200B.").Should().Be("Le bilan : 1 200 morts.");
    }

    [Fact]
    public void Clean_composes_accents_and_keeps_paragraphs_apart()
    {
        var decomposed = "Se\u0301curite\u0301  renforce\u0301e\r\n\r\n\r\n  Deuxie\u0300me   paragraphe\nligne";
        TextNormalizer.Clean(decomposed).Should().Be("Sécurité renforcée\n\nDeuxième paragraphe\nligne");
    }

    [Fact]
    public void Fold_keeps_every_offset_and_makes_quotes_and_dashes_plain()
    {
        var text = "L’armée « dément » — “no comment”";
        var folded = TextNormalizer.Fold(text);
        folded.Should().HaveLength(text.Length);
        folded.Should().Be("L'armée \" dément \" - \"no comment\"");
    }
}
