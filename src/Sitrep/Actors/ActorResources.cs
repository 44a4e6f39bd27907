using Sitrep.Entities;
using Sitrep.Language;

namespace Sitrep.Actors;

/// <summary>
/// Actor knowledge, built once and shared read-only: each <c>lang/&lt;code&gt;/actors.yaml</c>, the codes
/// and analysts' actors of <c>data/actors/</c>, and the entity resources whose country names and demonyms
/// fill the phrases' <c>{country}</c> slots.
/// </summary>
public sealed class ActorResources
{
    private ActorResources(IReadOnlyDictionary<string, ActorGrammar> grammars, ActorCatalogue catalogue, EntityResources entities)
    {
        Grammars = grammars;
        Catalogue = catalogue;
        Entities = entities;
    }

    internal IReadOnlyDictionary<string, ActorGrammar> Grammars { get; }
    internal ActorCatalogue Catalogue { get; }
    internal EntityResources Entities { get; }

    /// <summary>Languages with their own actor phrases.</summary>
    public IReadOnlyCollection<string> Languages => [.. Grammars.Keys];

    /// <param name="dataRoot">The <c>data/</c> folder (its <c>actors/</c> holds codes and the analysts' actors).</param>
    /// <param name="langRoot">The <c>lang/</c> folder.</param>
    public static ActorResources Load(string dataRoot, string langRoot, EntityResources entities) => new(
        Directory.Exists(langRoot) ? LanguageFolders.LoadEach(langRoot, "actors.yaml", (path, _) => ActorGrammar.Load(path, ActorCatalogue.Kinds)) : new Dictionary<string, ActorGrammar>(),
        ActorCatalogue.Load(dataRoot),
        entities);
}
