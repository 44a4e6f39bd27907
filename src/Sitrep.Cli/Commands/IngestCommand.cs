using System.CommandLine;
using Microsoft.Data.Sqlite;
using Sitrep.Language;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary><c>sitrep ingest</c>: process inputs and store them; the same content twice is one document.</summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var inputs = CommonOptions.Inputs();
        var database = CommonOptions.Database(writes: true);
        var threads = CommonOptions.Threads();
        var maxSize = CommonOptions.MaxSize();
        var timeBias = CommonOptions.TimeBias();
        var command = new Command("ingest", "Process pages and store them in the database. Re-ingesting the same content changes nothing.")
        {
            inputs, database, threads, maxSize, timeBias,
        };
        command.SetAction(parse =>
        {
            var reporter = new Reporter();
            try
            {
                using var store = new SqliteDocumentStore(parse.GetValue(database)!);
                var summary = IngestRunner.Run(parse.GetValue(inputs)!, store, parse.GetValue(threads), parse.GetValue(maxSize) * 1024L * 1024L, reporter,
                    CommonOptions.Bias(parse.GetValue(timeBias)));
                Console.WriteLine($"{summary.Added} added, {summary.Updated} updated, {summary.Unchanged} unchanged (already stored), " +
                                  $"{summary.NearDuplicates} marked as duplicates, {summary.Failed} failed");
                return reporter.ExitCode;
            }
            catch (Exception e) when (e is SqliteException or LanguageDataException or IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                Reporter.Fail($"{parse.GetValue(database)}: {e.Message}");
                return 2;
            }
        });
        return command;
    }
}
