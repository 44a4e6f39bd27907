using System.Text;
using Sitrep.Ingest;
using Sitrep.Language;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// Speed of the language layer (every stage of the default pipeline after content extraction) in
/// documents per CPU-second on one thread, and each stage's share of it, on ~600-word French and
/// English articles. The articles are built from the main texts of <c>samples/</c> and the team's
/// wire-style paragraphs in <c>bench/language/{fr,en}.txt</c>: per language, paragraph lists are
/// joined (own paragraphs first, then the samples'), and article i takes paragraphs i, i+1, … (wrapping)
/// until it has 600 words, so every article starts somewhere else.
/// </summary>
internal static class LanguageBenchmark
{
    private const int WordsPerArticle = 600;
    private const int WarmUpPasses = 3;
    private const int MeasuredPasses = 7;

    public static int Run(string samplesFolder, string paragraphsFolder, bool timeProfile)
    {
        var resources = LanguageResources.Default;
        var pipeline = DocumentPipeline.CreateDefault(resources);
        var articles = BuildArticles(pipeline, samplesFolder, paragraphsFolder);
        if (articles.Count == 0)
        {
            Console.Error.WriteLine($"language: no article text in {samplesFolder} or {paragraphsFolder}");
            return 2;
        }
        var content = pipeline.Stages[0];
        var layer = pipeline.Stages.Skip(1).ToList();

        // Thread CPU time per stage, best (lowest) of several passes after warm-up: the machine is
        // shared, and the least disturbed pass is the closest to the code's own cost.
        var best = new long[layer.Count];
        Array.Fill(best, long.MaxValue);
        var bestTotal = long.MaxValue;
        // Bytes allocated per stage (the last pass): the garbage collector's work lands on whichever stage
        // allocates when it runs, so allocations are the steadier measure of a stage's share of it.
        var allocated = new long[layer.Count];
        for (var pass = 0; pass < WarmUpPasses + MeasuredPasses; pass++)
        {
            var spent = new long[layer.Count];
            Array.Clear(allocated);
            foreach (var article in articles)
            {
                var document = new Document(article.Id, ContentKind.Body, article.Text) { Published = article.Published };
                content.Process(document);
                for (var s = 0; s < layer.Count; s++)
                {
                    var bytes = GC.GetAllocatedBytesForCurrentThread();
                    var start = ThreadCpuClock.Now();
                    layer[s].Process(document);
                    spent[s] += ThreadCpuClock.Now() - start;
                    allocated[s] += GC.GetAllocatedBytesForCurrentThread() - bytes;
                }
            }
            if (pass < WarmUpPasses) continue;
            for (var s = 0; s < layer.Count; s++) best[s] = Math.Min(best[s], spent[s]);
            bestTotal = Math.Min(bestTotal, spent.Sum());
        }

        var words = articles.Average(a => a.Text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Length);
        var perLanguage = string.Join(", ", articles.GroupBy(a => a.Language).Select(g => $"{g.Count()} {g.Key}"));
        Console.WriteLine($"language: {articles.Count} articles ({perLanguage}) of {words:0} words on average, one thread, {ThreadCpuClock.Kind}, best of {MeasuredPasses} passes after {WarmUpPasses} warm-up passes");
        Console.WriteLine($"  whole layer ({string.Join(" → ", layer.Select(s => s.Name))}): {articles.Count / (bestTotal / 1e9):0} docs per CPU-second");
        var sumOfBest = best.Sum();
        Console.WriteLine($"  {"stage",-12} {"share",6} {"µs/doc",8} {"docs/CPU-s alone",17} {"KB/doc",7}");
        for (var s = 0; s < layer.Count; s++)
            Console.WriteLine($"  {layer[s].Name,-12} {100.0 * best[s] / sumOfBest,5:0.0}% {best[s] / 1e3 / articles.Count,8:0} {articles.Count / (best[s] / 1e9),17:0} {allocated[s] / 1024.0 / articles.Count,7:0}");
        if (timeProfile)
        {
            var profile = new TimeTaggerProfile();
            foreach (var article in articles)
            {
                var document = new Document(article.Id, ContentKind.Body, article.Text) { Published = article.Published };
                pipeline.Process(document);
                profile.Add(document, resources.TimeGrammars);
            }
            profile.Print(articles.Count);
        }
        return 0;
    }

    private sealed record Article(string Id, string Language, string Text, string? Published);

    private static List<Article> BuildArticles(DocumentPipeline pipeline, string samplesFolder, string paragraphsFolder)
    {
        var paragraphs = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var published = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var language in new[] { "fr", "en" })
        {
            var file = Path.Combine(paragraphsFolder, language + ".txt");
            paragraphs[language] = File.Exists(file) ? ReadParagraphs(File.ReadAllText(file)) : [];
        }
        foreach (var item in new InputReader().Read([samplesFolder]))
        {
            if (item.Document is not { } document) continue;
            pipeline.Process(document);
            if (!paragraphs.TryGetValue(document.Language, out var list)) continue;
            list.AddRange(ReadParagraphs(document.Text));
            published.TryAdd(document.Language, document.Published);
        }

        var articles = new List<Article>();
        foreach (var (language, list) in paragraphs.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            for (var first = 0; first < list.Count; first++)
            {
                var text = new StringBuilder();
                var count = 0;
                for (var i = first; count < WordsPerArticle; i = (i + 1) % list.Count)
                {
                    if (text.Length > 0) text.Append("\n\n");
                    text.Append(list[i]);
                    count += list[i].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
                }
                articles.Add(new Article($"{language}-{first}", language, text.ToString(), published.GetValueOrDefault(language)));
            }
        }
        return articles;
    }

    /// <summary>Paragraphs separated by blank lines; lines starting with '#' are comments.</summary>
    private static List<string> ReadParagraphs(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n").Split('\n').Where(line => !line.StartsWith('#')))
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => p.Length > 0).ToList();
}
