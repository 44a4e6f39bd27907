using Sitrep.Pipeline;

namespace Sitrep.Fusion;

/// <summary>Computes the content hash and MinHash signature of the main text.</summary>
public sealed class FingerprintStage : IDocumentStage
{
    public string Name => "fingerprint";

    public void Process(Document document)
    {
        var words = TextFingerprint.Words(document.FoldedText);
        document.ContentHash = words.Count == 0 ? null : TextFingerprint.ContentHash(words);
        document.MinHash = TextFingerprint.MinHash(words);
    }
}
