namespace Sitrep.Quantities;

/// <summary>
/// Phrases of one or more word keys, each with a value, found at a token position by their first key,
/// longest phrase first ("plus de" before "plus").
/// </summary>
public sealed class PhraseTable<T>
{
    private readonly Dictionary<string, List<(string[] Keys, T Value)>> _byFirst = new(StringComparer.Ordinal);

    public int Count { get; private set; }

    /// <summary>Where the casualty matcher keeps this table's answers for the sentence at hand (-1: not kept); see <see cref="MatchMemo"/>.</summary>
    internal int MemoSlot { get; set; } = -1;

    /// <summary>The first keys of all phrases: no phrase starts at a token with another key.</summary>
    public IEnumerable<string> FirstKeys => _byFirst.Keys;

    public void Add(string[] keys, T value)
    {
        if (keys.Length == 0) return;
        if (!_byFirst.TryGetValue(keys[0], out var list)) _byFirst[keys[0]] = list = [];
        list.RemoveAll(e => e.Keys.AsSpan().SequenceEqual(keys));
        list.Add((keys, value));
        list.Sort((a, b) => b.Keys.Length.CompareTo(a.Keys.Length));
        Count++;
    }

    /// <summary>The longest phrase starting at token <paramref name="at"/>: how many tokens it covers (0: none) and its value.</summary>
    public int Match(IReadOnlyList<QuantityToken> tokens, int at, out T value)
    {
        value = default!;
        if (at >= tokens.Count || !_byFirst.TryGetValue(tokens[at].Key, out var list)) return 0;
        foreach (var (keys, v) in list)
        {
            if (at + keys.Length > tokens.Count) continue;
            var ok = true;
            for (var k = 1; k < keys.Length && ok; k++) ok = tokens[at + k].Key == keys[k];
            if (ok)
            {
                value = v;
                return keys.Length;
            }
        }
        return 0;
    }
}
