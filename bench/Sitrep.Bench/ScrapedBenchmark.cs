using System.Diagnostics;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Content.Scraped;
using Sitrep.Language;

namespace Sitrep.Bench;

/// <summary>
/// The scraped-text path measured on the trafilatura pages: each page is first turned into what a
/// crawler saves after stripping tags (the title line, then every block's text on its own line:
/// menus, footers, comments and all; scripts and styles dropped), then the line classifier picks
/// the article. Scored with the same snippets as the HTML benchmark, next to the raw stripped text
/// (everything kept) as the floor to beat.
/// </summary>
internal static class ScrapedBenchmark
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
        { "script", "style", "noscript", "template", "svg", "head", "iframe", "object" };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br", "tr", "td", "th", "table", "section",
        "article", "header", "footer", "nav", "aside", "main", "blockquote", "figure", "figcaption", "form", "dd", "dt",
        "dl", "pre", "hr", "address", "details", "summary", "fieldset", "legend", "option", "button", "label",
    };

    public static int Run(IReadOnlyList<EvalPage> pages, bool detail = false, bool all = false)
    {
        var extractor = new ScrapedTextExtractor(LanguageResources.Default);
        var stripClock = Stopwatch.StartNew();
        var scraped = pages.Select(p => Strip(p.Html)).ToArray();
        Console.WriteLine($"scraped: stripping took {stripClock.Elapsed.TotalSeconds:0.0} s; {scraped.Sum(t => t.Length) / 1e6:0.0} M chars, {scraped.Sum(t => t.Count(c => c == '\n')) / pages.Count} lines a page");

        var raw = Score.Of(pages, scraped);
        string[] Extract() => scraped.Select(t => t.Length == 0 ? "" : string.Join("\n\n", extractor.Extract(t).Blocks)).ToArray();
        var texts = Extract(); // the first pass also compiles the cue patterns: not timed
        var clock = Stopwatch.StartNew();
        Extract();
        var seconds = clock.Elapsed.TotalSeconds;
        var ours = Score.Of(pages, texts);

        Console.WriteLine($"scraped: {pages.Count} pages stripped of tags as a crawler would");
        Console.WriteLine($"scraped: everything kept  {raw}");
        Console.WriteLine($"scraped: line classifier  {ours}");
        Console.WriteLine($"scraped: {pages.Count / seconds:0} pages/s on one thread");
        if (detail)
        {
            var worst = pages.Select((page, i) => (page, i, missed: page.With.Count(w => !Program.Normalise(texts[i]).Contains(Program.Normalise(w), StringComparison.Ordinal)),
                    leaked: page.Without.Count(w => Program.Normalise(texts[i]).Contains(Program.Normalise(w), StringComparison.Ordinal))))
                .OrderByDescending(x => x.missed + x.leaked).Take(all ? pages.Count : 25);
            foreach (var (page, i, missed, leaked) in worst)
                Console.WriteLine($"  {page.File}: {missed} missed, {leaked} leaked; {scraped[i].Count(c => c == '\n')} lines in, {texts[i].Length} chars out");
        }
        return 0;
    }

    /// <summary>How the classifier saw one page, line by line, with the snippets it should keep (+) and drop (-) and whether it did.</summary>
    /// <summary>The line classifier's score on the stripped pages, in parallel (for the quality gate).</summary>
    public static Score Quality(IReadOnlyList<EvalPage> pages)
    {
        var extractor = new ScrapedTextExtractor(LanguageResources.Default);
        var texts = new string[pages.Count];
        Parallel.For(0, pages.Count, i =>
        {
            var scraped = Strip(pages[i].Html);
            texts[i] = scraped.Length == 0 ? "" : string.Join("\n\n", extractor.Extract(scraped).Blocks);
        });
        return Score.Of(pages, texts);
    }

    public static int Explain(IReadOnlyList<EvalPage> pages, string file)
    {
        var page = pages.FirstOrDefault(p => p.File == file);
        if (page is null)
        {
            Console.Error.WriteLine($"bench: {file} is not in the set");
            return 2;
        }
        var extractor = new ScrapedTextExtractor(LanguageResources.Default);
        var scraped = Strip(page.Html);
        Console.WriteLine(extractor.Explain(scraped));
        var text = Program.Normalise(string.Join("\n\n", extractor.Extract(scraped).Blocks));
        foreach (var snippet in page.With)
            Console.WriteLine($"+ {(text.Contains(Program.Normalise(snippet), StringComparison.Ordinal) ? "kept  " : "MISSED")} {snippet}");
        foreach (var snippet in page.Without)
            Console.WriteLine($"- {(text.Contains(Program.Normalise(snippet), StringComparison.Ordinal) ? "LEAKED" : "dropped")} {snippet}");
        return 0;
    }

    /// <summary>Text as a crawler saves it: the title, then one line per block.</summary>
    public static string Strip(string html)
    {
        if (html.Length == 0) return "";
        var document = new HtmlParser().ParseDocument(html);
        var builder = new StringBuilder();
        if (document.Title is { Length: > 0 } title) builder.Append(title.Trim()).Append('\n');
        if (document.Body is { } body) Walk(body, builder);
        return builder.ToString();
    }

    private static void Walk(INode node, StringBuilder builder)
    {
        // Iterative, so very deep pages cannot overflow the stack.
        var stack = new Stack<(INode Node, bool Closing)>();
        stack.Push((node, false));
        while (stack.Count > 0)
        {
            var (current, closing) = stack.Pop();
            if (current is IText text)
            {
                var value = text.Data;
                if (!string.IsNullOrWhiteSpace(value))
                {
                    if (builder.Length > 0 && builder[^1] != '\n' && builder[^1] != ' ') builder.Append(' ');
                    builder.Append(string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)));
                }
                continue;
            }
            if (current is not IElement element) continue;
            if (Skipped.Contains(element.LocalName)) continue;
            var block = Blocks.Contains(element.LocalName);
            if (closing)
            {
                if (block && builder.Length > 0 && builder[^1] != '\n') builder.Append('\n');
                continue;
            }
            if (block && builder.Length > 0 && builder[^1] != '\n') builder.Append('\n');
            stack.Push((current, true));
            for (var i = element.ChildNodes.Length - 1; i >= 0; i--) stack.Push((element.ChildNodes[i], false));
        }
    }
}
