using Sitrep.Pipeline;

namespace Sitrep.Fusion;

/// <summary>Computes the content hash and MinHash signature of the main text.</summary>
public sealed class FingerprintStage : IDocumentStage
{
    public string Name => "fingerprint";

    public void Process(Document document)
    {
        (document.ContentHash, document.MinHash) = TextFingerprint.Of(document.FoldedText);
    }
}
