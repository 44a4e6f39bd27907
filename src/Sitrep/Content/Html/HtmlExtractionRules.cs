using System.Buffers;
using System.Text.RegularExpressions;
using Sitrep.Language;
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
    // Guards against runaway backtracking only: it must never fire on ordinary input, even on a loaded machine.
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(2);

    private static readonly Lazy<HtmlExtractionRules> DefaultRules = new(() => Load(DefaultPath()));

    private HtmlExtractionRules(IReadOnlySet<string> removeTags, IReadOnlySet<string> removeRoles, AttributePattern boilerplate,
        AttributePattern keep, IReadOnlyList<AttributePattern> body, AttributePattern lead, Regex? boilerplateLines)
    {
        Lead = lead;
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
    /// <summary>Class/id patterns of an article's lead (standfirst), often kept apart from its body.</summary>
    public AttributePattern Lead { get; }
    /// <summary>Text blocks dropped when they match (reading prompts, pleas, credits).</summary>
    public Regex? BoilerplateLines { get; }

    /// <summary>What the class/id patterns say about one element: its article-body group (or -1), and furniture.</summary>
    public readonly record struct ClassVerdict(int BodyGroup, bool IsFurniture, bool IsLead);

    /// <summary>Classifies a lower-cased "class id" string; a pure function.</summary>
    public ClassVerdict Classify(string lowerClassAndId) => Classify(lowerClassAndId.AsSpan());

    /// <summary>Classifies a lower-cased "class id" string; a pure function that allocates nothing.</summary>
    public ClassVerdict Classify(ReadOnlySpan<char> lowerClassAndId)
    {
        var group = -1;
        for (var g = 0; g < Body.Count; g++)
            if (Body[g].IsMatch(lowerClassAndId)) { group = g; break; }
        var furniture = Boilerplate.IsMatch(lowerClassAndId) && !Keep.IsMatch(lowerClassAndId);
        return new ClassVerdict(group, furniture, !furniture && group != 0 && Lead.IsMatch(lowerClassAndId));
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
            // Run once here, so that its JIT is not paid under a page's match time limit (a timeout keeps the block).
            if (lines is not null) RegexWarmUp.TryRun(lines);
            return new HtmlExtractionRules(
                Lower(file.RemoveTags).ToHashSet(StringComparer.Ordinal),
                Lower(file.RemoveRoles).ToHashSet(StringComparer.Ordinal),
                AttributePattern.Create(file.Boilerplate),
                AttributePattern.Create(file.Keep),
                file.Body.Select(AttributePattern.Create).ToArray(),
                AttributePattern.Create(file.Lead),
                lines);
        }
        catch (ArgumentException e)
        {
            throw new HtmlRulesException($"{path}: bad pattern: {e.Message}");
        }
    }

    private static IEnumerable<string> Lower(IEnumerable<string> values) =>
        values.Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0);

    /// <summary>
    /// Class/id patterns of one kind. The attribute is cut into words (runs of a-z0-9); whole-word patterns
    /// are looked up in a hash set, prefixes by the word's first characters, and the "contains" patterns
    /// are found in one multi-string search. Patterns with other characters in them ("sub-nav") are
    /// searched for and their boundaries checked. Nothing is allocated per call.
    /// </summary>
    public sealed class AttributePattern
    {
        private readonly SearchValues<string>? _contains;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _words;
        private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixes;
        private readonly int[] _prefixLengths;
        private readonly string[] _oddWords;
        private readonly string[] _oddPrefixes;
        private readonly bool _empty;

        private AttributePattern(IReadOnlyCollection<string> contains, IReadOnlyCollection<string> words, IReadOnlyCollection<string> prefixes)
        {
            _contains = contains.Count > 0 ? SearchValues.Create(contains.ToArray(), StringComparison.Ordinal) : null;
            _words = words.Where(IsWord).ToHashSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
            _oddWords = words.Where(w => !IsWord(w)).ToArray();
            var plain = prefixes.Where(IsWord).ToHashSet(StringComparer.Ordinal);
            _prefixes = plain.GetAlternateLookup<ReadOnlySpan<char>>();
            _prefixLengths = plain.Select(p => p.Length).Distinct().Order().ToArray();
            _oddPrefixes = prefixes.Where(p => !IsWord(p)).ToArray();
            _empty = contains.Count == 0 && words.Count == 0 && prefixes.Count == 0;
        }

        /// <summary>True when the lower-cased "class id" string matches.</summary>
        public bool IsMatch(string lowerClassAndId) => IsMatch(lowerClassAndId.AsSpan());

        /// <summary>True when the lower-cased "class id" string matches.</summary>
        public bool IsMatch(ReadOnlySpan<char> text)
        {
            if (_empty) return false;
            if (_contains is not null && text.IndexOfAny(_contains) >= 0) return true;
            var i = 0;
            while (i < text.Length)
            {
                if (!IsWordChar(text[i])) { i++; continue; }
                var start = i;
                while (i < text.Length && IsWordChar(text[i])) i++;
                var word = text[start..i];
                if (_words.Contains(word)) return true;
                foreach (var length in _prefixLengths)
                {
                    if (length > word.Length) break;
                    if (_prefixes.Contains(word[..length])) return true;
                }
            }
            foreach (var word in _oddWords)
                if (Occurs(text, word, wholeWord: true)) return true;
            foreach (var prefix in _oddPrefixes)
                if (Occurs(text, prefix, wholeWord: false)) return true;
            return false;
        }

        /// <summary>Whether <paramref name="value"/> occurs starting a word (and, for whole words, ending one).</summary>
        private static bool Occurs(ReadOnlySpan<char> text, string value, bool wholeWord)
        {
            var from = 0;
            while (from <= text.Length - value.Length)
            {
                var at = text[from..].IndexOf(value, StringComparison.Ordinal);
                if (at < 0) return false;
                at += from;
                var end = at + value.Length;
                if ((at == 0 || !IsWordChar(text[at - 1])) && (!wholeWord || end == text.Length || !IsWordChar(text[end]))) return true;
                from = at + 1;
            }
            return false;
        }

        private static bool IsWordChar(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);

        private static bool IsWord(string value) => value.Length > 0 && value.All(IsWordChar);

        internal static AttributePattern Create(PatternSet? set) => set is null
            ? new AttributePattern([], [], [])
            : new AttributePattern(Distinct(set.Contains), Distinct(set.Words), Distinct(set.Prefixes));

        private static string[] Distinct(IEnumerable<string> values) => Lower(values).Distinct(StringComparer.Ordinal).ToArray();
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
        public PatternSet? Lead { get; set; }
        public List<string> BoilerplateLines { get; set; } = [];
    }
}

/// <summary>The HTML rules file is missing or wrong; the message names the file (and line).</summary>
public sealed class HtmlRulesException(string message) : Exception(message);
