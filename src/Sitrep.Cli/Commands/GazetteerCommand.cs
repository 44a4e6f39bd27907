using System.CommandLine;
using System.Globalization;
using Sitrep.Geo;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep gazetteer import|lookup</c>: build a gazetteer from GeoNames dumps; look names up in one.</summary>
internal static class GazetteerCommand
{
    public static Command Create()
    {
        var command = new Command("gazetteer", $"Build a gazetteer from GeoNames dumps, or look place names up. The gazetteer used is ${Gazetteer.PathVariable} when set, else the default shipped in data/gazetteer/.");
        command.Subcommands.Add(Import());
        command.Subcommands.Add(Lookup());
        return command;
    }

    private static Option<string?> GazetteerPath() => new("--gazetteer")
    {
        Description = $"Gazetteer file to use (default: ${Gazetteer.PathVariable}, else the one shipped in data/gazetteer/).",
        HelpName = "PATH",
    };

    private static Command Import()
    {
        var inputs = new Argument<string[]>("FILE")
        {
            Description = "GeoNames dumps: allCountries.txt, cities500.txt, cities1000.txt or a country file; optionally alternateNamesV2.txt, admin1CodesASCII.txt, countryInfo.txt (recognised by name).",
            Arity = ArgumentArity.OneOrMore,
        };
        var output = new Option<string>("--out", "-o") { Description = "Gazetteer file to write (gzipped TSV).", DefaultValueFactory = _ => "gazetteer.tsv.gz", HelpName = "PATH" };
        var command = new Command("import", "Build a gazetteer file from GeoNames dumps, streaming; bad lines are reported and skipped. Use it with --gazetteer PATH or $" + Gazetteer.PathVariable + ".") { inputs, output };
        command.SetAction(parse =>
        {
            var files = parse.GetValue(inputs)!;
            var missing = files.Where(f => !File.Exists(f)).ToList();
            foreach (var file in missing) Reporter.Fail($"{file}: file not found");
            if (missing.Count > 0) return 1;
            var summary = GeoNamesImporter.Load(Path.Combine(Gazetteer.DefaultDataFolder(), "import.yaml")).Import(files, parse.GetValue(output)!, Console.Error);
            Console.Error.WriteLine($"sitrep: {parse.GetValue(output)}: {summary.Places} places, {summary.Countries} countries, {summary.Admin1} divisions, {summary.AlternateNames} alternate names; {summary.BadLines} bad lines skipped");
            return summary.BadLines > 0 ? 1 : 0;
        });
        return command;
    }

    private static Command Lookup()
    {
        var names = new Argument<string[]>("NAME") { Description = "Place names, as written in the news.", Arity = ArgumentArity.OneOrMore };
        var language = new Option<string?>("--language", "-l") { Description = "Language of the names (fr, en): some exonyms hold in one language only.", HelpName = "CODE" };
        var path = GazetteerPath();
        var command = new Command("lookup", "Print the gazetteer's candidates for each name (tab-separated: name, key, id, GeoNames name, country, admin1, feature, population, lat, lon).") { names, language, path };
        command.SetAction(parse =>
        {
            var gazetteer = parse.GetValue(path) is { } file ? Gazetteer.Load(file, Gazetteer.DefaultDataFolder()) : Gazetteer.Default;
            foreach (var name in parse.GetValue(names)!)
            {
                var candidates = gazetteer.Candidates(name, parse.GetValue(language));
                if (candidates.Count == 0) Console.WriteLine($"{name}\t{gazetteer.Keys.Key(name)}\t-");
                foreach (var index in candidates.OrderByDescending(c => gazetteer.Places[c].Population).ThenBy(c => c))
                {
                    var p = gazetteer.Places[index];
                    Console.WriteLine(string.Join('\t', name, gazetteer.Keys.Key(name), p.Id, p.Name, p.Country, gazetteer.Admin1Name(p.Country, p.Admin1Code) ?? p.Admin1Code,
                        p.FeatureCode, p.Population.ToString(CultureInfo.InvariantCulture), p.Lat.ToString("0.#####", CultureInfo.InvariantCulture), p.Lon.ToString("0.#####", CultureInfo.InvariantCulture)));
                }
            }
            return 0;
        });
        return command;
    }
}
