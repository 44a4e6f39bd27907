using Sitrep.Language;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Events;

/// <summary>The codes one PLOVER type (or one of its modes) maps to.</summary>
public sealed record EventCodes(string? Cameo, AcledType? Acled);

/// <summary>
/// PLOVER type and mode → CAMEO code and ACLED type/sub-type, read from <c>data/events/types.yaml</c>
/// (language-independent). Also says which types are verbal acts (statements), which the stage dates
/// to the publication window when the text gives no day.
/// </summary>
public sealed class EventTypeMap
{
    private sealed record TypeEntry(EventCodes Codes, AcledType? OnCivilians, bool Verbal, bool Governs, bool Announced, IReadOnlyDictionary<string, EventCodes> Modes)
    {
        /// <summary>Two parties joined before the verb are its two sides ("X et Y se sont réunis").</summary>
        public bool Reciprocal { get; init; }
        /// <summary><c>governs: topic</c>: what follows is the talks' topic, and the talks themselves may be what another verb is about.</summary>
        public bool Topic { get; init; }
        /// <summary><c>sent_is_actor: true</c>: the subject of a passive is the force sent ("des renforts ont été déployés"), the actor's own, not its target.</summary>
        public bool SentIsActor { get; init; }
    }

    private readonly Dictionary<string, TypeEntry> _types;

    private readonly Dictionary<string, int> _kindFamily;

    private readonly Dictionary<string, (string Plover, string? Mode)> _byCivilians;

    private EventTypeMap(Dictionary<string, TypeEntry> types, Dictionary<string, int> kindFamily, Dictionary<string, (string Plover, string? Mode)> byCivilians)
    {
        _byCivilians = byCivilians;
        _types = types;
        _kindFamily = kindFamily;
    }

    /// <summary>Whether a plain noun of one kind may stand for an actor of the other (same kind, or one family of <c>kind_families</c>).</summary>
    public bool SameFamily(string? a, string? b) =>
        a is not null && b is not null && (a == b || _kindFamily.TryGetValue(a, out var fa) && _kindFamily.TryGetValue(b, out var fb) && fa == fb);

    public bool Knows(string plover) => _types.ContainsKey(plover);

    public bool IsReciprocal(string plover) => _types.TryGetValue(plover, out var entry) && entry.Reciprocal;

    /// <summary>Whether a passive's subject is the force the act sends (a deployment), so the actor's side, not the target.</summary>
    public bool SentIsActor(string plover) => _types.TryGetValue(plover, out var entry) && entry.SentIsActor;

    public bool IsVerbal(string plover) => _types.TryGetValue(plover, out var entry) && entry.Verbal;

    /// <summary>Whether what follows this type's trigger in its sentence is the content of the statement (what is accused, demanded, threatened, refused).</summary>
    public bool Governs(string plover) => _types.TryGetValue(plover, out var entry) && entry.Governs;

    /// <summary>Whether the type governs only a topic ("discuss a truce"): an act of its own, yet no separate act after another governing verb ("criticised the meeting").</summary>
    public bool GovernsTopic(string plover) => _types.TryGetValue(plover, out var entry) && entry.Topic;

    /// <summary>What an act is when civilians do it (<c>by_civilians</c>): civilians blocking a road protest rather than coerce; null when it stays what it is.</summary>
    public (string Plover, string? Mode)? ByCivilians(string plover, string? mode) =>
        _byCivilians.TryGetValue(mode is null ? plover : plover + " " + mode, out var instead) ? instead : null;

    /// <summary>Whether announcing this act is the act ("a annoncé l'envoi de renforts", "said 3,000 soldiers would be sent"): told as planned by its author, it is still an event of the announcer.</summary>
    public bool Announced(string plover) => _types.TryGetValue(plover, out var entry) && entry.Announced;

    /// <summary>The codes of a type and mode: the mode's where it gives them, else the target's rule (civilians), else the type's.</summary>
    public EventCodes Codes(string plover, string? mode, bool onCivilians)
    {
        if (!_types.TryGetValue(plover, out var entry)) return new EventCodes(null, null);
        var byMode = mode is not null && entry.Modes.TryGetValue(mode, out var m) ? m : null;
        var acled = byMode?.Acled ?? (onCivilians ? entry.OnCivilians : null) ?? entry.Codes.Acled;
        return new EventCodes(byMode?.Cameo ?? entry.Codes.Cameo, acled);
    }

    public static EventTypeMap Load(string path)
    {
        var root = YamlFile.ReadMapping(path, "'types'");
        string Where(YamlNode node) => $"{path}:{node.Start.Line}";
        if (!root.Children.TryGetValue(new YamlScalarNode("types"), out var typesNode) || typesNode is not YamlMappingNode types)
            throw new LanguageDataException($"{path}:1: 'types' (a mapping) is missing");
        YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
        AcledType? Acled(YamlMappingNode map, string key) => Child(map, key) switch
        {
            null => null,
            YamlSequenceNode { Children.Count: 2 } pair when pair[0] is YamlScalarNode { Value: { } type } && pair[1] is YamlScalarNode { Value: { } sub }
                => new AcledType(type, sub),
            var other => throw new LanguageDataException($"{Where(other)}: '{key}' is [type, sub-type]"),
        };
        EventCodes Codes(YamlMappingNode map) => new((Child(map, "cameo") as YamlScalarNode)?.Value, Acled(map, "acled"));

        var byCivilians = new Dictionary<string, (string Plover, string? Mode)>(StringComparer.Ordinal);
        if (Child(root, "by_civilians") is YamlMappingNode civilianMap)
            foreach (var (fromNode, toNode) in civilianMap.Children)
            {
                var parts = ((toNode as YamlScalarNode)?.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length is < 1 or > 2) throw new LanguageDataException($"{Where(toNode)}: 'by_civilians' maps 'TYPE mode' to 'TYPE mode'");
                byCivilians[((YamlScalarNode)fromNode).Value ?? ""] = (parts[0], parts.Length == 2 ? parts[1] : null);
            }

        var entries = new Dictionary<string, TypeEntry>(StringComparer.Ordinal);
        foreach (var (nameNode, valueNode) in types.Children)
        {
            var name = ((YamlScalarNode)nameNode).Value ?? "";
            if (valueNode is not YamlMappingNode entry) throw new LanguageDataException($"{Where(valueNode)}: '{name}' must be a mapping");
            var modes = new Dictionary<string, EventCodes>(StringComparer.Ordinal);
            if (Child(entry, "modes") is YamlMappingNode modeMap)
                foreach (var (modeName, modeNode) in modeMap.Children)
                    modes[((YamlScalarNode)modeName).Value ?? ""] = modeNode is YamlMappingNode modeEntry
                        ? Codes(modeEntry)
                        : throw new LanguageDataException($"{Where(modeNode)}: a mode maps to {{cameo, acled}}");
            var verbal = (Child(entry, "verbal") as YamlScalarNode)?.Value is "true";
            var governsValue = (Child(entry, "governs") as YamlScalarNode)?.Value;
            var governs = governsValue is "true" or "topic";
            var announced = (Child(entry, "announced") as YamlScalarNode)?.Value is "true";
            entries[name] = new TypeEntry(Codes(entry), Acled(entry, "on_civilians"), verbal, governs, announced, modes)
                { Reciprocal = (Child(entry, "reciprocal") as YamlScalarNode)?.Value is "true", Topic = governsValue is "topic",
                  SentIsActor = (Child(entry, "sent_is_actor") as YamlScalarNode)?.Value is "true" };
        }
        var families = new Dictionary<string, int>(StringComparer.Ordinal);
        if (Child(root, "kind_families") is YamlSequenceNode familyList)
            foreach (var family in familyList.Children)
            {
                if (family is not YamlSequenceNode kinds) throw new LanguageDataException($"{Where(family)}: a kind family is a list of kinds");
                foreach (var kind in kinds.Children.OfType<YamlScalarNode>()) families[kind.Value ?? ""] = familyList.Children.IndexOf(family);
            }
        return new EventTypeMap(entries, families, byCivilians);
    }
}
