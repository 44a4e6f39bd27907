namespace Sitrep.Fusion;

/// <summary>
/// Finds the earliest document with the same or nearly the same text. Exact copies share a content
/// hash. Near copies (syndicated wire copy, a re-published article with another header or footer)
/// are found by locality-sensitive hashing: the MinHash signature is cut into
/// <see cref="Bands"/> bands of <see cref="RowsPerBand"/> values; documents sharing any band are
/// candidates, and a candidate is a duplicate when its estimated Jaccard similarity is at least
/// <see cref="NearDuplicateThreshold"/>, or when one text holds nearly all of the other (a wire copy
/// cut short, an article republished with paragraphs added): containment at least
/// <see cref="ContainmentThreshold"/>, the smaller text at least <see cref="ContainmentMinShingles"/>
/// shingles long and at least a third of the larger. With 16 bands of 4 rows, pairs at similarity
/// 0.7 are candidates with probability 0.98, at 0.5 with 0.64, at 0.3 with 0.12.
/// </summary>
public sealed class DuplicateIndex
{
    public const int Bands = 16;
    public const int RowsPerBand = TextFingerprint.SignatureLength / Bands;
    public const double NearDuplicateThreshold = 0.7;
    public const double ContainmentThreshold = 0.9;
    public const int ContainmentMinShingles = 60;

    private readonly Dictionary<string, string> _byContentHash = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, List<int>> _byBand = [];
    private readonly List<(string Id, MinHashSignature Signature)> _signatures = [];

    /// <summary>The id of the first earlier document this one duplicates, or null.</summary>
    public string? FindDuplicate(string? contentHash, MinHashSignature? signature)
    {
        if (contentHash is not null && _byContentHash.TryGetValue(contentHash, out var exact)) return exact;
        if (signature is null) return null;

        var best = -1;
        for (var band = 0; band < Bands; band++)
        {
            if (!_byBand.TryGetValue(BandKey(signature, band), out var candidates)) continue;
            foreach (var candidate in candidates)
            {
                if (best >= 0 && candidate >= best) continue; // the earliest duplicate wins
                if (IsNearDuplicate(signature, _signatures[candidate].Signature))
                    best = candidate;
            }
        }
        return best >= 0 ? _signatures[best].Id : null;
    }

    /// <summary>Whether two texts are near copies of each other (see the class summary).</summary>
    public static bool IsNearDuplicate(MinHashSignature a, MinHashSignature b)
    {
        if (a.Similarity(b) >= NearDuplicateThreshold) return true;
        var smaller = Math.Min(a.ShingleCount, b.ShingleCount);
        var larger = Math.Max(a.ShingleCount, b.ShingleCount);
        return smaller >= ContainmentMinShingles && smaller * 3 >= larger && a.Containment(b) >= ContainmentThreshold;
    }

    public void Add(string id, string? contentHash, MinHashSignature? signature)
    {
        if (contentHash is not null) _byContentHash.TryAdd(contentHash, id);
        if (signature is null) return;
        var index = _signatures.Count;
        _signatures.Add((id, signature));
        for (var band = 0; band < Bands; band++)
        {
            var key = BandKey(signature, band);
            if (!_byBand.TryGetValue(key, out var list)) _byBand[key] = list = [];
            list.Add(index);
        }
    }

    /// <summary>A band's values hashed together with the band number.</summary>
    public static ulong BandKey(MinHashSignature signature, int band)
    {
        var key = 0xcbf29ce484222325UL ^ (ulong)band;
        for (var row = 0; row < RowsPerBand; row++)
        {
            key ^= signature.Values[band * RowsPerBand + row];
            key *= 0x100000001b3UL;
        }
        return key;
    }
}
