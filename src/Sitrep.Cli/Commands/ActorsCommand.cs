using System.CommandLine;
using Sitrep.Actors;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep actors import</c>: turn a PETRARCH/TABARI actor dictionary into the analysts' actor format.</summary>
internal static class ActorsCommand
{
    public static Command Create()
    {
        var command = new Command("actors", "Analysts' actor lists (data/actors/, format in its README).");
        command.Subcommands.Add(Import());
        return command;
    }

    private static Command Import()
    {
        var input = new Argument<string>("FILE") { Description = "A PETRARCH/TABARI actor dictionary (*.actors.txt): names, + aliases, [CODE] and dated [CODE from - to] lines." };
        var output = new Option<string>("--out", "-o") { Description = "YAML file to write; put it in data/actors/ beside actors.yaml to use it.", DefaultValueFactory = _ => "imported-actors.yaml", HelpName = "PATH" };
        var command = new Command("import", "Convert a PETRARCH/TABARI actor dictionary into data/actors' format (names, aliases, country, kind, dated codes); unreadable lines are reported and skipped.") { input, output };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(input)!;
            if (!File.Exists(file))
            {
                Reporter.Fail($"{file}: file not found");
                return 1;
            }
            var summary = PetrarchActorImporter.Import(file, parse.GetValue(output)!, Console.Error);
            Console.Error.WriteLine($"sitrep: {parse.GetValue(output)}: {summary.Actors} actors, {summary.Aliases} aliases; {summary.Skipped} entries or codes skipped");
            return 0;
        });
        return command;
    }
}
