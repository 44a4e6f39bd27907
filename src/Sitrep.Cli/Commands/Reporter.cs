using Sitrep.Ingest;

namespace Sitrep.Cli.Commands;

/// <summary>Errors and notes on standard error, one line each, so standard output stays data.</summary>
internal sealed class Reporter
{
    public int Errors { get; private set; }

    public void Error(InputError error)
    {
        Errors++;
        Console.Error.WriteLine($"sitrep: error: {error}");
    }

    public static void Fail(string message) => Console.Error.WriteLine($"sitrep: error: {message}");

    /// <summary>The process exit code: 1 when any input failed.</summary>
    public int ExitCode => Errors > 0 ? 1 : 0;
}
