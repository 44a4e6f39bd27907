using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Ingest;
using Sitrep.Language;
using Sitrep.Pipeline;
using Sitrep.Time;

namespace Sitrep.Bench;

/// <summary>
/// Time expressions: accuracy on the Duckling phrase sets (as tools/score_time.py scores them: one
/// time covers the whole phrase and matches at Duckling's grain, bias future) and speed on one
/// thread, on the phrases and on the sentences of samples/ (real wire-copy sentences).
/// </summary>
internal static class TimeBenchmark
{
    public static int Run(string benchFolder, string samplesFolder, bool detail, bool peer = false)
    {
        var resources = LanguageResources.Default;
        foreach (var language in new[] { "fr", "en" })
        {
            var file = Path.Combine(benchFolder, $"duckling-{language}-time.jsonl");
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"bench: {file} not found");
                return 2;
            }
            var grammar = resources.TimeGrammars[language];
            var rows = File.ReadLines(file).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement)
                .Where(r => !(r.TryGetProperty("with_latent", out var latent) && latent.GetBoolean()) && r.TryGetProperty("expected", out _)).ToList();
            // The references' offset from UTC (the corpus writes them all in one zone): "4pm CET" is told in it.
            TimeResolver.TryParseReference(rows[0].GetProperty("ref").GetString(), out _, out _, out var zone);
            var (accuracy, covered) = Score(rows, language, detail ? "sitrep" : null,
                (text, reference, clock, found) => TimeExtractor.Extract(Fold(text), text, 0, text.Length, grammar,
                    new TimeResolver(reference, clock, TimeBias.Future) { Offset = zone }, found));
            // Speed: the phrases, many times over, on one thread.
            var phrases = rows.Select(r => (Text: r.GetProperty("text").GetString()!, Ref: r.GetProperty("ref").GetString())).ToList();
            TimeResolver.TryParseReference(phrases[0].Ref, out var benchReference, out var benchClock);
            var resolver = new TimeResolver(benchReference, benchClock, TimeBias.Future) { Offset = zone };
            var rate = Rate(phrases.Select(p => p.Text).ToList(), grammar, resolver);
            Console.WriteLine($"time {language}: accuracy={accuracy:0.000} n={rows.Count} covered={covered:0.000}; {rate:0} phrases/s on one thread");
            var negatives = Path.Combine(benchFolder, $"duckling-{language}-time_negative.jsonl");
            if (File.Exists(negatives)) Negatives(negatives, language, grammar, benchReference);
            if (peer)
            {
                var recognizer = new RecognizersPeer(language);
                var (peerAccuracy, peerCovered) = Score(rows, language, detail ? "recognizers" : null,
                    (text, reference, _, found) => recognizer.Extract(text, reference, found), RecognizersPeer.LeadingWords);
                var peerRate = Rate(phrases.Select(p => p.Text).ToList(), text => recognizer.Extract(text, benchReference, []), 0.5);
                Console.WriteLine($"time {language} Microsoft.Recognizers.Text 1.8.13: accuracy={peerAccuracy:0.000} n={rows.Count} covered={peerCovered:0.000}; {peerRate:0} phrases/s on one thread");
            }
        }

        // Real sentences: the samples through the pipeline up to sentences, then times alone, timed.
        var documents = new InputReader().Read([samplesFolder]).Where(i => i.Document is not null).Select(i => i.Document!).ToList();
        var stages = DocumentPipeline.CreateDefault(resources).Stages.TakeWhile(s => s.Name != "times").ToList();
        var sentences = new List<(string Text, string Language)>();
        foreach (var document in documents)
        {
            foreach (var stage in stages) stage.Process(document);
            foreach (var s in document.Sentences)
                if (resources.TimeGrammars.ContainsKey(document.Language))
                    sentences.Add((document.FoldedText[s.Start..s.End], document.Language));
        }
        var sentenceResolver = new TimeResolver(new DateTime(2024, 3, 7, 10, 0, 0), true, TimeBias.Past);
        var perLanguage = sentences.GroupBy(s => s.Language).ToDictionary(g => g.Key, g => g.Select(s => s.Text).ToList());
        long count = 0;
        double seconds = 0, peerSeconds = 0;
        foreach (var (language, texts) in perLanguage)
        {
            var r = Rate(texts, resources.TimeGrammars[language], sentenceResolver);
            Console.WriteLine($"time {language}: {texts.Count} sample sentences, {r:0} sentences/s on one thread");
            count += texts.Count;
            seconds += texts.Count / r;
            if (peer)
            {
                var recognizer = new RecognizersPeer(language);
                peerSeconds += texts.Count / Rate(texts, text => recognizer.Extract(text, new DateTime(2024, 3, 7, 10, 0, 0), []), 1);
            }
        }
        Console.WriteLine($"time: {sentences.Count} sample sentences ({documents.Count} documents): {count / seconds:0} sentences/s on one thread");
        if (peer) Console.WriteLine($"time: same sentences, Microsoft.Recognizers.Text 1.8.13: {count / peerSeconds:0} sentences/s on one thread");
        return 0;
    }

    /// <summary>
    /// Phrases that must not read as times (Duckling's negative corpus): how many get a time covering
    /// most of the phrase, listed.
    /// </summary>
    private static void Negatives(string file, string language, TimeGrammar grammar, DateTime reference)
    {
        var texts = File.ReadLines(file).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
        var found = new List<TimeExpression>();
        var wrong = new List<string>();
        foreach (var text in texts)
        {
            found.Clear();
            TimeExtractor.Extract(Fold(text), text, 0, text.Length, grammar, new TimeResolver(reference, true, TimeBias.Future), found);
            if (found.Count > 0) wrong.Add($"{text} -> {string.Join(", ", found.Select(t => t.Text))}");
        }
        Console.WriteLine($"time {language} negatives: {wrong.Count}/{texts.Count} phrases get a time (false positives)");
        foreach (var w in wrong) Console.WriteLine($"  false positive {language}: {w}");
    }

    /// <summary>Accuracy and coverage as tools/score_time.py counts them; misses listed under <paramref name="label"/> when given.</summary>
    private static (double Accuracy, double Covered) Score(List<JsonElement> rows, string language, string? label,
        Action<string, DateTime, bool, List<TimeExpression>> extract, Regex? leading = null)
    {
        int ok = 0, covered = 0;
        var found = new List<TimeExpression>();
        foreach (var row in rows)
        {
            var text = row.GetProperty("text").GetString()!;
            TimeResolver.TryParseReference(row.GetProperty("ref").GetString(), out var reference, out var clock);
            found.Clear();
            extract(text, reference, clock, found);
            var lo = text.Length - text.TrimStart(" .,;:!?".ToCharArray()).Length;
            var hi = text.TrimEnd(" .,;:!?".ToCharArray()).Length;
            if (leading?.Match(text) is { Success: true } skip) lo = Math.Max(lo, skip.Length);
            var whole = found.Where(t => t.Start <= lo && t.End >= hi).ToList();
            if (whole.Count > 0) covered++;
            if (whole.Any(t => Matches(t, row.GetProperty("expected")))) ok++;
            else if (label is not null)
                Console.WriteLine($"  miss {label} {language}: {text} -> {string.Join(" | ", found.Select(t => $"[{t.Text}] {t.Value ?? "-"} {t.From}..{t.To} {t.Grain}"))}");
        }
        return ((double)ok / rows.Count, (double)covered / rows.Count);
    }

    private static string Fold(string text) => text.Replace('’', '\'').Replace('–', '-').Replace('—', '-');

    /// <summary>Items per second on one thread: the median of five passes of at least half a second each.</summary>
    private static double Rate(List<string> texts, TimeGrammar grammar, TimeResolver resolver)
    {
        var output = new List<TimeExpression>();
        return Rate(texts, text =>
        {
            output.Clear();
            TimeExtractor.Extract(text, text, 0, text.Length, grammar, resolver, output);
        }, 0.5);
    }

    /// <summary>Items per second on one thread: the median of five passes of at least <paramref name="minSeconds"/> each, after one warm-up pass.</summary>
    private static double Rate(List<string> texts, Action<string> process, double minSeconds)
    {
        void Pass()
        {
            foreach (var text in texts) process(text);
        }
        return Throughput.Median(Pass, texts.Count, minSeconds);
    }

    private static readonly Dictionary<string, int> Length = new()
    {
        ["second"] = 19, ["minute"] = 16, ["hour"] = 13, ["day"] = 10, ["week"] = 10, ["month"] = 7, ["quarter"] = 7, ["year"] = 4,
    };

    private static readonly Regex LocalPart = new(@"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:[T ](\d{2})(?::(\d{2}))?(?::(\d{2}))?)?", RegexOptions.CultureInvariant);

    private static DateTime? Local(string? s)
    {
        if (s is null || LocalPart.Match(s) is not { Success: true } m) return null;
        int G(int i, int fallback) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : fallback;
        return new DateTime(G(1, 1), G(2, 1), G(3, 1), G(4, 0), G(5, 0), G(6, 0));
    }

    private static string Key(DateTime t, string grain) => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture)[..Length.GetValueOrDefault(grain, 10)];

    private static bool Same(string? ours, string? theirs, string grain) =>
        Local(ours) is { } a && Local(theirs) is { } b && Key(a, grain) == Key(b, grain);

    private static bool EndOk(string? ours, string? theirs, string grain)
    {
        if (Same(ours, theirs, grain)) return true;
        if (Local(ours) is not { } a || Local(theirs) is not { } b) return false;
        var previous = grain switch
        {
            "second" => b.AddSeconds(-1),
            "minute" => b.AddMinutes(-1),
            "hour" => b.AddHours(-1),
            "day" => b.AddDays(-1),
            "week" => b.AddDays(-7),
            "month" or "quarter" => new DateTime(b.Year, b.Month, 1).AddDays(-1),
            "year" => b.AddYears(-1),
            _ => b,
        };
        return Key(a, grain) == Key(previous, grain);
    }

    private static bool Matches(TimeExpression t, JsonElement expected)
    {
        string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        if (Str(expected, "type") == "value")
            return Same(t.Value ?? t.From, Str(expected, "value"), Str(expected, "grain") ?? "day");
        var ok = true;
        if (expected.TryGetProperty("from", out var from) && from.ValueKind == JsonValueKind.Object)
            ok &= Same(t.From, Str(from, "value"), Str(from, "grain") ?? "day");
        if (expected.TryGetProperty("to", out var to) && to.ValueKind == JsonValueKind.Object)
            ok &= EndOk(t.To, Str(to, "value"), Str(to, "grain") ?? "day");
        return ok;
    }
}
