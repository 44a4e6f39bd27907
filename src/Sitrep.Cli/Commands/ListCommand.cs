using System.CommandLine;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep list</c>: the stored documents, one row each.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var limit = new Option<int>("--limit", "-n") { Description = "Most documents to list.", DefaultValueFactory = _ => 100, HelpName = "N" };
        var command = new Command("list", "List stored documents in id order: id, language, date, title and the document each duplicates.") { database, limit };
        command.SetAction(parse => StoreCommand.WithStore(parse.GetValue(database)!, store =>
        {
            Print(store, parse.GetValue(limit), null);
            return 0;
        }));
        return command;
    }

    /// <summary>A table on a terminal; tab-separated lines when the output goes to a file or a pipe.</summary>
    public static void Print(Storage.IDocumentStore store, int limit, string? title)
    {
        var rows = store.List(limit);
        if (Console.IsOutputRedirected)
        {
            foreach (var row in rows)
                Console.WriteLine(string.Join('\t', row.Id, row.Language ?? "", row.Published ?? "", (row.Title ?? "").Replace('\t', ' '), row.DuplicateOf ?? ""));
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumns("id", "lang", "published", "title", "duplicate of");
        if (title is not null) table.Title(Markup.Escape(title));
        foreach (var row in rows)
        {
            table.AddRow(Markup.Escape(row.Id), row.Language ?? "", row.Published is { Length: >= 10 } p ? p[..10] : row.Published ?? "",
                Markup.Escape(Shorten(row.Title ?? "(no title)", 70)), Markup.Escape(row.DuplicateOf ?? ""));
        }
        AnsiConsole.Write(table);
    }

    internal static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
