using System.Text.Json;
using Sitrep.Claims;
using Sitrep.Ingest;
using Sitrep.Language;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// Claim frames on the team's annotated sentences in bench/claims/&lt;lang&gt;.jsonl (written apart from the
/// test specs): per field, sources (P/R/F1: a found source whose text holds the expected phrase, and its
/// canonical), hedged and modality (sentence accuracy: any frame hedged; the set of non-asserted
/// modalities), negated spans (P/R/F1: a negated span holding the expected phrase); and the stage's speed
/// on the main texts of samples/ in thread CPU time. The same for the -blind sets when present.
/// </summary>
internal static class ClaimsBenchmark
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };

    private sealed record ExpectedSource(string Text, string? Canonical);

    private sealed record Case(string Text, List<ExpectedSource>? Sources, bool Hedged, List<string>? Negated, List<string>? Modality);

    public static int Run(string casesFolder, string samplesFolder, bool detail, string? tryText, string tryLanguage, string? draftFile)
    {
        var pipeline = DocumentPipeline.CreateDefault(LanguageResources.Default);
        if (tryText is not null)
        {
            var document = Process(tryText, tryLanguage, pipeline);
            foreach (var frame in document.Claims) Console.WriteLine(Show(document, frame));
            return 0;
        }
        if (draftFile is not null) return Draft(draftFile, tryLanguage, pipeline);
        // <lang>.jsonl: the sentences the rules were tuned on; -blind: written later, first scored before any rule changed for them.
        foreach (var (language, set) in new[] { ("fr", ""), ("en", ""), ("fr", "-blind"), ("en", "-blind") })
        {
            var file = Path.Combine(casesFolder, language + set + ".jsonl");
            if (!File.Exists(file))
            {
                if (set.Length > 0) continue;
                Console.Error.WriteLine($"bench: {file} not found");
                return 2;
            }
            var cases = File.ReadLines(file).Where(l => l.Trim().Length > 0).Select(l => JsonSerializer.Deserialize<Case>(l, Options)!).ToList();
            int sourceFound = 0, sourceExpected = 0, sourceSpurious = 0, canonicalRight = 0, hedgedRight = 0, modalityRight = 0;
            int negFound = 0, negExpected = 0, negSpurious = 0;
            foreach (var c in cases)
            {
                var document = Process(c.Text, language, pipeline);
                var problems = new List<string>();
                var sources = document.Claims.SelectMany(f => f.Sources).DistinctBy(s => s.Span).ToList();
                var expectedSources = c.Sources ?? [];
                var matched = new HashSet<ClaimSource>();
                foreach (var want in expectedSources)
                {
                    sourceExpected++;
                    var got = sources.FirstOrDefault(s => !matched.Contains(s) && s.Text.Contains(want.Text, StringComparison.OrdinalIgnoreCase));
                    if (got is null) { problems.Add($"source missed: {want.Text}"); continue; }
                    matched.Add(got);
                    sourceFound++;
                    if (got.Canonical == want.Canonical) canonicalRight++;
                    else problems.Add($"canonical of {want.Text}: {got.Canonical ?? "null"} (want {want.Canonical ?? "null"})");
                }
                foreach (var extra in sources.Where(s => !matched.Contains(s)))
                {
                    sourceSpurious++;
                    problems.Add($"source spurious: {extra.Text}");
                }
                var hedged = document.Claims.Any(f => f.Hedged);
                if (hedged == c.Hedged) hedgedRight++;
                else problems.Add($"hedged: {hedged}");
                var negated = document.Claims.SelectMany(f => f.Negated).Select(s => document.Text[s.Start..s.End]).ToList();
                var usedNegated = new HashSet<int>();
                foreach (var want in c.Negated ?? [])
                {
                    negExpected++;
                    var at = negated.FindIndex(n => n.Contains(want, StringComparison.OrdinalIgnoreCase));
                    if (at >= 0) { negFound++; usedNegated.Add(at); }
                    else problems.Add($"negation missed: {want}");
                }
                for (var i = 0; i < negated.Count; i++)
                    if (!usedNegated.Contains(i)) { negSpurious++; problems.Add($"negation spurious: {negated[i]}"); }
                var modalities = document.Claims.Where(f => f.Modality != ClaimModality.Asserted).Select(f => f.Modality.ToString().ToLowerInvariant())
                    .Distinct().Order(StringComparer.Ordinal).ToList();
                var wantModalities = (c.Modality ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
                if (modalities.SequenceEqual(wantModalities)) modalityRight++;
                else problems.Add($"modality: [{string.Join(", ", modalities)}] (want [{string.Join(", ", wantModalities)}])");
                if (detail && problems.Count > 0)
                {
                    Console.WriteLine($"  {language}: {c.Text}");
                    foreach (var problem in problems) Console.WriteLine($"    {problem}");
                }
            }
            Console.WriteLine($"claims {language}{set} ({cases.Count} sentences): sources {Prf(sourceFound, sourceExpected, sourceSpurious)}, canonical {canonicalRight}/{sourceFound}; " +
                              $"hedged {Accuracy(hedgedRight, cases.Count)}; negated spans {Prf(negFound, negExpected, negSpurious)}; modality {Accuracy(modalityRight, cases.Count)}");
        }
        return Speed(pipeline, samplesFolder);
    }

    /// <summary>The claim stage alone, over documents the rest of the pipeline has already processed: best of several passes.</summary>
    private static int Speed(DocumentPipeline pipeline, string samplesFolder)
    {
        var documents = new List<Document>();
        foreach (var item in new InputReader().Read([samplesFolder]))
            if (item.Document is { } document)
            {
                pipeline.Process(document);
                documents.Add(document);
            }
        var stage = pipeline.Stages.OfType<ClaimStage>().Single();
        // What loading the cues costs a fresh process (regexes compiled at load).
        var loadWatch = System.Diagnostics.Stopwatch.StartNew();
        var loaded = ClaimResources.Load(LanguageResources.Default.Root, Sitrep.Entities.EntityResources.DataRootBeside(LanguageResources.Default.Root));
        Console.WriteLine($"claims load: {loaded.Grammars.Count} languages in {loadWatch.Elapsed.TotalMilliseconds:0} ms (again, in a warm process)");
        var sentences = documents.Sum(d => d.Sentences.Count);
        var best = long.MaxValue;
        for (var pass = 0; pass < 20; pass++)
        {
            var start = ThreadCpuClock.Now();
            foreach (var document in documents) stage.Process(document);
            best = Math.Min(best, ThreadCpuClock.Now() - start);
        }
        var seconds = best / 1e9;
        Console.WriteLine($"claims speed: {documents.Count} documents ({sentences} sentences) of {samplesFolder}: {sentences / seconds:0} sentences/s, " +
                          $"{documents.Count / seconds:0} documents/s on one thread (best of 20 passes, {ThreadCpuClock.Kind})");
        return 0;
    }

    /// <summary>Spec cases (tests/Sitrep.Tests/Specs/claims) as the stage reads each line of a text file now: a draft to correct by hand, never to copy blindly.</summary>
    private static int Draft(string file, string language, DocumentPipeline pipeline)
    {
        var cases = File.ReadLines(file).Where(l => l.Trim().Length > 0).Select(text =>
        {
            var document = Process(text, language, pipeline);
            return new
            {
                text,
                frames = document.Claims.Select(f => new
                {
                    text = document.Text[f.Span.Start..f.Span.End],
                    modality = f.Modality.ToString().ToLowerInvariant(),
                    hedged = f.Hedged,
                    sources = f.Sources.Select(s => new { text = s.Text, canonical = s.Canonical }),
                    negated = f.Negated.Select(n => document.Text[n.Start..n.End]),
                }),
            };
        });
        Console.WriteLine(JsonSerializer.Serialize(cases, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        return 0;
    }

    private static string Prf(int found, int expected, int spurious)
    {
        var precision = found + spurious == 0 ? 1 : (double)found / (found + spurious);
        var recall = expected == 0 ? 1 : (double)found / expected;
        var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return $"P={precision:0.000} R={recall:0.000} F1={f1:0.000} ({found}/{expected}, {spurious} spurious)";
    }

    private static string Accuracy(int right, int total) => $"{(double)right / total:0.000} ({right}/{total})";

    private static Document Process(string text, string language, DocumentPipeline pipeline)
    {
        var document = new Document("case", ContentKind.Body, text) { GivenLanguage = language, Published = "2024-03-07T10:00:00+01:00" };
        pipeline.Process(document);
        return document;
    }

    internal static string Show(Document document, ClaimFrame frame) =>
        $"[{frame.Sentence}] {frame.Modality.ToString().ToLowerInvariant()}{(frame.Hedged ? " hedged" : "")} «{document.Text[frame.Span.Start..frame.Span.End]}»" +
        string.Concat(frame.Sources.Select(s => $"\n    source: {s.Text} → {s.Canonical ?? "null"}")) +
        string.Concat(frame.Negated.Select(n => $"\n    negated: {document.Text[n.Start..n.End]}"));
}
