using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sitrep.Time;

/// <summary>
/// Which checks' literal strings (<see cref="LiteralFactors"/>) a window contains, all found in one pass
/// over it (an Aho-Corasick automaton over case-folded strings) instead of one search per check.
/// Case folding is the regex engine's: within Latin-1 it pairs exactly the letters lower-casing pairs, and
/// beyond it a window holding a letter with a case is left to the checks' own patterns.
/// </summary>
internal sealed class LiteralScan
{
    private readonly Dictionary<long, int> _next = [];
    private readonly int[] _fallback;
    private readonly int[][] _checks;

    // The automaton as a table (state × symbol → state, failure links followed in advance): a symbol per folded
    // character some literal holds, 0 for every other one, which leads back to the start. An entry is the next
    // state's row offset (state × symbols), complemented when that state has checks to mark, so the per-character
    // step is one load and one sign test.
    private readonly int _symbols;
    private readonly int[] _table;
    private readonly ushort[] _latin1Symbol = new ushort[Latin1End];
    private readonly Dictionary<char, ushort> _otherSymbol = [];

    /// <param name="literals">Per check, the literal strings one of which it cannot match without; null when it has none.</param>
    public LiteralScan(IReadOnlyList<IReadOnlyCollection<string>?> literals)
    {
        var outputs = new List<HashSet<int>> { new() };
        Covers = new bool[literals.Count];
        for (var check = 0; check < literals.Count; check++)
        {
            if (literals[check] is not { } strings || strings.Count == 0 || !strings.All(Foldable)) continue;
            Covers[check] = true;
            foreach (var literal in strings)
            {
                var state = 0;
                foreach (var c in literal)
                {
                    var key = Key(state, Fold(c));
                    if (!_next.TryGetValue(key, out var next))
                    {
                        next = outputs.Count;
                        outputs.Add([]);
                        _next[key] = next;
                    }
                    state = next;
                }
                outputs[state].Add(check);
            }
        }
        // Failure links, breadth first: the longest proper suffix that is also a prefix; outputs gather along them.
        _fallback = new int[outputs.Count];
        var children = new List<(char C, int State)>[outputs.Count];
        for (var s = 0; s < children.Length; s++) children[s] = [];
        foreach (var (key, state) in _next) children[(int)(key >> 16)].Add(((char)(key & 0xFFFF), state));
        var queue = new Queue<int>();
        foreach (var (_, state) in children[0]) queue.Enqueue(state);
        while (queue.Count > 0)
        {
            var parent = queue.Dequeue();
            foreach (var (c, state) in children[parent].OrderBy(x => x.C))
            {
                _fallback[state] = parent == 0 ? 0 : Step(_fallback[parent], c);
                outputs[state].UnionWith(outputs[_fallback[state]]);
                queue.Enqueue(state);
            }
        }
        _checks = outputs.Select(o => o.Order().ToArray()).ToArray();

        var alphabet = _next.Keys.Select(key => (char)(key & 0xFFFF)).Distinct().Order().ToList();
        _symbols = alphabet.Count + 1;
        for (var i = 0; i < alphabet.Count; i++)
            if (alphabet[i] >= Latin1End) _otherSymbol[alphabet[i]] = (ushort)(i + 1);
        for (var c = 0; c < Latin1End; c++)
        {
            var index = alphabet.BinarySearch(Fold((char)c));
            _latin1Symbol[c] = index >= 0 ? (ushort)(index + 1) : (ushort)0;
        }
        _table = new int[outputs.Count * _symbols];
        for (var state = 0; state < outputs.Count; state++)
            for (var symbol = 0; symbol < _symbols; symbol++)
            {
                var next = symbol == 0 ? 0 : Step(state, alphabet[symbol - 1]);
                _table[state * _symbols + symbol] = _checks[next].Length > 0 ? ~(next * _symbols) : next * _symbols;
            }
    }

    /// <summary>Per check, whether the scan answers for it (all its literals could be folded).</summary>
    public bool[] Covers { get; }

    /// <summary>
    /// Marks in <paramref name="present"/> each covered check one of whose literals <paramref name="window"/>
    /// contains; false (nothing marked) when the window holds a cased letter beyond Latin-1.
    /// </summary>
    public bool Scan(ReadOnlySpan<char> window, Span<bool> present)
    {
        var latin1 = !window.ContainsAnyExceptInRange('\0', (char)(Latin1End - 1));
        if (!latin1)
            foreach (var c in window)
                if (!Foldable(c)) return false;
        ref var table = ref MemoryMarshal.GetArrayDataReference(_table);
        ref var latin1Symbol = ref MemoryMarshal.GetArrayDataReference(_latin1Symbol);
        var row = 0;
        foreach (var c in window)
        {
            // Table entries are in range by construction (every symbol < _symbols, every row a state's offset).
            int symbol = c < Latin1End ? Unsafe.Add(ref latin1Symbol, c) : _otherSymbol.GetValueOrDefault(c);
            var next = Unsafe.Add(ref table, row + symbol);
            if (next >= 0)
            {
                row = next;
                continue;
            }
            row = ~next;
            foreach (var check in _checks[row / _symbols]) present[check] = true;
        }
        return true;
    }

    private int Step(int state, char c)
    {
        while (true)
        {
            if (_next.TryGetValue(Key(state, c), out var next)) return next;
            if (state == 0) return 0;
            state = _fallback[state];
        }
    }

    private static long Key(int state, char c) => ((long)state << 16) | c;

    private const char Latin1End = '\u0100';

    private static bool Foldable(char c) => c < Latin1End || (char.ToLowerInvariant(c) == c && char.ToUpperInvariant(c) == c);

    private static bool Foldable(string s) => s.All(Foldable);

    private static char Fold(char c) => c < Latin1End ? char.ToLowerInvariant(c) : c;
}
