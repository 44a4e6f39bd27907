#:project ../../src/Sitrep/Sitrep.csproj
#:property PublishAot=false
// Accuracy on the test cases and single-thread speed of the language identifier.
// Run: dotnet run -c Release tools/langid/Evaluate.cs -- <repo root>
using System.Diagnostics;
using System.Text.Json;
using Sitrep.Language;

var root = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
var identifier = LanguageIdentifier.Load(Path.Combine(root, "lang"));
var options = new JsonSerializerOptions { PropertyNameCaseInsensitive = true };
var cases = new List<Case>();
foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "tests", "Sitrep.Tests", "Specs", "langid"), "*.json").Order(StringComparer.Ordinal))
    cases.AddRange(JsonSerializer.Deserialize<List<Case>>(File.ReadAllText(file), options)!);

var correct = 0;
var confident = 0;
foreach (var c in cases)
{
    var guess = identifier.Identify(c.Text, c.Hint);
    if (guess.Language == c.Language) correct++;
    if (guess.IsConfident) confident++;
    var mark = guess.Language == c.Language ? "  " : "XX";
    if (guess.Language != c.Language || args.Contains("-v"))
        Console.WriteLine($"{mark} want {c.Language} got {guess.Language} {guess.Confidence:F2} {(guess.IsConfident ? "confident" : "unsure")}  {c.Note} {c.Text.Replace('\n', ' ')[..Math.Min(70, c.Text.Length)]}");
}
// The hint must only break near-ties: a wrong declared language should rarely change the answer.
var flipped = 0;
var tried = 0;
foreach (var c in cases.Where(c => c.Hint is null && c.Language != "und"))
    foreach (var hint in identifier.Languages.Where(l => l != c.Language))
    {
        tried++;
        if (identifier.Identify(c.Text, hint).Language != c.Language)
        {
            flipped++;
            if (args.Contains("-v")) Console.WriteLine($"   hint {hint} flips {c.Language}: {c.Text.Replace('\n', ' ')[..Math.Min(70, c.Text.Length)]}");
        }
    }
Console.WriteLine($"wrong hints: {flipped}/{tried} answers changed");
Console.WriteLine($"accuracy {correct}/{cases.Count} ({100.0 * correct / cases.Count:F1}%), confident on {confident}");

var paragraphs = cases.Select(c => c.Text).Where(t => t.Length > 0).ToArray();
for (var i = 0; i < 20000; i++) identifier.Identify(paragraphs[i % paragraphs.Length]);
var before = GC.GetAllocatedBytesForCurrentThread();
var watch = Stopwatch.StartNew();
long calls = 0, chars = 0;
while (watch.ElapsedMilliseconds < 2000)
{
    foreach (var p in paragraphs) { identifier.Identify(p); chars += p.Length; }
    calls += paragraphs.Length;
}
watch.Stop();
Console.WriteLine($"speed {calls / watch.Elapsed.TotalSeconds:N0} paragraphs/s on one thread (average {chars / calls} chars), {(GC.GetAllocatedBytesForCurrentThread() - before) / (double)calls:F1} bytes/call");

record Case(string Text, string Language, string? Hint = null, string? Note = null, bool? Confident = null);
