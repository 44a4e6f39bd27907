using System.CommandLine;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep search</c>: full-text search over stored documents.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var query = new Argument<string>("QUERY")
        {
            Description = "Words to find, all required; accents, case and word endings are ignored (frappes finds frappe). \"Quoted words\" form an exact phrase, a OR b means either, word* a prefix.",
        };
        var database = CommonOptions.Database();
        var limit = new Option<int>("--limit", "-n") { Description = "Most results to show.", DefaultValueFactory = _ => 20, HelpName = "N" };
        var command = new Command("search", "Search the stored documents' titles and text, best matches first, with snippets.") { query, database, limit };
        command.SetAction(parse => StoreCommand.WithStore(parse.GetValue(database)!, store =>
        {
            var hits = store.Search(parse.GetValue(query)!, parse.GetValue(limit));
            if (hits.Count == 0)
            {
                Console.WriteLine("no match");
                return 0;
            }
            if (Console.IsOutputRedirected)
            {
                foreach (var hit in hits)
                    Console.WriteLine(string.Join('\t', hit.Id, hit.Language ?? "", hit.Published ?? "", (hit.Title ?? "").Replace('\t', ' '), hit.Snippet.Replace('\t', ' ')));
                return 0;
            }
            var table = new Table().Border(TableBorder.Simple).AddColumns("id", "lang", "published", "title / snippet");
            foreach (var hit in hits)
                table.AddRow(Markup.Escape(hit.Id), hit.Language ?? "", hit.Published is { Length: >= 10 } day ? day[..10] : hit.Published ?? "",
                    $"[bold]{Markup.Escape(hit.Title ?? "(no title)")}[/]\n{Markup.Escape(hit.Snippet)}");
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }
}
