using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Language;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Time;

/// <summary>
/// One language's time patterns, read from <c>lang/&lt;code&gt;/time.yaml</c>: word lists (months,
/// weekdays, numbers, units, parts of day…) that become named pieces, pieces built from other
/// pieces (<c>{month}</c>), and rules whose named groups (<c>day</c>, <c>month</c>, <c>weekday</c>,
/// <c>ago</c>…) say what the matched text means. What the groups mean is the resolver's, once for all languages.
/// </summary>
public sealed class TimeGrammar
{
    /// <summary>Every pattern runs under this limit; a text that hits it is skipped with a warning.</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private const RegexOptions RuleOptions = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private readonly Dictionary<string, Dictionary<string, string>> _words;

    private TimeGrammar(string language, Dictionary<string, Dictionary<string, string>> words, IReadOnlyList<TimeRule> rules, Regex joiner,
        Regex trigger, string anyTriggerWord, TriggerStarts? triggerStarts, TimeCheck[] checks)
    {
        _anyTriggerWord = anyTriggerWord;
        _triggerWord = new Regex(@"\G" + anyTriggerWord, RuleOptions, MatchTimeout);
        LiteralScan = new LiteralScan(checks.Select(c => c.Literals).ToArray());
        TriggerStarts = triggerStarts;
        _checks = checks;
        DigitChecks = [.. Enumerable.Range(0, checks.Length).Where(i => checks[i].NeedsDigit)];
        Trigger = trigger;
        Language = language;
        _words = words;
        Rules = rules;
        Joiner = joiner;
    }

    public string Language { get; }
    public IReadOnlyList<TimeRule> Rules { get; }

    /// <summary>
    /// What each compiled pattern first runs on: a start for every pattern (digits, letters, signs), so that
    /// its matching code, not only its scan, is JIT-compiled here rather than under a document's time limit.
    /// </summary>

    /// <summary>After this many texts, the patterns are compiled to IL: short runs start at once, long runs go fast.</summary>
    public const int CompileAfter = 2000;

    private int _uses;
    private volatile TimeRule[]? _compiled;
    private readonly TimeCheck[] _checks;
    private volatile TimeCheck[]? _compiledChecks;
    private readonly string _anyTriggerWord;
    private readonly Regex _triggerWord;
    private volatile LinearPrefilter? _triggerWordLinear;
    private volatile Regex? _compiledTriggerWord;

    /// <summary>
    /// The words of <see cref="Trigger"/> (all but the digits), anchored with <c>\G</c>: what the trigger
    /// matches where a word starts. Compiled along with the rules.
    /// </summary>
    public Regex ActiveTriggerWord() => _compiledTriggerWord ?? _triggerWord;

    /// <summary>
    /// Once compiled, the trigger words anchored at the start of the text, run by the linear engine: where it finds
    /// none, no trigger word starts there and <see cref="ActiveTriggerWord"/> need not run; null before.
    /// </summary>
    internal LinearPrefilter? TriggerWordFilter() => _triggerWordLinear;

    /// <summary>Finds in one pass which checks' literals a window holds (indexes as <see cref="ActiveChecks"/>).</summary>
    internal LiteralScan LiteralScan { get; }

    /// <summary>Indexes (as <see cref="ActiveChecks"/>) of the checks that cannot hold in a window without a digit.</summary>
    internal int[] DigitChecks { get; }

    /// <summary>How trigger words begin: word starts that begin otherwise are not tried; null when not known.</summary>
    internal TriggerStarts? TriggerStarts { get; }

    /// <summary>
    /// The pieces some rule cannot match without (<see cref="TimeRule.Requires"/> indexes them): a window
    /// where one of these finds nothing is not worth that rule. Compiled along with the rules.
    /// </summary>
    public IReadOnlyList<TimeCheck> ActiveChecks() => _compiledChecks ?? _checks;

    /// <summary>The rules to run now: interpreted at first, compiled once the grammar has been used enough.</summary>
    public IReadOnlyList<TimeRule> ActiveRules()
    {
        if (_compiled is { } ready) return ready;
        // A machine too busy to warm the compiled patterns up within the time limit: try again later.
        if (Interlocked.Increment(ref _uses) == CompileAfter && !TryCompile()) Interlocked.Exchange(ref _uses, 0);
        return Rules;
    }

    /// <summary>Switches to the compiled patterns now rather than after <see cref="CompileAfter"/> texts; false when the machine was too busy to.</summary>
    internal bool CompileNow() => _compiled is not null || TryCompile();

    /// <summary>
    /// Rules longer than this stay interpreted: compiled, they become methods too large for the JIT to optimise, and
    /// ran several times slower than interpreted (the English holiday rule: 5x).
    /// </summary>
    private const int CompiledRuleLength = 2000;

    private bool TryCompile()
    {
        try
        {
            // Long runs also get each rule's linear-time stand-in (costly to build, so not for short runs).
            var compiled = Rules.Select(r => r with
            {
                Regex = r.Regex.ToString().Length > CompiledRuleLength ? r.Regex
                    : new Regex(r.Regex.ToString(), r.Regex.Options | RegexOptions.Compiled, MatchTimeout),
                Linear = LinearPrefilter.For(r.Regex),
            }).ToArray();
            // First use pays for the JIT: pay it here, not under a document's match time limit.
            foreach (var rule in compiled)
                if (!RegexWarmUp.TryRun(rule.Regex) || (rule.Linear is { } linear && !RegexWarmUp.TryRun(linear.Regex))) return false;
            var checks = _checks.Select(c => c.Compiled()).ToArray();
            foreach (var check in checks)
                if (!check.WarmUp()) return false;
            var triggerWord = new Regex(_triggerWord.ToString(), _triggerWord.Options | RegexOptions.Compiled, MatchTimeout);
            if (!RegexWarmUp.TryRun(triggerWord)) return false;
            var triggerWordLinear = LinearPrefilter.For(new Regex("^" + _anyTriggerWord, RuleOptions, MatchTimeout));
            if (triggerWordLinear is not null && !RegexWarmUp.TryRun(triggerWordLinear.Regex)) return false;
            _triggerWordLinear = triggerWordLinear;
            _compiledTriggerWord = triggerWord;
            _compiledChecks = checks;
            _compiled = compiled;
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// A digit or a word no time expression goes without (months, weekdays, units, the <c>trigger</c>
    /// pattern…): rules only run in windows around these, so plain sentences cost one scan.
    /// </summary>
    public Regex Trigger { get; }

    /// <summary>What may stand between two expressions that read as one ("demain" + "à" + "8h").</summary>
    public Regex Joiner { get; }

    /// <summary>The value a word list gives a word ("mars" in <c>month</c> → "3"), or null.</summary>
    /// <summary>The values of a word list ("season": "3-20/6-21"…), in no particular order; none when there is no such list.</summary>
    public IEnumerable<string> Values(string list) => _words.TryGetValue(list, out var map) ? map.Values : [];

    public string? Word(string list, string word) =>
        _words.TryGetValue(list, out var map) && map.TryGetValue(Key(word), out var value) ? value : null;

    /// <summary>A number written in digits or words ("12", "trois", "vingt-trois", "twenty one").</summary>
    public int? Number(string text)
    {
        text = text.Trim();
        if (text.Length == 0) return null;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits])) digits++;
        if (digits > 0)
            return digits <= 6 ? int.Parse(text.AsSpan(0, digits), CultureInfo.InvariantCulture) : null;
        if (Word("number", text) is { } whole && int.TryParse(whole, CultureInfo.InvariantCulture, out var w)) return w;
        var sum = 0;
        var any = false;
        foreach (var part in text.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (Word("number", part) is { } v && int.TryParse(v, CultureInfo.InvariantCulture, out var n)) { sum += n; any = true; }
            else if (Word("joiner-word", part) is null) return null;
        }
        return any ? sum : null;
    }

    /// <summary>Lower case, no accents, plain apostrophes: how word lists are looked up.</summary>
    public static string Key(string word)
    {
        // Matched words are read at every match: most are plain already, and the others recur ("février", "Mardi").
        if (IsPlainKey(word)) return word;
        if (KnownKeys.TryGetValue(word, out var known)) return known;
        var key = FoldKey(word);
        if (KnownKeys.Count < MaxKnownKeys) KnownKeys.TryAdd(word, key);
        return key;
    }

    private const int MaxKnownKeys = 4096;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> KnownKeys = new(StringComparer.Ordinal);

    /// <summary>Whether <see cref="FoldKey"/> would give the word back unchanged: ASCII lower case, digits and signs, single inner spaces.</summary>
    private static bool IsPlainKey(string word)
    {
        if (word.Length == 0 || word[0] == ' ' || word[^1] == ' ') return false;
        var previous = '\0';
        foreach (var c in word)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '\'' or '.' or '-' or '/' or ':' || (c == ' ' && previous != ' '))) return false;
            previous = c;
        }
        return true;
    }

    private static string FoldKey(string word)
    {
        var decomposed = Spaces.Replace(word.Trim(), " ").ToLowerInvariant().Replace('’', '\'').Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(c);
        return builder.ToString();
    }

    private static readonly Regex Spaces = new(@"\s+", RegexOptions.CultureInvariant, MatchTimeout);

    /// <summary>The grammars of every <c>lang/&lt;code&gt;/time.yaml</c>, by language code.</summary>
    public static IReadOnlyDictionary<string, TimeGrammar> LoadAll(string root)
    {
        var holidays = HolidayTables.LoadBeside(root);
        return LanguageFolders.LoadEach(root, "time.yaml", (path, language) => Load(path, language, holidays));
    }

    /// <summary>One language's file, with the holiday tables of the data folder beside its <c>lang/</c> folder.</summary>
    public static TimeGrammar Load(string path, string language) =>
        Load(path, language, HolidayTables.LoadBeside(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? "."));

    /// <summary>What a <c>holiday</c> word's value says when it is a rule ("11/4/4", "@ramadan..@eid-al-fitr-1"), or null for a fixed "M-D".</summary>
    public HolidayRule? HolidayRule(string value) => _holidayRules.GetValueOrDefault(value);

    private readonly Dictionary<string, HolidayRule> _holidayRules = new(StringComparer.Ordinal);

    public static TimeGrammar Load(string path, string language, HolidayTables holidays)
    {
        var holidayRules = new Dictionary<string, HolidayRule>(StringComparer.Ordinal);
        var rootNode = YamlFile.ReadMapping(path, "a mapping with words, pieces and rules");

        string Where(YamlNode node) => $"{path}:{node.Start.Line}";

        var words = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var triggerForms = new Dictionary<string, string>(StringComparer.Ordinal);
        var pieces = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Child(rootNode, "words") is YamlMappingNode wordLists)
        {
            foreach (var (nameNode, listNode) in wordLists.Children)
            {
                var name = ((YamlScalarNode)nameNode).Value ?? "";
                if (listNode is not YamlMappingNode list)
                    throw new LanguageDataException($"{Where(listNode)}: word list '{name}' must map words to values");
                var map = new Dictionary<string, string>(StringComparer.Ordinal);
                var forms = new List<string>();
                foreach (var (wordNode, valueNode) in list.Children)
                {
                    var word = (wordNode as YamlScalarNode)?.Value;
                    var value = (valueNode as YamlScalarNode)?.Value;
                    if (string.IsNullOrWhiteSpace(word) || value is null)
                        throw new LanguageDataException($"{Where(wordNode)}: '{name}' entries are 'word: value'");
                    map[Key(word)] = value;
                    if (name == "holiday" && !FixedDay.IsMatch(value))
                        holidayRules[value] = Sitrep.Time.HolidayRule.TryParse(value, holidays)
                            ?? throw new LanguageDataException($"{Where(valueNode)}: '{value}' is no holiday: \"M-D\", \"M/N/W\", \"easter\" or \"@table\" (from data/time/holidays.yaml), then \"+N\", \"<W\", \"..rule\"");
                    forms.Add(word.ToLowerInvariant());
                    var plain = Key(word);
                    if (plain != word.ToLowerInvariant()) forms.Add(plain);
                }
                words[name] = map;
                // A window opens around a phrase's longest word ("martin luther king jr. day": "martin"): the trigger
                // then tries one word per phrase, and the window (a few words either side) still holds the phrase.
                triggerForms[name] = "(?:" + string.Join("|", forms.Select(f => f.Split(' ', StringSplitOptions.RemoveEmptyEntries).MaxBy(w => w.Length) ?? f)
                    .Distinct().OrderDescending(StringComparer.Ordinal).Select(f => Regex.Escape(f).Replace("'", "'"))) + ")";
                // Reverse ordinal order: a word before its prefixes, so "mars" never stops at "mar" (a dotted abbreviation
                // keeps its dot), and words that share a start side by side, which the regex engine folds into one branch.
                pieces[name] = "(?:" + string.Join("|", forms.Distinct().OrderDescending(StringComparer.Ordinal)
                    .Select(f => Regex.Escape(f).Replace("'", "'").Replace(@"\ ", @"\s+"))) + ")";
            }
        }
        if (Child(rootNode, "pieces") is YamlMappingNode pieceNodes)
            foreach (var (nameNode, patternNode) in pieceNodes.Children)
            {
                var name = ((YamlScalarNode)nameNode).Value ?? "";
                var raw = (patternNode as YamlScalarNode)?.Value ?? throw new LanguageDataException($"{Where(patternNode)}: piece '{name}' must be a pattern");
                pieces[name] = "(?:" + Expand(raw, pieces, Where(patternNode)) + ")";
            }

        var rules = new List<TimeRule>();
        var checkNames = new List<string>();
        var checks = new List<TimeCheck>();
        const RegexOptions options = RuleOptions;
        int CheckIndex(string pattern, (IReadOnlyCollection<string> Strings, bool Whole)? literals)
        {
            var index = checkNames.IndexOf(pattern);
            if (index >= 0) return index;
            checkNames.Add(pattern);
            checks.Add(new TimeCheck(new Regex(pattern, options, MatchTimeout), literals?.Strings, literals?.Whole ?? false));
            return checkNames.Count - 1;
        }
        if (Child(rootNode, "rules") is not YamlSequenceNode ruleNodes)
            throw new LanguageDataException($"{path}:1: 'rules' (a list of patterns) is missing");
        foreach (var node in ruleNodes.Children)
        {
            var raw = (node as YamlScalarNode)?.Value ?? throw new LanguageDataException($"{Where(node)}: a rule is a pattern string");
            var pattern = Expand(raw, pieces, Where(node));
            try
            {
                var regex = new Regex(@"(?<![\p{L}\p{N}])(?:" + pattern + @")(?![\p{L}\p{N}])", options, MatchTimeout);
                var requires = new List<int>();
                // First the literal strings the whole rule cannot match without (one cheap search), then its pieces.
                if (LiteralFactors.Literals(regex.ToString(), minLength: 1) is { Whole: false } literals)
                    requires.Add(CheckIndex(LiteralFactors.Alternatives(literals.Strings), (literals.Strings, true)));
                foreach (var required in RequiredPieces(raw))
                {
                    var piece = Expand(required, pieces, Where(node));
                    var index = CheckIndex(piece, LiteralFactors.Literals(piece, minLength: 1));
                    if (!requires.Contains(index)) requires.Add(index);
                }
                rules.Add(new TimeRule(regex, $"{Path.GetFileName(Path.GetDirectoryName(path))}/time.yaml:{node.Start.Line}")
                {
                    Requires = [.. requires],
                    HasSecondEnd = regex.GetGroupNames().Any(name => name.EndsWith('2')),
                    NeedsDigit = DigitRequirement.Of(regex.ToString()),
                });
            }
            catch (ArgumentException e)
            {
                throw new LanguageDataException($"{Where(node)}: bad pattern: {e.Message}");
            }
        }
        var joinerText = (Child(rootNode, "join") as YamlScalarNode)?.Value ?? @"\s*";
        var joiner = new Regex("^(?:" + Expand(joinerText, pieces, path) + ")$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        // One word edge before all the words: the same matches as an edge before each, checked once per position.
        // Word lists named in "quiet" open no window: their words only ever follow a digit or another trigger ("4pm EST").
        var quiet = (Child(rootNode, "quiet") as YamlSequenceNode)?.Children.Select(n => (n as YamlScalarNode)?.Value).ToHashSet() ?? [];
        var triggerWords = new List<string>();
        foreach (var name in words.Keys)
            if (name is not ("number" or "joiner-word") && !quiet.Contains(name)) triggerWords.Add(triggerForms[name]);
        if ((Child(rootNode, "trigger") as YamlScalarNode)?.Value is { } extra)
            triggerWords.Add("(?:" + Expand(extra, pieces, path) + ")");
        var trigger = new Regex(triggerWords.Count == 0 ? @"\d" : @"\d|(?<![\p{L}\p{N}])(?:" + string.Join("|", triggerWords) + ")",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
        // The same words, to be tried only where a word starts (what the trigger's lookbehind asks).
        var anyTriggerWord = "(?:" + (triggerWords.Count == 0 ? "(?!)" : string.Join("|", triggerWords)) + ")";
        var grammar = new TimeGrammar(language, words, rules, joiner, trigger, anyTriggerWord, TriggerStarts.For(anyTriggerWord), [.. checks]);
        foreach (var (value, rule) in holidayRules) grammar._holidayRules[value] = rule;
        return grammar;
    }

    /// <summary>
    /// The pieces (<c>{name}</c>) and groups with no piece a rule cannot match without: those on every
    /// branch that are neither optional nor inside a lookaround, as patterns still to expand. A pattern
    /// this reading does not follow requires nothing.
    /// </summary>
    internal static IReadOnlyCollection<string> RequiredPieces(string pattern)
    {
        try
        {
            var i = 0;
            var required = Alternation(pattern, ref i);
            return i == pattern.Length ? required : [];
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static HashSet<string> Alternation(string p, ref int i)
    {
        HashSet<string>? all = null;
        while (true)
        {
            var branch = Sequence(p, ref i);
            if (all is null) all = branch;
            else all.IntersectWith(branch);
            if (i < p.Length && p[i] == '|') { i++; continue; }
            return all;
        }
    }

    private static HashSet<string> Sequence(string p, ref int i)
    {
        var required = new HashSet<string>(StringComparer.Ordinal);
        while (i < p.Length && p[i] is not ('|' or ')'))
        {
            HashSet<string>? item = null;
            var c = p[i];
            if (c == '\\')
            {
                if (i + 1 >= p.Length) throw new FormatException();
                if (p[i + 1] is 'p' or 'P' && i + 2 < p.Length && p[i + 2] == '{')
                {
                    var close = p.IndexOf('}', i);
                    if (close < 0) throw new FormatException();
                    i = close + 1;
                }
                else if (p[i + 1] is 'k' or 'u' or 'x' or 'c' || char.IsAsciiDigit(p[i + 1])) throw new FormatException();
                else i += 2;
            }
            else if (c == '[')
            {
                i++;
                if (i < p.Length && p[i] == '^') i++;
                if (i < p.Length && p[i] == ']') i++;
                while (i < p.Length && p[i] != ']')
                {
                    if (p[i] == '[') throw new FormatException();
                    i += p[i] == '\\' ? 2 : 1;
                }
                if (i >= p.Length) throw new FormatException();
                i++;
            }
            else if (c == '(')
            {
                // Inline options alone ("(?i)") apply to the rest: only ever narrower or wider case matching,
                // which the checks, case-insensitive, still cover.
                var opening = LiteralFactors.OpenGroup(p, ref i);
                if (opening == LiteralFactors.GroupOpening.OptionsOnly) continue;
                var zeroWidth = opening == LiteralFactors.GroupOpening.Lookaround;
                var open = i;
                var body = Alternation(p, ref i);
                if (i >= p.Length || p[i] != ')') throw new FormatException();
                i++;
                // A group with no piece it requires ("(?<ago>ago|back)") is itself worth checking.
                if (!zeroWidth && body.Count == 0) body.Add("(?:" + p[open..(i - 1)] + ")");
                item = zeroWidth ? null : body;
            }
            else if (c == '{' && PieceName.Match(p, i) is { Success: true } name && name.Index == i)
            {
                item = new HashSet<string>(StringComparer.Ordinal) { name.Value };
                i += name.Length;
            }
            else if (c is '*' or '+' or '?' or '{') throw new FormatException(); // a quantifier with nothing before it
            else i++;

            // The quantifier, if any: none, "+" and "{n,…}" with n ≥ 1 keep the item required.
            var optional = false;
            var quantified = true;
            if (i >= p.Length) quantified = false;
            else if (p[i] is '?' or '*') { optional = true; i++; }
            else if (p[i] == '+') i++;
            else if (p[i] == '{' && Quantifier.Match(p, i) is { Success: true } q && q.Index == i)
            {
                optional = q.Groups[1].Value.TrimStart('0').Length == 0;
                i += q.Length;
            }
            else if (p[i] == '{' && !(PieceName.Match(p, i) is { Success: true } n2 && n2.Index == i)) throw new FormatException();
            else quantified = false;
            if (quantified && i < p.Length && p[i] is '?' or '+') i++; // lazy or possessive
            if (!optional && item is not null) required.UnionWith(item);
        }
        return required;
    }

    private static readonly Regex FixedDay = new(@"^\d{1,2}-\d{1,2}$", RegexOptions.CultureInvariant, MatchTimeout);

    private static readonly Regex PieceName = new(@"\G\{([a-z][a-z0-9_-]*)\}", RegexOptions.CultureInvariant, MatchTimeout);
    private static readonly Regex Quantifier = new(@"\G\{(\d+)(?:,\d*)?\}", RegexOptions.CultureInvariant, MatchTimeout);

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static readonly Regex Reference = new(@"\{([a-z][a-z0-9_-]*)\}", RegexOptions.CultureInvariant, MatchTimeout);

    private static string Expand(string pattern, Dictionary<string, string> pieces, string where) =>
        Reference.Replace(pattern, m => pieces.TryGetValue(m.Groups[1].Value, out var piece)
            ? piece
            : throw new LanguageDataException($"{where}: unknown piece {{{m.Groups[1].Value}}}"));
}

/// <summary>One compiled pattern and where it was written.</summary>
public sealed record TimeRule(Regex Regex, string Source)
{
    /// <summary>Indexes into <see cref="TimeGrammar.ActiveChecks"/>: pieces every match of this rule contains.</summary>
    public int[] Requires { get; init; } = [];

    /// <summary>Run on a window before <see cref="Regex"/>: where it finds nothing, the rule has no match; null when there is none.</summary>
    internal LinearPrefilter? Linear { get; init; }

    /// <summary>Whether every match holds a digit: a window without one is not worth the rule.</summary>
    internal bool NeedsDigit { get; init; }

    /// <summary>Whether the rule has groups for an interval's second end ("day2"…): without them there is none to read.</summary>
    internal bool HasSecondEnd { get; init; }
}
