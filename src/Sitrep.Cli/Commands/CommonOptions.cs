using System.CommandLine;
using Sitrep.Ingest;

namespace Sitrep.Cli.Commands;

/// <summary>Options several commands share, defined once so their names and help stay the same.</summary>
internal static class CommonOptions
{
    /// <param name="writes">Whether the command creates the database when it is missing.</param>
    public static Option<string> Database(bool writes = false) => new("--db")
    {
        Description = (writes ? "SQLite database file, created when missing." : "SQLite database file to read.") +
                      " Default: $SITREP_DB, else sitrep.db in the current folder.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("SITREP_DB") is { Length: > 0 } path ? path : "sitrep.db",
        HelpName = "PATH",
    };

    public static Option<int> Threads() => new("--threads", "-j")
    {
        Description = "Documents processed in parallel (default: all cores). Output is the same for any value.",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        HelpName = "N",
    };

    public static Option<int> MaxSize() => new("--max-size")
    {
        Description = "Largest input file or JSONL record accepted, in MiB; larger ones are reported and skipped.",
        DefaultValueFactory = _ => (int)(InputReader.DefaultMaxBytes / (1024 * 1024)),
        HelpName = "MIB",
    };

    /// <summary>How bare weekdays and months are read; <see cref="Bias"/> turns the value into a <see cref="Sitrep.Time.TimeBias"/>.</summary>
    public static Option<string> TimeBias()
    {
        var option = new Option<string>("--time-bias")
        {
            Description = "How bare weekdays and months ('mardi', 'in March') are read: past = the most recent one (news), future = the next one.",
            DefaultValueFactory = _ => "past",
        };
        option.AcceptOnlyFromAmong("past", "future");
        return option;
    }

    public static Sitrep.Time.TimeBias Bias(string? value) => value == "future" ? Sitrep.Time.TimeBias.Future : Sitrep.Time.TimeBias.Past;

    public static Argument<string[]> Inputs() => new("INPUT")
    {
        Description = "Files (.html .htm .txt .jsonl), folders (read recursively) or - for JSONL on standard input.",
        Arity = ArgumentArity.OneOrMore,
    };
}
