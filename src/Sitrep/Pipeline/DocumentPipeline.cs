using Sitrep.Content;
using Sitrep.Fusion;
using Sitrep.Language;

namespace Sitrep.Pipeline;

/// <summary>The per-document stages, in order. Cross-document work (duplicates) runs after it.</summary>
public sealed class DocumentPipeline
{
    private readonly IReadOnlyList<IDocumentStage> _stages;

    public DocumentPipeline(IReadOnlyList<IDocumentStage> stages) => _stages = stages;

    public IReadOnlyList<IDocumentStage> Stages => _stages;

    /// <summary>The standard pipeline: content, normalisation, language, sentences, fingerprints.</summary>
    public static DocumentPipeline CreateDefault(LanguageResources resources) => new(
    [
        new ContentStage(resources),
        new NormalizationStage(),
        new LanguageStage(resources.Identifier),
        new SentenceStage(resources),
        new FingerprintStage(),
    ]);

    public void Process(Document document)
    {
        foreach (var stage in _stages)
            stage.Process(document);
    }
}
