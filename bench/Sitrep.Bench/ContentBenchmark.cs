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

    /// <summary>Each cue pattern's CPU time over every short line of the set's scraped documents, costliest first.</summary>
    private static void CueCosts(BoilerplateCues cues, List<(string Id, ContentKind Kind, string Raw)> set)
    {
        var lines = set.Where(d => d.Kind == ContentKind.ScrapedText)
            .SelectMany(d => d.Raw.Split('\n')).Select(TextFolding.Plain).Where(l => l.Length > 0).ToList();
        var patterns = new List<(string Name, Regex Regex)>();
        foreach (var language in cues.Languages)
        {
            foreach (var (category, set2) in language.Categories)
                if (set2.AnyPattern is { } any) patterns.Add(($"{language.Language} {category}", any));
            if (language.AnyPublished is { } published) patterns.Add(($"{language.Language} published", published));
            if (language.AnyAuthor is { } author) patterns.Add(($"{language.Language} author", author));
        }
        var costs = new List<(string Name, long Nanoseconds, int Matches)>();
        foreach (var (name, regex) in patterns)
        {
            foreach (var line in lines) regex.IsMatch(line);
            var start = ThreadCpuClock.Now();
            var matches = 0;
            foreach (var line in lines) if (regex.IsMatch(line)) matches++;
            costs.Add((name, ThreadCpuClock.Now() - start, matches));
        }
        foreach (var (name, ns, matches) in costs.OrderByDescending(c => c.Nanoseconds).Take(20))
            Console.WriteLine($"  {name,-24} {ns / 1e3 / lines.Count,7:0.00} µs/line  {matches,5} of {lines.Count} lines match");
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
