using Sitrep.Fusion;
using Sitrep.Ingest;
using Sitrep.Language;
using Sitrep.Pipeline;
using Sitrep.Time;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

internal sealed record IngestSummary(int Added, int Updated, int Unchanged, int NearDuplicates, int Failed);

/// <summary>
/// Reads inputs, runs the pipeline and stores the documents in batches (one transaction each), with a
/// progress bar on a terminal and plain progress lines otherwise. Used by <c>ingest</c> and <c>demo</c>.
/// </summary>
internal static class IngestRunner
{
    private const int BatchSize = 200;

    public static IngestSummary Run(IReadOnlyList<string> inputs, IDocumentStore store, int threads, long maxBytes, Reporter reporter,
        TimeBias bias = TimeBias.Past)
    {
        var pipeline = DocumentPipeline.CreateDefault(LanguageResources.Default, bias);
        var reader = new InputReader(maxBytes);
        var processor = new DocumentProcessor(pipeline, threads);
        var items = processor.Process(reader.Read(inputs), new DuplicateIndex(), d => store.FindDuplicate(d.ContentHash, d.MinHash, exceptId: d.Id));

        var total = CountFiles(inputs);
        if (!Console.IsErrorRedirected && total > 20)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            IngestSummary? summary = null;
            console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask("ingesting", maxValue: total);
                    summary = Consume(items, store, reporter, () => task.Increment(1));
                });
            return summary!;
        }

        var done = 0;
        var lastReport = DateTime.UtcNow;
        return Consume(items, store, reporter, () =>
        {
            done++;
            if ((DateTime.UtcNow - lastReport).TotalSeconds >= 5)
            {
                Console.Error.WriteLine($"sitrep: {done} document{(done == 1 ? "" : "s")} processed");
                lastReport = DateTime.UtcNow;
            }
        });
    }

    private static IngestSummary Consume(IEnumerable<InputItem> items, IDocumentStore store, Reporter reporter, Action tick)
    {
        int added = 0, updated = 0, unchanged = 0, near = 0;
        var batch = new List<Document>(BatchSize);
        void Flush()
        {
            if (batch.Count == 0) return;
            var results = store.Save(batch);
            for (var i = 0; i < results.Count; i++)
            {
                switch (results[i].Outcome)
                {
                    case StoreOutcome.Added: added++; break;
                    case StoreOutcome.Updated: updated++; break;
                    default: unchanged++; continue;
                }
                if (batch[i].DuplicateOf is not null) near++;
            }
            batch.Clear();
        }

        foreach (var item in items)
        {
            tick();
            if (item.Error is { } error)
            {
                reporter.Error(error);
                continue;
            }
            batch.Add(item.Document!);
            if (batch.Count >= BatchSize) Flush();
        }
        Flush();
        return new IngestSummary(added, updated, unchanged, near, reporter.Errors);
    }

    private static int CountFiles(IReadOnlyList<string> inputs)
    {
        var count = 0;
        foreach (var input in inputs)
        {
            if (Directory.Exists(input))
                count += Directory.EnumerateFiles(input, "*", SearchOption.AllDirectories).Count(f => InputReader.KnownExtensions.Contains(Path.GetExtension(f)));
            else count++;
        }
        return count;
    }
}
