using System.Text;
using AngleSharp.Html.Parser;
using Sitrep.Content.Html;
using Sitrep.Ingest;

namespace Sitrep.Bench;

/// <summary>
/// Main-text agreement with Mozilla Readability.js on its 130 test pages: word-level precision,
/// recall and F1 of the extracted text against the text of Readability's expected output, per page
/// then averaged (a page with no expected text is skipped). Readability.js is the reference here,
/// so this measures agreement, not truth; SmartReader (a Readability port) is scored the same way.
/// </summary>
internal static class ReadabilityBenchmark
{
    public static int Run(string folder)
    {
        var extractor = new HtmlContentExtractor();
        var parser = new HtmlParser();
        double sitrepF1 = 0, smartF1 = 0, sitrepP = 0, sitrepR = 0;
        var pages = 0;
        foreach (var dir in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var source = Path.Combine(dir, "source.html");
            var expectedPath = Path.Combine(dir, "expected.html");
            if (!File.Exists(source) || !File.Exists(expectedPath)) continue;
            var html = TextDecoder.Decode(File.ReadAllBytes(source), true, out _)?.Text;
            if (html is null) continue;
            var expected = Words(parser.ParseDocument(File.ReadAllText(expectedPath)).Body?.TextContent ?? "");
            if (expected.Count == 0) continue;

            var ours = Words(string.Join("\n\n", extractor.Extract(html, "http://fakehost/test/page.html").Blocks));
            var (p, r, f) = Score(ours, expected);
            sitrepP += p; sitrepR += r; sitrepF1 += f;
            string smart;
            try { smart = new SmartReader.Reader("http://fakehost/test/page.html", html).GetArticle().TextContent ?? ""; }
            catch (Exception) { smart = ""; }
            smartF1 += Score(Words(smart), expected).F1;
            pages++;
        }
        Console.WriteLine($"readability: {pages} pages; Sitrep mean precision={sitrepP / pages:0.000} recall={sitrepR / pages:0.000} f1={sitrepF1 / pages:0.000}; SmartReader mean f1={smartF1 / pages:0.000}");
        return 0;
    }

    private static Dictionary<string, int> Words(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0) return;
            var key = word.ToString();
            counts[key] = counts.GetValueOrDefault(key) + 1;
            word.Clear();
        }
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) word.Append(char.ToLowerInvariant(c));
            else Flush();
        }
        Flush();
        return counts;
    }

    private static (double Precision, double Recall, double F1) Score(Dictionary<string, int> ours, Dictionary<string, int> expected)
    {
        var common = ours.Sum(kv => Math.Min(kv.Value, expected.GetValueOrDefault(kv.Key)));
        var outTotal = ours.Values.Sum();
        var expectedTotal = expected.Values.Sum();
        var precision = outTotal == 0 ? 0 : common / (double)outTotal;
        var recall = common / (double)expectedTotal;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }
}
