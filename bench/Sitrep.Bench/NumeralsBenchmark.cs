using System.Text.Json;
using Sitrep.Ingest;
using Sitrep.Language;
using Sitrep.Pipeline;
using Sitrep.Quantities;

namespace Sitrep.Bench;

/// <summary>
/// Numbers and casualties: whole-phrase accuracy on the Duckling numeral sets (one number covers the
/// whole phrase with the right value), sentence accuracy on the team's casualty cases in
/// bench/casualties/&lt;lang&gt;.jsonl (every count found with its category and best/low/high, nothing
/// else), and speed on one thread.
/// </summary>
internal static class NumeralsBenchmark
{
    public static int Run(string benchFolder, string casesFolder, string samplesFolder, bool detail, string? tryText, string tryLanguage)
    {
        var resources = LanguageResources.Default;
        var pipeline = DocumentPipeline.CreateDefault(resources);
        if (tryText is not null) return Try(tryText, tryLanguage, resources, pipeline);
        foreach (var language in new[] { "fr", "en" })
        {
            var file = Path.Combine(benchFolder, $"duckling-{language}-numeral.jsonl");
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"bench: {file} not found");
                return 2;
            }
            var grammar = resources.NumberGrammars[language];
            var rows = File.ReadLines(file).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var ok = 0;
            var tokens = new List<QuantityToken>();
            var found = new List<NumberMention>();
            foreach (var row in rows)
            {
                var text = row.GetProperty("text").GetString()!;
                var expected = row.GetProperty("expected").GetProperty("value").GetDouble();
                tokens.Clear();
                found.Clear();
                QuantityTokenizer.Tokenize(text, 0, text.Length, tokens);
                NumberRecognizer.Recognize(text, tokens, grammar, found);
                var lo = text.Length - text.TrimStart().Length;
                var hi = text.TrimEnd().Length;
                if (found.Any(n => n.Start <= lo && n.End >= hi && Math.Abs(n.Value - expected) < 1e-6)) ok++;
                else if (detail) Console.WriteLine($"  miss {language}: {text} → {string.Join(", ", found.Select(n => $"{text[n.Start..n.End]}={n.Value}"))} (expected {expected})");
            }
            Console.WriteLine($"numerals {language}: accuracy={(double)ok / rows.Count:0.000} ({ok}/{rows.Count}) on duckling-{language}-numeral.jsonl");
        }

        // <lang>.jsonl: the cases the rules were written against; -heldout: written before a tuning round (then used in it);
        // -blind: written later and scored before any rule changed for them (see the README for their first score).
        foreach (var (language, set) in new[] { ("fr", ""), ("en", ""), ("fr", "-heldout"), ("en", "-heldout"), ("fr", "-blind"), ("en", "-blind") })
        {
            var file = Path.Combine(casesFolder, $"{language}{set}.jsonl");
            if (!File.Exists(file))
            {
                if (set.Length > 0) continue;
                Console.Error.WriteLine($"bench: {file} not found");
                return 2;
            }
            var cases = File.ReadLines(file).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var ok = 0;
            var sentences = new List<string>();
            foreach (var row in cases)
            {
                var text = row.GetProperty("text").GetString()!;
                sentences.Add(TextNormalizer.Fold(text));
                var document = Process(text, language, pipeline);
                var got = document.Casualties.Select(Show).Order(StringComparer.Ordinal).ToList();
                var want = row.GetProperty("expected").EnumerateArray().Select(Show).Order(StringComparer.Ordinal).ToList();
                if (got.SequenceEqual(want)) ok++;
                else if (detail) Console.WriteLine($"  miss {language}: {text}\n    got  [{string.Join("; ", got)}]\n    want [{string.Join("; ", want)}]");
            }
            var rate = Rate(sentences, resources.CasualtyGrammars[language]);
            Console.WriteLine($"casualties {language}{set}: accuracy={(double)ok / cases.Count:0.000} ({ok}/{cases.Count} sentences fully right); {rate:0} sentences/s on one thread");
        }

        // Conflict wire copy (samples/, casualties in many sentences) and general news (the French and English
        // pages of the extraction set, mostly without any: the prefilter's case).
        var before = pipeline.Stages.TakeWhile(s => s.Name != "quantities").ToList();
        Speed(samplesFolder, "sample", null, before, pipeline, resources, detail);
        var pages = Path.Combine(benchFolder, "..", "extraction", "trafilatura", "pages");
        if (Directory.Exists(pages)) Speed(pages, "general-news", 300, before, pipeline, resources, detail);
        return 0;
    }

    private static void Speed(string folder, string name, int? limit, List<IDocumentStage> before, DocumentPipeline pipeline, LanguageResources resources, bool detail)
    {
        var documents = new InputReader().Read([folder]).Where(i => i.Document is not null).Select(i => i.Document!).Take(limit ?? int.MaxValue).ToList();
        var perLanguage = new Dictionary<string, List<string>>();
        var total = 0;
        foreach (var document in documents)
        {
            foreach (var stage in before) stage.Process(document);
            if (detail)
            {
                pipeline.Stages.First(s => s.Name == "quantities").Process(document);
                foreach (var c in document.Casualties)
                    Console.WriteLine($"  sample {Path.GetFileName(document.Id)}: {Show(c)} {c.Victim}/{c.VictimClass} \"{c.Text}\"");
            }
            if (!resources.CasualtyGrammars.ContainsKey(document.Language)) continue;
            if (!perLanguage.TryGetValue(document.Language, out var list)) perLanguage[document.Language] = list = [];
            foreach (var s in document.Sentences) list.Add(document.FoldedText[s.Start..s.End]);
            total += document.Sentences.Count;
        }
        double seconds = 0;
        foreach (var (language, texts) in perLanguage) seconds += texts.Count / Rate(texts, resources.CasualtyGrammars[language]);
        var passing = perLanguage.Sum(p => p.Value.Count(s => CasualtyExtractor.MayHoldCasualties(s, 0, s.Length, resources.CasualtyGrammars[p.Key])));
        double prefilterSeconds = 0;
        foreach (var (language, texts) in perLanguage)
        {
            var grammar = resources.CasualtyGrammars[language];
            prefilterSeconds += texts.Count / Throughput.Median(() => { foreach (var s in texts) CasualtyExtractor.MayHoldCasualties(s, 0, s.Length, grammar); }, texts.Count);
        }
        Console.WriteLine($"casualties: {total} {name} sentences ({documents.Count} documents, {passing} past the prefilter): {total / seconds:0} sentences/s on one thread; prefilter alone {total / prefilterSeconds:0}/s");
    }

    private static Document Process(string text, string language, DocumentPipeline pipeline)
    {
        var document = new Document("case", ContentKind.Body, text) { GivenLanguage = language, Published = "2024-03-07T10:00:00+01:00" };
        pipeline.Process(document);
        return document;
    }

    private static int Try(string text, string language, LanguageResources resources, DocumentPipeline pipeline)
    {
        var tokens = new List<QuantityToken>();
        var numbers = new List<NumberMention>();
        QuantityTokenizer.Tokenize(text, 0, text.Length, tokens);
        NumberRecognizer.Recognize(text, tokens, resources.NumberGrammars[language], numbers);
        foreach (var n in numbers) Console.WriteLine($"number: {text[n.Start..n.End]} = {n.Value} ({n.Kind})");
        foreach (var c in Process(text, language, pipeline).Casualties)
            Console.WriteLine($"casualty: {Show(c)} victim={c.Victim}/{c.VictimClass} text=\"{c.Text}\"");
        return 0;
    }

    private static string Show(CasualtyMention c) => Show(c.Category.ToString().ToLowerInvariant(), c.Best, c.Low, c.High, c.Unknown);

    private static string Show(JsonElement e)
    {
        int? Int(string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : null;
        return Show(e.GetProperty("category").GetString()!, Int("best"), Int("low"), Int("high"), e.TryGetProperty("unknown", out var u) && u.GetBoolean());
    }

    private static string Show(string category, int? best, int? low, int? high, bool unknown) =>
        unknown ? $"{category} unknown" : $"{category} best={best?.ToString() ?? "-"} low={low?.ToString() ?? "-"} high={high?.ToString() ?? "-"}";

    /// <summary>Sentences per second through the casualty extractor on one thread: the median of five passes of at least half a second.</summary>
    private static double Rate(List<string> sentences, CasualtyGrammar grammar)
    {
        var output = new List<CasualtyMention>();
        void Pass()
        {
            foreach (var s in sentences)
            {
                output.Clear();
                CasualtyExtractor.Extract(s, s, 0, s.Length, 0, grammar, [], output);
            }
        }
        return Throughput.Median(Pass, sentences.Count);
    }
}
