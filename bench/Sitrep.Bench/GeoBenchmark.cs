using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sitrep.Geo;
using Sitrep.Language;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// <c>geocode</c>: resolves the toponyms of the team-written sets <c>bench/geo/toponyms-{fr,en}.jsonl</c>
/// (mentions given, as entity recognition would give them) and scores exact places and places
/// within 50 km; measures gazetteer load time, memory, file size and candidate lookups per second.
/// </summary>
internal static class GeoBenchmark
{
    private const double CloseKm = 50;

    public static int Run(string folder, bool detail)
    {
        var path = Gazetteer.DefaultPath();
        var before = GC.GetTotalMemory(true);
        // Wall-clock time suffers when the machine is shared; the process's CPU time much less.
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var gazetteer = Gazetteer.Load(path, Gazetteer.DefaultDataFolder());
        var loadSeconds = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var loadCpu = (process.TotalProcessorTime - cpu).TotalSeconds;
        var memory = GC.GetTotalMemory(true) - before;
        // A second load shows what is left once the loader's code is compiled (the CLI pays the first).
        watch.Restart();
        Gazetteer.Load(path, Gazetteer.DefaultDataFolder());
        var warmSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var records = 0;
        GazetteerFile.Read(path, _ => records++, _ => records++, _ => records++);
        var readSeconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        foreach (var place in gazetteer.Places) gazetteer.Keys.Key(place.Name);
        var keySeconds = watch.Elapsed.TotalSeconds;
        var resolver = new PlaceResolver(gazetteer, GeoCues.LoadAll(LanguageResources.DefaultRoot()));
        var pipeline = DocumentPipeline.CreateDefault(LanguageResources.Default);
        Console.WriteLine($"gazetteer {path}: {new FileInfo(path).Length / 1e6:F1} MB on disk, {gazetteer.Places.Count} places, {gazetteer.NameCount} names, " +
                          $"loaded in {loadSeconds:F2} s wall, {loadCpu:F2} s CPU ({warmSeconds:F2} s warm, of which reading the file {readSeconds:F2} s, name keys {keySeconds:F2} s), {memory / 1e6:F0} MB managed memory");
        // The transliteration skeletons are indexed on the first name that needs them, not at load.
        process.Refresh();
        cpu = process.TotalProcessorTime;
        watch.Restart();
        var skeletons = gazetteer.Skeletons.Count;
        process.Refresh();
        Console.WriteLine($"transliteration skeletons: {skeletons} built on first use in {watch.Elapsed.TotalSeconds:F2} s wall, {(process.TotalProcessorTime - cpu).TotalSeconds:F2} s CPU");

        var names = new List<string>();
        var resolved = new List<(Document Document, List<ToponymMention> Mentions)>();
        int total = 0, exact = 0, close = 0, precisionRight = 0, translitTotal = 0, translitExact = 0;
        foreach (var file in Directory.EnumerateFiles(folder, "*-??.jsonl").Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileNameWithoutExtension(file)[^2..];
            int fileTotal = 0, fileExact = 0, fileClose = 0;
            foreach (var (line, number) in File.ReadLines(file).Select((l, i) => (l, i + 1)).Where(p => p.l.Length > 0))
            {
                var record = JsonNode.Parse(line)!;
                var document = new Document($"{file}:{number}", ContentKind.Body, record["text"]!.GetValue<string>()) { GivenLanguage = language };
                pipeline.Process(document);
                var expected = record["toponyms"]!.AsArray().Select(t => t!).ToList();
                var mentions = expected.Select(t => new ToponymMention(t["text"]!.GetValue<string>(), new TextSpan(t["start"]!.GetValue<int>(), t["end"]!.GetValue<int>()))).ToList();
                names.AddRange(mentions.Select(m => m.Text));
                resolved.Add((document, mentions));
                var results = resolver.Resolve(document, mentions);
                for (var i = 0; i < expected.Count; i++)
                {
                    var want = expected[i];
                    var got = results[i];
                    var isExact = got?.Entry.Id == want["id"]!.GetValue<string>();
                    var isClose = got is not null && PlaceResolver.DistanceKm(got.Place.Lat, got.Place.Lon, want["lat"]!.GetValue<double>(), want["lon"]!.GetValue<double>()) <= CloseKm;
                    var wantPrecision = want["precision"]?.GetValue<int?>();
                    if (got?.GeoPrecision == wantPrecision) precisionRight++;
                    fileTotal++;
                    if (isExact) fileExact++;
                    if (isClose) fileClose++;
                    if (detail && gazetteer.Candidates(mentions[i].Text, language).Count == 0)
                        Console.WriteLine($"  by skeleton? {file}:{number} \"{mentions[i].Text}\" [{gazetteer.Skeletons.Skeleton(mentions[i].Text)}]: {(isExact ? "right" : "WRONG")} {got?.Entry.Name} ({got?.Entry.Country})");
                    if (detail && !isExact)
                        Console.WriteLine($"  miss {file}:{number} \"{mentions[i].Text}\": want {want["id"]} ({want["name"]}), got {got?.Entry.Id ?? "nothing"} ({got?.Entry.Name}, {got?.Entry.Country}) {(isClose ? "within 50 km" : "")}");
                }
            }
            Console.WriteLine($"{Path.GetFileName(file)}: {fileTotal} toponyms, exact {fileExact / (double)fileTotal:P1}, within {CloseKm} km {fileClose / (double)fileTotal:P1}");
            total += fileTotal; exact += fileExact; close += fileClose;
            // The transliteration sets are harder, written to measure the skeleton fallback: they are summed apart.
            if (Path.GetFileName(file).StartsWith("translit-", StringComparison.Ordinal)) { translitTotal += fileTotal; translitExact += fileExact; }
        }
        Console.WriteLine($"all: {total} toponyms, exact {exact / (double)total:P1}, within {CloseKm} km {close / (double)total:P1}, precision (1/2/3/country) right {precisionRight / (double)total:P1}");
        if (translitTotal > 0)
            Console.WriteLine($"all but translit-*: {total - translitTotal} toponyms, exact {(exact - translitExact) / (double)(total - translitTotal):P1}; translit-*: {translitTotal} toponyms, exact {translitExact / (double)translitTotal:P1}");

        // Candidate retrieval alone: name key + index lookup, one thread.
        var lookups = 0;
        foreach (var name in names) gazetteer.Candidates(name);
        watch.Restart();
        while (watch.Elapsed.TotalSeconds < 2)
            foreach (var name in names) { gazetteer.Candidates(name, "fr"); lookups++; }
        Console.WriteLine($"candidate lookups: {lookups / watch.Elapsed.TotalSeconds:N0} per second on one thread");
        var toponyms = 0;
        watch.Restart();
        while (watch.Elapsed.TotalSeconds < 2)
            foreach (var (document, mentions) in resolved) { resolver.Resolve(document, mentions); toponyms += mentions.Count; }
        Console.WriteLine($"resolution (whole documents, cues, scoring): {toponyms / watch.Elapsed.TotalSeconds:N0} toponyms per second on one thread");
        return 0;
    }

    /// <summary>
    /// Turns a draft (text, then tab-separated "mention=id[/precision]", the n-th use of a mention
    /// text meaning its n-th occurrence) into the JSONL set, with offsets and coordinates from the gazetteer.
    /// </summary>
    public static int Annotate(string draft, string output)
    {
        var gazetteer = Gazetteer.Default;
        var byId = gazetteer.Places.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var lines = new List<string>();
        foreach (var row in File.ReadLines(draft).Where(l => l.Length > 0))
        {
            var fields = row.Split('\t');
            var text = fields[0];
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var toponyms = new JsonArray();
            foreach (var field in fields.Skip(1))
            {
                var (mention, rest) = (field[..field.LastIndexOf('=')], field[(field.LastIndexOf('=') + 1)..]);
                var slash = rest.IndexOf('/');
                var id = slash < 0 ? rest : rest[..slash];
                int? precision = slash < 0 ? (id.StartsWith("country:", StringComparison.Ordinal) ? null : 1) : int.Parse(rest[(slash + 1)..]);
                var nth = seen[mention] = seen.GetValueOrDefault(mention) + 1;
                var start = -1;
                for (var k = 0; k < nth; k++) start = text.IndexOf(mention, start + 1, StringComparison.Ordinal);
                if (start < 0 || !byId.TryGetValue(id, out var place))
                {
                    Console.Error.WriteLine($"annotate: \"{mention}\" ({id}) not found in: {text}");
                    return 1;
                }
                toponyms.Add(new JsonObject
                {
                    ["text"] = mention, ["start"] = start, ["end"] = start + mention.Length, ["id"] = id, ["geonames_id"] = place.GeonamesId,
                    ["name"] = place.Name, ["lat"] = place.Lat, ["lon"] = place.Lon, ["country"] = place.Country, ["precision"] = precision,
                });
            }
            lines.Add(new JsonObject { ["text"] = text, ["toponyms"] = toponyms }.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }
        File.WriteAllLines(output, lines);
        return 0;
    }
}
