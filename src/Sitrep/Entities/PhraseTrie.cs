namespace Sitrep.Entities;

/// <summary>How a token of a phrase must be written in the text, as the data file writes it.</summary>
internal enum CaseRule : byte
{
    /// <summary>Written in lowercase in the data: any case ("de", "armée").</summary>
    Any,
    /// <summary>Written with a capital: a capital first ("Daech", "ÉTAT" in a headline).</summary>
    Initial,
    /// <summary>An acronym: all capitals ("EI", "US", never "us").</summary>
    AllCaps,
}

/// <summary>A phrase found by <see cref="PhraseTrie{T}"/>: tokens [Start, End) and, when it has a slot, the country the slot matched.</summary>
internal readonly record struct PhraseMatch<T>(int Start, int End, T Value, string? Country);

/// <summary>
/// Phrases (names, cue words, patterns) as a trie over token keys: the longest phrase starting at a
/// token is found in one walk, whatever the number of phrases. A <c>{country}</c> token in a phrase
/// is a slot filled by a country name or a demonym ("armée {country}" matches "l'armée russe").
/// </summary>
internal sealed class PhraseTrie<T> where T : class
{
    public const string CountrySlot = "{country}";
    private const string SlotKey = "\u0001";

    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public Node? Slot;
        public List<(T Value, CaseRule[] Cases)>? Values;
    }

    private readonly Node _root = new();

    /// <summary>
    /// One bit per cheap fingerprint of the keys a phrase starts with (see <see cref="Fingerprint"/>): a token whose
    /// bit is clear starts no phrase, which is most tokens, and is answered without hashing its key.
    /// </summary>
    private readonly ulong[] _firstKeyBits = new ulong[FingerprintBits / 64];
    private const int FingerprintBits = 1 << 16;

    [ThreadStatic] private static List<int>? Path;

    public int Count { get; private set; }

    /// <summary>The keys a phrase can start with (a phrase starting with a slot starts with none of them).</summary>
    public IEnumerable<string> FirstKeys => _root.Children?.Keys ?? Enumerable.Empty<string>();

    /// <summary>Whether some phrase starts with a slot.</summary>
    public bool StartsWithSlot => _root.Slot is not null;

    /// <summary>Adds a phrase; returns false when it has no token.</summary>
    public bool Add(string phrase, T value)
    {
        var tokens = EntityTokenizer.Tokenize(phrase.Replace(CountrySlot, SlotKey, StringComparison.Ordinal));
        if (tokens.Count == 0) return false;
        var node = _root;
        var cases = new List<CaseRule>(tokens.Count);
        foreach (var token in tokens)
        {
            if (token.Key == SlotKey)
            {
                node = node.Slot ??= new Node();
                continue;
            }
            if (node == _root) _firstKeyBits[Fingerprint(token.Key) >> 6] |= 1UL << Fingerprint(token.Key);
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(token.Key, out var child)) node.Children[token.Key] = child = new Node();
            node = child;
            cases.Add(token.IsAllCaps ? CaseRule.AllCaps : token.IsCapitalised ? CaseRule.Initial : CaseRule.Any);
        }
        (node.Values ??= []).Add((value, [.. cases]));
        Count++;
        return true;
    }

    /// <summary>
    /// The longest phrase starting at tokens[start] that ends before <paramref name="limit"/>, does not run
    /// into the next sentence and is written in the case its data asks; <paramref name="slot"/> says where a
    /// country named at a token ends, and which country it is.
    /// </summary>
    public PhraseMatch<T>? Longest(IReadOnlyList<Token> tokens, int start, int limit, Func<int, (int End, string Country)?>? slot = null)
    {
        PhraseMatch<T>? best = null;
        if (start >= limit) return null;
        var key = tokens[start].Key;
        var mayStart = MayStart(key);
        List<int> path;
        if (_root.Slot is null)
        {
            // Most tokens start no phrase: answer those without walking (nor reading the thread's path);
            // the others start below the root's child.
            if (!mayStart || _root.Children is null || !_root.Children.TryGetValue(key, out var first)) return null;
            path = Path ??= [];
            path.Clear();
            path.Add(start);
            Walk(first, tokens, start, start + 1, limit, slot, null, path, ref best);
            return best;
        }
        path = Path ??= [];
        path.Clear();
        Walk(_root, tokens, start, start, limit, slot, null, path, ref best, mayStart);
        return best;
    }

    private bool MayStart(string key)
    {
        var bit = Fingerprint(key);
        return (_firstKeyBits[bit >> 6] & (1UL << bit)) != 0;
    }

    /// <summary>16 bits from a key's length and its first, second and last characters: no hashing of the whole key.</summary>
    private static int Fingerprint(string key)
    {
        var mixed = (uint)key.Length;
        if (key.Length > 0) mixed = (mixed * 31 + key[0]) * 31 + key[^1];
        if (key.Length > 1) mixed = mixed * 31 + key[1];
        return (int)((mixed * 0x9E3779B1u) >> 16);
    }

    private static void Walk(Node node, IReadOnlyList<Token> tokens, int start, int at, int limit, Func<int, (int End, string Country)?>? slot,
        string? country, List<int> path, ref PhraseMatch<T>? best, bool firstMayMatch = true)
    {
        if (node.Values is { } values && at > start && (best is null || at > best.Value.End))
        {
            foreach (var (value, cases) in values)
                if (CaseFits(tokens, path, cases))
                {
                    best = new PhraseMatch<T>(start, at, value, country);
                    break;
                }
        }
        if (at >= limit || (at > start && tokens[at].SentenceStart)) return;
        if (node.Children is { } children && (at > start || firstMayMatch) && children.TryGetValue(tokens[at].Key, out var next))
        {
            path.Add(at);
            Walk(next, tokens, start, at + 1, limit, slot, country, path, ref best);
            path.RemoveAt(path.Count - 1);
        }
        if (node.Slot is { } slotNode && slot?.Invoke(at) is { } filled && filled.End <= limit)
            Walk(slotNode, tokens, start, filled.End, limit, slot, filled.Country, path, ref best);
    }

    /// <summary>The tokens matched by words of the phrase (a slot's tokens are the slot's business) against the cases the phrase asks.</summary>
    private static bool CaseFits(IReadOnlyList<Token> tokens, List<int> path, CaseRule[] cases)
    {
        for (var i = 0; i < cases.Length && i < path.Count; i++)
        {
            var token = tokens[path[i]];
            switch (cases[i])
            {
                case CaseRule.Initial when !token.IsCapitalised:
                case CaseRule.AllCaps when !token.IsAllCaps:
                    return false;
            }
        }
        return true;
    }
}
