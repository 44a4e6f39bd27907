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

    public static string ContentHash(IReadOnlyList<string> words)
    {
        var joined = string.Join(' ', words);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(joined)))[..32];
    }

    /// <summary>The MinHash signature, or null when the text has too few words to compare reliably.</summary>
    public static MinHashSignature? MinHash(IReadOnlyList<string> words)
    {
        if (words.Count < ShingleWords + 8) return null;
        var signature = new uint[SignatureLength];
        Array.Fill(signature, uint.MaxValue);
        for (var i = 0; i + ShingleWords <= words.Count; i++)
        {
            var shingle = 0xcbf29ce484222325UL;
            for (var w = 0; w < ShingleWords; w++)
            {
                foreach (var c in words[i + w])
                {
                    shingle ^= c;
                    shingle *= 0x100000001b3UL;
                }
                shingle ^= ' ';
                shingle *= 0x100000001b3UL;
            }
            for (var k = 0; k < SignatureLength; k++)
            {
                var h = (uint)((Multipliers[k] * shingle + Offsets[k]) >> 32);
                if (h < signature[k]) signature[k] = h;
            }
        }
        return new MinHashSignature(signature, words.Count - ShingleWords + 1);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
