namespace Sitrep.Ingest;

/// <summary>
/// An input that could not be read. <see cref="ToString"/> is the one line a user sees:
/// the file, the line where there is one, and what is wrong.
/// </summary>
public sealed record InputError(string Path, int? Line, string Message)
{
    public override string ToString() => Line is { } line ? $"{Path}:{line}: {Message}" : $"{Path}: {Message}";
}
