using System.Buffers;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;
using System.Text;

namespace Sitrep.Fusion;

/// <summary>
/// Fingerprints of a main text for duplicate detection. The content hash is SHA-256 of the text
/// reduced to lower-case words, so whitespace, quotes and casing do not matter. The MinHash
/// signature (Broder 1997) holds, for each of <see cref="SignatureLength"/> seeded hash functions,
/// the smallest hash over the text's word 4-shingles; the share of equal positions in two
/// signatures estimates the Jaccard similarity of their shingle sets.
/// </summary>
public static class TextFingerprint
{
    public const int SignatureLength = 64;
    public const int ShingleWords = 4;

    private static readonly ulong[] Multipliers;
    private static readonly ulong[] Offsets;

    static TextFingerprint()
    {
        // Fixed seeds: the same text gets the same signature on every machine and run.
        var state = 0x5172_6570_5349_5452UL;
        Multipliers = new ulong[SignatureLength];
        Offsets = new ulong[SignatureLength];
        for (var i = 0; i < SignatureLength; i++)
        {
            Multipliers[i] = SplitMix64(ref state) | 1;
            Offsets[i] = SplitMix64(ref state);
        }
    }

    /// <summary>Lower-case words (letters and digits) of <paramref name="text"/>.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var builder = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) builder.Append(char.ToLowerInvariant(c));
            else if (builder.Length > 0)
            {
                words.Add(builder.ToString());
                builder.Clear();
            }
        }
        if (builder.Length > 0) words.Add(builder.ToString());
        return words;
    }

    public static string ContentHash(IReadOnlyList<string> words) => JoinedWords.Of(words, static joined => ContentHash(joined));

    /// <summary>The MinHash signature, or null when the text has too few words to compare reliably.</summary>
    public static MinHashSignature? MinHash(IReadOnlyList<string> words) => JoinedWords.Of(words, static joined => MinHash(joined));

    /// <summary>The content hash and MinHash signature of <paramref name="text"/> (null, null without words), as
    /// <see cref="ContentHash(IReadOnlyList{string})"/> and <see cref="MinHash(IReadOnlyList{string})"/> of its
    /// <see cref="Words"/> give them, without a string per word.</summary>
    public static (string? ContentHash, MinHashSignature? MinHash) Of(string text)
    {
        var joined = JoinedWords.Lowered(text);
        return joined.Count == 0 ? (null, null) : (ContentHash(joined), MinHash(joined));
    }

    private static string ContentHash(JoinedWords joined)
    {
        var chars = joined.Text;
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(chars.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(chars, bytes);
            return Convert.ToHexStringLower(SHA256.HashData(bytes.AsSpan(0, length)))[..32];
        }
        finally { ArrayPool<byte>.Shared.Return(bytes); }
    }

    private static MinHashSignature? MinHash(JoinedWords joined)
    {
        if (joined.Count < ShingleWords + 8) return null;
        // Each hash function's running minimum, four functions to a vector; the hashes fit in 32 bits after the shift.
        const int lanes = 4;
        Span<Vector256<ulong>> minimum = stackalloc Vector256<ulong>[SignatureLength / lanes];
        minimum.Fill(Vector256.Create((ulong)uint.MaxValue));
        var chars = joined.Text;
        for (var i = 0; i + ShingleWords <= joined.Count; i++)
        {
            // FNV-1a over the shingle's words, each followed by a space: the joined text holds exactly that.
            var shingle = 0xcbf29ce484222325UL;
            foreach (var c in chars[joined.Starts[i]..joined.Ends[i + ShingleWords - 1]])
            {
                shingle ^= c;
                shingle *= 0x100000001b3UL;
            }
            shingle ^= ' ';
            shingle *= 0x100000001b3UL;
            var broadcast = Vector256.Create(shingle);
            for (var k = 0; k < minimum.Length; k++)
            {
                var h = (Vector256.LoadUnsafe(ref Multipliers[0], (nuint)(k * lanes)) * broadcast
                    + Vector256.LoadUnsafe(ref Offsets[0], (nuint)(k * lanes))) >>> 32;
                minimum[k] = Vector256.Min(minimum[k], h);
            }
        }
        var signature = new uint[SignatureLength];
        for (var k = 0; k < minimum.Length; k++)
            for (var l = 0; l < lanes; l++) signature[k * lanes + l] = (uint)minimum[k][l];
        return new MinHashSignature(signature, joined.Count - ShingleWords + 1);
    }

    /// <summary>Words joined by single spaces, with where each starts and ends, in per-thread buffers.</summary>
    private readonly ref struct JoinedWords(ReadOnlySpan<char> text, ReadOnlySpan<int> starts, ReadOnlySpan<int> ends)
    {
        [ThreadStatic] private static char[]? _chars;
        [ThreadStatic] private static int[]? _starts;
        [ThreadStatic] private static int[]? _ends;

        public ReadOnlySpan<char> Text { get; } = text;
        public ReadOnlySpan<int> Starts { get; } = starts;
        public ReadOnlySpan<int> Ends { get; } = ends;
        public int Count => Starts.Length;

        /// <summary>The lower-case words of <paramref name="text"/>, as <see cref="Words"/> splits them.</summary>
        public static JoinedWords Lowered(string text)
        {
            var chars = Buffer(ref _chars, text.Length);
            var starts = Buffer(ref _starts, text.Length / 2 + 1);
            var ends = Buffer(ref _ends, text.Length / 2 + 1);
            var length = 0;
            var count = 0;
            var inWord = false;
            foreach (var c in text)
            {
                if (char.IsLetterOrDigit(c))
                {
                    if (!inWord)
                    {
                        if (count > 0) chars[length++] = ' ';
                        starts[count] = length;
                        inWord = true;
                    }
                    chars[length++] = char.ToLowerInvariant(c);
                }
                else if (inWord)
                {
                    ends[count++] = length;
                    inWord = false;
                }
            }
            if (inWord) ends[count++] = length;
            return new JoinedWords(chars.AsSpan(0, length), starts.AsSpan(0, count), ends.AsSpan(0, count));
        }

        public delegate T Reader<T>(JoinedWords joined);

        /// <summary>Runs <paramref name="read"/> on <paramref name="words"/> joined.</summary>
        public static T Of<T>(IReadOnlyList<string> words, Reader<T> read)
        {
            var chars = new StringBuilder();
            var starts = new int[words.Count];
            var ends = new int[words.Count];
            for (var i = 0; i < words.Count; i++)
            {
                if (i > 0) chars.Append(' ');
                starts[i] = chars.Length;
                chars.Append(words[i]);
                ends[i] = chars.Length;
            }
            return read(new JoinedWords(chars.ToString(), starts, ends));
        }

        private static T[] Buffer<T>(ref T[]? buffer, int length) =>
            buffer is { } existing && existing.Length >= length ? existing : buffer = new T[Math.Max(length, 1024)];
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
