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

    private readonly Dictionary<string, Dictionary<string, string>> _words;

    private TimeGrammar(string language, Dictionary<string, Dictionary<string, string>> words, IReadOnlyList<TimeRule> rules, Regex joiner,
        Regex trigger)
    {
        Trigger = trigger;
        Language = language;
        _words = words;
        Rules = rules;
        Joiner = joiner;
    }

    public string Language { get; }
    public IReadOnlyList<TimeRule> Rules { get; }

    /// <summary>After this many texts, the patterns are compiled to IL: short runs start at once, long runs go fast.</summary>
    public const int CompileAfter = 2000;

    private int _uses;
    private volatile TimeRule[]? _compiled;

    /// <summary>The rules to run now: interpreted at first, compiled once the grammar has been used enough.</summary>
    public IReadOnlyList<TimeRule> ActiveRules()
    {
        if (_compiled is { } ready) return ready;
        if (Interlocked.Increment(ref _uses) == CompileAfter)
        {
            var compiled = Rules.Select(r => r with { Regex = new Regex(r.Regex.ToString(), r.Regex.Options | RegexOptions.Compiled, MatchTimeout) }).ToArray();
            // First use pays for the JIT: pay it here, not under a document's match time limit.
            foreach (var rule in compiled)
            {
                try { rule.Regex.IsMatch("12 3"); }
                catch (RegexMatchTimeoutException) { return Rules; }
            }
            _compiled = compiled;
        }
        return Rules;
    }

    /// <summary>
    /// A digit or a word no time expression goes without (months, weekdays, units, the <c>trigger</c>
    /// pattern…): rules only run in windows around these, so plain sentences cost one scan.
    /// </summary>
    public Regex Trigger { get; }

    /// <summary>What may stand between two expressions that read as one ("demain" + "à" + "8h").</summary>
    public Regex Joiner { get; }

    /// <summary>The value a word list gives a word ("mars" in <c>month</c> → "3"), or null.</summary>
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
        var grammars = new Dictionary<string, TimeGrammar>(StringComparer.Ordinal);
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var file = Path.Combine(folder, "time.yaml");
            if (File.Exists(file)) grammars[Path.GetFileName(folder)] = Load(file, Path.GetFileName(folder));
        }
        return grammars;
    }

    public static TimeGrammar Load(string path, string language)
    {
        var yaml = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            yaml.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new LanguageDataException($"{path}:{e.Start.Line}: {e.Message}");
        }
        if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode rootNode)
            throw new LanguageDataException($"{path}:1: expected a mapping with words, pieces and rules");

        string Where(YamlNode node) => $"{path}:{node.Start.Line}";

        var words = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
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
                    forms.Add(word.ToLowerInvariant());
                    var plain = Key(word);
                    if (plain != word.ToLowerInvariant()) forms.Add(plain);
                }
                words[name] = map;
                // Longest first, so "mars" never stops at "mar"; a dotted abbreviation keeps its dot.
                pieces[name] = "(?:" + string.Join("|", forms.Distinct().OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal)
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
        if (Child(rootNode, "rules") is not YamlSequenceNode ruleNodes)
            throw new LanguageDataException($"{path}:1: 'rules' (a list of patterns) is missing");
        foreach (var node in ruleNodes.Children)
        {
            var raw = (node as YamlScalarNode)?.Value ?? throw new LanguageDataException($"{Where(node)}: a rule is a pattern string");
            var pattern = Expand(raw, pieces, Where(node));
            try
            {
                var regex = new Regex(@"(?<![\p{L}\p{N}])(?:" + pattern + @")(?![\p{L}\p{N}])",
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
                rules.Add(new TimeRule(regex, $"{Path.GetFileName(Path.GetDirectoryName(path))}/time.yaml:{node.Start.Line}"));
            }
            catch (ArgumentException e)
            {
                throw new LanguageDataException($"{Where(node)}: bad pattern: {e.Message}");
            }
        }
        var joinerText = (Child(rootNode, "join") as YamlScalarNode)?.Value ?? @"\s*";
        var joiner = new Regex("^(?:" + Expand(joinerText, pieces, path) + ")$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, MatchTimeout);
        var triggerParts = new List<string> { @"\d" };
        foreach (var name in words.Keys)
            if (name is not ("number" or "joiner-word")) triggerParts.Add(@"(?<![\p{L}\p{N}])" + pieces[name]);
        if ((Child(rootNode, "trigger") as YamlScalarNode)?.Value is { } extra)
            triggerParts.Add(@"(?<![\p{L}\p{N}])(?:" + Expand(extra, pieces, path) + ")");
        var trigger = new Regex(string.Join("|", triggerParts),
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, MatchTimeout);
        return new TimeGrammar(language, words, rules, joiner, trigger);
    }

    private static YamlNode? Child(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static readonly Regex Reference = new(@"\{([a-z][a-z0-9_-]*)\}", RegexOptions.CultureInvariant, MatchTimeout);

    private static string Expand(string pattern, Dictionary<string, string> pieces, string where) =>
        Reference.Replace(pattern, m => pieces.TryGetValue(m.Groups[1].Value, out var piece)
            ? piece
            : throw new LanguageDataException($"{where}: unknown piece {{{m.Groups[1].Value}}}"));
}

/// <summary>One compiled pattern and where it was written.</summary>
public sealed record TimeRule(Regex Regex, string Source);
