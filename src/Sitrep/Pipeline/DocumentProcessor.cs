using Sitrep.Fusion;
using Sitrep.Ingest;

namespace Sitrep.Pipeline;

/// <summary>
/// Runs the pipeline over input items on several threads and hands results back in input order,
/// then marks duplicates in that order, so the output is the same whatever the thread count.
/// A document whose processing throws becomes an error naming it; the others go on.
/// </summary>
public sealed class DocumentProcessor
{
    private readonly DocumentPipeline _pipeline;
    private readonly int _threads;

    public DocumentProcessor(DocumentPipeline pipeline, int threads)
    {
        _pipeline = pipeline;
        _threads = Math.Max(1, threads);
    }

    /// <param name="duplicates">The index that earlier documents are in; this run's documents are added to it.</param>
    /// <param name="findStored">Looks a duplicate up outside this run (the store), or null.</param>
    public IEnumerable<InputItem> Process(IEnumerable<InputItem> items, DuplicateIndex duplicates, Func<Document, string?>? findStored = null)
    {
        var processed = _threads == 1
            ? items.Select(ProcessOne)
            : items.AsParallel().AsOrdered().WithDegreeOfParallelism(_threads)
                .WithMergeOptions(ParallelMergeOptions.NotBuffered).Select(ProcessOne);

        foreach (var item in processed)
        {
            if (item.Document is { } document)
            {
                document.DuplicateOf ??= duplicates.FindDuplicate(document.ContentHash, document.MinHash) ?? findStored?.Invoke(document);
                duplicates.Add(document.Id, document.ContentHash, document.MinHash);
            }
            yield return item;
        }
    }

    private InputItem ProcessOne(InputItem item)
    {
        if (item.Document is not { } document) return item;
        try
        {
            _pipeline.Process(document);
            return item;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return InputItem.Failed(new InputError(document.Id, null, $"processing failed: {e.GetType().Name}: {e.Message}"));
        }
    }
}
