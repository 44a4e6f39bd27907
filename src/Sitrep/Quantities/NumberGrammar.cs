using System.Globalization;
using Sitrep.Language;

namespace Sitrep.Quantities;

/// <summary>
/// One language's numbers, read from <c>lang/&lt;code&gt;/numbers.yaml</c>: how digits are grouped and
/// split (separators, k/M suffixes, ordinal endings), number words and multipliers, the words that join
/// them ("vingt et un", "a hundred and five"), ordinals and approximate quantities ("une vingtaine").
/// </summary>
public sealed class NumberGrammar
{
    public required string Language { get; init; }
    /// <summary>One-character separators between groups of three digits ("1 200", "2.000", "1,200").</summary>
    public required IReadOnlySet<string> ThousandsSeparators { get; init; }
    /// <summary>The decimal mark of the language ("3,5"); the other of '.' and ',' is read as one when it cannot group thousands.</summary>
    public required IReadOnlySet<string> DecimalSeparators { get; init; }
    /// <summary>Letters stuck to digits that multiply them ("100k", "3M").</summary>
    public required IReadOnlyDictionary<string, double> Suffixes { get; init; }
    /// <summary>Letters stuck to digits that make an ordinal ("3e", "21st").</summary>
    public required IReadOnlySet<string> OrdinalSuffixes { get; init; }
    public required PhraseTable<double> Values { get; init; }
    public required PhraseTable<double> Multipliers { get; init; }
    public required IReadOnlySet<string> Joiners { get; init; }
    /// <summary>Articles that count as one before a multiplier only ("a hundred", "a dozen").</summary>
    public required IReadOnlySet<string> OneBeforeMultiplier { get; init; }
    public required IReadOnlySet<string> Negative { get; init; }
    public required IReadOnlySet<string> DecimalPoint { get; init; }
    public required PhraseTable<double> Ordinals { get; init; }
    public required PhraseTable<double> Approximations { get; init; }

    /// <summary>The keys a number written in words can start with (a value, multiplier, ordinal, approximation, sign or
    /// decimal word, or an article before a multiplier): at any other word no number starts, and none is tried.</summary>
    public IReadOnlySet<string> WordStarts => _wordStarts ??= Values.FirstKeys.Concat(Multipliers.FirstKeys).Concat(Ordinals.FirstKeys)
        .Concat(Approximations.FirstKeys).Concat(OneBeforeMultiplier).Concat(Negative).Concat(DecimalPoint).ToHashSet(StringComparer.Ordinal);

    private IReadOnlySet<string>? _wordStarts;

    public static NumberGrammar Load(string path, string language)
    {
        var data = QuantityData.Load(path);
        var digits = data.Section("digits");
        var words = data.Section("words");
        HashSet<string> Set(IEnumerable<string> items) => items.Select(s => s.Length == 1 ? s : QuantityTokenizer.Key(s)).ToHashSet(StringComparer.Ordinal);
        PhraseTable<double> Table(IEnumerable<(string Phrase, string Value, YamlDotNet.RepresentationModel.YamlNode Node)> entries)
        {
            var table = new PhraseTable<double>();
            foreach (var (phrase, value, node) in entries)
                table.Add(QuantityTokenizer.Keys(phrase), Number(value, data.Where(node)));
            return table;
        }
        return new NumberGrammar
        {
            Language = language,
            ThousandsSeparators = data.List(digits, "thousands-separators").ToHashSet(StringComparer.Ordinal),
            DecimalSeparators = data.List(digits, "decimal-separators").ToHashSet(StringComparer.Ordinal),
            Suffixes = data.Map(digits, "suffixes").ToDictionary(e => e.Phrase, e => Number(e.Value, data.Where(e.Node)), StringComparer.Ordinal),
            OrdinalSuffixes = Set(data.List(digits, "ordinal-suffixes")),
            Values = Table(data.Map(words, "values")),
            Multipliers = Table(data.Map(words, "multipliers")),
            Joiners = Set(data.List(words, "joiners")),
            OneBeforeMultiplier = Set(data.List(words, "one-before-multiplier")),
            Negative = Set(data.List(words, "negative")),
            DecimalPoint = Set(data.List(words, "decimal-point")),
            Ordinals = Table(data.Map(data.Root, "ordinals")),
            Approximations = Table(data.Map(data.Root, "approximations")),
        };
    }

    private static double Number(string value, string where) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : throw new LanguageDataException($"{where}: '{value}' is not a number");

    /// <summary>The grammars of every <c>lang/&lt;code&gt;/numbers.yaml</c>, by language code.</summary>
    public static IReadOnlyDictionary<string, NumberGrammar> LoadAll(string root) => LanguageFolders.LoadEach(root, "numbers.yaml", Load);
}
