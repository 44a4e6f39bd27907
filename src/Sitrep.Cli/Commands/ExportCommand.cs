using System.CommandLine;
using System.Text;
using Sitrep.Export;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep export</c>: the store's records or events in a format other tools read (JSONL, ACLED CSV, GDELT, GeoJSON).</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var format = new Option<string?>("--format", "-f")
        {
            Description = "jsonl (the stored records, one document per line), acled-csv (ACLED's columns), gdelt-csv (GDELT 2.0 event table, tab-separated) or geojson (located events).",
            HelpName = "FORMAT",
        };
        var output = new Option<string?>("--output", "-o") { Description = "File to write (default: standard output).", HelpName = "FILE" };
        var filters = new EventFilterOptions(defaultLimit: 0);
        var command = new Command("export", "Write the stored records or events in another format. Filters select events; with jsonl, the documents holding a selected event (all documents without filters).")
        {
            database, format, output,
        };
        filters.AddTo(command);
        command.SetAction(parse =>
        {
            var formatName = parse.GetValue(format);
            if (formatName is null || !EventExport.FormatNames.TryGetValue(formatName, out var chosen))
            {
                Reporter.Fail(formatName is null ? "--format is required: jsonl, acled-csv, gdelt-csv or geojson"
                    : $"--format '{formatName}': expected jsonl, acled-csv, gdelt-csv or geojson");
                return 2;
            }
            if (filters.Read(parse, out var error) is not { } filter)
            {
                Reporter.Fail(error!);
                return 2;
            }
            var path = parse.GetValue(output);
            return StoreCommand.WithStore(parse.GetValue(database)!, store =>
            {
                ExportSummary summary;
                try
                {
                    if (path is not null && Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder) Directory.CreateDirectory(folder);
                    using var writer = new StreamWriter(path is null ? Console.OpenStandardOutput() : File.Create(path), new UTF8Encoding(false), 1 << 16);
                    summary = EventExport.Write(chosen, store, filter, writer);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    Reporter.Fail($"{path}: {e.Message}");
                    return 2;
                }
                var what = (chosen == ExportFormat.Jsonl ? "document" : "event") + (summary.Written == 1 ? "" : "s");
                Console.Error.WriteLine($"sitrep: export: {summary.Written} {what} written" +
                    (summary.LeftOut > 0 ? $"; {summary.LeftOut} left out ({summary.LeftOutReason})" : ""));
                return 0;
            });
        });
        return command;
    }
}
