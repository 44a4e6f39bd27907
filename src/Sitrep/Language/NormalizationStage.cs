using Sitrep.Pipeline;

namespace Sitrep.Language;

/// <summary>Cleans the main text (see <see cref="TextNormalizer"/>) and builds its folded twin.</summary>
public sealed class NormalizationStage : IDocumentStage
{
    public string Name => "normalize";

    public void Process(Document document)
    {
        document.Text = TextNormalizer.Clean(document.Text);
        document.FoldedText = TextNormalizer.Fold(document.Text);
        if (document.Title is { } title)
            document.Title = TextNormalizer.Clean(title).Replace('\n', ' ');
    }
}
