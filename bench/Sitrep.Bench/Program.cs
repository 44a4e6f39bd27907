using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Content.Html;
using Sitrep.Content.Scraped;
using Sitrep.Ingest;
using Sitrep.Language;

namespace Sitrep.Bench;

/// <summary>
/// Benchmarks. <c>extraction</c>: quality (trafilatura's snippet scoring, as tools/score_extraction.py)
/// and speed of the HTML extractor, beside SmartReader alone. <c>gate</c>: quality only, against the floor.
/// </summary>
public static partial class Program
{
    /// <summary>A benchmark verb: its name, its usage line, and what it runs (given all arguments and the shared folder).</summary>
    private sealed record Verb(string Name, string Usage, Func<string[], string, int> Run);

    private static readonly Verb[] Verbs =
    [
        new("extraction", "--shared DIR [--detail] [--results DIR] [--quick N]   (HTML main text: quality and speed beside SmartReader; --quick: speed only, best of N passes in thread CPU time)",
            (args, shared) => WithPages(shared, pages => Extraction(pages, args.Contains("--detail"), Option(args, "--results"), int.TryParse(Option(args, "--quick"), out var quick) ? quick : 0))),
        new("gate", "--shared DIR --floors bench/floors.json [--detail [--worst N]] [--per-page FILE] [--texts DIR]   (main-text F1 against the floors)",
            (args, shared) => WithPages(shared, pages => Gate(pages, args, Option(args, "--floors") ?? "bench/floors.json", args.Contains("--detail"), Option(args, "--per-page")))),
        new("show", "FILE --shared DIR   (what is extracted from one page of the set, with its trace)",
            (args, shared) => WithPages(shared, pages => Show(pages, args[1]))),
        new("scraped", "--shared DIR [--detail | --all | --explain FILE]   (the scraped-text path on crawler-stripped pages)",
            (args, shared) => WithPages(shared, pages => Option(args, "--explain") is { } explain ? ScrapedBenchmark.Explain(pages, explain)
                : ScrapedBenchmark.Run(pages, args.Contains("--detail") || args.Contains("--all"), args.Contains("--all")))),
        new("pipeline", "--shared DIR [--gold bench/gold/sitrep/docs] [--samples samples] [--passes 5] [--wall] [--profile STAGE]   (whole pipeline: µs of thread CPU per document per stage, best of N passes; --wall: docs/s on 1 and all threads too; --profile: one stage alone for 30 s on the gold articles and samples, for perf)",
            (args, shared) => Option(args, "--profile") is { } stage
                ? PipelineBenchmark.Profile([Option(args, "--gold") ?? "bench/gold/sitrep/docs", Option(args, "--samples") ?? "samples"], stage, 30)
                : PipelineBenchmark.Run(Path.Combine(TrafilaturaFolder(shared), "pages"), Option(args, "--gold") ?? "bench/gold/sitrep/docs",
                    Option(args, "--samples") ?? "samples", int.TryParse(Option(args, "--passes"), out var passes) && passes > 0 ? passes : 5, args.Contains("--wall"))),
        new("content", "--shared DIR [--gold bench/gold/sitrep/docs] [--samples samples] [--passes 5] [--cues]   (the content stage alone: µs of thread CPU per document, best of N passes; --cues: cost of each boilerplate cue pattern on the scraped lines)",
            (args, shared) => ContentBenchmark.Run([("trafilatura pages", Path.Combine(TrafilaturaFolder(shared), "pages")), ("gold articles", Option(args, "--gold") ?? "bench/gold/sitrep/docs"),
                ("samples", Option(args, "--samples") ?? "samples")], int.TryParse(Option(args, "--passes"), out var passes) && passes > 0 ? passes : 5, args.Contains("--cues"))),
        new("parse-options", "--shared DIR [--passes 3]   (AngleSharp parse alone on the trafilatura pages, under several parser options)",
            (args, shared) => ParseOptionsProbe.Run(Path.Combine(TrafilaturaFolder(shared), "pages"), int.TryParse(Option(args, "--passes"), out var passes) && passes > 0 ? passes : 3)),
        new("readability", "--shared DIR   (agreement with Readability.js on its test pages)",
            (_, shared) => ReadabilityBenchmark.Run(Path.Combine(shared, "bench", "extraction", "readability"))),
        new("petrarch", "--shared DIR [--detail]   (PETRARCH validation sentences: agreement on CAMEO root, code and actor pair; sentences/s; self-check of the harness)",
            (args, shared) => PetrarchBenchmark.Run(Path.Combine(shared, "bench", "events", "petrarch-validation"), args.Contains("--detail"))),
        new("time", "--shared DIR [--detail] [--peer]   (time expressions: Duckling phrase accuracy, negatives, sentences/s; --peer: Microsoft.Recognizers.Text too)",
            (args, shared) => TimeBenchmark.Run(Path.Combine(shared, "bench", "time"), Option(args, "--samples") ?? "samples", args.Contains("--detail"), args.Contains("--peer"))),
        new("numerals", "--shared DIR [--detail] [--try TEXT --lang fr|en]   (numbers: Duckling numeral accuracy; casualties: bench/casualties accuracy, sentences/s)",
            (args, shared) => NumeralsBenchmark.Run(Path.Combine(shared, "bench", "time"), Option(args, "--cases") ?? "bench/casualties", Option(args, "--samples") ?? "samples",
                args.Contains("--detail"), Option(args, "--try"), Option(args, "--lang") ?? "fr")),
        new("entities", "--shared DIR [--corpus bench/entities/sitrep] [--detail]   (entities: P/R/F1 per type, language-layer docs/s)",
            (args, shared) => EntityBenchmark.Run(Path.Combine(shared, "bench"), Option(args, "--corpus") ?? "bench/entities/sitrep", Option(args, "--samples") ?? "samples", args.Contains("--detail"))),
        new("geocode", "[--set bench/geo] [--detail]   (toponym resolution: exact and 50 km accuracy, lookups/s, gazetteer load)",
            (args, _) => Option(args, "--annotate") is { } draft ? GeoBenchmark.Annotate(draft, Option(args, "--out") ?? "-") : GeoBenchmark.Run(Option(args, "--set") ?? "bench/geo", args.Contains("--detail"))),
        new("gold", "[--gold bench/gold/sitrep/gold.json] [--detail] [--floors bench/floors.json]   (whole records on the team's gold set, scored as tools/score_gold.py: text, title, entities, places, events tuned and held-out apart)",
            (args, _) => GoldBenchmark.Run(Option(args, "--gold") ?? "bench/gold/sitrep/gold.json", args.Contains("--detail"), Option(args, "--floors"))),
        new("actors", "[--set bench/actors] [--detail] [--try TEXT --lang fr|en] [--gold bench/gold/sitrep/gold.json]   (actor phrases: span P/R/F1, country/kind/code accuracy, stage CPU time; --gold: event sides some actor can fill)",
            (args, _) => ActorBenchmark.Run(Option(args, "--set") ?? "bench/actors", args.Contains("--detail"), Option(args, "--try"), Option(args, "--lang") ?? "fr", Option(args, "--gold"))),
        new("language", "[--samples samples] [--paragraphs bench/language] [--times]   (language layer: docs per CPU-second, CPU share per stage)",
            (args, _) => LanguageBenchmark.Run(Option(args, "--samples") ?? "samples", Option(args, "--paragraphs") ?? "bench/language", args.Contains("--times"))),
        new("claims", "[--cases bench/claims] [--detail] [--try TEXT --lang fr|en] [--draft LINES --lang fr|en]   (claim frames: sources, hedged, negated, modality on the team's sentences; stage sentences/s; --draft: spec cases as read now)",
            (args, _) => ClaimsBenchmark.Run(Option(args, "--cases") ?? "bench/claims", Option(args, "--samples") ?? "samples", args.Contains("--detail"), Option(args, "--try"),
                Option(args, "--lang") ?? "fr", Option(args, "--draft"))),
    ];

    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        var verb = args.Length == 0 ? null : Verbs.FirstOrDefault(v => v.Name == args[0]);
        if (verb is null) return Usage();
        return verb.Run(args, Option(args, "--shared") ?? "../shared");
    }

    private static string TrafilaturaFolder(string shared) => Path.Combine(shared, "bench", "extraction", "trafilatura");

    /// <summary>Runs <paramref name="run"/> on the trafilatura evaluation pages, or says where they were looked for.</summary>
    private static int WithPages(string shared, Func<IReadOnlyList<EvalPage>, int> run)
    {
        var evalDir = TrafilaturaFolder(shared);
        if (!File.Exists(Path.Combine(evalDir, "evaldata.json")))
        {
            Console.Error.WriteLine($"bench: {evalDir}/evaldata.json not found");
            return 2;
        }
        return run(EvalPage.Load(evalDir));
    }

    /// <summary>Prints what Sitrep extracts from one page of the set, to see why it misses.</summary>
    private static int Show(IReadOnlyList<EvalPage> pages, string file)
    {
        var page = pages.FirstOrDefault(p => p.File == file);
        if (page is null)
        {
            Console.Error.WriteLine($"bench: {file} is not in the set");
            return 2;
        }
        var content = NewExtractor().Extract(page.Html, null);
        Console.WriteLine($"title={content.Title} | published={content.Published} | author={content.Author} | site={content.SiteName} | lang={content.DeclaredLanguage} | canonical={content.CanonicalUrl}");
        foreach (var warning in content.Warnings) Console.WriteLine($"warning: {warning}");
        Console.WriteLine($"trace: {HtmlContentExtractor.Trace}");
        foreach (var block in content.Blocks) Console.WriteLine($"> {block}");
        return 0;
    }

    private static int Usage()
    {
        Console.Error.WriteLine("usage: dotnet run --project bench/Sitrep.Bench -c Release -- VERB [options]");
        foreach (var verb in Verbs) Console.Error.WriteLine($"  {verb.Name} {verb.Usage}");
        return 2;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private static int Gate(IReadOnlyList<EvalPage> pages, string[] args, string floorsPath, bool detail, string? perPage)
    {
        using var floorsJson = JsonDocument.Parse(File.ReadAllText(floorsPath));
        var floor = floorsJson.RootElement.GetProperty("extraction_trafilatura_f1").GetDouble();
        var extractor = NewExtractor();
        var texts = new string[pages.Count];
        var traces = new string?[pages.Count];
        var watch = Stopwatch.StartNew();
        Parallel.For(0, pages.Count, i =>
        {
            texts[i] = SitrepText(extractor, pages[i]);
            traces[i] = HtmlContentExtractor.Trace;
        });
        var score = Score.Of(pages, texts);
        // One line per page (file, snippets found, snippets leaked): two runs can be compared with diff.
        if (perPage is not null)
            File.WriteAllLines(perPage, pages.Select((page, i) => Score.Of([page], [texts[i]]) is var s ? $"{page.File}\t{s.TruePositives}\t{s.FalsePositives}" : ""));
        if (detail) PrintWorst(pages, texts, int.TryParse(Option(args, "--worst"), out var worst) ? worst : 80);
        if (Option(args, "--texts") is { } textsDir) WriteTexts(pages, texts, traces, textsDir);
        Console.WriteLine($"gate: extraction (trafilatura set, {pages.Count} pages, {watch.Elapsed.TotalSeconds:F1} s): {score}");
        if (score.F1 < floor)
        {
            Console.Error.WriteLine($"gate: FAILED: extraction F1 {score.F1:F3} is below the floor {floor:F3} pinned in {floorsPath}");
            return 1;
        }
        Console.WriteLine($"gate: ok (floor {floor:F3})");

        var scrapedFloor = floorsJson.RootElement.GetProperty("scraped_trafilatura_f1").GetDouble();
        watch.Restart();
        var scraped = ScrapedBenchmark.Quality(pages);
        Console.WriteLine($"gate: scraped text (the same pages stripped of tags, {watch.Elapsed.TotalSeconds:F1} s): {scraped}");
        if (scraped.F1 < scrapedFloor)
        {
            Console.Error.WriteLine($"gate: FAILED: scraped-text F1 {scraped.F1:F3} is below the floor {scrapedFloor:F3} pinned in {floorsPath}");
            return 1;
        }
        Console.WriteLine($"gate: ok (floor {scrapedFloor:F3})");
        return 0;
    }

    private static int Extraction(IReadOnlyList<EvalPage> pages, bool detail, string? resultsDir, int quickPasses)
    {
        var extractor = NewExtractor();
        // Quality first (this also warms up JIT and tiering); then the timed passes.
        var sitrepTexts = new string[pages.Count];
        for (var i = 0; i < pages.Count; i++) sitrepTexts[i] = SitrepText(extractor, pages[i]);

        // Wall-clock figures suffer when the machine is shared; process CPU time much less so.
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < pages.Count; i++) SitrepText(extractor, pages[i]);
        var sitrepOne = pages.Count / watch.Elapsed.TotalSeconds;
        if (quickPasses > 0)
        {
            // Speed only, best of several passes (a loaded machine slows some passes, never speeds one up).
            var quickParser = new AngleSharp.Html.Parser.HtmlParser(new AngleSharp.Html.Parser.HtmlParserOptions { IsScripting = false });
            double bestSitrep = double.MaxValue, bestParse = double.MaxValue;
            for (var pass = 0; pass < quickPasses; pass++)
            {
                var start = ThreadCpuSeconds();
                for (var i = 0; i < pages.Count; i++) SitrepText(extractor, pages[i]);
                bestSitrep = Math.Min(bestSitrep, ThreadCpuSeconds() - start);
                start = ThreadCpuSeconds();
                foreach (var page in pages) quickParser.ParseDocument(page.Html);
                bestParse = Math.Min(bestParse, ThreadCpuSeconds() - start);
            }
            Console.WriteLine($"quick: best of {quickPasses} (thread CPU time): sitrep {pages.Count / bestSitrep:F1} pages/s, parse only {pages.Count / bestParse:F1} pages/s, extraction beyond parsing {(bestSitrep - bestParse) * 1000 / pages.Count:F3} ms/page");
            return 0;
        }
        process.Refresh();
        var sitrepCpu = pages.Count / (process.TotalProcessorTime - cpu).TotalSeconds;

        watch.Restart();
        Parallel.For(0, pages.Count, i => SitrepText(extractor, pages[i]));
        var sitrepAll = pages.Count / watch.Elapsed.TotalSeconds;

        // What parsing alone costs: the floor under any DOM-based extractor.
        var parser = new AngleSharp.Html.Parser.HtmlParser(new AngleSharp.Html.Parser.HtmlParserOptions { IsScripting = false });
        watch.Restart();
        foreach (var page in pages) parser.ParseDocument(page.Html);
        var parseOne = pages.Count / watch.Elapsed.TotalSeconds;

        foreach (var page in pages.Take(20)) SmartReaderText(page);
        var smartTexts = new string[pages.Count];
        process.Refresh();
        cpu = process.TotalProcessorTime;
        watch.Restart();
        for (var i = 0; i < pages.Count; i++) smartTexts[i] = SmartReaderText(pages[i]);
        var smartOne = pages.Count / watch.Elapsed.TotalSeconds;
        process.Refresh();
        var smartCpu = pages.Count / (process.TotalProcessorTime - cpu).TotalSeconds;

        var sitrep = Score.Of(pages, sitrepTexts);
        var smart = Score.Of(pages, smartTexts);
        Console.WriteLine($"extraction quality (trafilatura set, {pages.Count} pages, {pages.Sum(p => p.With.Count + p.Without.Count)} snippets)");
        Console.WriteLine($"  sitrep       {sitrep}");
        Console.WriteLine($"  smartreader  {smart}");
        Console.WriteLine($"extraction speed ({Environment.ProcessorCount} cores)");
        Console.WriteLine($"  sitrep       {sitrepOne,8:F1} pages/s on one thread, {sitrepAll,8:F1} pages/s on all cores");
        Console.WriteLine($"  smartreader  {smartOne,8:F1} pages/s on one thread");
        Console.WriteLine($"  parse only   {parseOne,8:F1} pages/s on one thread (AngleSharp, no extraction)");
        Console.WriteLine($"  ratio        sitrep/smartreader on one thread: {sitrepOne / smartOne:F2}");
        Console.WriteLine($"  cpu time     sitrep {sitrepCpu:F1} pages per CPU-second, smartreader {smartCpu:F1} (one thread, process CPU time)");

        if (detail) PrintWorst(pages, sitrepTexts, 80);

        if (resultsDir is not null)
        {
            Directory.CreateDirectory(resultsDir);
            var file = Path.Combine(resultsDir, $"extraction-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
            File.WriteAllText(file, JsonSerializer.Serialize(new
            {
                pages = pages.Count,
                sitrep = new { sitrep.Precision, sitrep.Recall, sitrep.F1, pages_per_s_one_thread = sitrepOne, pages_per_s_all_cores = sitrepAll },
                smartreader = new { smart.Precision, smart.Recall, smart.F1, pages_per_s_one_thread = smartOne },
                cores = Environment.ProcessorCount,
            }, new JsonSerializerOptions { WriteIndented = true }));
            Console.WriteLine($"results written to {file}");
        }
        return 0;
    }

    /// <summary>Writes each page's extracted text to <paramref name="directory"/> (one file per page), and how it was chosen (traces.tsv), to diff two versions.</summary>
    private static void WriteTexts(IReadOnlyList<EvalPage> pages, string[] texts, string?[] traces, string directory)
    {
        Directory.CreateDirectory(directory);
        for (var i = 0; i < pages.Count; i++) File.WriteAllText(Path.Combine(directory, pages[i].File + ".txt"), texts[i]);
        File.WriteAllLines(Path.Combine(directory, "traces.tsv"), pages.Select((page, i) => $"{page.File}\t{traces[i]?.ReplaceLineEndings(" ")}"));
    }

    private static void PrintWorst(IReadOnlyList<EvalPage> pages, string[] texts, int count)
    {
        var rows = pages.Select((page, i) =>
        {
            var text = Normalise(texts[i]);
            var missed = page.With.Where(s => !text.Contains(Normalise(s), StringComparison.Ordinal)).ToList();
            var leaked = page.Without.Where(s => text.Contains(Normalise(s), StringComparison.Ordinal)).ToList();
            return (page, missed, leaked, length: text.Length);
        }).Where(r => r.missed.Count + r.leaked.Count > 0)
          .OrderByDescending(r => r.missed.Count + r.leaked.Count).ThenBy(r => r.page.File, StringComparer.Ordinal).ToList();
        Console.WriteLine($"pages with errors: {rows.Count} (missed = 'with' snippet not found, leaked = 'without' snippet found)");
        foreach (var (page, missed, leaked, length) in rows.Take(count))
        {
            Console.WriteLine($"- {page.File} ({length} chars)");
            foreach (var s in missed) Console.WriteLine($"    missed: {Clip(s)}");
            foreach (var s in leaked) Console.WriteLine($"    leaked: {Clip(s)}");
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private struct TimeSpec { public long Seconds; public long Nanoseconds; }

    /// <summary>CPU time of the calling thread (Linux): what a pass cost, however loaded the machine.</summary>
    private static double ThreadCpuSeconds() => ClockGetTime(3, out var time) == 0 ? time.Seconds + time.Nanoseconds / 1e9 : 0;

    private static string Clip(string s) => s.Length > 100 ? s[..100] + "…" : s;

    /// <summary>The extractor as the content stage builds it: with the line cues of <c>lang/</c>.</summary>
    private static HtmlContentExtractor NewExtractor() => new()
    {
        UseSmartReader = Environment.GetEnvironmentVariable("SITREP_BENCH_SMARTREADER") == "1",
        Cues = Environment.GetEnvironmentVariable("SITREP_BENCH_NO_CUES") == "1" ? null : BoilerplateCues.Load(LanguageResources.DefaultRoot()),
    };

    private static string SitrepText(HtmlContentExtractor extractor, EvalPage page)
    {
        var content = extractor.Extract(page.Html, null);
        return TextNormalizer.Clean(string.Join("\n\n", content.Blocks));
    }

    private static string SmartReaderText(EvalPage page)
    {
        try
        {
            var article = new SmartReader.Reader("https://localhost/", page.Html).GetArticle();
            return article.IsReadable ? article.TextContent ?? "" : "";
        }
        catch (Exception)
        {
            return "";
        }
    }

    internal static string Normalise(string text) => Whitespace().Replace(text, " ").Trim();

    [GeneratedRegex(@"\s+", RegexOptions.None, 1000)]
    private static partial Regex Whitespace();
}

/// <summary>One page of the evaluation set: its decoded HTML and the snippets it must and must not yield.</summary>
internal sealed record EvalPage(string Url, string File, string Html, IReadOnlyList<string> With, IReadOnlyList<string> Without)
{
    public static IReadOnlyList<EvalPage> Load(string evalDir)
    {
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(evalDir, "evaldata.json")));
        var pages = new List<EvalPage>();
        foreach (var entry in json.RootElement.EnumerateObject())
        {
            var file = entry.Value.GetProperty("file").GetString()!;
            var path = Path.Combine(evalDir, "pages", file);
            var html = "";
            if (System.IO.File.Exists(path))
                html = TextDecoder.Decode(System.IO.File.ReadAllBytes(path), isHtml: true, out _)?.Text ?? "";
            pages.Add(new EvalPage(entry.Name, file, html, Strings(entry.Value, "with"), Strings(entry.Value, "without")));
        }
        return pages;
    }

    private static List<string> Strings(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) ? list.EnumerateArray().Select(s => s.GetString() ?? "").ToList() : [];
}

/// <summary>Precision, recall and F1 over all snippets of all pages.</summary>
internal readonly record struct Score(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Score Of(IReadOnlyList<EvalPage> pages, IReadOnlyList<string> texts)
    {
        int tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < pages.Count; i++)
        {
            var text = Program.Normalise(texts[i]);
            foreach (var s in pages[i].With)
                if (text.Contains(Program.Normalise(s), StringComparison.Ordinal)) tp++; else fn++;
            foreach (var s in pages[i].Without)
                if (text.Contains(Program.Normalise(s), StringComparison.Ordinal)) fp++;
        }
        return new Score(tp, fp, fn);
    }

    public override string ToString() =>
        $"precision={Precision:F3} recall={Recall:F3} f1={F1:F3} (tp={TruePositives} fp={FalsePositives} fn={FalseNegatives})";
}
