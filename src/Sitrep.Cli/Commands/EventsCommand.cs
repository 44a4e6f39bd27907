using System.CommandLine;
using System.Globalization;
using Sitrep.Events;
using Sitrep.Export;
using Sitrep.Storage;
using Spectre.Console;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep events</c>: the stored events that pass the filters, by date, as a table to read or as JSON lines.</summary>
internal static class EventsCommand
{
    public static Command Create()
    {
        var database = CommonOptions.Database();
        var format = new Option<string>("--format", "-f") { Description = "table (default; tab-separated when piped) or jsonl (one event per line, its document's fields first).", DefaultValueFactory = _ => "table", HelpName = "FORMAT" };
        var filters = new EventFilterOptions(defaultLimit: 100);
        var command = new Command("events", "List stored events by date, then document: date, type, actor → target, place, killed, hedged (?), source document. Negated events and events of duplicate documents are left out unless asked for.")
        {
            database, format,
        };
        filters.AddTo(command);
        command.SetAction(parse =>
        {
            var formatName = parse.GetValue(format);
            if (formatName is not ("table" or "jsonl"))
            {
                Reporter.Fail($"--format '{formatName}': expected table or jsonl");
                return 2;
            }
            if (filters.Read(parse, out var error) is not { } filter)
            {
                Reporter.Fail(error!);
                return 2;
            }
            return StoreCommand.WithStore(parse.GetValue(database)!, store =>
            {
                var events = store.Events(filter);
                if (formatName == "jsonl")
                {
                    using var output = new StreamWriter(Console.OpenStandardOutput(), new System.Text.UTF8Encoding(false), 1 << 16);
                    foreach (var stored in events) output.Write(EventGeoJson.EventLine(stored) + "\n");
                    return 0;
                }
                Print(events.ToList());
                return 0;
            });
        });
        return command;
    }

    internal static void Print(IReadOnlyList<StoredEvent> events)
    {
        if (events.Count == 0)
        {
            Console.WriteLine("no event");
            return;
        }
        if (Console.IsOutputRedirected)
        {
            foreach (var stored in events)
                Console.WriteLine(string.Join('\t', Cells(stored).Select(c => c.Replace('\t', ' ').Replace('\n', ' '))));
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .AddColumns("date", "type", "actor → target", "place", "killed", "?", "document");
        foreach (var stored in events) table.AddRow(Cells(stored).Select(Markup.Escape).ToArray());
        AnsiConsole.Write(table);
        Console.WriteLine("? = hedged (alleged, unconfirmed); ✗ = the text says it did not happen");
    }

    /// <summary>The row's cells: date, type/mode, actors, place, killed, hedged or negated mark, document.</summary>
    private static string[] Cells(StoredEvent stored)
    {
        var e = stored.Event;
        var date = e.Date is { } d ? (d.From == d.To ? d.From : d.From + "…" + d.To) : "";
        var type = e.Plover + (e.Mode is { } mode ? "/" + mode : "");
        var actors = $"{Actor(e.Actor1)} → {Actor(e.Actor2)}";
        var place = e.Location is { } at ? at.Place.Name + (at.Place.Country.Length > 0 ? ", " + at.Place.Country : "") : "";
        var mark = (e.Negated ? "✗" : "") + (e.Hedged ? "?" : "");
        var document = stored.Document.Title is { } title ? $"{stored.Document.Id}: {ListCommand.Shorten(title, 50)}" : stored.Document.Id;
        return [date, type, actors, place, Killed(e.Fatalities), mark, document];
    }

    private static string Actor(EventActor? actor) => actor is null ? "-" : actor.Name ?? actor.Text;

    /// <summary>"12", "≥ 12", "≤ 40", "12–40", "?" when the text says the toll is unknown, "" without one.</summary>
    private static string Killed(EventFatalities? toll)
    {
        if (toll is null) return "";
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        return (toll.Best, toll.Low, toll.High) switch
        {
            ({ } best, _, _) => N(best),
            (null, { } low, { } high) => $"{N(low)}–{N(high)}",
            (null, { } low, null) => "≥ " + N(low),
            (null, null, { } high) => "≤ " + N(high),
            _ => "?",
        };
    }
}
