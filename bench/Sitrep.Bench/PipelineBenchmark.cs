using System.Diagnostics;
using Sitrep.Fusion;
using Sitrep.Ingest;
using Sitrep.Language;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// Speed of the whole per-document pipeline (content, normalisation, language, sentences,
/// events, fingerprints, duplicates) on real pages: documents per second on one thread and on all cores,
/// then each stage's share of the time on the samples (warm).
/// Inputs are read and decoded before timing, so the figure is processing, not disk.
/// </summary>
internal static class PipelineBenchmark
{
    public static int Run(string pagesFolder, string samplesFolder)
    {
        var resources = LanguageResources.Default;
        var pipeline = DocumentPipeline.CreateDefault(resources);

        var html = Load(pagesFolder);
        var samples = Load(samplesFolder);
        Console.WriteLine($"pipeline: {html.Count} trafilatura pages ({Megabytes(html):0.0} MB of HTML), {samples.Count} sample documents");

        // Warm up the JIT and caches on a copy of the set, then time fresh copies.
        Time(pipeline, html, 1);
        foreach (var (name, set) in new[] { ("trafilatura pages", html), ("samples x20", Repeat(samples, 20)) })
        {
            var one = Median(() => Time(pipeline, set, 1));
            var all = Median(() => Time(pipeline, set, Environment.ProcessorCount));
            Console.WriteLine($"pipeline: {name}: {one:0} docs/s on one thread, {all:0} docs/s on {Environment.ProcessorCount} threads");
        }
        StageShares(pipeline, Repeat(samples, 20));
        return 0;
    }

    /// <summary>Each stage's share of one thread's time on a set, and the rate without the event stage (what it costs).</summary>
    private static void StageShares(DocumentPipeline pipeline, List<(string Id, ContentKind Kind, string Raw)> set)
    {
        var spent = new double[pipeline.Stages.Count];
        for (var run = 0; run < 3; run++)
            foreach (var (id, kind, raw) in set)
            {
                var document = new Document(id, kind, raw);
                for (var i = 0; i < pipeline.Stages.Count; i++)
                {
                    var clock = Stopwatch.GetTimestamp();
                    pipeline.Stages[i].Process(document);
                    spent[i] += Stopwatch.GetElapsedTime(clock).TotalSeconds;
                }
            }
        var total = spent.Sum();
        Console.WriteLine("pipeline: stage shares on one thread (samples x20): " +
                          string.Join(", ", pipeline.Stages.Select((stage, i) => $"{stage.Name} {100 * spent[i] / total:0.0}%")));
        var events = pipeline.Stages.Select((stage, i) => stage.Name == "events" ? spent[i] : 0).Sum();
        Console.WriteLine($"pipeline: samples x20, stages alone: {3 * set.Count / total:0} docs/s with events, {3 * set.Count / (total - events):0} docs/s without");
    }

    private static List<(string Id, ContentKind Kind, string Raw)> Load(string folder)
    {
        var reader = new InputReader();
        return reader.Read([folder]).Where(i => i.Document is not null)
            .Select(i => (i.Document!.Id, i.Document.Kind, i.Document.Raw)).ToList();
    }

    private static List<(string Id, ContentKind Kind, string Raw)> Repeat(List<(string Id, ContentKind Kind, string Raw)> set, int times) =>
        Enumerable.Range(0, times).SelectMany(n => set.Select(d => (d.Id + "#" + n, d.Kind, d.Raw))).ToList();

    private static double Megabytes(List<(string Id, ContentKind Kind, string Raw)> set) => set.Sum(d => (double)d.Raw.Length) / 1e6;

    private static double Time(DocumentPipeline pipeline, List<(string Id, ContentKind Kind, string Raw)> set, int threads)
    {
        var items = set.Select(d => InputItem.Of(new Document(d.Id, d.Kind, d.Raw))).ToList();
        var processor = new DocumentProcessor(pipeline, threads);
        var clock = Stopwatch.StartNew();
        var count = processor.Process(items, new DuplicateIndex()).Count();
        return count / clock.Elapsed.TotalSeconds;
    }

    private static double Median(Func<double> measure)
    {
        var runs = new[] { measure(), measure(), measure() };
        Array.Sort(runs);
        return runs[1];
    }
}
