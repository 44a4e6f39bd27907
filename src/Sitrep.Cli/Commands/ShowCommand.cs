using System.CommandLine;
using System.Text.Json;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep show</c>: one stored document, as text to read or as its JSON record.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "The document's id, as 'sitrep list' or 'sitrep search' prints it." };
        var database = CommonOptions.Database();
        var format = new Option<string>("--format", "-f") { Description = "text (default) or json (the stored record).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command("show", "Print one stored document.") { id, database, format };
        command.SetAction(parse => StoreCommand.WithStore(parse.GetValue(database)!, store =>
        {
            var stored = store.Get(parse.GetValue(id)!);
            if (stored is null)
            {
                Reporter.Fail($"{parse.GetValue(id)}: no such document in {parse.GetValue(database)}");
                return 1;
            }
            if (parse.GetValue(format) == "json")
            {
                Console.WriteLine(stored.Record);
                return 0;
            }
            using var json = JsonDocument.Parse(stored.Record);
            var r = json.RootElement;
            string? S(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            Console.WriteLine(S("title") ?? "(no title)");
            Console.WriteLine($"id: {stored.Id}");
            Console.WriteLine($"url: {S("url") ?? "-"}   source: {S("source") ?? "-"}");
            Console.WriteLine($"published: {S("published") ?? "-"}   language: {S("language")}   ingested: {stored.IngestedAt:yyyy-MM-dd HH:mm}Z");
            if (S("duplicate_of") is { } duplicate) Console.WriteLine($"duplicate of: {duplicate}");
            foreach (var warning in r.GetProperty("warnings").EnumerateArray()) Console.WriteLine($"warning: {warning.GetString()}");
            Console.WriteLine();
            Console.WriteLine(S("text"));
            return 0;
        }));
        return command;
    }
}
