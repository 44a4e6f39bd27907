using Sitrep.Entities;
using Sitrep.Language;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Actors;

/// <summary>
/// A head noun of a descriptive actor phrase ("soldats", "hommes armés", "protesters") and what it names:
/// the kind, the English noun a modifier builds names with, the name with a country ({adjective}, {name})
/// and without one; whether it belongs to the document's main country when none is written, the kinds of
/// named armed group it stands for when written bare just after one, a fixed code, and whether it is also
/// an adjective ("une attaque rebelle"), a noun only after an article, a count or a preposition.
/// </summary>
internal sealed record ActorHead(string Kind, string Noun, string Name, string Plain, bool Focus, IReadOnlySet<string> Refers, string? Code, bool Adjective)
{
    /// <summary>A CAMEO role written after the country instead of the kind's ("OPP" for the opposition, "LAB" for unions).</summary>
    public string? Role { get; init; }
    /// <summary>A weapon or strike noun ("frappes", "missiles") that names an actor only with its state written beside it ("missiles russes").</summary>
    public bool Owned { get; init; }
    /// <summary>The kinds of named group the phrase stands for when written with a definite determiner just after one ("les assaillants", "the attackers" after "le JNIM").</summary>
    public IReadOnlySet<string> RefersWhenDefinite { get; init; } = new HashSet<string>(StringComparer.Ordinal);
}

/// <summary>What a modifier of an actor phrase says (see lang/fr/actors.yaml).</summary>
internal enum ModifierRole
{
    Country,
    BackedBy,
    LedBy,
    Government,
    ProGovernment,
    Of,
    Kind,
    None,
}

internal sealed record ActorModifier(ModifierRole Role, string? Kind);

/// <summary>
/// A phrase that names an actor already mentioned ("le groupe", "they"), of one of <see cref="Kinds"/>; a
/// subject pronoun only at a sentence start or after a word of <see cref="After"/> (the language's
/// subject-after words unless the entry gives its own).
/// </summary>
internal sealed record Anaphor(IReadOnlySet<string> Kinds, bool SubjectOnly, IReadOnlySet<string>? After)
{
    /// <summary>Words right after the pronoun that make it impersonal ("il y a", "il faut"): then it names nobody.</summary>
    public IReadOnlySet<string> NotBefore { get; init; } = new HashSet<string>(StringComparer.Ordinal);
    /// <summary>A pronoun with its own <see cref="After"/> words that may also open a sentence ("It said…").</summary>
    public bool AtStart { get; init; }
    /// <summary>"the same official": takes up the sentence before's first fitting actor (its subject or speaker), not the most recent one.</summary>
    public bool Speaker { get; init; }
}

/// <summary>
/// One language's actor phrases, read from <c>lang/&lt;code&gt;/actors.yaml</c>: head nouns, determiners,
/// modifiers before and after the head, short anaphoric phrases, and the role words that code persons.
/// Phrases are token tries over the entity tokenizer's keys, so case and accents are matched as for entities.
/// </summary>
internal sealed class ActorGrammar
{
    public PhraseTrie<ActorHead> Heads { get; } = new();
    public PhraseTrie<string> Determiners { get; } = new();
    public PhraseTrie<ActorModifier> Before { get; } = new();
    public PhraseTrie<ActorModifier> After { get; } = new();
    public PhraseTrie<Anaphor> Anaphora { get; } = new();
    public HashSet<string> SubjectAfter { get; } = new(StringComparer.Ordinal);
    /// <summary>Words after which an adjective head is a noun without an article: "de", "contre", "trois".</summary>
    public HashSet<string> BareAfter { get; } = new(StringComparer.Ordinal);
    /// <summary>Words after a subject pronoun that make it a passive's subject: "ont été", "are being".</summary>
    public PhraseTrie<string> Passive { get; } = new();
    /// <summary>Articles before a state's name that make it an actor, its government: "la Turquie", "the United States".</summary>
    public HashSet<string> StateArticles { get; } = new(StringComparer.Ordinal);
    /// <summary>Words before such an article that make the state a place again: "l'est de la Syrie", "depuis le Yémen".</summary>
    public HashSet<string> StateNotAfter { get; } = new(StringComparer.Ordinal);
    /// <summary>Verbs that take a state as their object with no article: "accusing Pakistan of", « a accusé Israël de »: the state is its government.</summary>
    public HashSet<string> StateAfter { get; } = new(StringComparer.Ordinal);
    /// <summary>Words that may stand between such a verb and its state: « a accusé mardi Israël de », "accused again Israel of".</summary>
    public HashSet<string> StateAfterSkip { get; } = new(StringComparer.Ordinal);
    /// <summary>Words joining two states' adjectives on one head, each a party of its own: "irakiens et turcs", "Kenyan and Somali".</summary>
    /// <summary>Possessive determiners ("ses", "its"): a phrase they open with no state of its own is the state of the actor named before it.</summary>
    public HashSet<string> Possessives { get; } = new(StringComparer.Ordinal);
    /// <summary>Definite determiners ("les", "the"): a phrase they open may name someone told before (<see cref="ActorHead.RefersWhenDefinite"/>).</summary>
    public HashSet<string> Definites { get; } = new(StringComparer.Ordinal);
    public HashSet<string> CountryJoiners { get; } = new(StringComparer.Ordinal);
    /// <summary>Nouns after a head that make it a modifier of a thing: "police station", "drone attack".</summary>
    public HashSet<string> ObjectNouns { get; } = new(StringComparer.Ordinal);
    /// <summary>Words before a name that belong to its mention: "le groupe Wagner", "the group Hamas".</summary>
    public PhraseTrie<string> NamePrefixes { get; } = new();
    public List<string> AffiliationPrefixes { get; } = [];
    /// <summary>The head a capitalised plural demonym takes when it stands as a noun after a count ("deux Palestiniens",
    /// "three Kenyans": civilians of that state); null when the file has no <c>demonym-people</c>.</summary>
    public ActorHead? PeopleHead { get; private set; }
    /// <summary>Words (counts, partitives) after which a plural demonym is people, not an adjective.</summary>
    public HashSet<string> PeopleAfter { get; } = new(StringComparer.Ordinal);
    /// <summary>Endings that mark a demonym as plural ("-s", "-x").</summary>
    public List<string> PluralEndings { get; } = [];
    /// <summary>Keys that can start a phrase of this grammar (other than a country's name in a slot).</summary>
    public HashSet<string> FirstKeys { get; } = new(StringComparer.Ordinal);
    /// <summary>Whether a modifier written before the head can start with a country's name ("Iran-backed").</summary>
    public bool BeforeStartsWithCountry { get; private set; }
    /// <summary>Role words by the kind they make a person's code, first class first.</summary>
    public List<(string Kind, PhraseTrie<string> Words)> RoleKinds { get; } = [];

    public static ActorGrammar Load(string path, IReadOnlySet<string> kinds)
    {
        var root = YamlFile.ReadMapping(path, "heads, determiners, before, after, anaphora and role-kinds");
        var grammar = new ActorGrammar();
        var headsByWord = new Dictionary<string, ActorHead>(StringComparer.Ordinal);
        string Kind(YamlMappingNode node)
        {
            var kind = EntityYaml.Required(node, "kind", path);
            return kinds.Contains(kind) ? kind : throw new LanguageDataException($"{path}:{node.Start.Line}: kind '{kind}' is not one of {string.Join(", ", kinds)}");
        }
        foreach (var node in EntityYaml.Sequence(root, "heads", path))
        {
            var head = new ActorHead(Kind(node), EntityYaml.Required(node, "noun", path), EntityYaml.Required(node, "name", path),
                EntityYaml.Required(node, "plain", path), EntityYaml.Scalar(node, "focus") == "true",
                EntityYaml.List(node, "refers").Select(k => kinds.Contains(k) ? k : throw new LanguageDataException($"{path}:{node.Start.Line}: kind '{k}' is unknown")).ToHashSet(StringComparer.Ordinal),
                EntityYaml.Scalar(node, "code"), EntityYaml.Scalar(node, "adjective") == "true") {
                    Role = EntityYaml.Scalar(node, "role"), Owned = EntityYaml.Scalar(node, "owned") == "true",
                    RefersWhenDefinite = EntityYaml.List(node, "refers-definite").Select(k => kinds.Contains(k) ? k : throw new LanguageDataException($"{path}:{node.Start.Line}: kind '{k}' is unknown")).ToHashSet(StringComparer.Ordinal),
                };
            foreach (var word in Words(node, path))
            {
                grammar.Heads.Add(word, head);
                headsByWord.TryAdd(word, head);
            }
        }
        if (root.Children.TryGetValue(new YamlScalarNode("demonym-people"), out var peopleNode) && peopleNode is YamlMappingNode people)
        {
            var word = EntityYaml.Required(people, "head", path);
            grammar.PeopleHead = headsByWord.GetValueOrDefault(word) ?? throw new LanguageDataException($"{path}:{people.Start.Line}: head '{word}' is not a word of 'heads'");
            grammar.PeopleAfter.UnionWith(Keys(EntityYaml.List(people, "after")));
            grammar.PluralEndings.AddRange(EntityYaml.List(people, "plural-endings").Select(EntityTokenizer.Key));
        }
        foreach (var word in EntityYaml.List(root, "determiners")) grammar.Determiners.Add(word, word);
        grammar.LoadModifiers(root, "before", grammar.Before, path, kinds);
        grammar.LoadModifiers(root, "after", grammar.After, path, kinds);
        foreach (var node in EntityYaml.Sequence(root, "anaphora", path))
        {
            var after = EntityYaml.List(node, "after");
            var anaphor = new Anaphor(EntityYaml.List(node, "kinds").ToHashSet(StringComparer.Ordinal), EntityYaml.Scalar(node, "subject") == "true",
                after.Count == 0 ? null : Keys(after)) { NotBefore = Keys(EntityYaml.List(node, "not-before")), AtStart = EntityYaml.Scalar(node, "at-start") == "true", Speaker = EntityYaml.Scalar(node, "speaker") == "true" };
            foreach (var word in Words(node, path)) grammar.Anaphora.Add(word, anaphor);
        }
        grammar.SubjectAfter.UnionWith(Keys(EntityYaml.List(root, "subject-after")));
        grammar.BareAfter.UnionWith(Keys(EntityYaml.List(root, "bare-after")));
        grammar.ObjectNouns.UnionWith(Keys(EntityYaml.List(root, "object-nouns")));
        grammar.CountryJoiners.UnionWith(Keys(EntityYaml.List(root, "country-joiners")));
        grammar.Possessives.UnionWith(Keys(EntityYaml.List(root, "possessives")));
        grammar.Definites.UnionWith(Keys(EntityYaml.List(root, "definites")));
        grammar.StateArticles.UnionWith(Keys(EntityYaml.List(root, "state-articles")));
        grammar.StateNotAfter.UnionWith(Keys(EntityYaml.List(root, "state-not-after")));
        grammar.StateAfter.UnionWith(Keys(EntityYaml.List(root, "state-after")));
        grammar.StateAfterSkip.UnionWith(Keys(EntityYaml.List(root, "state-after-skip")));
        foreach (var prefix in EntityYaml.List(root, "name-prefixes")) grammar.NamePrefixes.Add(prefix, prefix);
        foreach (var passive in EntityYaml.List(root, "passive")) grammar.Passive.Add(passive, passive);
        grammar.AffiliationPrefixes.AddRange(EntityYaml.List(root, "affiliation-prefixes").Select(EntityTokenizer.Key));
        foreach (var trie in new IEnumerable<string>[] { grammar.Heads.FirstKeys, grammar.Determiners.FirstKeys, grammar.Before.FirstKeys, grammar.Anaphora.FirstKeys, grammar.NamePrefixes.FirstKeys })
            grammar.FirstKeys.UnionWith(trie);
        grammar.BeforeStartsWithCountry = grammar.Before.StartsWithSlot;
        foreach (var node in EntityYaml.Sequence(root, "role-kinds", path))
        {
            var words = new PhraseTrie<string>();
            foreach (var word in Words(node, path)) words.Add(word, word);
            grammar.RoleKinds.Add((Kind(node), words));
        }
        return grammar;
    }

    private void LoadModifiers(YamlMappingNode root, string key, PhraseTrie<ActorModifier> trie, string path, IReadOnlySet<string> kinds)
    {
        foreach (var node in EntityYaml.Sequence(root, key, path))
        {
            var roleName = EntityYaml.Required(node, "role", path);
            if (!Enum.TryParse<ModifierRole>(roleName.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var role))
                throw new LanguageDataException($"{path}:{node.Start.Line}: role '{roleName}' is not one of country, backed-by, led-by, government, pro-government, of, kind, none");
            var kind = EntityYaml.Scalar(node, "kind");
            if (kind is not null && !kinds.Contains(kind)) throw new LanguageDataException($"{path}:{node.Start.Line}: kind '{kind}' is unknown");
            if (role == ModifierRole.Kind && kind is null) throw new LanguageDataException($"{path}:{node.Start.Line}: role 'kind' needs a kind");
            var modifier = new ActorModifier(role, kind);
            foreach (var pattern in EntityYaml.List(node, "patterns")) trie.Add(pattern, modifier);
        }
    }

    private static HashSet<string> Keys(IEnumerable<string> words)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
            foreach (var token in EntityTokenizer.Tokenize(word)) keys.Add(token.Key);
        return keys;
    }

    private static List<string> Words(YamlMappingNode node, string path)
    {
        var words = EntityYaml.List(node, "words");
        return words.Count > 0 ? words : throw new LanguageDataException($"{path}:{node.Start.Line}: 'words' is missing or empty");
    }
}
