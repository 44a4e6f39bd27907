using System.Globalization;
using System.Text;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Sitrep.Geo;

/// <summary>
/// Folds a place name into the key the gazetteer is indexed by, so that spellings which differ
/// only by diacritics, transliteration marks, Arabic articles or spelling variants meet
/// ("Deir ez-Zor" = "Dayr az Zawr", "Mossoul" = "Mosul"). The rules are data:
/// <c>data/gazetteer/name-keys.yaml</c>. Immutable and thread-safe.
/// </summary>
public sealed class PlaceNameKey
{
    // Per UTF-16 unit, filled on first use: its folded letters, " " for a separator, Drop to drop.
    // Filling is idempotent, so threads racing on one slot write the same value.
    private readonly string?[] _fold = new string?[char.MaxValue + 1];
    private readonly Dictionary<string, string> _special;
    private const string Drop = "\0";
    private readonly HashSet<string> _articles;
    private readonly string _attachedVowels;
    private readonly string _sunLetters;
    private readonly (string From, string To)[] _wordEndings;
    private readonly (string From, string To)[] _substitutions;
    private readonly bool _collapseDoubled;

    private PlaceNameKey(NameKeyRules rules)
    {
        _articles = rules.Articles.ToHashSet(StringComparer.Ordinal);
        _attachedVowels = rules.AttachedArticleVowels;
        _sunLetters = rules.SunLetters;
        _wordEndings = rules.WordEndings.Select(Pair).ToArray();
        _substitutions = rules.Substitutions.Select(Pair).ToArray();
        _collapseDoubled = rules.CollapseDoubledLetters;
        _special = rules.Fold;
    }

    private static (string, string) Pair(List<string> pair) =>
        pair.Count == 2 ? (pair[0], pair[1]) : throw new InvalidDataException("name-keys.yaml: a rewrite needs exactly two strings");

    public static PlaceNameKey Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: name key rules not found");
        var rules = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build()
            .Deserialize<NameKeyRules>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path}: empty");
        return new PlaceNameKey(rules);
    }

    private static string? FoldOne(char c, Dictionary<string, string> special)
    {
        var lower = char.ToLowerInvariant(c);
        if (special.TryGetValue(lower.ToString(), out var replaced)) return replaced.Length == 0 ? null : replaced;
        if (char.IsWhiteSpace(c) || c is '-' or '‐' or '‑' or '–' or '—' or '.' or ',' or '_' or '/' or '(' or ')') return " ";
        if (char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherNotAssigned) return null;
        var decomposed = lower.ToString().Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var d in decomposed)
            if (char.IsLetterOrDigit(d)) builder.Append(d);
        return builder.Length == 0 ? null : builder.ToString();
    }

    /// <summary>The lookup key of a name; empty when nothing of it is left.</summary>
    public string Key(ReadOnlySpan<char> name)
    {
        // Names recur (the same places in one document and the next): their keys are kept per thread, up to a bound.
        if (_keyCache is null || _keyCacheRules != this || _keyCache.Count >= KeyCacheNames)
        {
            _keyCache = new Dictionary<string, string>(StringComparer.Ordinal);
            _keyCacheRules = this;
            _keyCacheLookup = _keyCache.GetAlternateLookup<ReadOnlySpan<char>>();
        }
        if (_keyCacheLookup.TryGetValue(name, out var known)) return known;
        var key = MakeKey(name);
        _keyCacheLookup[name] = key;
        return key;
    }

    private const int KeyCacheNames = 20_000;
    [ThreadStatic] private static Dictionary<string, string>? _keyCache;
    [ThreadStatic] private static PlaceNameKey? _keyCacheRules;
    [ThreadStatic] private static Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _keyCacheLookup;

    /// <summary>The key made afresh, without the per-thread cache: for the gazetteer's own names, each met once as it loads.</summary>
    internal string MakeKey(ReadOnlySpan<char> name)
    {
        var words = Words(name);
        var joined = new StringBuilder(name.Length);
        foreach (var word in words)
        {
            var w = word;
            foreach (var (from, to) in _wordEndings)
                if (w.Length > from.Length + 1 && w.EndsWith(from, StringComparison.Ordinal)) { w = w[..^from.Length] + to; break; }
            joined.Append(w);
        }
        foreach (var (from, to) in _substitutions) joined.Replace(from, to);
        if (!_collapseDoubled) return joined.ToString();
        var result = new StringBuilder(joined.Length);
        for (var i = 0; i < joined.Length; i++)
            if (i == 0 || joined[i] != joined[i - 1]) result.Append(joined[i]);
        return result.ToString();
    }

    /// <summary>
    /// The name's words folded (case, diacritics, marks) with its articles dropped, spaced, hyphenated or attached
    /// ("Deir ez-Zor" → deir, zor): the first steps of the key, which the transliteration skeleton shares.
    /// </summary>
    internal List<string> Words(ReadOnlySpan<char> name)
    {
        var words = new List<string>(4);
        var word = new StringBuilder(16);
        foreach (var c in name)
        {
            var folded = _fold[c] ??= FoldOne(c, _special) ?? Drop;
            if (ReferenceEquals(folded, Drop)) continue;
            if (folded == " ")
            {
                if (word.Length > 0) { words.Add(word.ToString()); word.Clear(); }
            }
            else word.Append(folded);
        }
        if (word.Length > 0) words.Add(word.ToString());

        var kept = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (i < words.Count - 1 && _articles.Contains(w)) continue;
            if (w.Length > 4 && _attachedVowels.Contains(w[0]) && w[1] == w[2] && _sunLetters.Contains(w[1])) w = w[2..];
            kept.Add(w);
        }
        return kept;
    }

    private sealed class NameKeyRules
    {
        public Dictionary<string, string> Fold { get; set; } = [];
        public List<string> Articles { get; set; } = [];
        public string AttachedArticleVowels { get; set; } = "";
        public string SunLetters { get; set; } = "";
        public List<List<string>> WordEndings { get; set; } = [];
        public List<List<string>> Substitutions { get; set; } = [];
        public bool CollapseDoubledLetters { get; set; }
    }
}
