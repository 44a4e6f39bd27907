using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sitrep.Export;
using Sitrep.Ingest;
using Sitrep.Language;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// Whole records against the team's annotated gold set (<c>bench/gold/sitrep</c>), scored as
/// <c>../shared/tools/score_gold.py</c> scores them (text snippets, title, entities minus
/// boilerplate entities, geocoded places), in process, so that the quality gate needs no Python
/// and no <c>../shared</c>. Events are scored by <see cref="EventScoring"/>, tuned and held-out documents apart.
/// </summary>
internal static class GoldBenchmark
{
    public sealed record Scores(double Text, double Title, double Entities, double Places)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"text={Text:F3} title={Title:F3} entities={Entities:F3} places={Places:F3}");
    }

    /// <summary>Prints the scores; with floors (bench/floors.json: gold_text, gold_title, gold_entities, gold_places, gold_events_f1), fails below any.</summary>
    public static int Run(string goldPath, bool detail, string? floorsPath)
    {
        var events = new EventScoring();
        var scores = Score(goldPath, detail, events);
        events.Print();
        Console.WriteLine($"gold {goldPath}: {scores}");
        if (floorsPath is null) return 0;
        using var floors = JsonDocument.Parse(File.ReadAllText(floorsPath));
        var failed = false;
        foreach (var (name, value) in new[] { ("text", scores.Text), ("title", scores.Title), ("entities", scores.Entities), ("places", scores.Places) })
        {
            var floor = floors.RootElement.GetProperty("gold_" + name).GetDouble();
            if (value >= floor) continue;
            Console.Error.WriteLine($"gate: FAILED: gold-set {name} {value:F3} is below the floor {floor:F3} pinned in {floorsPath}");
            failed = true;
        }
        if (floors.RootElement.TryGetProperty("gold_events_f1", out var eventsFloor) && events.F1 < eventsFloor.GetDouble())
        {
            Console.Error.WriteLine($"gate: FAILED: gold-set events F1 {events.F1:F3} is below the floor {eventsFloor.GetDouble():F3} pinned in {floorsPath}");
            failed = true;
        }
        if (!failed) Console.WriteLine("gate: ok (gold-set floors)");
        return failed ? 1 : 0;
    }

    public static Scores Score(string goldPath, bool detail, EventScoring? events = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(goldPath))!;
        var gold = JsonNode.Parse(File.ReadAllText(goldPath))!["docs"]!.AsArray();
        var pipeline = DocumentPipeline.CreateDefault(LanguageResources.Default);
        int textHit = 0, textAll = 0, titleHit = 0, entityHit = 0, entityAll = 0, entityBad = 0, placeHit = 0, placeAll = 0;
        foreach (var doc in gold.Select(d => d!))
        {
            var file = doc["file"]!.GetValue<string>();
            var document = new Document(file, ContentKind.ScrapedText, File.ReadAllText(Path.Combine(folder, file)))
            {
                Url = doc["url"]?.GetValue<string>(),
                Published = PublicationDate.Normalise(doc["published"]!.GetValue<string>()),
            };
            pipeline.Process(document);
            var record = JsonNode.Parse(DocumentRecord.ToJson(document))!;
            events?.Add(file, record, doc, detail, n => n is null ? "" : Blob(n), Norm);
            // Held-out documents keep all their misses unlisted, not only their events'.
            var listMisses = detail && EventScoring.Studied(file);
            var text = Norm(document.Text);
            foreach (var snippet in Strings(doc["text_with"]))
            {
                textAll++;
                if (text.Contains(Norm(snippet), StringComparison.Ordinal)) textHit++;
                else if (listMisses) Console.WriteLine($"  {file}: missing body: {snippet}");
            }
            foreach (var snippet in Strings(doc["text_without"]))
            {
                textAll++;
                if (!text.Contains(Norm(snippet), StringComparison.Ordinal)) textHit++;
                else if (listMisses) Console.WriteLine($"  {file}: kept boilerplate: {snippet}");
            }
            if (Rx(doc["title_re"]!.GetValue<string>()).IsMatch(Norm(document.Title ?? ""))) titleHit++;
            else if (listMisses) Console.WriteLine($"  {file}: title {document.Title}");
            var entities = record["entities"]!.AsArray().Select(e => e!).ToList();
            foreach (var want in (doc["entities"]?.AsArray() ?? []).Select(e => e!))
            {
                entityAll++;
                var type = want["type"]!.GetValue<string>();
                var pattern = Rx(want["re"]!.GetValue<string>());
                if (entities.Any(e => TypeOk(e["type"]!.GetValue<string>(), type) && pattern.IsMatch(Norm(Blob(e))))) entityHit++;
                else if (listMisses) Console.WriteLine($"  {file}: missing entity {type} {want["re"]}");
            }
            foreach (var bad in Strings(doc["entities_not"]))
                if (entities.Any(e => Norm(Blob(e)).Contains(Norm(bad), StringComparison.Ordinal)))
                {
                    entityBad++;
                    if (listMisses) Console.WriteLine($"  {file}: entity from boilerplate: {bad}");
                }
            var located = entities.Where(e => e["place"] is JsonObject).ToList();
            foreach (var want in (doc["places"]?.AsArray() ?? []).Select(p => p!))
            {
                placeAll++;
                var pattern = Rx(want["re"]!.GetValue<string>());
                double lat = want["lat"]!.GetValue<double>(), lon = want["lon"]!.GetValue<double>(), tolerance = want["tol_km"]!.GetValue<double>();
                if (located.Any(e => pattern.IsMatch(Norm(Blob(e))) && Km(e["place"]!["lat"]!.GetValue<double>(), e["place"]!["lon"]!.GetValue<double>(), lat, lon) <= tolerance))
                    placeHit++;
                else if (listMisses) Console.WriteLine($"  {file}: place not found/geocoded: {want["re"]}");
            }
        }
        return new Scores(Ratio(textHit, textAll), Ratio(titleHit, gold.Count), Ratio(Math.Max(0, entityHit - entityBad), entityAll), Ratio(placeHit, placeAll));
    }

    private static double Ratio(int part, int all) => all == 0 ? 0 : Math.Round((double)part / all, 3);

    private static IEnumerable<string> Strings(JsonNode? array) => (array?.AsArray() ?? []).Select(s => s!.GetValue<string>());

    internal static Regex Rx(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    private static bool TypeOk(string found, string wanted) =>
        wanted is "ORG" or "GROUP" ? found.StartsWith("ORG", StringComparison.Ordinal) || found.StartsWith("GROUP", StringComparison.Ordinal)
            : found.StartsWith(wanted[..3], StringComparison.Ordinal);

    /// <summary>As the Python scorer: NFC, typographic quotes and spaces made plain, spaces collapsed, lower case.</summary>
    internal static string Norm(string s)
    {
        s = s.Normalize(NormalizationForm.FormC).Replace('\u2019', '\'').Replace('\u2018', '\'').Replace('\u00a0', ' ').Replace('\u202f', ' ')
            .Replace('\u201c', '"').Replace('\u201d', '"');
        return Regex.Replace(s, @"\s+", " ").Trim().ToLowerInvariant();
    }

    /// <summary>Every string and number inside a JSON value, joined with " | " (the scorer's regexes match against it).</summary>
    private static string Blob(JsonNode node)
    {
        var parts = new List<string>();
        void Walk(JsonNode? n)
        {
            switch (n)
            {
                case JsonObject o: foreach (var (_, v) in o) Walk(v); break;
                case JsonArray a: foreach (var v in a) Walk(v); break;
                case JsonValue v when v.GetValueKind() == JsonValueKind.String: parts.Add(v.GetValue<string>()); break;
                case JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False: parts.Add(v.ToJsonString()); break;
            }
        }
        Walk(node);
        return string.Join(" | ", parts);
    }

    private static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        const double p = Math.PI / 180;
        var a = Math.Pow(Math.Sin((lat2 - lat1) * p / 2), 2) + Math.Cos(lat1 * p) * Math.Cos(lat2 * p) * Math.Pow(Math.Sin((lon2 - lon1) * p / 2), 2);
        return 12742 * Math.Asin(Math.Sqrt(a));
    }
}
