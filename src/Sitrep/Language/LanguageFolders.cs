namespace Sitrep.Language;

/// <summary>Per-language data files: one <c>lang/&lt;code&gt;/&lt;file&gt;</c> each, loaded where present.</summary>
public static class LanguageFolders
{
    /// <summary>What <paramref name="load"/> makes of each language's <paramref name="fileName"/> (path, code), by code, in code order.</summary>
    public static IReadOnlyDictionary<string, T> LoadEach<T>(string root, string fileName, Func<string, string, T> load)
    {
        var loaded = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, fileName);
            if (File.Exists(file)) loaded[Path.GetFileName(folder)] = load(file, Path.GetFileName(folder));
        }
        return loaded;
    }
}
