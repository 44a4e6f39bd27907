using Sitrep.Events.Clauses;
using Sitrep.Language;

namespace Sitrep.Events;

/// <summary>The event stage's knowledge: triggers and cues per language (<c>lang/&lt;code&gt;/events.yaml</c>) and the type map (<c>data/events/types.yaml</c>).</summary>
public sealed class EventResources
{
    public required IReadOnlyDictionary<string, EventLexicon> Lexicons { get; init; }
    public required EventTypeMap Types { get; init; }
    /// <summary>Clause words per language (<c>lang/&lt;code&gt;/syntax.yaml</c>); a language without them reads actors from the whole sentence.</summary>
    public IReadOnlyDictionary<string, ClauseGrammar> ClauseGrammars { get; init; } = new Dictionary<string, ClauseGrammar>();

    public static EventResources Load(string dataRoot, string langRoot)
    {
        var types = EventTypeMap.Load(Path.Combine(dataRoot, "events", "types.yaml"));
        var lexicons = EventLexicon.LoadAll(langRoot);
        foreach (var trigger in lexicons.Values.SelectMany(l => l.Triggers))
            if (!types.Knows(trigger.Plover))
                throw new LanguageDataException($"{trigger.Where}: type '{trigger.Plover}' is not in data/events/types.yaml");
        return new EventResources { Lexicons = lexicons, Types = types, ClauseGrammars = ClauseGrammar.LoadAll(langRoot) };
    }
}
