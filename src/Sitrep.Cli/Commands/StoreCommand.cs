using Microsoft.Data.Sqlite;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>Opens an existing database for the read-only commands, with a clear error when it is missing.</summary>
internal static class StoreCommand
{
    public static int WithStore(string path, Func<IDocumentStore, int> action)
    {
        if (!File.Exists(path))
        {
            Reporter.Fail($"{path}: no such database (run 'sitrep ingest' or 'sitrep demo' first, or pass --db)");
            return 2;
        }
        try
        {
            using var store = new SqliteDocumentStore(path);
            return action(store);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException)
        {
            Reporter.Fail($"{path}: {e.Message}");
            return 2;
        }
    }
}
