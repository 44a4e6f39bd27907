using System.Text.Json;
using Sitrep.Actors;
using Sitrep.Language;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// Actor phrases on the team's annotated sentences (<c>bench/actors/{fr,en}.jsonl</c>: one case a line,
/// <c>{"id", "published", "text", "actors": [{"text", "name", "country", "kind", "code"}]}</c>, every actor
/// of the text listed in text order). Scores: phrases found with the exact text (precision, recall, F1),
/// and for each annotated phrase that a found phrase overlaps, whether country, kind and code agree (null
/// agrees with null); "all right" counts annotated phrases found exactly with all three right. Speed: the
/// actor stage's thread CPU time per case and per 1,000 words, best of several passes.
/// </summary>
internal static class ActorBenchmark
{
    private sealed record GoldActor(string Text, string? Name, string? Country, string? Kind, string? Code);

    private sealed record Case(string Id, string? Published, string Text, List<GoldActor> Actors);

    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    public static int Run(string setFolder, bool detail, string? tryText, string tryLanguage, string? goldPath = null)
    {
        var resources = LanguageResources.Default;
        var pipeline = DocumentPipeline.CreateDefault(resources);
        if (goldPath is not null) return GoldSides(pipeline, goldPath, detail);
        if (tryText is not null)
        {
            var document = Process(pipeline, "try", tryText, tryLanguage, null);
            foreach (var entity in document.Entities) Console.WriteLine($"entity: {entity.Type} '{entity.Text}' → {entity.Canonical} role={entity.Role} {entity.Country} {entity.Kind}");
            foreach (var actor in document.Actors) Console.WriteLine($"actor:  {Show(actor)}");
            return 0;
        }
        var status = 0;
        foreach (var language in new[] { "fr", "en" })
        {
            var file = Path.Combine(setFolder, language + ".jsonl");
            if (!File.Exists(file))
            {
                Console.Error.WriteLine($"actors: {file} not found");
                status = 2;
                continue;
            }
            var cases = File.ReadLines(file).Where(line => line.Trim().Length > 0)
                .Select(line => JsonSerializer.Deserialize<Case>(line, Options) ?? throw new InvalidDataException(file)).ToList();
            Score(pipeline, language, cases, detail);
        }
        return status;
    }

    private static void Score(DocumentPipeline pipeline, string language, List<Case> cases, bool detail)
    {
        int gold = 0, found = 0, exact = 0, overlapping = 0, country = 0, kind = 0, code = 0, allRight = 0;
        var documents = new List<Document>();
        foreach (var c in cases)
        {
            var document = Process(pipeline, c.Id, c.Text, language, c.Published);
            documents.Add(document);
            var actors = document.Actors;
            gold += c.Actors.Count;
            found += actors.Count;
            var misses = new List<string>();
            var searchFrom = 0;
            foreach (var expected in c.Actors)
            {
                var at = c.Text.IndexOf(expected.Text, searchFrom, StringComparison.Ordinal);
                if (at < 0) throw new InvalidDataException($"{c.Id}: '{expected.Text}' is not in the text (in order)");
                searchFrom = at + expected.Text.Length;
                var span = new TextSpan(at, at + expected.Text.Length);
                var same = actors.FirstOrDefault(a => a.Span == span);
                var over = same ?? actors.FirstOrDefault(a => a.Span.Start < span.End && span.Start < a.Span.End);
                if (same is not null) exact++;
                if (over is null)
                {
                    misses.Add($"  missed '{expected.Text}' ({expected.Country} {expected.Kind} {expected.Code})");
                    continue;
                }
                overlapping++;
                bool countryRight = over.Country == expected.Country, kindRight = over.Kind == expected.Kind, codeRight = over.Code == expected.Code;
                if (countryRight) country++;
                if (kindRight) kind++;
                if (codeRight) code++;
                if (same is not null && countryRight && kindRight && codeRight) allRight++;
                else misses.Add($"  '{expected.Text}' ({expected.Country} {expected.Kind} {expected.Code}) got {Show(over)}");
            }
            foreach (var extra in actors.Where(a => !c.Actors.Any(g => Overlaps(c.Text, g.Text, a.Span))))
                misses.Add($"  extra {Show(extra)}");
            if (detail && misses.Count > 0) Console.WriteLine($"{c.Id}: {c.Text}\n{string.Join("\n", misses)}");
        }
        double Ratio(int n, int d) => d == 0 ? 0 : (double)n / d;
        double precision = Ratio(exact, found), recall = Ratio(exact, gold);
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        Console.WriteLine($"actors {language}: {cases.Count} cases, {gold} annotated phrases, {found} found");
        Console.WriteLine($"  span exact: P {precision:0.000} R {recall:0.000} F1 {f1:0.000}; overlapped {overlapping}/{gold}");
        Console.WriteLine($"  of the overlapped: country {Ratio(country, overlapping):0.000}  kind {Ratio(kind, overlapping):0.000}  code {Ratio(code, overlapping):0.000}");
        Console.WriteLine($"  all right (exact span, country, kind, code): {allRight}/{gold} = {Ratio(allRight, gold):0.000}");
        Console.WriteLine($"  actor stage: {StageMicroseconds(pipeline, documents):0.0} µs of thread CPU time per case ({ThreadCpuClock.Kind}, best of 7 passes)");
    }

    /// <summary>
    /// How many sides of the gold set's events (<c>sides</c>: one regex per side, matched as the gold scorer
    /// matches actors, against every string of an actor) some actor of the document can fill: an upper bound
    /// on what the event stage can get right for its actors.
    /// </summary>
    private static int GoldSides(DocumentPipeline pipeline, string goldPath, bool detail)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(goldPath))!;
        int sides = 0, covered = 0;
        foreach (var doc in System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(goldPath))!["docs"]!.AsArray().Select(d => d!))
        {
            var file = doc["file"]!.GetValue<string>();
            var document = new Document(file, ContentKind.ScrapedText, File.ReadAllText(Path.Combine(folder, file)))
            {
                Published = Ingest.PublicationDate.Normalise(doc["published"]!.GetValue<string>()),
            };
            pipeline.Process(document);
            var blobs = document.Actors.Select(a => GoldBenchmark.Norm(string.Join(" | ", new[] { a.Text, a.Name, a.Country, a.Kind, a.Code }.OfType<string>()))).ToList();
            foreach (var side in (doc["events"]?.AsArray() ?? []).SelectMany(e => e!["sides"]?.AsArray() ?? []).Select(s => s!.GetValue<string>()))
            {
                sides++;
                var pattern = GoldBenchmark.Rx(side);
                if (blobs.Any(pattern.IsMatch)) covered++;
                else if (detail && EventScoring.Studied(file)) Console.WriteLine($"  {file}: no actor for side /{side}/");   // held-out sides stay unlisted
            }
        }
        Console.WriteLine($"actors on {goldPath}: {covered}/{sides} event sides ({(sides == 0 ? 0 : (double)covered / sides):0.000}) matched by some actor of their document");
        return 0;
    }

    /// <summary>The actor stage alone, re-run on documents that went through the pipeline once: CPU time per document.</summary>
    private static double StageMicroseconds(DocumentPipeline pipeline, List<Document> documents)
    {
        var stage = pipeline.Stages.OfType<ActorStage>().Single();
        var best = long.MaxValue;
        for (var pass = 0; pass < 10; pass++)
        {
            var start = ThreadCpuClock.Now();
            foreach (var document in documents) stage.Process(document);
            if (pass >= 3) best = Math.Min(best, ThreadCpuClock.Now() - start);
        }
        return best / 1e3 / documents.Count;
    }

    private static bool Overlaps(string text, string goldText, TextSpan span)
    {
        for (var at = text.IndexOf(goldText, StringComparison.Ordinal); at >= 0; at = text.IndexOf(goldText, at + 1, StringComparison.Ordinal))
            if (at < span.End && span.Start < at + goldText.Length) return true;
        return false;
    }

    private static Document Process(DocumentPipeline pipeline, string id, string text, string language, string? published)
    {
        var document = new Document(id, ContentKind.Body, text) { GivenLanguage = language, Published = published };
        pipeline.Process(document);
        return document;
    }

    private static string Show(ActorMention actor) =>
        $"'{actor.Text}' → {actor.Name} | {actor.Country} {actor.Kind} {actor.Code}{(actor.Entity is { } e ? $" (entity {e})" : "")}";
}
