using System.CommandLine;
using System.CommandLine.Help;
using System.Text;
using Sitrep.Cli.Commands;

namespace Sitrep.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(false);
        return BuildRoot().Parse(args).Invoke();
    }

    public static Command BuildRoot()
    {
        // A named root rather than RootCommand, whose name would be the assembly's, not "sitrep".
        var root = new Command("sitrep", """
            Sitrep turns news pages (HTML, scraped text, JSONL) into structured, evidence-linked records.
            Start with 'sitrep demo', then 'sitrep search QUERY'. Records follow docs/output-schema.md.
            """);
        root.Options.Add(new HelpOption());
        root.Options.Add(new VersionOption());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(EventsCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ExtractCommand.Create());
        root.Subcommands.Add(GazetteerCommand.Create());
        root.Subcommands.Add(ActorsCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ListCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ShowCommand.Create());
        root.Subcommands.Add(StatsCommand.Create());
        return root;
    }
}
