using Sitrep.Language;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Entities;

/// <summary>A role or courtesy-title cue: "le colonel" names a role, "M." only says a person follows.</summary>
internal sealed record PersonCue(bool TitleOnly);

/// <summary>A word heading an organisation's name ("Commandement", "Ministry") and what it makes of the name.</summary>
internal sealed record OrganisationHead(EntityType Type, string? Kind);

/// <summary>
/// What one language contributes to entity recognition, read from <c>lang/&lt;code&gt;/entities.yaml</c>
/// and <c>demonyms.tsv</c>, joined with the language-independent lexicon: one trie of known names
/// and national-body patterns, tries of person and place cues, and the word sets of the rules.
/// </summary>
internal sealed class EntityGrammar
{
    public required string Language { get; init; }
    public PhraseTrie<KnownEntity> Known { get; } = new();
    public PhraseTrie<CountryInfo> Countries { get; } = new();
    public PhraseTrie<PersonCue> PersonCues { get; } = new();
    public PhraseTrie<string> PlaceCues { get; } = new();
    /// <summary>After these a capitalised name is MISC: ships ("MV", "le cargo"), operations ("l'opération").</summary>
    public PhraseTrie<string> MiscCues { get; } = new();
    /// <summary>What follows a state's name when it stands for the government ("accuse", "a annoncé", "said").</summary>
    public PhraseTrie<string> GovernmentVerbs { get; } = new();
    /// <summary>What before a state's name makes it its government ("selon Ankara", "led by Washington").</summary>
    public PhraseTrie<string> GovernmentCuesBefore { get; } = new();
    /// <summary>The canonical name of a state's government, a template with <c>{name}</c>: "Government of {name}".</summary>
    public string? GovernmentCanonical { get; private set; }
    public Dictionary<string, OrganisationHead> OrganisationHeads { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Demonyms { get; } = new(StringComparer.Ordinal);
    public HashSet<string> RoleWords { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Determiners { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Connectors { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Particles { get; } = new(StringComparer.Ordinal);
    public HashSet<string> StopWords { get; } = new(StringComparer.Ordinal);
    public HashSet<string> NotNames { get; } = new(StringComparer.Ordinal);
    /// <summary>Words that make a capitalised name a place, first or last: "Helmand Province", "Lake Chad", "Tal Rifaat".</summary>
    public HashSet<string> PlaceSuffixes { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Coordinators { get; } = new(StringComparer.Ordinal);
    /// <summary>Lowercase nouns after a capitalised name that make it a place: "Idlib province", "Kavumu airport".</summary>
    public HashSet<string> PlaceNouns { get; } = new(StringComparer.Ordinal);
    /// <summary>Lowercase nouns after a place that name an agreement with it (MISC): "the Algiers agreement".</summary>
    public HashSet<string> MiscNouns { get; } = new(StringComparer.Ordinal);
    /// <summary>Words after which a national body is only a modifier: "Syrian government forces".</summary>
    public HashSet<string> NotAfterBodies { get; } = new(StringComparer.Ordinal);
    /// <summary>Word beginnings that make a name a place: "Saint-Denis", "Sainte-Marie" (place-words ending in '-').</summary>
    public List<string> PlacePrefixes { get; } = [];
    public required IReadOnlySet<string> FirstNames { get; init; }
    public required IReadOnlyDictionary<string, CountryInfo> CountryInfo { get; init; }
    /// <summary>Whether organisation names go on in lowercase words ("l'Observatoire syrien des droits de l'homme").</summary>
    public bool LowercaseInOrganisationNames { get; private set; }

    /// <summary>The lexicon alone, for languages without an <c>entities.yaml</c>.</summary>
    public static EntityGrammar LexiconOnly(EntityLexicon lexicon)
    {
        var grammar = new EntityGrammar { Language = "und", FirstNames = lexicon.FirstNames, CountryInfo = lexicon.Countries };
        grammar.AddLexicon(lexicon);
        return grammar;
    }

    public static EntityGrammar Load(string folder, EntityLexicon lexicon)
    {
        var language = Path.GetFileName(folder);
        var grammar = new EntityGrammar { Language = language, FirstNames = lexicon.FirstNames, CountryInfo = lexicon.Countries };
        grammar.AddLexicon(lexicon);
        var demonyms = Path.Combine(folder, "demonyms.tsv");
        if (File.Exists(demonyms)) grammar.LoadDemonyms(demonyms, lexicon);
        var path = Path.Combine(folder, "entities.yaml");
        var root = EntityYaml.Read(path);
        void Words(string key, HashSet<string> set)
        {
            foreach (var word in EntityYaml.List(root, key))
                foreach (var token in EntityTokenizer.Tokenize(word))
                    set.Add(token.Key);
        }
        Words("role-words", grammar.RoleWords);
        Words("determiners", grammar.Determiners);
        Words("connectors", grammar.Connectors);
        Words("particles", grammar.Particles);
        Words("stop-words", grammar.StopWords);
        Words("not-names", grammar.NotNames);
        Words("place-words", grammar.PlaceSuffixes);
        grammar.PlacePrefixes.AddRange(EntityYaml.List(root, "place-words").Where(w => w.EndsWith('-')).Select(w => EntityTokenizer.Key(w)));
        Words("coordinators", grammar.Coordinators);
        Words("place-nouns", grammar.PlaceNouns);
        Words("misc-nouns", grammar.MiscNouns);
        Words("not-after-bodies", grammar.NotAfterBodies);
        foreach (var title in EntityYaml.List(root, "titles")) grammar.PersonCues.Add(title, new PersonCue(TitleOnly: true));
        foreach (var role in EntityYaml.List(root, "roles")) grammar.PersonCues.Add(role, new PersonCue(TitleOnly: false));
        foreach (var cue in EntityYaml.List(root, "place-cues")) grammar.PlaceCues.Add(cue, cue);
        foreach (var cue in EntityYaml.List(root, "misc-cues")) grammar.MiscCues.Add(cue, cue);
        foreach (var verb in EntityYaml.List(root, "government-verbs")) grammar.GovernmentVerbs.Add(verb, verb);
        // The verbs also work before the name ("accuse Kigali de…"); the cues only there.
        foreach (var cue in EntityYaml.List(root, "government-verbs").Concat(EntityYaml.List(root, "government-cues-before")))
            grammar.GovernmentCuesBefore.Add(cue, cue);
        grammar.GovernmentCanonical = EntityYaml.Scalar(root, "government-canonical");
        grammar.LowercaseInOrganisationNames = EntityYaml.Scalar(root, "lowercase-in-organisation-names") == "true";
        if (EntityYaml.Child(root, "organisation-heads") is YamlMappingNode heads)
            foreach (var (wordNode, valueNode) in heads.Children)
            {
                var word = ((YamlScalarNode)wordNode).Value ?? "";
                var head = valueNode as YamlMappingNode ?? throw new LanguageDataException($"{path}:{valueNode.Start.Line}: '{word}' maps to {{type, kind}}");
                grammar.OrganisationHeads[EntityTokenizer.Key(word)] =
                    new OrganisationHead(EntityYaml.Type(EntityYaml.Scalar(head, "type") ?? "ORG", head, path), EntityYaml.Scalar(head, "kind"));
            }
        foreach (var body in EntityYaml.Sequence(root, "bodies", path))
        {
            var entity = new KnownEntity(EntityYaml.Type(EntityYaml.Scalar(body, "type") ?? "ORG", body, path),
                EntityYaml.Required(body, "canonical", path), EntityYaml.Scalar(body, "kind"), null);
            foreach (var pattern in EntityYaml.List(body, "patterns")) grammar.Known.Add(pattern, entity);
        }
        return grammar;
    }

    private void AddLexicon(EntityLexicon lexicon)
    {
        foreach (var (alias, entity) in lexicon.Aliases)
        {
            Known.Add(alias, entity);
            if (entity.Type == EntityType.LOC && entity.Country is { } iso3 && entity.Canonical == lexicon.Countries.GetValueOrDefault(iso3)?.Name)
                Countries.Add(alias, lexicon.Countries[iso3]);
        }
    }

    /// <summary>
    /// <c>ISO3 &lt;tab&gt; forms</c>, forms separated by <c>|</c>, optional endings in parentheses:
    /// <c>américain(e)(s)</c> is américain, américaine, américains, américaines.
    /// </summary>
    private void LoadDemonyms(string path, EntityLexicon lexicon)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split('\t');
            if (fields.Length != 2 || !lexicon.Countries.TryGetValue(fields[0].Trim(), out var country))
                throw new LanguageDataException($"{path}:{number}: expected 'ISO3<tab>forms' with a country of data/entities/countries.yaml");
            foreach (var form in fields[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                foreach (var expanded in ExpandOptionalEndings(form))
                {
                    Countries.Add(expanded, country);
                    foreach (var token in EntityTokenizer.Tokenize(expanded)) Demonyms.Add(token.Key);
                }
        }
    }

    internal static IEnumerable<string> ExpandOptionalEndings(string form)
    {
        var open = form.IndexOf('(');
        if (open < 0)
        {
            yield return form;
            yield break;
        }
        var close = form.IndexOf(')', open);
        if (close < 0)
        {
            yield return form;
            yield break;
        }
        var before = form[..open];
        var optional = form[(open + 1)..close];
        foreach (var rest in ExpandOptionalEndings(form[(close + 1)..]))
        {
            yield return before + rest;
            yield return before + optional + rest;
        }
    }
}
