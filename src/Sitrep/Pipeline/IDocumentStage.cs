namespace Sitrep.Pipeline;

/// <summary>
/// One step of the pipeline with one job. Stages hold no per-document state: whatever they load
/// is built once and shared, so many documents can run through one stage at the same time.
/// </summary>
public interface IDocumentStage
{
    /// <summary>A short name, for errors and timing.</summary>
    string Name { get; }

    void Process(Document document);
}
