namespace Sitrep.Time;

/// <summary>
/// Where a trigger word may start: a small trie of the first letters every trigger word begins with
/// (<see cref="LiteralFactors.Prefixes"/>, case-folded), so the trigger pattern is tried only at word
/// starts that begin like one of them instead of at every word.
/// </summary>
internal sealed class TriggerStarts
{
    /// <summary>Letters kept per word: enough to tell most words apart, few enough to stay small.</summary>
    private const int Depth = 4;

    private sealed class Node
    {
        public Dictionary<char, Node>? Next;
        public bool End;
    }

    private readonly Node _root = new();

    private TriggerStarts() { }

    /// <summary>The starts of <paramref name="pattern"/>'s matches, or null when they are not known (then every word start is tried).</summary>
    public static TriggerStarts? For(string pattern)
    {
        if (LiteralFactors.Prefixes(pattern) is not { } prefixes) return null;
        var starts = new TriggerStarts();
        foreach (var prefix in prefixes)
        {
            var node = starts._root;
            for (var j = 0; j < prefix.Length && j < Depth && !node.End; j++)
            {
                // Beyond Latin-1, case folding is the regex engine's own: stop there and let the pattern judge.
                if (prefix[j] >= Latin1End) break;
                node.Next ??= [];
                var c = Fold(prefix[j]);
                if (!node.Next.TryGetValue(c, out var next)) node.Next[c] = next = new Node();
                node = next;
            }
            if (node == starts._root) return null;
            node.End = true;
            node.Next = null; // a shorter start already admits every longer one
        }
        return starts;
    }

    /// <summary>False only where no match of the pattern can start at <paramref name="index"/> of <paramref name="span"/>.</summary>
    public bool MayStartAt(ReadOnlySpan<char> span, int index)
    {
        var node = _root;
        for (var j = index; ; j++)
        {
            if (node.End) return true;
            if (j >= span.Length) return false;
            var c = span[j];
            if (c >= Latin1End) return true;
            if (node.Next is null || !node.Next.TryGetValue(Fold(c), out node)) return false;
        }
    }

    /// <summary>Within Latin-1, the regex engine's case-insensitive matching pairs exactly the letters lower-casing pairs.</summary>
    private const char Latin1End = '\u0100';

    private static char Fold(char c) => char.ToLowerInvariant(c);
}
