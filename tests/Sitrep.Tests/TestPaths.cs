using Sitrep.Language;

namespace Sitrep.Tests;

/// <summary>Where the data copied beside the test binaries is, and shared, read-only resources.</summary>
internal static class TestPaths
{
    public static string LangRoot => Path.Combine(AppContext.BaseDirectory, "lang");
    public static string Samples => Path.Combine(AppContext.BaseDirectory, "samples");

    private static readonly Lazy<LanguageResources> LazyResources = new(() => LanguageResources.Load(LangRoot));
    public static LanguageResources Resources => LazyResources.Value;
}

/// <summary>A folder under the temp directory, deleted at the end of a test.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sitrep-tests-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Write(string relative, string content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllText(full, content);
        return full;
    }

    public string WriteBytes(string relative, byte[] content)
    {
        var full = System.IO.Path.Combine(Path, relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
