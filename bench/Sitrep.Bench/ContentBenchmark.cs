using System.Diagnostics;
using System.Text.RegularExpressions;
using Sitrep.Content;
using Sitrep.Content.Scraped;
using Sitrep.Ingest;
using Sitrep.Language;

namespace Sitrep.Bench;

/// <summary>
/// The content stage alone (HTML extraction or the scraped-text path) on the three sets the pipeline bench reads:
/// thread CPU µs per document, best of several passes after warm-up, so that a change to src/Sitrep/Content can be
/// measured without the noise of the stages after it. With <c>--cues</c>, the CPU time of each boilerplate cue pattern
/// over the lines of the scraped sets, to see which patterns the scraped path pays for.
/// </summary>
internal static class ContentBenchmark
{
    private const int WarmUpPasses = 2;

    public static int Run(IReadOnlyList<(string Name, string Folder)> folders, int passes, bool cues)
    {
        var resources = LanguageResources.Default;
        var stage = new ContentStage(resources);
        Console.WriteLine($"content: one thread, {ThreadCpuClock.Kind}, best of {passes} passes after {WarmUpPasses} warm-up passes");
        foreach (var (name, folder) in folders)
        {
            var set = Load(folder);
            if (set.Count == 0) continue;
            var best = long.MaxValue;
            for (var pass = 0; pass < WarmUpPasses + passes; pass++)
            {
                var start = ThreadCpuClock.Now();
                foreach (var (id, kind, raw) in set) stage.Process(new Document(id, kind, raw));
                var spent = ThreadCpuClock.Now() - start;
                if (pass >= WarmUpPasses) best = Math.Min(best, spent);
            }
            Console.WriteLine($"content: {name}: {set.Count} documents ({set.Sum(d => (long)d.Raw.Length) / 1024.0 / set.Count:0} KB): {best / 1e3 / set.Count:0} µs/doc");
            if (cues && set.Any(d => d.Kind == ContentKind.ScrapedText)) CueCosts(BoilerplateCues.Load(resources.Root), set);
        }
        return 0;
    }

    /// <summary>
    /// Per language and cue category, the CPU time per line (over every line of the set's scraped documents) of the patterns
    /// as the extractor runs them (the category's alternation, non-backtracking where it can be; the date and author patterns
    /// one by one), beside a compiled alternation and the compiled patterns one by one.
    /// </summary>
    private static void CueCosts(BoilerplateCues cues, List<(string Id, ContentKind Kind, string Raw)> set)
    {
        var lines = set.Where(d => d.Kind == ContentKind.ScrapedText)
            .SelectMany(d => d.Raw.Split('\n')).Select(TextFolding.Plain).Where(l => l.Length > 0).ToList();
        Console.WriteLine($"  cue patterns on {lines.Count} lines, µs/line: as run | compiled alternation | compiled one by one (lines matched)");
        foreach (var language in cues.Languages)
        {
            var groups = language.Categories.Where(c => c.Value.Patterns.Count > 0)
                .Select(c => (Name: c.Key.ToString(), Patterns: c.Value.Patterns, AsRun: (Func<string, bool>)c.Value.AnyPattern!.IsMatch))
                .Append(("published", language.Published, line => language.Published.Any(p => p.IsMatch(line))))
                .Append(("author", language.Author, line => language.Author.Any(p => p.IsMatch(line))));
            foreach (var (name, patterns, asRun) in groups)
            {
                if (patterns.Count == 0) continue;
                var compiled = patterns.Select(p => new Regex(p.ToString(), RegexOptions.CultureInvariant | RegexOptions.Compiled)).ToList();
                var alternation = new Regex(string.Join("|", compiled.Select(p => $"(?:{p})")), RegexOptions.CultureInvariant | RegexOptions.Compiled);
                var matched = lines.Count(asRun);
                var costs = new[] { asRun, alternation.IsMatch, line => compiled.Any(p => p.IsMatch(line)) }.Select(test =>
                {
                    foreach (var line in lines) test(line);
                    var start = ThreadCpuClock.Now();
                    foreach (var line in lines) test(line);
                    return (ThreadCpuClock.Now() - start) / 1e3 / lines.Count;
                }).ToArray();
                Console.WriteLine($"  {language.Language} {name,-12} {costs[0],6:0.00} | {costs[1],6:0.00} | {costs[2],6:0.00}  ({matched})");
            }
        }
    }

    private static List<(string Id, ContentKind Kind, string Raw)> Load(string folder)
    {
        if (!Directory.Exists(folder)) return [];
        return new InputReader().Read([folder]).Where(i => i.Document is not null)
            .Select(i => (i.Document!.Id, i.Document.Kind, i.Document.Raw)).ToList();
    }
}

/// <summary>Parse-only costs of the trafilatura pages under several AngleSharp parser options (a diagnostic for the HTML path).</summary>
internal static class ParseOptionsProbe
{
    public static int Run(string folder, int passes)
    {
        var pages = new InputReader().Read([folder]).Where(i => i.Document is not null).Select(i => i.Document!.Raw).ToList();
        var variants = new (string Name, AngleSharp.Html.Parser.HtmlParserOptions Options)[]
        {
            ("scripting off", new() { IsScripting = false }),
            ("+ skip comments", new() { IsScripting = false, SkipComments = true }),
            ("+ no position tracking", new() { IsScripting = false, DisableElementPositionTracking = true }),
            ("+ skip raw text", new() { IsScripting = false, SkipRawText = true }),
            ("+ only used attributes", new() { IsScripting = false, ShouldEmitAttribute = IsUsedAttribute }),
        };
        foreach (var (name, options) in variants)
        {
            var parser = new AngleSharp.Html.Parser.HtmlParser(options);
            var best = long.MaxValue;
            for (var pass = 0; pass < 2 + passes; pass++)
            {
                var start = ThreadCpuClock.Now();
                foreach (var page in pages) parser.ParseDocument(page);
                if (pass >= 2) best = Math.Min(best, ThreadCpuClock.Now() - start);
            }
            Console.WriteLine($"parse: {name,-24} {best / 1e3 / pages.Count:0} µs/page");
        }
        return 0;
    }

    /// <summary>The attributes the extractor and the parsing algorithm read (the others are never looked at).</summary>
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> UsedAttributes = new HashSet<string>(StringComparer.Ordinal)
    {
        "class", "id", "role", "itemprop", "style", "aria-hidden", "hidden",
        "property", "name", "http-equiv", "content", "rel", "href", "type", "datetime", "lang", "xml:lang",
        "color", "face", "size", "encoding", "shadowrootmode",
    }.GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsUsedAttribute(ref AngleSharp.Html.Parser.Tokens.Struct.StructHtmlToken token, ReadOnlyMemory<char> name) =>
        UsedAttributes.Contains(name.Span);
}
