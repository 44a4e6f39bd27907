using Sitrep.Language;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Sitrep.Geo;

/// <summary>
/// The phrases around a place name that say what it stands for, per language
/// (<c>lang/&lt;code&gt;/geo.yaml</c>): a division ("la province d'Alep"), somewhere near it
/// ("près de Raqqa", "north of Mosul"), or a government ("Washington a refusé").
/// </summary>
public sealed class GeoCues
{
    private GeoCues(CueLists lists)
    {
        DivisionBefore = Lower(lists.DivisionBefore);
        DivisionAfter = Lower(lists.DivisionAfter);
        NearBefore = Lower(lists.NearBefore);
        NearAfter = Lower(lists.NearAfter);
        GovernmentAfter = Lower(lists.GovernmentAfter);
        LongestBefore = DivisionBefore.Concat(NearBefore).Select(c => c.Length).DefaultIfEmpty(0).Max();
        LongestAfter = DivisionAfter.Concat(NearAfter).Select(c => c.Length).DefaultIfEmpty(0).Max();
    }

    /// <summary>The longest division or near cue written before a name, and after one: how much of the text around a name
    /// the cues can reach.</summary>
    public int LongestBefore { get; }
    public int LongestAfter { get; }

    public IReadOnlyList<string> DivisionBefore { get; }
    public IReadOnlyList<string> DivisionAfter { get; }
    public IReadOnlyList<string> NearBefore { get; }
    public IReadOnlyList<string> NearAfter { get; }
    public IReadOnlyList<string> GovernmentAfter { get; }

    // Longest first, so "au nord-est de" wins over "est de".
    private static string[] Lower(List<string> cues) =>
        cues.Select(c => c.ToLowerInvariant().Replace('’', '\'')).OrderByDescending(c => c.Length).ThenBy(c => c, StringComparer.Ordinal).ToArray();

    /// <summary>Cues per language code, from every <c>lang/&lt;code&gt;/geo.yaml</c> under the root.</summary>
    public static IReadOnlyDictionary<string, GeoCues> LoadAll(string langRoot)
    {
        if (!Directory.Exists(langRoot)) return new Dictionary<string, GeoCues>(StringComparer.Ordinal);
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        return LanguageFolders.LoadEach(langRoot, "geo.yaml", (file, _) =>
        {
            try
            {
                return new GeoCues(deserializer.Deserialize<CueLists>(File.ReadAllText(file)) ?? new CueLists());
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new LanguageDataException($"{file}:{e.Start.Line}: {e.Message}");
            }
        });
    }

    /// <summary>The cue that <paramref name="before"/> ends with (whole words), or null.</summary>
    public static string? EndingCue(string before, IReadOnlyList<string> cues)
    {
        var text = before.TrimEnd();
        foreach (var cue in cues)
        {
            // An elided cue ("près d'") touches the name; a word cue is followed by a space.
            var probe = cue.EndsWith('\'') ? before : text;
            if (!probe.EndsWith(cue, StringComparison.Ordinal)) continue;
            var start = probe.Length - cue.Length;
            if (start == 0 || !char.IsLetterOrDigit(probe[start - 1])) return cue;
        }
        return null;
    }

    /// <summary>The cue that <paramref name="after"/> starts with (whole words), or null.</summary>
    public static string? StartingCue(string after, IReadOnlyList<string> cues)
    {
        var text = after.TrimStart();
        foreach (var cue in cues)
            if (text.StartsWith(cue, StringComparison.Ordinal) && (text.Length == cue.Length || !char.IsLetterOrDigit(text[cue.Length])))
                return cue;
        return null;
    }

    private sealed class CueLists
    {
        public List<string> DivisionBefore { get; set; } = [];
        public List<string> DivisionAfter { get; set; } = [];
        public List<string> NearBefore { get; set; } = [];
        public List<string> NearAfter { get; set; } = [];
        public List<string> GovernmentAfter { get; set; } = [];
    }
}
