namespace Sitrep.Entities;

/// <summary>
/// Entity knowledge, built once and shared read-only: the lexicon of <c>data/entities/</c> joined with
/// each <c>lang/&lt;code&gt;/entities.yaml</c>. A language without one still gets the lexicon's names.
/// </summary>
public sealed class EntityResources
{
    private readonly IReadOnlyDictionary<string, EntityGrammar> _grammars;
    private readonly EntityGrammar _lexiconOnly;

    private EntityResources(IReadOnlyDictionary<string, EntityGrammar> grammars, EntityGrammar lexiconOnly)
    {
        _grammars = grammars;
        _lexiconOnly = lexiconOnly;
    }

    /// <summary>Languages with their own entity cues.</summary>
    public IReadOnlyCollection<string> Languages => [.. _grammars.Keys];

    /// <summary>The grammar of a paragraph's language, else of its document's, else the lexicon alone.</summary>
    internal EntityGrammar Grammar(string language, string documentLanguage) =>
        _grammars.GetValueOrDefault(language) ?? _grammars.GetValueOrDefault(documentLanguage) ?? _lexiconOnly;

    /// <param name="dataRoot">The <c>data/</c> folder (its <c>entities/</c> holds the lexicon).</param>
    /// <param name="langRoot">The <c>lang/</c> folder.</param>
    public static EntityResources Load(string dataRoot, string langRoot)
    {
        var lexicon = EntityLexicon.Load(Path.Combine(dataRoot, "entities"));
        var grammars = new Dictionary<string, EntityGrammar>(StringComparer.Ordinal);
        if (Directory.Exists(langRoot))
            foreach (var folder in Directory.EnumerateDirectories(langRoot).Order(StringComparer.Ordinal))
                if (File.Exists(Path.Combine(folder, "entities.yaml")))
                    grammars[Path.GetFileName(folder)] = EntityGrammar.Load(folder, lexicon);
        return new EntityResources(grammars, EntityGrammar.LexiconOnly(lexicon));
    }

    /// <summary>
    /// The <c>data/</c> folder that goes with a <c>lang/</c> folder: <c>$SITREP_DATA_DIR</c> when set,
    /// else the <c>data</c> folder beside it (beside the binaries, or the repository's own).
    /// </summary>
    public static string DataRootBeside(string langRoot) =>
        Environment.GetEnvironmentVariable("SITREP_DATA_DIR") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(Path.GetDirectoryName(Path.GetFullPath(langRoot).TrimEnd(Path.DirectorySeparatorChar)) ?? ".", "data");
}

/// <summary>
/// Place names another component knows (a gazetteer's name index): a capitalised name the rules cannot
/// type on their own is a place when this says so. Must be thread-safe.
/// </summary>
public interface IPlaceNameLookup
{
    /// <summary>Whether <paramref name="name"/> (as written in the text, e.g. "Tillabéri") names a place.</summary>
    bool IsPlaceName(string name);
}
