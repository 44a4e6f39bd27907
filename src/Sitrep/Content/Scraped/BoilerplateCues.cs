using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sitrep.Time;
using Sitrep.Language;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Content.Scraped;

/// <summary>The kinds of boilerplate line the cue files name; each is a top-level key of <c>boilerplate.yaml</c>.</summary>
public enum CueCategory
{
    CommentForm,
    Comments,
    Cookies,
    Footer,
    Related,
    Teaser,
    Share,
    Subscribe,
    Byline,
    Dateline,
    Credit,
    Navigation,
}

/// <summary>What a cue does to the line it matches, and to what follows.</summary>
public enum CueRole
{
    /// <summary>The line is dropped.</summary>
    Drop,
    /// <summary>The line is dropped, and so are the headline lines right after it when the line is the cue alone.</summary>
    Teaser,
    /// <summary>The line is dropped, and once enough body precedes it, the article ends there.</summary>
    End,
}

/// <summary>A line matched a cue: which category, and whether the line was nothing but the cue phrase.</summary>
public readonly record struct CueMatch(CueCategory Category, bool WholeLine)
{
    public CueRole Role => Category switch
    {
        CueCategory.Teaser => CueRole.Teaser,
        CueCategory.CommentForm or CueCategory.Comments or CueCategory.Footer or CueCategory.Related => CueRole.End,
        _ => CueRole.Drop,
    };
}

/// <summary>A date found on a line: ISO "yyyy-MM-dd".</summary>
internal readonly record struct FoundDate(string Iso);

/// <summary>
/// Cue phrases and patterns of one language, read from <c>lang/&lt;code&gt;/boilerplate.yaml</c>.
/// Immutable once loaded, so it is shared freely between threads.
/// </summary>
public sealed class LanguageCues
{
    internal LanguageCues(string language, IReadOnlyDictionary<CueCategory, CueSet> categories,
        IReadOnlyDictionary<string, int> months, IReadOnlyList<Regex> published, IReadOnlyList<Regex> author)
    {
        Language = language;
        Categories = categories;
        Months = months;
        Published = published;
        Author = author;
        PublishedLiterals = BoilerplateCues.LiteralsOf(published);
        AuthorLiterals = BoilerplateCues.LiteralsOf(author);
    }

    public string Language { get; }
    internal IReadOnlyDictionary<CueCategory, CueSet> Categories { get; }
    /// <summary>Folded month name or abbreviation → month number.</summary>
    public IReadOnlyDictionary<string, int> Months { get; }
    internal IReadOnlyList<Regex> Published { get; }
    internal IReadOnlyList<Regex> Author { get; }
    /// <summary>The literal strings <see cref="Published"/> and <see cref="Author"/> cannot match without (null: none known).</summary>
    internal LiteralScan? PublishedLiterals { get; }
    internal LiteralScan? AuthorLiterals { get; }
}

/// <summary>The cues of one category in one language.</summary>
internal sealed class CueSet(IReadOnlySet<string> lines, IReadOnlyList<string> starts, IReadOnlyList<string> contains,
    IReadOnlyList<Regex> patterns, int maxWords)
{
    public HashSet<string> Lines { get; } = new(lines, StringComparer.Ordinal);
    public IReadOnlyList<string> Starts { get; } = starts;
    /// <summary><see cref="Starts"/> by first character, in file order: a line is only compared with the phrases that can start it.</summary>
    public IReadOnlyDictionary<char, string[]> StartsByFirstChar { get; } =
        starts.GroupBy(phrase => phrase[0]).ToDictionary(group => group.Key, group => group.ToArray());
    public IReadOnlyList<string> Contains { get; } = contains;
    /// <summary><see cref="Contains"/> as an array, walked without an enumerator.</summary>
    public string[] ContainsArray { get; } = contains.ToArray();
    public IReadOnlyList<Regex> Patterns { get; } = patterns;
    /// <summary>All <see cref="Patterns"/> as one alternation, to test a line in one call; null when there are none.</summary>
    public Regex? AnyPattern { get; } = BoilerplateCues.Alternation(patterns);
    /// <summary>The literal strings <see cref="AnyPattern"/> cannot match without (null: none known).</summary>
    public LiteralScan? PatternLiterals { get; } = BoilerplateCues.LiteralsOf(patterns);
    public int MaxWords { get; } = maxWords;
}

/// <summary>
/// All boilerplate cues, one <see cref="LanguageCues"/> per language folder that has a
/// <c>boilerplate.yaml</c>. Every line is tested against the cues of every language, since pages
/// mix languages in their chrome ("Share" buttons on a French site).
/// </summary>
public sealed class BoilerplateCues
{
    public const string FileName = "boilerplate.yaml";

    /// <summary>How long one pattern may run on one line before it counts as not matching.</summary>
    // Generous: a timeout only guards against runaway backtracking, and one that fires on a loaded
    // machine would change the output, so it must never fire on an ordinary line.
    internal static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    private const int DefaultMaxWords = 30;

    private static readonly Dictionary<string, CueCategory> CategoryKeys = new(StringComparer.Ordinal)
    {
        ["navigation"] = CueCategory.Navigation,
        ["share"] = CueCategory.Share,
        ["subscribe"] = CueCategory.Subscribe,
        ["teaser"] = CueCategory.Teaser,
        ["related"] = CueCategory.Related,
        ["comments"] = CueCategory.Comments,
        ["comment_form"] = CueCategory.CommentForm,
        ["cookies"] = CueCategory.Cookies,
        ["footer"] = CueCategory.Footer,
        ["credit"] = CueCategory.Credit,
        ["byline"] = CueCategory.Byline,
        ["dateline"] = CueCategory.Dateline,
    };

    private BoilerplateCues(IReadOnlyList<LanguageCues> languages)
    {
        Languages = languages;
        // Per category, in category order, the sets of the languages that have one: Match walks arrays only.
        _setsByCategory = AllCategories
            .Select(category => (category, languages.Select(l => l.Categories.GetValueOrDefault(category)).OfType<CueSet>().ToArray()))
            .Where(entry => entry.Item2.Length > 0)
            .ToArray();
    }

    private readonly (CueCategory Category, CueSet[] Sets)[] _setsByCategory;

    public IReadOnlyList<LanguageCues> Languages { get; }

    /// <summary>
    /// Which cue of which language the line matches, in <see cref="CueCategory"/> order; extraction patterns count as
    /// byline and dateline cues; with <paramref name="bylines"/> false, bylines and datelines are not looked for. <paramref name="words"/>: how many words the
    /// line has. Used by the scraped-text path on every line and by the HTML path on short blocks.
    /// </summary>
    public CueMatch? Match(string plain, int words, bool bylines = true)
    {
        var folded = TextFolding.FoldPhrase(plain);
        return Match(plain, folded, TextFolding.LineOfPhrase(folded), words, bylines);
    }

    /// <summary>As <see cref="Match(string, int, bool)"/>, with the line already folded as a phrase and as a whole line.</summary>
    internal CueMatch? Match(string plain, string folded, string whole, int words, bool bylines)
    {
        var leading = folded.TrimStart(NonWordLead);
        foreach (var (category, sets) in _setsByCategory)
        {
            if (!bylines && category is CueCategory.Byline or CueCategory.Dateline) continue;
            foreach (var set in sets)
            {
                if (set.Lines.Contains(whole)) return new CueMatch(category, true);
                if (words > set.MaxWords) continue;
                if (leading.Length > 0 && set.StartsByFirstChar.TryGetValue(leading[0], out var starts))
                    foreach (var phrase in starts)
                        if (TextFolding.ContainsWords(leading, phrase, atStartOnly: true))
                            return new CueMatch(category, TextFolding.FoldLine(phrase) == whole);
                foreach (var phrase in set.ContainsArray)
                    if (TextFolding.ContainsWords(folded, phrase, atStartOnly: false))
                        return new CueMatch(category, false);
                if (set.AnyPattern is { } pattern && MayMatch(set.PatternLiterals, plain) && IsMatchOrTimeout(pattern, plain))
                    return new CueMatch(category, false);
            }
        }
        if (bylines && words <= BylineMaxWords)
        {
            foreach (var language in Languages)
            {
                // (One by one: the compiled date patterns, each with its own literal prefix, beat their alternation run either way.)
                if (MayMatch(language.PublishedLiterals, plain) && AnyMatches(language.Published, plain))
                    return new CueMatch(CueCategory.Dateline, false);
                if (MayMatch(language.AuthorLiterals, plain) && AnyMatches(language.Author, plain))
                    return new CueMatch(CueCategory.Byline, false);
            }
        }
        return null;
    }

    /// <summary>Lines longer than this are not tested as bylines or datelines.</summary>
    internal const int BylineMaxWords = 20;
    private static readonly CueCategory[] AllCategories = Enum.GetValues<CueCategory>();
    private static readonly char[] NonWordLead = ['|', '>', '›', '»', '•', '·', '-', '*', ' ', '#', '/', '"', '\''];

    /// <summary>
    /// A scan of the literal strings that <see cref="Alternation"/> of the patterns cannot match without (case folded, so it
    /// also answers for case-sensitive patterns), or null when none is known: most lines hold none of them, and the
    /// pattern need not run there.
    /// </summary>
    internal static LiteralScan? LiteralsOf(IReadOnlyList<Regex> patterns) =>
        patterns.Count > 0 && LiteralFactors.Literals(string.Join("|", patterns.Select(pattern => $"(?:{pattern})"))) is { } literals
        && new LiteralScan([literals.Strings]) is { Covers: [true] } scan ? scan : null;

    /// <summary>False only when the line lacks every literal string of the pattern.</summary>
    private static bool MayMatch(LiteralScan? literals, string line)
    {
        if (literals is null) return true;
        Span<bool> present = stackalloc bool[1];
        return !literals.Scan(line, present) || present[0];
    }

    private static bool AnyMatches(IReadOnlyList<Regex> patterns, string text)
    {
        foreach (var pattern in patterns)
            if (IsMatchOrTimeout(pattern, text)) return true;
        return false;
    }

    private static bool IsMatchOrTimeout(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Reads every <c>&lt;root&gt;/&lt;code&gt;/boilerplate.yaml</c>, in folder-name order.</summary>
    public static BoilerplateCues Load(string root)
    {
        var languages = new List<LanguageCues>();
        if (Directory.Exists(root))
        {
            foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
            {
                var file = Path.Combine(folder, FileName);
                if (File.Exists(file)) languages.Add(LoadFile(file, Path.GetFileName(folder)));
            }
        }
        return new BoilerplateCues(languages);
    }

    /// <summary>Reads one cue file; a mistake throws <see cref="LanguageDataException"/> naming the file and line.</summary>
    public static LanguageCues LoadFile(string path, string language)
    {
        var root = YamlFile.ReadMappingOrNull(path);
        var categories = new Dictionary<CueCategory, CueSet>();
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        var published = new List<Regex>();
        var author = new List<Regex>();
        if (root is null) return new LanguageCues(language, categories, months, published, author);

        // Months first: patterns may refer to them as {month}.
        foreach (var (keyNode, valueNode) in root.Children)
        {
            if (Scalar(path, keyNode) != "months") continue;
            if (valueNode is not YamlMappingNode monthMap) throw Error(path, valueNode.Start, "months: expected a mapping of name: number");
            foreach (var (nameNode, numberNode) in monthMap.Children)
            {
                var name = TextFolding.FoldPhrase(Scalar(path, nameNode)).TrimEnd('.');
                if (!int.TryParse(Scalar(path, numberNode), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 12)
                    throw Error(path, numberNode.Start, $"months: '{Scalar(path, nameNode)}' needs a month number 1-12");
                if (name.Length == 0) throw Error(path, nameNode.Start, "months: empty month name");
                months[name] = number;
            }
        }
        var monthAlternation = string.Join("|", months.Keys.OrderByDescending(name => name.Length).ThenBy(name => name, StringComparer.Ordinal)
            .Select(name => Regex.Escape(name) + "\\.?"));

        foreach (var (keyNode, valueNode) in root.Children)
        {
            var key = Scalar(path, keyNode);
            switch (key)
            {
                case "months":
                    break;
                case "published":
                    foreach (var node in List(path, key, valueNode))
                        published.Add(Pattern(path, node, monthAlternation, true, "day", "month", "year"));
                    break;
                case "author":
                    foreach (var node in List(path, key, valueNode))
                        author.Add(Pattern(path, node, monthAlternation, true, "author"));
                    break;
                default:
                    if (!CategoryKeys.TryGetValue(key, out var category))
                        throw Error(path, keyNode.Start, $"unknown key '{key}' (expected months, published, author or one of {string.Join(", ", CategoryKeys.Keys)})");
                    categories[category] = Category(path, key, valueNode, monthAlternation);
                    break;
            }
        }
        return new LanguageCues(language, categories, months, published, author);
    }

    private static CueSet Category(string path, string key, YamlNode node, string monthAlternation)
    {
        if (node is not YamlMappingNode map)
            throw Error(path, node.Start, $"{key}: expected a mapping with lines, starts, contains, patterns, max_words");
        var lines = new HashSet<string>(StringComparer.Ordinal);
        var starts = new List<string>();
        var contains = new List<string>();
        var patterns = new List<Regex>();
        var maxWords = DefaultMaxWords;
        foreach (var (fieldNode, valueNode) in map.Children)
        {
            var field = Scalar(path, fieldNode);
            switch (field)
            {
                case "lines":
                    foreach (var item in List(path, $"{key}.{field}", valueNode)) lines.Add(Phrase(path, item, TextFolding.FoldLine));
                    break;
                case "starts":
                    foreach (var item in List(path, $"{key}.{field}", valueNode)) starts.Add(Phrase(path, item, TextFolding.FoldPhrase));
                    break;
                case "contains":
                    foreach (var item in List(path, $"{key}.{field}", valueNode)) contains.Add(Phrase(path, item, TextFolding.FoldPhrase));
                    break;
                case "patterns":
                    foreach (var item in List(path, $"{key}.{field}", valueNode)) patterns.Add(Pattern(path, item, monthAlternation, false));
                    break;
                case "max_words":
                    if (!int.TryParse(Scalar(path, valueNode), NumberStyles.None, CultureInfo.InvariantCulture, out maxWords) || maxWords < 1)
                        throw Error(path, valueNode.Start, $"{key}.max_words: expected a positive whole number");
                    break;
                default:
                    throw Error(path, fieldNode.Start, $"{key}: unknown field '{field}' (expected lines, starts, contains, patterns, max_words)");
            }
        }
        return new CueSet(lines, starts, contains, patterns, maxWords);
    }

    private static string Phrase(string path, YamlNode node, Func<string, string> fold)
    {
        var phrase = fold(Scalar(path, node));
        if (phrase.Length == 0) throw Error(path, node.Start, "empty cue phrase");
        return phrase;
    }

    /// <summary>
    /// One regular expression matching where any of <paramref name="patterns"/> matches: each pattern in its own group,
    /// so that inline options such as (?i) stay inside it. Null for none.
    /// </summary>
    /// <remarks>
    /// The alternation only answers "does the line match?", and for that a non-backtracking automaton gives the same answer
    /// as the backtracking engine in one pass over the line, where backtracking tries every alternative at every space and
    /// stop (a credit pattern such as <c>(?:^|[\s(])(?:afp|reuters…)\s*/</c> starts anywhere). Patterns the automaton cannot
    /// run (look-arounds, back-references) stay compiled. Either way the pattern is run once here (<see cref="RegexWarmUp"/>),
    /// so that its first use on a page does not pay its JIT or its first states under the match time limit: a timeout counts
    /// as no match, and a line's verdict must never depend on the machine's load.
    /// </remarks>
    internal static Regex? Alternation(IReadOnlyList<Regex> patterns)
    {
        if (patterns.Count == 0) return null;
        var source = patterns.Count == 1 ? patterns[0].ToString() : string.Join("|", patterns.Select(pattern => $"(?:{pattern})"));
        Regex regex;
        try
        {
            regex = new Regex(source, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, RegexTimeout);
        }
        catch (NotSupportedException)
        {
            regex = new Regex(source, RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexTimeout);
        }
        RegexWarmUp.TryRun(regex);
        return regex;
    }

    /// <param name="run">Whether the pattern itself is run (published and author patterns, for their groups): then it is
    /// compiled and warmed up; the other patterns only lend their text to <see cref="Alternation"/>.</param>
    private static Regex Pattern(string path, YamlNode node, string monthAlternation, bool run, params string[] requiredGroups)
    {
        var source = Scalar(path, node);
        if (source.Contains("{month}", StringComparison.Ordinal))
        {
            if (monthAlternation.Length == 0) throw Error(path, node.Start, "pattern uses {month} but the file has no months");
            source = source.Replace("{month}", $"(?i:{monthAlternation})", StringComparison.Ordinal);
        }
        Regex regex;
        try
        {
            // Compiled: built once per process and run on the lines of scraped pages their alternation matches.
            regex = new Regex(source, run ? RegexOptions.CultureInvariant | RegexOptions.Compiled : RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException error)
        {
            throw Error(path, node.Start, $"invalid pattern: {error.Message}");
        }
        foreach (var group in requiredGroups)
            if (regex.GroupNumberFromName(group) < 0)
                throw Error(path, node.Start, $"pattern needs a named group (?<{group}>...)");
        if (run) RegexWarmUp.TryRun(regex);
        return regex;
    }

    private static IEnumerable<YamlNode> List(string path, string key, YamlNode node) => node switch
    {
        YamlSequenceNode sequence => sequence.Children,
        YamlScalarNode { Value: null or "" } => [],
        _ => throw Error(path, node.Start, $"{key}: expected a list"),
    };

    private static string Scalar(string path, YamlNode node) =>
        node is YamlScalarNode { Value: { } value } ? value : throw Error(path, node.Start, "expected a single value");

    private static LanguageDataException Error(string path, Mark mark, string message) =>
        new($"{path}:{mark.Line}:{mark.Column}: {message}");
}

/// <summary>Folding used to compare lines with cue phrases: lower case, plain apostrophes and quotes, single spaces.</summary>
internal static class TextFolding
{
    /// <summary>Folds a phrase: lower case, typographic marks made plain, spaces collapsed, no space before <c>: ; ! ?</c>.</summary>
    public static string FoldPhrase(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '\u2019' or '\u2018' or '\u02BC' or '`' or '\u00B4' => '\'',
                '\u00AB' or '\u00BB' or '\u201C' or '\u201D' or '\u201E' => '"',
                '\u2013' or '\u2014' or '\u2212' or '\u2010' or '\u2011' => '-',
                _ => char.ToLowerInvariant(raw),
            };
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace && c is not (':' or ';' or '!' or '?')) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>The line as patterns see it: case kept, typographic marks made plain, spaces collapsed.</summary>
    public static string Plain(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var raw in text)
        {
            var c = raw switch
            {
                '\u2019' or '\u2018' or '\u02BC' => '\'',
                '\u201C' or '\u201D' or '\u201E' => '"',
                '\u2013' or '\u2014' or '\u2212' or '\u2010' or '\u2011' => '-',
                _ => raw,
            };
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (pendingSpace) builder.Append(' ');
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Folds a whole line for exact comparison: as <see cref="FoldPhrase"/>, without punctuation or symbols at either end.</summary>
    public static string FoldLine(string text) => LineOfPhrase(FoldPhrase(text));

    /// <summary><see cref="FoldLine"/> of a text whose <see cref="FoldPhrase"/> is <paramref name="folded"/>.</summary>
    public static string LineOfPhrase(string folded)
    {
        var start = 0;
        var end = folded.Length;
        while (start < end && !char.IsLetterOrDigit(folded[start])) start++;
        while (end > start && !char.IsLetterOrDigit(folded[end - 1])) end--;
        return folded[start..end].Trim();
    }

    /// <summary>Whether <paramref name="phrase"/> occurs in <paramref name="text"/> as whole words.</summary>
    public static bool ContainsWords(string text, string phrase, bool atStartOnly)
    {
        if (atStartOnly)
            return text.StartsWith(phrase, StringComparison.Ordinal) && EndsWord(text, phrase, phrase.Length);
        var from = 0;
        while (from <= text.Length - phrase.Length)
        {
            var index = text.IndexOf(phrase, from, StringComparison.Ordinal);
            if (index < 0) return false;
            var end = index + phrase.Length;
            var startOk = index == 0 || !char.IsLetterOrDigit(text[index - 1]) || !char.IsLetterOrDigit(phrase[0]);
            if (startOk && EndsWord(text, phrase, end)) return true;
            from = index + 1;
        }
        return false;
    }

    /// <summary>Whether the phrase, found in the text just before <paramref name="end"/>, ends there on a word boundary.</summary>
    private static bool EndsWord(string text, string phrase, int end) =>
        end == text.Length || !char.IsLetterOrDigit(text[end]) || !char.IsLetterOrDigit(phrase[^1]);
}
