#:project ../../src/Sitrep/Sitrep.csproj
// Regenerates lang/<code>/langid-ngrams.tsv from tools/langid/corpus/<code>.txt, prose written for
// this project (no third-party text). Run: tools/langid/generate.sh
using Sitrep.Language;

var here = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
var corpusFolder = Path.Combine(here, "tools", "langid", "corpus");
var langFolder = Path.Combine(here, "lang");
foreach (var corpus in Directory.EnumerateFiles(corpusFolder, "*.txt").Order(StringComparer.Ordinal))
{
    var code = Path.GetFileNameWithoutExtension(corpus);
    var folder = Path.Combine(langFolder, code);
    if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: no language folder for corpus {corpus}");
    var profile = NgramProfileBuilder.Build(File.ReadAllText(corpus), $"tools/langid/corpus/{code}.txt");
    File.WriteAllText(Path.Combine(folder, "langid-ngrams.tsv"), profile);
    Console.WriteLine($"{code}: {profile.Count(c => c == '\n')} lines");
}
