using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Sitrep.Content.Html;

/// <summary>
/// The extractor's knowledge of page furniture, read from <c>data/html/boilerplate.yaml</c> once and
/// shared read-only (immutable, so safe across threads). Code holds the mechanism, the file the words.
/// </summary>
public sealed class HtmlExtractionRules
{
    /// <summary>Every regular expression gets this timeout: a pathological attribute must not hang a worker.</summary>
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromMilliseconds(250);

    private static readonly Lazy<HtmlExtractionRules> DefaultRules = new(() => Load(DefaultPath()));

    private HtmlExtractionRules(IReadOnlySet<string> removeTags, IReadOnlySet<string> removeRoles, AttributePattern boilerplate,
        AttributePattern keep, IReadOnlyList<AttributePattern> body, Regex? boilerplateLines)
    {
        RemoveTags = removeTags;
        RemoveRoles = removeRoles;
        Boilerplate = boilerplate;
        Keep = keep;
        Body = body;
        BoilerplateLines = boilerplateLines;
    }

    /// <summary>Tag names (lower-case) removed with their content.</summary>
    public IReadOnlySet<string> RemoveTags { get; }
    /// <summary>ARIA roles (lower-case) removed with their content.</summary>
    public IReadOnlySet<string> RemoveRoles { get; }
    /// <summary>Class/id patterns of page furniture.</summary>
    public AttributePattern Boilerplate { get; }
    /// <summary>Class/id patterns never treated as furniture.</summary>
    public AttributePattern Keep { get; }
    /// <summary>Class/id patterns of the article body, best group first.</summary>
    public IReadOnlyList<AttributePattern> Body { get; }
    /// <summary>Text blocks dropped when they match (reading prompts, pleas, credits).</summary>
    public Regex? BoilerplateLines { get; }

    /// <summary>What the class/id patterns say about one element: its article-body group (or -1), and furniture.</summary>
    public readonly record struct ClassVerdict(int BodyGroup, bool IsFurniture);

    /// <summary>Class/id strings repeat across elements and pages: verdicts are remembered (up to a bound).</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ClassVerdict> _verdicts = new(StringComparer.Ordinal);
    private const int MaxRememberedVerdicts = 200_000;

    /// <summary>Forgets the remembered verdicts (the benchmark measures pages as if never seen).</summary>
    internal void ForgetVerdicts() => _verdicts.Clear();

    /// <summary>Classifies a lower-cased "class id" string; a pure function, memoised.</summary>
    public ClassVerdict Classify(string lowerClassAndId)
    {
        if (_verdicts.TryGetValue(lowerClassAndId, out var known)) return known;
        var group = -1;
        for (var g = 0; g < Body.Count; g++)
            if (Body[g].IsMatch(lowerClassAndId)) { group = g; break; }
        var verdict = new ClassVerdict(group, Boilerplate.IsMatch(lowerClassAndId) && !Keep.IsMatch(lowerClassAndId));
        if (_verdicts.Count < MaxRememberedVerdicts && lowerClassAndId.Length <= 300) _verdicts.TryAdd(lowerClassAndId, verdict);
        return verdict;
    }

    /// <summary>The rules beside the binaries, or in <c>$SITREP_DATA_DIR/html</c> when set.</summary>
    public static HtmlExtractionRules Default => DefaultRules.Value;

    public static string DefaultPath()
    {
        var root = Environment.GetEnvironmentVariable("SITREP_DATA_DIR") is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : Path.Combine(AppContext.BaseDirectory, "data");
        return Path.Combine(root, "html", "boilerplate.yaml");
    }

    public static HtmlExtractionRules Load(string path)
    {
        if (!File.Exists(path)) throw new HtmlRulesException($"{path}: HTML extraction rules not found");
        RulesFile file;
        try
        {
            var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
            file = deserializer.Deserialize<RulesFile>(File.ReadAllText(path)) ?? new RulesFile();
        }
        catch (YamlException e)
        {
            throw new HtmlRulesException($"{path}:{e.Start.Line}: {e.InnerException?.Message ?? e.Message}");
        }

        try
        {
            var lines = file.BoilerplateLines is { Count: > 0 } list
                ? new Regex(string.Join('|', list.Select(l => $"(?:{l})")),
                    RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexTimeout)
                : null;
            return new HtmlExtractionRules(
                Lower(file.RemoveTags).ToHashSet(StringComparer.Ordinal),
                Lower(file.RemoveRoles).ToHashSet(StringComparer.Ordinal),
                AttributePattern.Create(file.Boilerplate),
                AttributePattern.Create(file.Keep),
                file.Body.Select(AttributePattern.Create).ToArray(),
                lines);
        }
        catch (ArgumentException e)
        {
            throw new HtmlRulesException($"{path}: bad pattern: {e.Message}");
        }
    }

    private static IEnumerable<string> Lower(IEnumerable<string> values) =>
        values.Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0);

    /// <summary>Class/id patterns of one kind, compiled into one regular expression.</summary>
    public sealed class AttributePattern
    {
        private readonly Regex? _regex;

        private AttributePattern(Regex? regex) => _regex = regex;

        /// <summary>True when the lower-cased "class id" string matches.</summary>
        public bool IsMatch(string lowerClassAndId) => _regex is not null && SafeMatch(_regex, lowerClassAndId);

        internal static AttributePattern Create(PatternSet? set)
        {
            if (set is null) return new AttributePattern(null);
            var parts = new List<string>();
            if (set.Contains.Count > 0) parts.Add($"(?:{Alternation(set.Contains)})");
            if (set.Words.Count > 0) parts.Add($"(?<![a-z0-9])(?:{Alternation(set.Words)})(?![a-z0-9])");
            if (set.Prefixes.Count > 0) parts.Add($"(?<![a-z0-9])(?:{Alternation(set.Prefixes)})");
            return new AttributePattern(parts.Count == 0 ? null
                : new Regex(string.Join('|', parts), RegexOptions.CultureInvariant | RegexOptions.Compiled, RegexTimeout));
        }

        private static string Alternation(IEnumerable<string> values) =>
            string.Join('|', Lower(values).Distinct().OrderByDescending(v => v.Length).Select(Regex.Escape));
    }

    /// <summary>A regex match that treats a timeout as no match: furniture detection is best effort.</summary>
    internal static bool SafeMatch(Regex regex, string input)
    {
        try { return regex.IsMatch(input); }
        catch (RegexMatchTimeoutException) { return false; }
    }

    internal sealed class PatternSet
    {
        public List<string> Contains { get; set; } = [];
        public List<string> Words { get; set; } = [];
        public List<string> Prefixes { get; set; } = [];
    }

    internal sealed class RulesFile
    {
        public List<string> RemoveTags { get; set; } = [];
        public List<string> RemoveRoles { get; set; } = [];
        public PatternSet? Boilerplate { get; set; }
        public PatternSet? Keep { get; set; }
        public List<PatternSet> Body { get; set; } = [];
        public List<string> BoilerplateLines { get; set; } = [];
    }
}

/// <summary>The HTML rules file is missing or wrong; the message names the file (and line).</summary>
public sealed class HtmlRulesException(string message) : Exception(message);
