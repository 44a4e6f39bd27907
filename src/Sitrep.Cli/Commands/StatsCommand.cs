using System.CommandLine;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep stats</c>: what the database holds.</summary>
internal static class StatsCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var command = new Command("stats", "Summarise the database: documents, languages, sources, duplicates, date range.") { database };
        command.SetAction(parse => StoreCommand.WithStore(parse.GetValue(database)!, store =>
        {
            Print(store.Stats());
            return 0;
        }));
        return command;
    }

    public static void Print(StoreStats stats)
    {
        var summary = new Table().Border(TableBorder.Simple).AddColumns("", "");
        summary.AddRow("documents", stats.Documents.ToString());
        summary.AddRow("near or exact duplicates", stats.Duplicates.ToString());
        summary.AddRow("published", stats.FirstPublished is null ? "-" : $"{stats.FirstPublished} … {stats.LastPublished}");
        summary.AddRow("languages", string.Join(", ", stats.Languages.Select(l => $"{l.Language} {l.Count}")));
        summary.AddRow("sources", Markup.Escape(string.Join(", ", stats.Sources.Select(s => $"{s.Source} {s.Count}"))));
        AnsiConsole.Write(summary);
    }
}
