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
    public required Cue ClauseBreaks { get; init; }
    public required Cue HedgingIntroducers { get; init; }
    public required Cue Introducers { get; init; }
    /// <summary>A reporting verb, with the auxiliary before a participle: "a déclaré", "said", "a-t-il ajouté".</summary>
    public required Cue ReportingVerbs { get; init; }
    public required IReadOnlySet<string> ClaimingVerbs { get; init; }
    /// <summary>Last words that show the phrase before a reporting verb is no source: determiners, passive auxiliaries, impersonal subjects ("on indiquait").</summary>
    public required IReadOnlySet<string> NotSubjectEndings { get; init; }
    /// <summary>First words of a phrase that names nobody ("no group", "aucun groupe").</summary>
    public required IReadOnlySet<string> NotSubjectStarts { get; init; }
    /// <summary>Words after which a subject starts ("and", "que"): what comes before them belongs to another clause.</summary>
    public required Regex SubjectBreaks { get; init; }
    public required Regex ContinuationSubject { get; init; }
    public required Regex Channels { get; init; }
    public required Cue QuotedBy { get; init; }
    /// <summary>Phrases that look like a source and are none ("de source indépendante").</summary>
    public required Cue NotSources { get; init; }
    public required Regex PhraseEnds { get; init; }
    public required IReadOnlyList<Cue> Hedges { get; init; }
    public required IReadOnlyList<Cue> Negations { get; init; }
    public required Regex ZeroToll { get; init; }
    public required Regex ScopeEnds { get; init; }
    public required Cue DenialVerbs { get; init; }
    public required Cue QuestionCues { get; init; }
    public required Cue HypotheticalOpeners { get; init; }
    public required IReadOnlyList<Cue> Hypothetical { get; init; }
    public required IReadOnlyList<Cue> Planned { get; init; }
    public required Cue ThreatCues { get; init; }
    /// <summary>"un accord prévoyant", "Paris propose", "provides for": what a deal or a proposal provides for is still to come (planned); optional.</summary>
    public required Cue ProvisionCues { get; init; }
    public required IReadOnlyList<Cue> Generic { get; init; }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture | RegexOptions.Compiled;
    private static readonly Regex NeverMatches = new("(?!)", RegexOptions.None, MatchTimeout);

    /// <summary>A cue pattern, compiled and run once here (<see cref="RegexWarmUp"/>), so that its JIT is not paid under a document's time limit.</summary>
    private static Regex Compile(string pattern)
    {
        var regex = new Regex(pattern, Options, MatchTimeout);
        RegexWarmUp.TryRun(regex);
        return regex;
    }

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
        var reporting = new Cue(Compile(
            $"{WordStart}(({Alternation(auxiliaries)})\\s+({Alternation(participles)})|({Alternation(verbs)})){WordEnd}"),
            participles.Concat(verbs).Select(RarestWord).ToList());
        var grammar = new ClaimGrammar
        {
            Language = language,
            ClauseBreaks = Phrases(path, root, "clause-breaks", wholeWords: false),
            HedgingIntroducers = Phrases(path, sources, "hedging-introducers"),
            Introducers = Phrases(path, sources, "introducers"),
            ReportingVerbs = reporting,
            ClaimingVerbs = Words(path, sources, "claiming-verbs").ToHashSet(StringComparer.OrdinalIgnoreCase),
            NotSubjectEndings = Words(path, sources, "determiners").Concat(Words(path, sources, "passive-auxiliaries")).Concat(Words(path, sources, "impersonal-subjects")).ToHashSet(StringComparer.OrdinalIgnoreCase),
            NotSubjectStarts = Words(path, sources, "nobody").ToHashSet(StringComparer.OrdinalIgnoreCase),
            SubjectBreaks = Phrases(path, sources, "subject-breaks").Regex,
            ContinuationSubject = Compile($"^\\s*({Alternation(Words(path, sources, "continuation-subjects"))})\\s*$"),
            Channels = Phrases(path, sources, "channels").Regex,
            QuotedBy = Phrases(path, sources, "quoted-by"),
            NotSources = Phrases(path, sources, "not-sources"),
            PhraseEnds = Phrases(path, sources, "phrase-ends").Regex,
            Hedges = [Phrases(path, hedges, "words"), .. Patterns(path, hedges, "patterns")],
            Negations = Patterns(path, negation, "patterns"),
            ZeroToll = Compile($"\\G\\s*(\\p{{L}}+\\s+)?({Alternation(Words(path, negation, "zero-toll"))}){WordEnd}"),
            ScopeEnds = Phrases(path, negation, "scope-ends", wholeWords: false).Regex,
            DenialVerbs = Phrases(path, negation, "denial-verbs"),
            QuestionCues = Phrases(path, modality, "question"),
            HypotheticalOpeners = new Cue(Compile($"(^|[,;]\\s*)({Alternation(Words(path, modality, "hypothetical-openers"))})\\s"),
                Words(path, modality, "hypothetical-openers").Select(RarestWord).ToList()),
            Hypothetical = [Phrases(path, modality, "hypothetical"), .. Patterns(path, modality, "hypothetical-patterns")],
            Planned = [Phrases(path, modality, "planned"), .. Patterns(path, modality, "planned-patterns")],
            ThreatCues = Phrases(path, modality, "threat-cues"),
            ProvisionCues = Phrases(path, modality, "provision-cues"),
            Generic = [Phrases(path, modality, "generic"), .. Patterns(path, modality, "generic-patterns")],
        };
        grammar.IndexCues(path);
        return grammar;
    }

    private readonly Dictionary<string, ulong> _cuesByWord = new(StringComparer.OrdinalIgnoreCase);
    private Dictionary<string, ulong>.AlternateLookup<ReadOnlySpan<char>> _cuesByWordSpan;
    private ulong _alwaysTried;
    private readonly List<(string Suffix, ulong Bit)> _suffixes = [];

    /// <summary>Gives each cue a bit and files it under the words that any of its matches holds.</summary>
    private void IndexCues(string path)
    {
        Cue[] cues = [ClauseBreaks, HedgingIntroducers, Introducers, ReportingVerbs, QuotedBy, NotSources, DenialVerbs, QuestionCues, HypotheticalOpeners, ThreatCues,
            ProvisionCues, .. Hedges, .. Negations, .. Hypothetical, .. Planned, .. Generic];
        if (cues.Length > 64) throw new LanguageDataException($"{path}:1: more than 64 cue lists and patterns");
        for (var i = 0; i < cues.Length; i++)
        {
            cues[i].Bit = 1UL << i;
            if (cues[i].Keys is not { } keys) _alwaysTried |= cues[i].Bit;
            else
                foreach (var key in keys)
                    _cuesByWord[key] = _cuesByWord.GetValueOrDefault(key) | cues[i].Bit;
            foreach (var suffix in cues[i].Suffixes) _suffixes.Add((suffix, cues[i].Bit));
        }
        _cuesByWordSpan = _cuesByWord.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The cues worth trying on text[start..end): those with a key word in it, and the patterns.</summary>
    public ulong CuesIn(string text, int start, int end)
    {
        var mask = _alwaysTried;
        var i = start;
        while (i < end)
        {
            while (i < end && !char.IsLetterOrDigit(text[i])) i++;
            var wordStart = i;
            while (i < end && char.IsLetterOrDigit(text[i])) i++;
            if (i == wordStart) continue;
            var word = text.AsSpan(wordStart, i - wordStart);
            if (_cuesByWordSpan.TryGetValue(word, out var bits)) mask |= bits;
            foreach (var (suffix, bit) in _suffixes)
                if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) mask |= bit;
        }
        return mask;
    }

    /// <summary>The longest word of a phrase (split as <see cref="CuesIn"/> splits): every match of the phrase holds it.</summary>
    private static string RarestWord(string phrase) =>
        Regex.Split(phrase, @"[^\p{L}\p{N}]+", RegexOptions.None, MatchTimeout).Where(w => w.Length > 0).MaxBy(w => w.Length) ?? phrase;

    /// <summary>The cues of every language folder with a <c>claims.yaml</c>.</summary>
    public static IReadOnlyDictionary<string, ClaimGrammar> LoadAll(string root) => LanguageFolders.LoadEach(root, "claims.yaml", Load);

    // A hyphen joins words: "d'après-midi" holds no "d'après".
    private const string WordStart = @"(?<![\p{L}\p{N}-])";
    private const string WordEnd = @"(?![\p{L}\p{N}-])";

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

    private static Cue Phrases(string path, YamlMappingNode parent, string key, bool wholeWords = true)
    {
        var phrases = Words(path, parent, key);
        if (phrases.Count == 0) return new Cue(NeverMatches, []);
        var keys = phrases.Select(RarestWord).ToList();
        if (wholeWords) return new Cue(Compile($"{WordStart}({Alternation(phrases)}){WordEnd}"), keys);
        // Punctuation-led phrases (", mais", "; "): spaces kept as written, since they mark where the phrase starts.
        // A phrase of punctuation alone ("; ") has no word: such a list is always tried.
        return new Cue(Compile(string.Join("|", phrases.Select(p => Regex.Escape(p).Replace("\\ ", " ").Replace(" ", "\\s+") + (char.IsLetter(p[^1]) ? WordEnd : "")))),
            phrases.Any(p => !p.Any(char.IsLetterOrDigit)) ? null : keys);
    }

    private static List<Cue> Patterns(string path, YamlMappingNode parent, string key)
    {
        var patterns = new List<Cue>();
        if (!parent.Children.TryGetValue(new YamlScalarNode(key), out var node)) return patterns;
        if (node is not YamlSequenceNode list) throw new LanguageDataException($"{path}:{node.Start.Line}: '{key}' must be a list");
        foreach (var item in list.Children)
        {
            // A bare pattern is tried on every sentence; {pattern, words, suffixes} only where a word (or a word's ending) is found.
            string? text;
            List<string>? words = null, suffixes = null;
            if (item is YamlMappingNode entry)
            {
                text = entry.Children.TryGetValue(new YamlScalarNode("pattern"), out var patternNode) ? (patternNode as YamlScalarNode)?.Value : null;
                if (entry.Children.ContainsKey(new YamlScalarNode("words"))) words = Words(path, entry, "words");
                if (entry.Children.ContainsKey(new YamlScalarNode("suffixes"))) suffixes = Words(path, entry, "suffixes");
            }
            else text = (item as YamlScalarNode)?.Value;
            if (text is null) throw new LanguageDataException($"{path}:{item.Start.Line}: a pattern is a string or {{pattern, words, suffixes}}");
            try
            {
                patterns.Add(new Cue(Compile(text), words is null && suffixes is null ? null : words ?? []) { Suffixes = suffixes ?? [] });
            }
            catch (ArgumentException error)
            {
                throw new LanguageDataException($"{path}:{item.Start.Line}: bad pattern \"{text}\": {error.Message}");
            }
        }
        return patterns;
    }
}

/// <summary>A cue list or pattern, and the words one of which every match holds (null: no such word, always tried).</summary>
public sealed class Cue(Regex regex, IReadOnlyList<string>? keys)
{
    public Regex Regex { get; } = regex;
    public IReadOnlyList<string>? Keys { get; } = keys;
    /// <summary>Word endings that also make the cue worth trying ("frappera": "era").</summary>
    public IReadOnlyList<string> Suffixes { get; init; } = [];
    /// <summary>This cue's bit in <see cref="ClaimGrammar.CuesIn"/>.</summary>
    public ulong Bit { get; internal set; }
}
