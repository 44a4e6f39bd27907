using Sitrep.Language;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Events.Clauses;

/// <summary>
/// The words and marks one language opens and closes clauses with (<c>lang/&lt;code&gt;/syntax.yaml</c>): quotation marks,
/// breaks, subordinators, complementizers, relative pronouns, coordinators, finite-verb cues and participle endings.
/// Words are kept as phrases of lower-case words split the way <see cref="ClauseSegmenter"/> splits text (an elided
/// "qu'" is a word of its own), looked up by their first word.
/// </summary>
public sealed class ClauseGrammar
{
    /// <summary>What a phrase of the grammar does where it stands.</summary>
    public enum Role { Neutral, Subordinator, SubordinatorWithVerb, Complementizer, SubjectRelative, Relative, Coordinator }

    public required string OpenQuotes { get; init; }
    public required string CloseQuotes { get; init; }
    public required string BothQuotes { get; init; }
    public required string Breaks { get; init; }
    /// <summary>Phrases by first word, longest first, each with its role.</summary>
    public required Dictionary<string, (string[] Words, Role Role)[]> Phrases { get; init; }
    public required HashSet<string> FiniteVerbs { get; init; }
    public required HashSet<string> ObjectMarkers { get; init; }
    /// <summary>Words that introduce the author of an act however far from its trigger ("par", "by").</summary>
    public required HashSet<string> AgentWords { get; init; }
    /// <summary>Words that introduce what an act is aimed at ("contre", "against"): a name after them belongs to the target ("une attaque contre un camp de l'armée"), not to the act.</summary>
    public HashSet<string> TargetWords { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Possessive determiners ("its", "ses"): a phrase they open belongs to the side named before ("the ministry said its forces…").</summary>
    public HashSet<string> Possessive { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Marks between two names that make the second the first's ("Yemen's Houthi movement"); none in most languages.</summary>
    public required HashSet<string> Possessives { get; init; }
    /// <summary>Single-word coordinators ("et", "and"), for the reported clause a verb of saying opens after one.</summary>
    public HashSet<string> Coordinators { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Verbs of saying that, after a coordinator, open what the subject reports of others (« et affirmé que les Wazalendo… », "and said Ukrainian forces…"): no party of the act before them.</summary>
    public HashSet<string> ReportVerbs { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Words between two groups of people that make the second where the first come from ("women and children from families of missing men", « des proches de disparus »): the first is the subject.</summary>
    public HashSet<string> OriginWords { get; init; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Words that open an aside naming some of the phrase before it ("cinq personnes, dont deux enfants"): that phrase stays the one meant.</summary>
    public required string[] Subsets { get; init; }
    /// <summary>Words after which a trigger is a noun, not a verb ("la livraison", "the strike").</summary>
    public required HashSet<string> Determiners { get; init; }
    public required string[] ParticipleEndings { get; init; }
    public required HashSet<string> NotParticiples { get; init; }

    public static IReadOnlyDictionary<string, ClauseGrammar> LoadAll(string root) =>
        LanguageFolders.LoadEach(root, "syntax.yaml", (path, _) => Load(path));

    public static ClauseGrammar Load(string path)
    {
        var root = YamlFile.ReadMapping(path, "the clause words (quotes, subordinators, relatives, coordinators, ...)");
        List<string> Words(YamlMappingNode map, string key)
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(key), out var node)) return [];
            if (node is not YamlSequenceNode list) throw new LanguageDataException($"{path}:{node.Start.Line}: '{key}' is a list of words");
            var words = new List<string>();
            foreach (var item in list)
                words.Add(item is YamlScalarNode { Value: { Length: > 0 } text }
                    ? text.ToLowerInvariant()
                    : throw new LanguageDataException($"{path}:{item.Start.Line}: '{key}' holds an empty or nested entry"));
            return words;
        }
        if (!root.Children.TryGetValue(new YamlScalarNode("quotes"), out var quotesNode) || quotesNode is not YamlMappingNode quotes)
            throw new LanguageDataException($"{path}:1: 'quotes' (a mapping of open, close, both) is missing");

        var phrases = new Dictionary<string, List<(string[] Words, Role Role)>>(StringComparer.OrdinalIgnoreCase);
        void Add(string key, Role role)
        {
            foreach (var phrase in Words(root, key))
            {
                var words = ClauseSegmenter.SplitWords(phrase);
                if (words.Length == 0) throw new LanguageDataException($"{path}: '{key}' holds '{phrase}', which has no word");
                if (!phrases.TryGetValue(words[0], out var list)) phrases[words[0]] = list = [];
                list.Add((words, role));
            }
        }
        Add("neutral", Role.Neutral);
        Add("subordinators", Role.Subordinator);
        Add("subordinators-with-verb", Role.SubordinatorWithVerb);
        Add("complementizers", Role.Complementizer);
        Add("relatives-subject", Role.SubjectRelative);
        Add("relatives", Role.Relative);
        Add("coordinators", Role.Coordinator);
        var endings = Words(root, "participle-endings").ToArray();
        return new ClauseGrammar
        {
            OpenQuotes = string.Concat(Words(quotes, "open")),
            CloseQuotes = string.Concat(Words(quotes, "close")),
            BothQuotes = string.Concat(Words(quotes, "both")),
            Breaks = string.Concat(Words(root, "breaks")),
            // Longest first, so that "après que" wins over a shorter phrase of the same first word; the file order breaks ties.
            Phrases = phrases.ToDictionary(p => p.Key, p => p.Value.OrderByDescending(x => x.Words.Length).ToArray(), StringComparer.OrdinalIgnoreCase),
            FiniteVerbs = new HashSet<string>(Words(root, "finite-verbs"), StringComparer.OrdinalIgnoreCase),
            AgentWords = new HashSet<string>(Words(root, "agent-words"), StringComparer.OrdinalIgnoreCase),
            TargetWords = new HashSet<string>(Words(root, "target-words"), StringComparer.OrdinalIgnoreCase),
            Possessive = new HashSet<string>(Words(root, "possessive-determiners"), StringComparer.OrdinalIgnoreCase),
            Possessives = new HashSet<string>(Words(root, "possessives"), StringComparer.Ordinal),
            Coordinators = new HashSet<string>(Words(root, "coordinators").Where(w => !w.Contains(' ')), StringComparer.OrdinalIgnoreCase),
            ReportVerbs = new HashSet<string>(Words(root, "report-verbs"), StringComparer.OrdinalIgnoreCase),
            OriginWords = new HashSet<string>(Words(root, "origin-words"), StringComparer.OrdinalIgnoreCase),
            Subsets = Words(root, "subsets").ToArray(),
            Determiners = new HashSet<string>(Words(root, "determiners"), StringComparer.OrdinalIgnoreCase),
            ObjectMarkers = new HashSet<string>(Words(root, "object-markers"), StringComparer.OrdinalIgnoreCase),
            ParticipleEndings = endings,
            NotParticiples = new HashSet<string>(Words(root, "not-participles"), StringComparer.OrdinalIgnoreCase),
        };
    }
}
