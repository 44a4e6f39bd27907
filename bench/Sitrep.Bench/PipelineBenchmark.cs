using System.Diagnostics;
using Sitrep.Content.Html;
using Sitrep.Fusion;
using Sitrep.Ingest;
using Sitrep.Language;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// Speed of the whole per-document pipeline (content extraction, normalisation, language, sentences, times,
/// quantities, entities, places, actors, claims, events, fingerprints) on real inputs: the trafilatura HTML
/// pages, the gold set's scraped French and English articles and the samples. Per set, each stage's thread
/// CPU time per document, best (lowest) of several passes after warm-up, as the language bench measures: the
/// machine is shared, and wall clock counts the time other processes hold the core. Then, as a rough
/// check of scaling, documents per wall-clock second on one thread and on all cores (duplicates included).
/// Inputs are read and decoded before timing, so the figures are processing, not disk.
/// </summary>
internal static class PipelineBenchmark
{
    private const int WarmUpPasses = 2;

    public static int Run(string pagesFolder, string goldFolder, string samplesFolder, int passes, bool wall)
    {
        var resources = LanguageResources.Default;
        var pipeline = DocumentPipeline.CreateDefault(resources);

        var sets = new List<(string Name, List<(string Id, ContentKind Kind, string Raw)> Documents)>
        {
            ("trafilatura pages", Load(pagesFolder)),
            ("gold articles", Load(goldFolder)),
            ("samples", Load(samplesFolder)),
        };
        sets.RemoveAll(set => set.Documents.Count == 0);
        if (sets.Count == 0)
        {
            Console.Error.WriteLine($"pipeline: no documents in {pagesFolder}, {goldFolder} or {samplesFolder}");
            return 2;
        }
        Console.WriteLine($"pipeline: one thread, {ThreadCpuClock.Kind} per stage, best of {passes} passes after {WarmUpPasses} warm-up passes");
        foreach (var (name, documents) in sets)
            StageCosts(pipeline, name, documents, passes);
        if (!wall) return 0;
        foreach (var (name, documents) in sets)
        {
            var one = Median(() => Time(pipeline, documents, 1));
            var all = Median(() => Time(pipeline, documents, Environment.ProcessorCount));
            Console.WriteLine($"pipeline: {name}: {one:0} docs/s on one thread, {all:0} docs/s on {Environment.ProcessorCount} threads (wall clock, median of 3: noisy)");
        }
        return 0;
    }

    /// <summary>
    /// For a profiler (perf with DOTNET_PerfMapEnabled=1): runs the stages before <paramref name="stageName"/> once on every
    /// document of the sets, then that stage alone over them again and again for <paramref name="seconds"/>, so that
    /// the profile holds little else. Every stage clears what it fills before filling it, so running one again is safe.
    /// </summary>
    public static int Profile(IReadOnlyList<string> folders, string stageName, double seconds)
    {
        var pipeline = DocumentPipeline.CreateDefault(LanguageResources.Default);
        var stage = pipeline.Stages.FirstOrDefault(s => s.Name == stageName);
        if (stage is null)
        {
            Console.Error.WriteLine($"pipeline: no stage '{stageName}' (stages: {string.Join(", ", pipeline.Stages.Select(s => s.Name))})");
            return 2;
        }
        var position = pipeline.Stages.ToList().IndexOf(stage);
        var documents = folders.SelectMany(Load).Select(d => new Document(d.Id, d.Kind, d.Raw)).ToList();
        foreach (var document in documents)
            for (var s = 0; s < position; s++) pipeline.Stages[s].Process(document);
        var clock = Stopwatch.StartNew();
        var runs = 0L;
        while (clock.Elapsed.TotalSeconds < seconds)
            foreach (var document in documents)
            {
                stage.Process(document);
                runs++;
            }
        Console.WriteLine($"pipeline: {stageName} ran {runs} times on {documents.Count} documents in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>
    /// Each stage's thread CPU time per document on <paramref name="set"/>: per stage the best of the measured passes,
    /// and the whole pipeline's best pass (no more than the sum of the stages' best).
    /// </summary>
    private static void StageCosts(DocumentPipeline pipeline, string name, List<(string Id, ContentKind Kind, string Raw)> set, int passes)
    {
        var stages = pipeline.Stages;
        var best = new long[stages.Count];
        Array.Fill(best, long.MaxValue);
        var bestTotal = long.MaxValue;
        long words = 0, kilobytes = 0;
        for (var pass = 0; pass < WarmUpPasses + passes; pass++)
        {
            var spent = new long[stages.Count];
            words = 0;
            foreach (var (id, kind, raw) in set)
            {
                var document = new Document(id, kind, raw);
                for (var s = 0; s < stages.Count; s++)
                {
                    var start = ThreadCpuClock.Now();
                    stages[s].Process(document);
                    spent[s] += ThreadCpuClock.Now() - start;
                }
                words += HtmlContentExtractor.CountWords(document.Text);
            }
            if (pass < WarmUpPasses) continue;
            for (var s = 0; s < stages.Count; s++) best[s] = Math.Min(best[s], spent[s]);
            bestTotal = Math.Min(bestTotal, spent.Sum());
        }
        kilobytes = set.Sum(d => (long)d.Raw.Length) / 1024;
        var perDocument = bestTotal / 1e3 / set.Count;
        var wordsPerDocument = (double)words / set.Count;
        Console.WriteLine($"pipeline: {name}: {set.Count} documents ({kilobytes / (double)set.Count:0} KB of input, {wordsPerDocument:0} words of main text on average): " +
                          $"{perDocument:0} µs/doc, {set.Count / (bestTotal / 1e9):0} docs per CPU-second" +
                          (wordsPerDocument > 0 ? $", {perDocument * 600 / wordsPerDocument:0} µs per 600 words" : ""));
        Console.WriteLine("  " + string.Join(", ", stages.Select((stage, s) => $"{stage.Name} {best[s] / 1e3 / set.Count:0}")) + " (µs/doc)");
    }

    private static List<(string Id, ContentKind Kind, string Raw)> Load(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        var reader = new InputReader();
        return reader.Read([folder]).Where(i => i.Document is not null)
            .Select(i => (i.Document!.Id, i.Document.Kind, i.Document.Raw)).ToList();
    }

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
