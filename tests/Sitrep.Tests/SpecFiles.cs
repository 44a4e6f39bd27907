using System.Text.Json;

namespace Sitrep.Tests;

/// <summary>
/// Case files under <c>Specs/&lt;stage&gt;/&lt;lang&gt;/*.json</c>: each a JSON list of cases, read once,
/// offered to a [Theory] as (file relative to the stage folder, index) rows.
/// </summary>
internal sealed class SpecFiles<TCase>(string stage)
{
    private static readonly JsonSerializerOptions Options = new() { PropertyNameCaseInsensitive = true };
    private readonly Dictionary<string, List<TCase>> _cache = [];

    public string Root { get; } = Path.Combine(AppContext.BaseDirectory, "Specs", stage);

    public TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var file in Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Root, file).Replace('\\', '/');
            for (var i = 0; i < Read(relative).Count; i++) data.Add(relative, i);
        }
        return data;
    }

    public List<TCase> Read(string relative)
    {
        lock (_cache)
        {
            if (!_cache.TryGetValue(relative, out var cases))
                _cache[relative] = cases = JsonSerializer.Deserialize<List<TCase>>(File.ReadAllText(Path.Combine(Root, relative)), Options)
                    ?? throw new InvalidDataException(relative);
            return cases;
        }
    }
}
