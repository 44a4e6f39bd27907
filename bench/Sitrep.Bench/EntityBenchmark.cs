using System.Diagnostics;
using System.Text;
using Sitrep.Entities;
using Sitrep.Ingest;
using Sitrep.Language;
using Sitrep.Pipeline;

namespace Sitrep.Bench;

/// <summary>
/// Entities: precision, recall and F1 per type on the team's annotated paragraphs
/// (<c>bench/entities/sitrep/{fr,en}.txt</c>, exact span and type, and overlapping span with the same
/// type), the same on the OCR'd Europeana French newspapers (BIO; a rough signal), and the speed of the
/// language layer (normalise → language → sentences → times → entities) on ~600-word articles.
/// </summary>
internal static class EntityBenchmark
{
    public static int Run(string sharedBench, string corpus, string samples, bool detail)
    {
        var resources = LanguageResources.Default;
        var layer = new DocumentPipeline(DocumentPipeline.CreateDefault(resources).Stages.Where(s => s.Name != "fingerprint").ToList());

        foreach (var language in new[] { "fr", "en" })
        {
            var file = Path.Combine(corpus, language + ".txt");
            if (!File.Exists(file))
            {
                Console.WriteLine($"entities: {file} not found (--corpus DIR)");
                continue;
            }
            var paragraphs = AnnotatedParagraph.Read(file);
            var score = new EntityScore();
            foreach (var paragraph in paragraphs)
            {
                var document = new Document(paragraph.Id, ContentKind.Body, paragraph.Text) { GivenLanguage = language, Published = paragraph.Published };
                layer.Process(document);
                if (document.Text != paragraph.Text) Console.WriteLine($"entities: {paragraph.Id}: the text changed in normalisation; offsets may be off");
                score.Add(paragraph.Entities, document.Entities.Select(e => new Span(e.Type.ToString(), e.Start, e.End, e.Canonical)).ToList(),
                    detail ? paragraph.Id + ": " : null, document.Text);
            }
            Console.WriteLine($"entities: team corpus {language} ({paragraphs.Count} paragraphs, {paragraphs.Sum(p => p.Entities.Count)} entities, {file})");
            score.Print();
        }

        var europeana = Path.Combine(sharedBench, "entities", "europeana-fr", "enp_FR.bnf.bio");
        if (File.Exists(europeana))
        {
            var documents = BioDocument.Read(europeana, 300);
            var score = new EntityScore();
            foreach (var bio in documents)
            {
                var document = new Document(bio.Id, ContentKind.Body, bio.Text) { GivenLanguage = "fr" };
                layer.Process(document);
                // Europeana has no GROUP or MISC: armed groups count as organisations, MISC is left out.
                score.Add(bio.Entities, document.Entities.Where(e => e.Type != EntityType.MISC)
                    .Select(e => new Span(e.Type == EntityType.GROUP ? "ORG" : e.Type.ToString(), e.Start, e.End, e.Canonical)).ToList(), null, document.Text);
            }
            if (detail) score.PrintFrequentErrors(40);
            Console.WriteLine($"entities: europeana-fr (OCR'd 1906-era newspapers, {documents.Count} chunks of ~300 tokens, {documents.Sum(d => d.Entities.Count)} entities; PER/LOC/ORG; a rough signal)");
            score.Print();
        }

        Speed(resources, layer, samples);
        return 0;
    }

    /// <summary>Documents per second on one thread through the language layer, with and without the entity stage.</summary>
    private static void Speed(LanguageResources resources, DocumentPipeline layer, string samplesFolder)
    {
        // The samples' main texts, cut and joined into articles of about 600 words.
        var full = DocumentPipeline.CreateDefault(resources);
        var texts = new List<(string Text, string Language)>();
        foreach (var item in new InputReader().Read([samplesFolder]))
        {
            if (item.Document is not { } document) continue;
            full.Process(document);
            if (document.Language is "fr" or "en") texts.Add((document.Text, document.Language));
        }
        if (texts.Count == 0)
        {
            Console.WriteLine($"entities: no sample texts in {samplesFolder} (--samples DIR)");
            return;
        }
        var articles = new List<(string Text, string Language)>();
        foreach (var group in texts.GroupBy(t => t.Language))
        {
            var paragraphs = group.SelectMany(t => t.Text.Split("\n\n")).ToList();
            for (var start = 0; start < paragraphs.Count; start++)
            {
                var builder = new StringBuilder();
                var words = 0;
                for (var i = start; words < 600; i = (i + 1) % paragraphs.Count)
                {
                    if (builder.Length > 0) builder.Append("\n\n");
                    builder.Append(paragraphs[i]);
                    words += paragraphs[i].Split(' ').Length;
                }
                articles.Add((builder.ToString(), group.Key));
            }
        }
        var withoutEntities = new DocumentPipeline(layer.Stages.Where(s => s.Name != "entities").ToList());
        var entityStage = layer.Stages.First(s => s.Name == "entities");
        var averageWords = articles.Average(a => a.Text.Split(' ', '\n').Count(w => w.Length > 0));
        // The entity stage alone runs on documents the stages before it already prepared.
        var prepared = articles.Select((a, i) => new Document("a" + i, ContentKind.Body, a.Text)).ToList();
        foreach (var document in prepared) withoutEntities.Process(document);
        double EntitiesOnly()
        {
            var clock = Stopwatch.StartNew();
            foreach (var document in prepared) entityStage.Process(document);
            return prepared.Count / clock.Elapsed.TotalSeconds;
        }
        for (var warm = 0; warm < 5; warm++) { Time(layer, articles); EntitiesOnly(); }
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var all = Median(() => Time(layer, articles));
        process.Refresh();
        var allCpu = 5 * articles.Count / (process.TotalProcessorTime - cpu).TotalSeconds;
        var without = Median(() => Time(withoutEntities, articles));
        process.Refresh();
        cpu = process.TotalProcessorTime;
        var entityOnly = Median(EntitiesOnly);
        process.Refresh();
        var entityCpu = 5 * prepared.Count / (process.TotalProcessorTime - cpu).TotalSeconds;
        Console.WriteLine($"entities: speed on {articles.Count} articles of {averageWords:0} words on average (fr and en samples), one thread, median of 5 runs (process CPU time in brackets):");
        Console.WriteLine($"  language layer (normalise, language, sentences, times, entities): {all:0} docs/s ({allCpu:0} docs per CPU-second)");
        Console.WriteLine($"  the same without entities: {without:0} docs/s");
        Console.WriteLine($"  the entity stage alone: {entityOnly:0} docs/s ({entityCpu:0} docs per CPU-second)");
    }

    private static double Time(DocumentPipeline pipeline, List<(string Text, string Language)> articles)
    {
        var documents = articles.Select((a, i) => new Document("a" + i, ContentKind.Body, a.Text)).ToList();
        var clock = Stopwatch.StartNew();
        foreach (var document in documents) pipeline.Process(document);
        return documents.Count / clock.Elapsed.TotalSeconds;
    }

    private static double Median(Func<double> measure)
    {
        var runs = Enumerable.Range(0, 5).Select(_ => measure()).Order().ToArray();
        return runs[2];
    }
}

/// <summary>An entity span: gold or found.</summary>
internal sealed record Span(string Type, int Start, int End, string? Canonical);

/// <summary>Counts per type for exact (same span and type) and lenient (overlapping span, same type) matching.</summary>
internal sealed class EntityScore
{
    private readonly SortedDictionary<string, int[]> _counts = new(StringComparer.Ordinal); // exact tp, fp, fn; lenient tp, fp, fn
    private int _canonicalChecked, _canonicalAgreed;
    private readonly Dictionary<string, int> _errors = new(StringComparer.Ordinal);

    private void Count(string error) => _errors[error] = _errors.GetValueOrDefault(error) + 1;

    /// <summary>The errors seen most often, to see which rule or list to fix.</summary>
    public void PrintFrequentErrors(int count)
    {
        foreach (var (error, n) in _errors.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Take(count))
            Console.WriteLine($"    {n,5} {error}");
    }

    public void Add(IReadOnlyList<Span> gold, IReadOnlyList<Span> found, string? detailPrefix, string text)
    {
        foreach (var type in gold.Select(g => g.Type).Concat(found.Select(f => f.Type)).Distinct())
            if (!_counts.ContainsKey(type)) _counts[type] = new int[6];
        var exactGold = new HashSet<Span>(gold);
        foreach (var f in found)
        {
            var hit = gold.FirstOrDefault(g => g.Type == f.Type && g.Start == f.Start && g.End == f.End);
            if (hit is not null)
            {
                _counts[f.Type][0]++;
                exactGold.Remove(hit);
                if (hit.Canonical is not null)
                {
                    _canonicalChecked++;
                    if (string.Equals(hit.Canonical, f.Canonical, StringComparison.OrdinalIgnoreCase)) _canonicalAgreed++;
                    else if (detailPrefix is not null) Console.WriteLine($"    {detailPrefix}canonical {f.Canonical} for {text[f.Start..f.End]}, expected {hit.Canonical}");
                }
            }
            else
            {
                _counts[f.Type][1]++;
                var overlapping = gold.FirstOrDefault(g => g.Start < f.End && f.Start < g.End);
                Count($"extra {f.Type} '{text[f.Start..f.End]}'" + (overlapping is null ? "" : $" (gold {overlapping.Type} '{text[overlapping.Start..overlapping.End]}')"));
                if (detailPrefix is not null) Console.WriteLine($"    {detailPrefix}extra {f.Type} '{text[f.Start..f.End]}'");
            }
        }
        foreach (var g in exactGold)
        {
            _counts[g.Type][2]++;
            if (!found.Any(f => f.Start < g.End && g.Start < f.End)) Count($"missed {g.Type} '{text[g.Start..g.End]}'");
            if (detailPrefix is not null) Console.WriteLine($"    {detailPrefix}missed {g.Type} '{text[g.Start..g.End]}'" +
                (found.FirstOrDefault(f => f.Start < g.End && g.Start < f.End) is { } near ? $" (found {near.Type} '{text[near.Start..near.End]}')" : ""));
        }
        // Lenient: each gold span pairs with at most one overlapping found span of its type.
        var used = new bool[found.Count];
        foreach (var g in gold)
        {
            var index = -1;
            for (var i = 0; i < found.Count; i++)
                if (!used[i] && found[i].Type == g.Type && found[i].Start < g.End && g.Start < found[i].End) { index = i; break; }
            if (index >= 0) { used[index] = true; _counts[g.Type][3]++; }
            else _counts[g.Type][5]++;
        }
        for (var i = 0; i < found.Count; i++)
            if (!used[i]) _counts[found[i].Type][4]++;
    }

    public void Print()
    {
        var total = new int[6];
        foreach (var (type, c) in _counts)
        {
            Console.WriteLine($"  {type,-7} exact {Prf(c[0], c[1], c[2])}   overlap {Prf(c[3], c[4], c[5])}");
            for (var i = 0; i < 6; i++) total[i] += c[i];
        }
        Console.WriteLine($"  {"all",-7} exact {Prf(total[0], total[1], total[2])}   overlap {Prf(total[3], total[4], total[5])}");
        if (_canonicalChecked > 0)
            Console.WriteLine($"  canonical names agree on {_canonicalAgreed}/{_canonicalChecked} exact matches with a gold canonical name");
    }

    private static string Prf(int tp, int fp, int fn)
    {
        var p = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var r = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var f = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return $"P={p:F3} R={r:F3} F1={f:F3} (tp={tp} fp={fp} fn={fn})";
    }
}

/// <summary>
/// One paragraph of the team's annotated corpus: a line <c># id YYYY-MM-DD</c>, then lines joined with
/// one space, entities inline as <c>[TYPE surface]</c> or <c>[TYPE surface|canonical]</c>, <c>\[</c> and
/// <c>\]</c> for literal brackets.
/// </summary>
internal sealed record AnnotatedParagraph(string Id, string? Published, string Text, IReadOnlyList<Span> Entities)
{
    private static readonly HashSet<string> Types = ["PERSON", "ORG", "LOC", "GROUP", "MISC"];

    public static List<AnnotatedParagraph> Read(string path)
    {
        var paragraphs = new List<AnnotatedParagraph>();
        string? id = null, published = null;
        var lines = new List<string>();
        void Flush()
        {
            if (id is not null && lines.Count > 0) paragraphs.Add(Parse(id, published, string.Join(' ', lines), path));
            lines.Clear();
        }
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            if (line.StartsWith("# ", StringComparison.Ordinal))
            {
                Flush();
                var parts = line[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                id = parts.Length > 0 ? parts[0] : "?";
                published = parts.Length > 1 ? parts[1] : null;
            }
            else if (line.Length > 0 && !line.StartsWith('#')) lines.Add(line);
        }
        Flush();
        return paragraphs;
    }

    private static AnnotatedParagraph Parse(string id, string? published, string annotated, string path)
    {
        var text = new StringBuilder();
        var entities = new List<Span>();
        for (var i = 0; i < annotated.Length; i++)
        {
            var c = annotated[i];
            if (c == '\\' && i + 1 < annotated.Length && annotated[i + 1] is '[' or ']')
            {
                text.Append(annotated[++i]);
                continue;
            }
            if (c == '[')
            {
                var space = annotated.IndexOf(' ', i);
                var close = annotated.IndexOf(']', i);
                if (space > 0 && close > space && Types.Contains(annotated[(i + 1)..space]))
                {
                    var type = annotated[(i + 1)..space];
                    var inner = annotated[(space + 1)..close];
                    var bar = inner.IndexOf('|');
                    var surface = bar >= 0 ? inner[..bar] : inner;
                    var start = text.Length;
                    text.Append(surface);
                    entities.Add(new Span(type, start, text.Length, bar >= 0 ? inner[(bar + 1)..] : null));
                    i = close;
                    continue;
                }
                Console.Error.WriteLine($"entities: {path}: {id}: '[' without a type at column {i}; read as text");
            }
            text.Append(c);
        }
        return new AnnotatedParagraph(id, published, text.ToString(), entities);
    }
}

/// <summary>Europeana's BIO file (one "token TAG" a line, I-PER/I-LOC/I-ORG, no sentence breaks) cut into chunks of about N tokens.</summary>
internal sealed record BioDocument(string Id, string Text, IReadOnlyList<Span> Entities)
{
    public static List<BioDocument> Read(string path, int tokensPerDocument)
    {
        var documents = new List<BioDocument>();
        var text = new StringBuilder();
        var entities = new List<Span>();
        string? openType = null;
        int openStart = 0, openEnd = 0, count = 0;
        string? previous = null;
        void Close()
        {
            if (openType is not null) entities.Add(new Span(openType, openStart, openEnd, null));
            openType = null;
        }
        void Flush()
        {
            Close();
            if (text.Length > 0) documents.Add(new BioDocument($"europeana#{documents.Count}", text.ToString(), [.. entities]));
            text.Clear();
            entities.Clear();
            count = 0;
            previous = null;
        }
        foreach (var line in File.ReadLines(path))
        {
            var split = line.LastIndexOf(' ');
            if (split <= 0) continue;
            var token = line[..split].Trim();
            var tag = line[(split + 1)..].Trim();
            if (token.Length == 0) continue;
            // Plain detokenisation: no space before closing punctuation or after an elided article.
            var glue = previous is null || token is "," or "." or ")" or ";" or ":" or "!" or "?" || previous.EndsWith('\'') || previous == "(";
            if (!glue) text.Append(' ');
            var start = text.Length;
            text.Append(token);
            var type = tag switch { "I-PER" or "B-PER" => "PERSON", "I-LOC" or "B-LOC" => "LOC", "I-ORG" or "B-ORG" => "ORG", _ => null };
            if (type is null || type != openType || tag.StartsWith("B-", StringComparison.Ordinal)) Close();
            if (type is not null)
            {
                if (openType is null) { openType = type; openStart = start; }
                openEnd = text.Length;
            }
            previous = token;
            count++;
            if (count >= tokensPerDocument && token == "." && openType is null) Flush();
        }
        Flush();
        return documents;
    }
}
