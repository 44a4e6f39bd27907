using System.CommandLine;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep demo</c>: ingest the bundled samples and show what was found.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database(writes: true);
        var samples = new Option<string>("--samples")
        {
            Description = "Folder of pages to ingest. Default: the samples/ folder shipped with Sitrep.",
            DefaultValueFactory = _ => DefaultSamples(),
            HelpName = "FOLDER",
        };
        var command = new Command("demo", "Ingest the bundled sample articles into the database and print what was found.") { database, samples };
        command.SetAction(parse =>
        {
            var folder = Relative(parse.GetValue(samples)!);
            if (!Directory.Exists(folder))
            {
                Reporter.Fail($"{folder}: samples folder not found (pass --samples FOLDER)");
                return 2;
            }
            var path = parse.GetValue(database)!;
            var reporter = new Reporter();
            using var store = new SqliteDocumentStore(path);
            var summary = IngestRunner.Run([folder], store, Environment.ProcessorCount, Ingest.InputReader.DefaultMaxBytes, reporter);

            ListCommand.Print(store, 500, $"Documents in {path}");
            StatsCommand.Print(store.Stats());
            var events = store.Events(new EventFilter { Limit = 30 }).ToList();
            if (events.Count > 0)
            {
                Console.WriteLine($"Events found (the first {events.Count} by date; ./sitrep events for all and filters):");
                EventsCommand.Print(events);
            }
            Console.WriteLine($"This run: {summary.Added} added, {summary.Updated} updated, {summary.Unchanged} already stored " +
                              $"(same content), {summary.NearDuplicates} marked as duplicates, {summary.Failed} failed.");
            Console.WriteLine($"Next: ./sitrep events --db {path}   ./sitrep export --format acled-csv   ./sitrep search \"frappes drone\"   ./sitrep show ID   ./sitrep extract samples/");
            return reporter.ExitCode;
        });
        return command;
    }

    /// <summary>Ids are built from the folder as given: keep them short when the samples are below the current folder.</summary>
    private static string Relative(string folder)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, folder);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? folder : relative;
    }

    /// <summary>The launcher sets SITREP_HOME to the checkout; otherwise look beside the current folder.</summary>
    private static string DefaultSamples() =>
        Environment.GetEnvironmentVariable("SITREP_HOME") is { Length: > 0 } home ? Path.Combine(home, "samples") : "samples";
}
