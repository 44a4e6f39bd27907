using Sitrep.Actors;
using Sitrep.Entities;
using Sitrep.Quantities;
using Sitrep.Time;

namespace Sitrep.Language;

/// <summary>
/// Everything loaded from the <c>lang/</c> folder, built once and shared read-only by all stages.
/// Each <c>lang/&lt;code&gt;/</c> folder is one language; adding a language means adding a folder.
/// </summary>
public sealed class LanguageResources
{
    private static readonly Lazy<LanguageResources> DefaultResources = new(() => Load(DefaultRoot()));

    private LanguageResources(string root, LanguageIdentifier identifier, IReadOnlyDictionary<string, IReadOnlySet<string>> abbreviations,
        SearchStemmer stemmer, IReadOnlyDictionary<string, TimeGrammar> timeGrammars)
    {
        TimeGrammars = timeGrammars;
        Root = root;
        Identifier = identifier;
        Abbreviations = abbreviations;
        Stemmer = stemmer;
        _entities = new Lazy<EntityResources>(() => EntityResources.Load(EntityResources.DataRootBeside(root), root));
        _actors = new Lazy<ActorResources>(() => ActorResources.Load(EntityResources.DataRootBeside(root), root, Entities));
        _claims = new Lazy<Claims.ClaimResources>(() => Sitrep.Claims.ClaimResources.Load(root, EntityResources.DataRootBeside(root)));
        _events = new Lazy<global::Sitrep.Events.EventResources>(() => global::Sitrep.Events.EventResources.Load(EntityResources.DataRootBeside(root), root));
    }

    private readonly Lazy<ActorResources> _actors;

    /// <summary>Actor phrases (<c>actors.yaml</c>), codes and analysts' actors (<c>data/actors/</c>), loaded on first use.</summary>
    public ActorResources Actors => _actors.Value;

    private readonly Lazy<global::Sitrep.Events.EventResources> _events;

    /// <summary>Event triggers and cues (<c>events.yaml</c>) and the type map (<c>data/events/</c>), loaded on first use.</summary>
    public global::Sitrep.Events.EventResources Events => _events.Value;

    private readonly Lazy<EntityResources> _entities;

    /// <summary>Claim cues per language (<c>claims.yaml</c>) and the conflict parties' kinds (<c>data/claims.yaml</c>), loaded on first use.</summary>
    public Claims.ClaimResources Claims => _claims.Value;

    private readonly Lazy<Claims.ClaimResources> _claims;

    /// <summary>Entity lists (<c>data/entities/</c>, beside the <c>lang/</c> folder) and cues (<c>entities.yaml</c>), loaded on first use.</summary>
    public EntityResources Entities => _entities.Value;

    /// <summary>The folder the data was read from.</summary>
    public string Root { get; }

    public LanguageIdentifier Identifier { get; }

    /// <summary>Per language: words that end with a period without ending a sentence ("M.", "Dr.", "lt-col.").</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Abbreviations { get; }

    /// <summary>Stems for full-text search, per language (<c>language.yaml</c>).</summary>
    public SearchStemmer Stemmer { get; }

    /// <summary>Time patterns per language (<c>time.yaml</c>).</summary>
    public IReadOnlyDictionary<string, TimeGrammar> TimeGrammars { get; }

    /// <summary>Number words and digit conventions per language (<c>numbers.yaml</c>).</summary>
    public IReadOnlyDictionary<string, NumberGrammar> NumberGrammars { get; private init; } = new Dictionary<string, NumberGrammar>();

    /// <summary>Casualty phrases per language (<c>casualties.yaml</c>, with that language's numbers).</summary>
    public IReadOnlyDictionary<string, CasualtyGrammar> CasualtyGrammars { get; private init; } = new Dictionary<string, CasualtyGrammar>();

    /// <summary>The data beside the binaries, or in <c>$SITREP_LANG_DIR</c> when set.</summary>
    public static LanguageResources Default => DefaultResources.Value;

    public static string DefaultRoot() =>
        Environment.GetEnvironmentVariable("SITREP_LANG_DIR") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(AppContext.BaseDirectory, "lang");

    public static LanguageResources Load(string root)
    {
        if (!Directory.Exists(root))
            throw new LanguageDataException($"{root}: language data folder not found");

        var abbreviations = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var code = Path.GetFileName(folder);
            var file = Path.Combine(folder, "abbreviations.txt");
            if (File.Exists(file))
                abbreviations[code] = WordList.Read(file).ToHashSet(StringComparer.Ordinal);
        }
        var numbers = NumberGrammar.LoadAll(root);
        return new LanguageResources(root, LanguageIdentifier.Load(root), abbreviations, SearchStemmer.Load(root), TimeGrammar.LoadAll(root))
        {
            NumberGrammars = numbers,
            CasualtyGrammars = CasualtyGrammar.LoadAll(root, numbers),
        };
    }
}

/// <summary>A language data file is missing or wrong; the message names the file and line.</summary>
public sealed class LanguageDataException(string message) : Exception(message);

/// <summary>Plain word lists: one entry a line, <c>#</c> starts a comment, blank lines ignored.</summary>
public static class WordList
{
    public static IEnumerable<string> Read(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            var hash = line.IndexOf('#');
            // A lone "#" word is data only when escaped; comments start at " #" or the line start.
            var content = (hash == 0 ? "" : hash > 0 && line[hash - 1] == ' ' ? line[..hash] : line).Trim();
            if (content.Length > 0) yield return content;
        }
    }
}
