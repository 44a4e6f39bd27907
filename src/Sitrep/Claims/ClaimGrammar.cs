using System.Text.RegularExpressions;
using Sitrep.Language;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Claims;

/// <summary>
/// One language's cues for claim frames, read from <c>lang/&lt;code&gt;/claims.yaml</c>: clause breaks,
/// source introducers and reporting verbs, hedges, negation particles and denial verbs, and the cues of
/// questions, hypotheses, plans and general statements. Word lists become one case-insensitive regex each.
/// </summary>
public sealed class ClaimGrammar
{
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    public required string Language { get; init; }
    public required Regex ClauseBreaks { get; init; }
    public required Regex HedgingIntroducers { get; init; }
    public required Regex Introducers { get; init; }
    /// <summary>A reporting verb, with the auxiliary before a participle: "a déclaré", "said", "a-t-il ajouté".</summary>
    public required Regex ReportingVerbs { get; init; }
    public required IReadOnlySet<string> ClaimingVerbs { get; init; }
    /// <summary>Last words that show the phrase before a reporting verb is no subject: determiners, passive auxiliaries.</summary>
    public required IReadOnlySet<string> NotSubjectEndings { get; init; }
    public required Regex ContinuationSubject { get; init; }
    public required Regex Channels { get; init; }
    public required Regex QuotedBy { get; init; }
    public required Regex PhraseEnds { get; init; }
    public required IReadOnlyList<Regex> Hedges { get; init; }
    public required IReadOnlyList<Regex> Negations { get; init; }
    public required Regex ZeroToll { get; init; }
    public required Regex ScopeEnds { get; init; }
    public required Regex DenialVerbs { get; init; }
    public required Regex QuestionCues { get; init; }
    public required Regex HypotheticalOpeners { get; init; }
    public required IReadOnlyList<Regex> Hypothetical { get; init; }
    public required IReadOnlyList<Regex> Planned { get; init; }
    public required Regex ThreatCues { get; init; }
    public required IReadOnlyList<Regex> Generic { get; init; }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private static readonly Regex NeverMatches = new("(?!)", RegexOptions.None, MatchTimeout);

    public static ClaimGrammar Load(string path, string language)
    {
        var root = YamlFile.ReadMapping(path, "the claim cues");
        var sources = Section(path, root, "sources");
        var hedges = Section(path, root, "hedges");
        var negation = Section(path, root, "negation");
        var modality = Section(path, root, "modality");
        var auxiliaries = Words(path, sources, "auxiliaries");
        var participles = Words(path, sources, "participles");
        var verbs = Words(path, sources, "verbs");
        // A participle counts only after an auxiliary ("a déclaré"); a finite form alone ("affirme", "said").
        var reporting = new Regex(
            $"{WordStart}(({Alternation(auxiliaries)})\\s+({Alternation(participles)})|({Alternation(verbs)})){WordEnd}", Options, MatchTimeout);
        return new ClaimGrammar
        {
            Language = language,
            ClauseBreaks = Phrases(path, root, "clause-breaks", wholeWords: false),
            HedgingIntroducers = Phrases(path, sources, "hedging-introducers"),
            Introducers = Phrases(path, sources, "introducers"),
            ReportingVerbs = reporting,
            ClaimingVerbs = Words(path, sources, "claiming-verbs").ToHashSet(StringComparer.OrdinalIgnoreCase),
            NotSubjectEndings = Words(path, sources, "determiners").Concat(Words(path, sources, "passive-auxiliaries")).ToHashSet(StringComparer.OrdinalIgnoreCase),
            ContinuationSubject = new Regex($"^\\s*({Alternation(Words(path, sources, "continuation-subjects"))})\\s*$", Options, MatchTimeout),
            Channels = Phrases(path, sources, "channels"),
            QuotedBy = Phrases(path, sources, "quoted-by"),
            PhraseEnds = Phrases(path, sources, "phrase-ends"),
            Hedges = [Phrases(path, hedges, "words"), .. Patterns(path, hedges, "patterns")],
            Negations = Patterns(path, negation, "patterns"),
            ZeroToll = new Regex($"\\G\\s*({Alternation(Words(path, negation, "zero-toll"))}){WordEnd}", Options, MatchTimeout),
            ScopeEnds = Phrases(path, negation, "scope-ends", wholeWords: false),
            DenialVerbs = Phrases(path, negation, "denial-verbs"),
            QuestionCues = Phrases(path, modality, "question"),
            HypotheticalOpeners = new Regex($"(^|[,;]\\s*)({Alternation(Words(path, modality, "hypothetical-openers"))})\\s", Options, MatchTimeout),
            Hypothetical = [Phrases(path, modality, "hypothetical")],
            Planned = [Phrases(path, modality, "planned"), .. Patterns(path, modality, "planned-patterns")],
            ThreatCues = Phrases(path, modality, "threat-cues"),
            Generic = [Phrases(path, modality, "generic"), .. Patterns(path, modality, "generic-patterns")],
        };
    }

    /// <summary>The cues of every language folder with a <c>claims.yaml</c>.</summary>
    public static IReadOnlyDictionary<string, ClaimGrammar> LoadAll(string root) => LanguageFolders.LoadEach(root, "claims.yaml", Load);

    private const string WordStart = @"(?<![\p{L}\p{N}])";
    private const string WordEnd = @"(?![\p{L}\p{N}])";

    private static YamlMappingNode Section(string path, YamlMappingNode root, string key) =>
        root.Children.TryGetValue(new YamlScalarNode(key), out var node)
            ? node as YamlMappingNode ?? throw new LanguageDataException($"{path}:{node.Start.Line}: '{key}' must be a mapping")
            : throw new LanguageDataException($"{path}:{root.Start.Line}: '{key}' is missing");

    /// <summary>The strings listed under <paramref name="key"/> (empty when absent).</summary>
    private static List<string> Words(string path, YamlMappingNode parent, string key)
    {
        if (!parent.Children.TryGetValue(new YamlScalarNode(key), out var node)) return [];
        if (node is not YamlSequenceNode list) throw new LanguageDataException($"{path}:{node.Start.Line}: '{key}' must be a list");
        return list.Children.Select(item => item is YamlScalarNode { Value: { Length: > 0 } value } ? value
            : throw new LanguageDataException($"{path}:{item.Start.Line}: '{key}' holds phrases (strings)")).ToList();
    }

    /// <summary>The phrases as one regex alternative, longest first; a space matches any spaces, an apostrophe any apostrophe.</summary>
    private static string Alternation(IEnumerable<string> phrases) =>
        string.Join("|", phrases.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal)
            .Select(p => Regex.Escape(p.Trim()).Replace("\\ ", "\\s+").Replace("'", "['’]")));

    private static Regex Phrases(string path, YamlMappingNode parent, string key, bool wholeWords = true)
    {
        var phrases = Words(path, parent, key);
        if (phrases.Count == 0) return NeverMatches;
        if (wholeWords) return new Regex($"{WordStart}({Alternation(phrases)}){WordEnd}", Options, MatchTimeout);
        // Punctuation-led phrases (", mais", "; "): spaces kept as written, since they mark where the phrase starts.
        return new Regex(string.Join("|", phrases.Select(p => Regex.Escape(p).Replace("\\ ", " ").Replace(" ", "\\s+") + (char.IsLetter(p[^1]) ? WordEnd : ""))),
            Options, MatchTimeout);
    }

    private static List<Regex> Patterns(string path, YamlMappingNode parent, string key)
    {
        var patterns = new List<Regex>();
        if (!parent.Children.TryGetValue(new YamlScalarNode(key), out var node)) return patterns;
        if (node is not YamlSequenceNode list) throw new LanguageDataException($"{path}:{node.Start.Line}: '{key}' must be a list");
        foreach (var item in list.Children)
        {
            var text = (item as YamlScalarNode)?.Value ?? throw new LanguageDataException($"{path}:{item.Start.Line}: a pattern is a string");
            try
            {
                patterns.Add(new Regex(text, Options, MatchTimeout));
            }
            catch (ArgumentException error)
            {
                throw new LanguageDataException($"{path}:{item.Start.Line}: bad pattern \"{text}\": {error.Message}");
            }
        }
        return patterns;
    }
}
