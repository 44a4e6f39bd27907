using System.Globalization;

namespace Sitrep.Language;

/// <summary>
/// The language-identification tables, read and checked once from <c>lang/&lt;code&gt;/langid.tsv</c>
/// and <c>lang/&lt;code&gt;/langid-ngrams.tsv</c>, laid out as flat arrays (one row per word, letter
/// or n-gram; one column per language) so scoring is a few array reads per word.
/// </summary>
internal sealed class LanguageIdData
{
    public const string SpecFile = "langid.tsv";
    public const string NgramFile = "langid-ngrams.tsv";
    private const int MaxLanguages = 64;
    private const double MaxWeight = 20;

    public required string[] Codes { get; init; }
    public required Script[] Scripts { get; init; }
    /// <summary>Bit per language that has an n-gram profile.</summary>
    public required ulong Profiled { get; init; }
    public required Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> WordLookup { get; init; }
    public required float[] WordWeights { get; init; }
    /// <summary><see cref="WordWeights"/> widened once, so a word's row is added to the scores four languages at a time.</summary>
    public double[] WordWeightsWide => _wordWeightsWide ??= Array.ConvertAll(WordWeights, w => (double)w);
    private double[]? _wordWeightsWide;
    /// <summary>Row of each (lower-case) character in <see cref="CharWeights"/>; 0 for none.</summary>
    public required ushort[] CharRows { get; init; }
    public required float[] CharWeights { get; init; }
    /// <summary><see cref="CharWeights"/> widened once (see <see cref="WordWeightsWide"/>).</summary>
    public double[] CharWeightsWide => _charWeightsWide ??= Array.ConvertAll(CharWeights, w => (double)w);
    private double[]? _charWeightsWide;
    public required ulong[] CharForbidden { get; init; }
    public required NgramTable Ngrams { get; init; }
    public required float[] NgramWeights { get; init; }
    public required ulong[] NgramSeen { get; init; }
    /// <summary>Per order (1..3) then language: the log-probability of an n-gram the profile lacks.</summary>
    public required float[] Unseen { get; init; }

    /// <summary>The index of a language code such as "fr", "FR" or "fr-CA"; -1 when absent.</summary>
    public int IndexOf(string? code)
    {
        if (string.IsNullOrEmpty(code)) return -1;
        var span = code.AsSpan();
        var dash = span.IndexOfAny('-', '_');
        if (dash >= 0) span = span[..dash];
        span = span.Trim();
        for (var l = 0; l < Codes.Length; l++)
            if (span.Equals(Codes[l], StringComparison.OrdinalIgnoreCase)) return l;
        return -1;
    }

    public static LanguageIdData Load(string root)
    {
        if (!Directory.Exists(root)) throw new LanguageDataException($"{root}: language data folder not found");

        var specs = new List<LanguageSpec>();
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var code = Path.GetFileName(folder);
            var specPath = Path.Combine(folder, SpecFile);
            var ngramPath = Path.Combine(folder, NgramFile);
            if (!File.Exists(specPath))
            {
                if (File.Exists(ngramPath)) throw new LanguageDataException($"{ngramPath}: {SpecFile} is missing beside it");
                continue;
            }
            if (code.Length is < 2 or > 3 || !code.All(char.IsAsciiLetterLower) || code == LanguageIdentifier.Undetermined)
                throw new LanguageDataException($"{specPath}: folder name '{code}' is not a 2- or 3-letter lower-case language code");
            var spec = ReadSpec(code, specPath);
            if (File.Exists(ngramPath)) ReadNgrams(spec, ngramPath);
            specs.Add(spec);
        }
        if (specs.Count > MaxLanguages)
            throw new LanguageDataException($"{root}: {specs.Count} languages have {SpecFile}; at most {MaxLanguages} are supported");
        return Build(specs);
    }

    private static LanguageIdData Build(List<LanguageSpec> specs)
    {
        var count = specs.Count;

        var wordRows = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var spec in specs)
            foreach (var word in spec.Words.Keys)
                wordRows.TryAdd(word, wordRows.Count);
        var wordWeights = new float[wordRows.Count * count];
        for (var l = 0; l < count; l++)
            foreach (var (word, weight) in specs[l].Words)
                wordWeights[wordRows[word] * count + l] = (float)weight;

        var charRows = new ushort[char.MaxValue + 1];
        var charList = new List<char> { '\0' };
        foreach (var spec in specs)
            foreach (var c in spec.Letters.Keys.Concat(spec.Forbidden))
                if (charRows[c] == 0)
                {
                    charRows[c] = (ushort)charList.Count;
                    charList.Add(c);
                }
        var charWeights = new float[charList.Count * count];
        var charForbidden = new ulong[charList.Count];
        for (var l = 0; l < count; l++)
        {
            foreach (var (c, weight) in specs[l].Letters) charWeights[charRows[c] * count + l] = (float)weight;
            foreach (var c in specs[l].Forbidden) charForbidden[charRows[c]] |= 1UL << l;
        }

        var unseen = new float[3 * count];
        ulong profiled = 0;
        for (var l = 0; l < count; l++)
        {
            if (specs[l].Ngrams.Count == 0) continue;
            profiled |= 1UL << l;
            for (var order = 1; order <= 3; order++) unseen[(order - 1) * count + l] = (float)specs[l].Unseen[order];
        }
        var ngramRows = new Dictionary<ulong, int>();
        foreach (var spec in specs)
            foreach (var key in spec.Ngrams.Keys)
                ngramRows.TryAdd(key, ngramRows.Count);
        var ngramWeights = new float[ngramRows.Count * count];
        var ngramSeen = new ulong[ngramRows.Count];
        foreach (var (key, row) in ngramRows)
        {
            var order = (int)(key >> 48);
            for (var l = 0; l < count; l++)
            {
                if (specs[l].Ngrams.TryGetValue(key, out var logProbability))
                {
                    ngramWeights[row * count + l] = (float)logProbability;
                    ngramSeen[row] |= 1UL << l;
                }
                else
                {
                    ngramWeights[row * count + l] = unseen[(order - 1) * count + l];
                }
            }
        }

        return new LanguageIdData
        {
            Codes = specs.Select(spec => string.Intern(spec.Code)).ToArray(),
            Scripts = specs.Select(spec => spec.Script).ToArray(),
            Profiled = profiled,
            WordLookup = wordRows.GetAlternateLookup<ReadOnlySpan<char>>(),
            WordWeights = wordWeights,
            CharRows = charRows,
            CharWeights = charWeights,
            CharForbidden = charForbidden,
            Ngrams = new NgramTable(ngramRows),
            NgramWeights = ngramWeights,
            NgramSeen = ngramSeen,
            Unseen = unseen,
        };
    }

    private static LanguageSpec ReadSpec(string code, string path)
    {
        var spec = new LanguageSpec(code);
        var scriptSeen = false;
        foreach (var (number, fields) in Lines(path))
        {
            string Where() => $"{path}:{number}";
            switch (fields[0])
            {
                case "script":
                    Expect(fields, 2, 2, Where);
                    if (scriptSeen) throw new LanguageDataException($"{Where()}: script given twice");
                    if (!Enum.TryParse<Script>(fields[1], ignoreCase: false, out var script) || script == Script.Other || !Enum.IsDefined(script))
                        throw new LanguageDataException($"{Where()}: unknown script '{fields[1]}' (expected one of {string.Join(", ", Enum.GetNames<Script>().Skip(1))})");
                    spec.Script = script;
                    scriptSeen = true;
                    break;
                case "word":
                    Expect(fields, 2, 3, Where);
                    var word = fields[1];
                    if (word != word.ToLowerInvariant()) throw new LanguageDataException($"{Where()}: word '{word}' must be lower case");
                    if (!word.All(c => LangIdText.IsWordChar(c) || c == '\'')) throw new LanguageDataException($"{Where()}: word '{word}' may hold letters and apostrophes only");
                    if (!spec.Words.TryAdd(word, fields.Length == 3 ? Weight(fields[2], Where) : 1.0))
                        throw new LanguageDataException($"{Where()}: word '{word}' listed twice");
                    break;
                case "letter":
                    Expect(fields, 3, 3, Where);
                    var letter = SingleLetter(fields[1], Where);
                    if (!spec.Letters.TryAdd(letter, Weight(fields[2], Where)))
                        throw new LanguageDataException($"{Where()}: letter '{letter}' listed twice");
                    break;
                case "forbid":
                    Expect(fields, 2, 2, Where);
                    foreach (var c in fields[1])
                    {
                        if (!char.IsLetter(c) || c != char.ToLowerInvariant(c))
                            throw new LanguageDataException($"{Where()}: forbidden '{c}' is not a lower-case letter");
                        spec.Forbidden.Add(c);
                    }
                    break;
                default:
                    throw new LanguageDataException($"{Where()}: unknown entry '{fields[0]}' (expected script, word, letter or forbid)");
            }
        }
        if (!scriptSeen) throw new LanguageDataException($"{path}: no 'script' line");
        return spec;
    }

    private static void ReadNgrams(LanguageSpec spec, string path)
    {
        foreach (var (number, fields) in Lines(path))
        {
            string Where() => $"{path}:{number}";
            Expect(fields, 2, 2, Where);
            if (!double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value > 0 || value < -50)
                throw new LanguageDataException($"{Where()}: '{fields[1]}' is not a log-probability (a number from -50 to 0)");
            var gram = fields[0];
            if (gram.StartsWith("unseen:", StringComparison.Ordinal))
            {
                if (gram.Length != 8 || gram[7] is < '1' or > '3') throw new LanguageDataException($"{Where()}: expected unseen:1, unseen:2 or unseen:3");
                spec.Unseen[gram[7] - '0'] = value;
                continue;
            }
            var chars = gram.Select(c => c == '_' ? LangIdText.Boundary : c).ToArray();
            var valid = chars.Length is >= 1 and <= 3
                && chars.All(c => c == LangIdText.Boundary || LangIdText.IsWordChar(c) && c == char.ToLowerInvariant(c))
                && (chars.Length == 1 ? chars[0] != LangIdText.Boundary : chars.Skip(1).SkipLast(1).All(c => c != LangIdText.Boundary) && !chars.All(c => c == LangIdText.Boundary));
            if (!valid) throw new LanguageDataException($"{Where()}: '{gram}' is not an n-gram of 1 to 3 lower-case letters ('_' only at either end)");
            var key = chars.Length switch
            {
                1 => LangIdText.NgramKey(chars[0]),
                2 => LangIdText.NgramKey(chars[0], chars[1]),
                _ => LangIdText.NgramKey(chars[0], chars[1], chars[2]),
            };
            if (!spec.Ngrams.TryAdd(key, value)) throw new LanguageDataException($"{Where()}: n-gram '{gram}' listed twice");
        }
        for (var order = 1; order <= 3; order++)
            if (double.IsNaN(spec.Unseen[order]))
                throw new LanguageDataException($"{path}: no 'unseen:{order}' line");
    }

    /// <summary>Non-blank lines split on tabs and spaces, with their 1-based numbers; '#' starts a comment.</summary>
    private static IEnumerable<(int Number, string[] Fields)> Lines(string path)
    {
        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            var hash = line.IndexOf('#');
            var content = hash == 0 ? "" : hash > 0 && char.IsWhiteSpace(line[hash - 1]) ? line[..hash] : line;
            var fields = content.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0) yield return (number, fields);
        }
    }

    private static void Expect(string[] fields, int min, int max, Func<string> where)
    {
        if (fields.Length < min || fields.Length > max)
            throw new LanguageDataException($"{where()}: '{fields[0]}' takes {(min == max ? $"{min - 1}" : $"{min - 1} or {max - 1}")} value(s), found {fields.Length - 1}");
    }

    private static double Weight(string text, Func<string> where) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var weight) && double.IsFinite(weight) && Math.Abs(weight) <= MaxWeight
            ? weight
            : throw new LanguageDataException($"{where()}: weight '{text}' is not a number from -{MaxWeight} to {MaxWeight}");

    private static char SingleLetter(string text, Func<string> where) =>
        text.Length == 1 && text[0] == char.ToLowerInvariant(text[0]) && LangIdText.IsWordChar(text[0])
            ? text[0]
            : throw new LanguageDataException($"{where()}: '{text}' is not one lower-case letter");

    private sealed class LanguageSpec(string code)
    {
        public string Code { get; } = code;
        public Script Script { get; set; }
        public Dictionary<string, double> Words { get; } = new(StringComparer.Ordinal);
        public Dictionary<char, double> Letters { get; } = [];
        public HashSet<char> Forbidden { get; } = [];
        public Dictionary<ulong, double> Ngrams { get; } = [];
        public double[] Unseen { get; } = [double.NaN, double.NaN, double.NaN, double.NaN];
    }
}

/// <summary>An open-addressing hash table from n-gram key to row, read without allocation.</summary>
internal sealed class NgramTable
{
    private readonly ulong[] _keys;
    private readonly int[] _rows;
    private readonly int _shift;
    private readonly int _mask;

    public NgramTable(IReadOnlyDictionary<ulong, int> rows)
    {
        var bits = 4;
        while (1 << bits < rows.Count * 2) bits++;
        _keys = new ulong[1 << bits];
        _rows = new int[1 << bits];
        _shift = 64 - bits;
        _mask = (1 << bits) - 1;
        foreach (var (key, row) in rows.OrderBy(pair => pair.Value))
        {
            var slot = Slot(key);
            while (_keys[slot] != 0) slot = (slot + 1) & _mask;
            _keys[slot] = key;
            _rows[slot] = row;
        }
    }

    private int Slot(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    /// <summary>The row of <paramref name="key"/> (never 0: the order sits in the high bits), or -1.</summary>
    public int Find(ulong key)
    {
        var keys = _keys;
        var slot = Slot(key);
        while (true)
        {
            var found = keys[slot];
            if (found == key) return _rows[slot];
            if (found == 0) return -1;
            slot = (slot + 1) & _mask;
        }
    }
}
