using Sitrep.Language;

namespace Sitrep.Quantities;

/// <summary>How a qualifier before a count bounds the truth: "au moins" (low), "jusqu'à" (high), "environ" (about), "entre" (a range starts).</summary>
public enum CountQualifier
{
    Low,
    High,
    About,
    Range,
}

/// <summary>
/// One language's casualty phrases, read from <c>lang/&lt;code&gt;/casualties.yaml</c>: word classes
/// (what happened, who, auxiliaries…), qualifiers, zero and unknown phrases, and patterns: sequences
/// of word classes (<c>{victim}</c>), literal words (<c>de|of</c>) and the built-in <c>{count}</c> and
/// <c>{word}</c> (any word), <c>{number}</c> (any number) and <c>{aside}</c> (", dont cinq enfants,"), tried in the order written.
/// </summary>
public sealed class CasualtyGrammar
{
    public required string Language { get; init; }
    public required NumberGrammar Numbers { get; init; }
    public required IReadOnlyDictionary<string, PhraseTable<string>> Pieces { get; init; }
    /// <summary>Pieces whose values are categories: the word that says what happened (the trigger).</summary>
    public required IReadOnlySet<string> OutcomePieces { get; init; }
    public required PhraseTable<CountQualifier> Qualifiers { get; init; }
    /// <summary>Join two counts into a range anywhere ("10 à 15", "two or three").</summary>
    public required IReadOnlySet<string> RangeJoiners { get; init; }
    /// <summary>Join two counts into a range only after a range qualifier ("entre 10 et 15").</summary>
    public required IReadOnlySet<string> RangeJoinersAfterStart { get; init; }
    public required PhraseTable<string> Zero { get; init; }
    public required PhraseTable<string> Unknown { get; init; }
    /// <summary>Articles that count one person when a victim noun follows ("un soldat a été tué").</summary>
    public required IReadOnlySet<string> One { get; init; }
    /// <summary>Words that join counts sharing one outcome ("trois policiers et un civil ont été blessés").</summary>
    public required IReadOnlySet<string> Coordinators { get; init; }
    /// <summary>What a joined count looks like: <c>{count} {of}? {word}? {victim}</c>.</summary>
    public required IReadOnlyList<PatternElement> Conjunct { get; init; }
    /// <summary>Phrases that open an aside to skip (", dont cinq enfants,", "(including two children)").</summary>
    public required PhraseTable<string> Asides { get; init; }
    /// <summary>Words after a count that show it counts no people ("45 ans", "30 km").</summary>
    public required IReadOnlySet<string> NonVictims { get; init; }
    public required IReadOnlyList<CasualtyPattern> Patterns { get; init; }

    /// <summary>Keys a count can start with besides a number (qualifiers, zero and unknown phrases, "un"): elsewhere no count is tried.</summary>
    public IReadOnlySet<string> CountStarts => _countStarts ??= Qualifiers.FirstKeys.Concat(Zero.FirstKeys).Concat(Unknown.FirstKeys).Concat(One).ToHashSet(StringComparer.Ordinal);

    private IReadOnlySet<string>? _countStarts;

    /// <summary>Which patterns can start at a token, and the tables the matcher asks at every token, found once.</summary>
    internal PatternIndex Index => _index ??= new PatternIndex(this);

    private PatternIndex? _index;
    /// <summary>
    /// The longest word of every outcome phrase, as written and as a key, compared ignoring case: a sentence
    /// without one holds no casualty, and is skipped after one scan.
    /// </summary>
    public required HashSet<string> TriggerWords
    {
        get;
        init
        {
            field = value;
            TriggerLengths = 0;
            foreach (var word in value) TriggerLengths |= 1UL << Math.Min(word.Length, 63);
        }
    }

    /// <summary>Bit n set: some trigger word has n letters (63: 63 or more); a word of another length is not looked up.</summary>
    public ulong TriggerLengths { get; private init; }

    public static CasualtyGrammar Load(string path, string language, NumberGrammar numbers)
    {
        var data = QuantityData.Load(path);
        var words = data.Section("words");
        var pieces = new Dictionary<string, PhraseTable<string>>(StringComparer.Ordinal);
        var outcomes = new HashSet<string>(StringComparer.Ordinal);
        var triggers = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (nameNode, listNode) in words.Children)
        {
            var name = ((YamlDotNet.RepresentationModel.YamlScalarNode)nameNode).Value ?? "";
            var table = new PhraseTable<string>();
            if (listNode is YamlDotNet.RepresentationModel.YamlSequenceNode)
                foreach (var phrase in data.List(words, name)) table.Add(QuantityTokenizer.Keys(phrase), "");
            else
            {
                var categories = 0;
                var forms = new List<string>();
                foreach (var (phrase, value, node) in data.Map(words, name))
                {
                    if (Enum.TryParse<CasualtyCategory>(value, true, out _)) categories++;
                    else if (!TryVictimClass(value, out _))
                        throw new LanguageDataException($"{data.Where(node)}: '{value}' is neither a category ({string.Join(", ", Enum.GetNames<CasualtyCategory>()).ToLowerInvariant()}) nor a victim class (civilian, military, armed-group, unknown)");
                    table.Add(QuantityTokenizer.Keys(phrase), value);
                    // Any word of the phrase is in a sentence that holds it: the longest is the rarest ("tué" in "a tué").
                    var rarest = phrase.Split([' ', '-', '\'', '’'], StringSplitOptions.RemoveEmptyEntries).MaxBy(w => w.Length)!;
                    forms.Add(rarest);
                    forms.Add(QuantityTokenizer.Key(rarest));
                }
                if (categories > 0 && categories < table.Count)
                    throw new LanguageDataException($"{data.Where(listNode)}: '{name}' mixes categories and victim classes");
                if (categories > 0)
                {
                    outcomes.Add(name);
                    triggers.UnionWith(forms);
                }
            }
            pieces[name] = table;
        }
        var qualifiers = new PhraseTable<CountQualifier>();
        foreach (var (phrase, value, node) in data.Map(data.Root, "qualifiers"))
            qualifiers.Add(QuantityTokenizer.Keys(phrase), Enum.TryParse<CountQualifier>(value, true, out var q) ? q
                : throw new LanguageDataException($"{data.Where(node)}: qualifier '{value}' is not low, high, about or range"));
        var ranges = data.Child(data.Root, "ranges") as YamlDotNet.RepresentationModel.YamlMappingNode ?? [];
        PhraseTable<string> Phrases(string key)
        {
            var table = new PhraseTable<string>();
            foreach (var phrase in data.List(data.Root, key)) table.Add(QuantityTokenizer.Keys(phrase), "");
            return table;
        }
        HashSet<string> Keys(IEnumerable<string> items) => items.Select(s => string.Join(" ", QuantityTokenizer.Keys(s))).ToHashSet(StringComparer.Ordinal);

        var patterns = new List<CasualtyPattern>();
        if (data.Child(data.Root, "patterns") is not YamlDotNet.RepresentationModel.YamlSequenceNode patternNodes)
            throw new LanguageDataException($"{path}:1: 'patterns' (a list) is missing");
        foreach (var node in patternNodes.Children)
        {
            var text = (node as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value ?? throw new LanguageDataException($"{data.Where(node)}: a pattern is a string");
            patterns.Add(CasualtyPattern.Parse(text, pieces, outcomes, data.Where(node)));
        }
        return new CasualtyGrammar
        {
            Language = language,
            Numbers = numbers,
            Pieces = pieces,
            OutcomePieces = outcomes,
            Qualifiers = qualifiers,
            RangeJoiners = Keys(data.List(ranges, "join")),
            RangeJoinersAfterStart = Keys(data.List(ranges, "join-after-start")),
            Zero = Phrases("zero"),
            Unknown = Phrases("unknown"),
            One = Keys(data.List(data.Root, "one")),
            NonVictims = Keys(data.List(data.Root, "non-victims")),
            Coordinators = Keys(data.List(data.Root, "coordinators")),
            Asides = Phrases("asides"),
            Conjunct =
            [
                new PatternElement(PatternElement.Count, null, false, false, false),
                .. pieces.TryGetValue("of", out var of) ? [new PatternElement("of", null, true, false, false) { Table = of }] : Array.Empty<PatternElement>(),
                new PatternElement(PatternElement.AnyWord, null, true, false, false),
                new PatternElement(PatternElement.Victim, null, false, false, false) { Table = pieces.GetValueOrDefault(PatternElement.Victim) },
            ],
            Patterns = patterns,
            TriggerWords = triggers,
        };
    }

    internal static bool TryVictimClass(string value, out VictimClass victimClass)
    {
        victimClass = VictimClass.Unknown;
        switch (value)
        {
            case "civilian": victimClass = VictimClass.Civilian; return true;
            case "military": victimClass = VictimClass.Military; return true;
            case "armed-group": victimClass = VictimClass.ArmedGroup; return true;
            case "unknown": return true;
            default: return false;
        }
    }

    /// <summary>The grammars of every language folder with both <c>numbers.yaml</c> and <c>casualties.yaml</c>.</summary>
    public static IReadOnlyDictionary<string, CasualtyGrammar> LoadAll(string root, IReadOnlyDictionary<string, NumberGrammar> numbers) =>
        LanguageFolders.LoadEach(root, "casualties.yaml", (file, code) => numbers.TryGetValue(code, out var numberGrammar)
            ? Load(file, code, numberGrammar)
            : throw new LanguageDataException($"{file}:1: casualties need the language's numbers.yaml"));
}

/// <summary>One element of a pattern: a piece, the built-in count or any word, or literal words; optional or repeated.</summary>
public sealed record PatternElement(string? Piece, IReadOnlySet<string>? Literals, bool Optional, bool Repeat, bool Outcome)
{
    /// <summary>The word class a piece names, resolved when the pattern is read (null for the built-in pieces and literals).</summary>
    public PhraseTable<string>? Table { get; init; }

    public const string Count = "count";
    public const string AnyWord = "word";
    /// <summary>Any number that is not the count ("un homme de {number} ans").</summary>
    public const string AnyNumber = "number";
    /// <summary>An aside between commas or brackets that starts with an <c>asides</c> phrase (", dont cinq enfants,"), skipped.</summary>
    public const string Aside = "aside";
    public const string Victim = "victim";
    /// <summary>
    /// The words class that opens what a victim noun's complement or apposition says ("des FDS, alliance dominée par…,", "of a
    /// pro-government militia"); as an element, that stretch up to the auxiliary after it, skipped.
    /// </summary>
    public const string Complement = "complement";
    /// <summary>The auxiliaries a <see cref="Complement"/> runs up to.</summary>
    public const string Auxiliary = "aux";
}

/// <summary>A casualty pattern from the data file and where it was written.</summary>
public sealed record CasualtyPattern(IReadOnlyList<PatternElement> Elements, string Source)
{
    public static CasualtyPattern Parse(string text, IReadOnlyDictionary<string, PhraseTable<string>> pieces, IReadOnlySet<string> outcomes, string where)
    {
        var elements = new List<PatternElement>();
        foreach (var raw in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var optional = raw.EndsWith('?');
            var repeat = raw.EndsWith('*');
            var body = optional || repeat ? raw[..^1] : raw;
            if (body.StartsWith('{') && body.EndsWith('}'))
            {
                var name = body[1..^1];
                if (name is not (PatternElement.Count or PatternElement.AnyWord or PatternElement.AnyNumber or PatternElement.Aside) && !pieces.ContainsKey(name))
                    throw new LanguageDataException($"{where}: unknown piece {{{name}}} in pattern \"{text}\"");
                elements.Add(new PatternElement(name, null, optional || repeat, repeat, outcomes.Contains(name)) { Table = pieces.GetValueOrDefault(name) });
            }
            else
                elements.Add(new PatternElement(null, body.Split('|').Select(w => string.Join(" ", QuantityTokenizer.Keys(w))).ToHashSet(StringComparer.Ordinal), optional || repeat, repeat, false));
        }
        if (elements.Count(e => e.Piece == PatternElement.Count) != 1 || elements.Count(e => e.Outcome) != 1)
            throw new LanguageDataException($"{where}: a pattern needs one {{count}} and one piece that says what happened: \"{text}\"");
        return new CasualtyPattern(elements, where);
    }
}

/// <summary>
/// A grammar's patterns indexed by what their first token can be (a literal word, a word a class starts with,
/// a count, a number, any word, an aside's opening mark), so that a pattern is tried only at the tokens where it
/// can start; and the word classes the matcher asks about at every token.
/// </summary>
internal sealed class PatternIndex
{
    /// <summary>Patterns past this many are tried at every token.</summary>
    public const int Indexed = 64;

    /// <summary>Per key: the patterns that may start at it, and whether a count may (see <see cref="CasualtyGrammar.CountStarts"/>).</summary>
    private readonly Dictionary<string, (ulong Patterns, bool CountStart)> _byKey = new(StringComparer.Ordinal);
    private readonly ulong _count, _number, _word, _unindexed;

    public PatternIndex(CasualtyGrammar grammar)
    {
        OutcomeTables = [.. grammar.OutcomePieces.Select(name => grammar.Pieces[name])];
        Victims = grammar.Pieces.GetValueOrDefault(PatternElement.Victim);
        Of = grammar.Pieces.GetValueOrDefault("of");
        for (var p = 0; p < grammar.Patterns.Count; p++)
        {
            if (p >= Indexed) break;
            var bit = 1UL << p;
            // A match starts with the first element that takes a token: one of the optional ones, or the first required one.
            foreach (var element in grammar.Patterns[p].Elements)
            {
                if (element.Literals is { } literals) Add(literals, bit);
                else if (element.Piece == PatternElement.Count) _count |= bit;
                else if (element.Piece == PatternElement.AnyNumber) _number |= bit;
                else if (element.Piece == PatternElement.AnyWord) _word |= bit;
                else if (element.Piece == PatternElement.Aside) Add([",", "("], bit);
                else if (element.Piece == PatternElement.Complement) Add(grammar.Pieces[element.Piece].FirstKeys.Append(",").Append("("), bit);
                else Add((element.Table ?? grammar.Pieces[element.Piece!]).FirstKeys, bit);
                if (!element.Optional) break;
            }
        }
        _unindexed = grammar.Patterns.Count > Indexed ? ulong.MaxValue : 0;
        foreach (var key in grammar.CountStarts) _byKey[key] = (_byKey.GetValueOrDefault(key).Patterns, true);
        // The same word class is asked about at the same token by several patterns: its answers are kept per sentence.
        var slot = 0;
        foreach (var table in grammar.Pieces.Values.Append(grammar.Zero).Append(grammar.Unknown).Append(grammar.Asides)) table.MemoSlot = slot++;
        MemoSlots = slot;
    }

    /// <summary>How many word classes <see cref="MatchMemo"/> keeps answers for.</summary>
    public int MemoSlots { get; }

    public PhraseTable<string>[] OutcomeTables { get; }
    public PhraseTable<string>? Victims { get; }
    public PhraseTable<string>? Of { get; }

    /// <summary>Bit p set: pattern p may start at this token (patterns past <see cref="Indexed"/> always may).</summary>
    /// <param name="countStart">Whether a count may start at the token: at a number, or at a key a count starts with.</param>
    public ulong StartsAt(QuantityToken token, bool number, out bool countStart)
    {
        var (patterns, countKey) = _byKey.GetValueOrDefault(token.Key);
        countStart = number || countKey;
        var mask = patterns | _unindexed;
        if (countStart) mask |= _count;
        if (number) mask |= _number;
        if (token.Kind == TokenKind.Word) mask |= _word;
        return mask;
    }

    private void Add(IEnumerable<string> keys, ulong bit)
    {
        foreach (var key in keys)
        {
            var (patterns, countStart) = _byKey.GetValueOrDefault(key);
            _byKey[key] = (patterns | bit, countStart);
        }
    }
}
