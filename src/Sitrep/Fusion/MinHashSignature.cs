namespace Sitrep.Fusion;

/// <summary>
/// A MinHash signature and the number of shingles it summarises. The share of equal values in two
/// signatures estimates the Jaccard similarity J of the two shingle sets; with the set sizes, J also
/// gives how much of the smaller text the larger one contains: |A∩B| = J(|A|+|B|)/(1+J).
/// </summary>
public sealed class MinHashSignature
{
    public MinHashSignature(uint[] values, int shingleCount)
    {
        if (values.Length != TextFingerprint.SignatureLength)
            throw new ArgumentException($"a signature has {TextFingerprint.SignatureLength} values", nameof(values));
        Values = values;
        ShingleCount = shingleCount;
    }

    public uint[] Values { get; }
    public int ShingleCount { get; }

    /// <summary>Estimated Jaccard similarity of the two shingle sets.</summary>
    public double Similarity(MinHashSignature other)
    {
        var equal = 0;
        for (var i = 0; i < Values.Length; i++)
            if (Values[i] == other.Values[i]) equal++;
        return equal / (double)Values.Length;
    }

    /// <summary>Estimated share of the smaller text's shingles that the other text also has.</summary>
    public double Containment(MinHashSignature other)
    {
        var jaccard = Similarity(other);
        if (ShingleCount == 0 || other.ShingleCount == 0) return jaccard;
        var common = jaccard * (ShingleCount + other.ShingleCount) / (1 + jaccard);
        return Math.Min(1, common / Math.Min(ShingleCount, other.ShingleCount));
    }

    /// <summary>The values then the shingle count, little-endian: how the store keeps a signature.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[(Values.Length + 1) * 4];
        for (var i = 0; i < Values.Length; i++) BitConverter.TryWriteBytes(bytes.AsSpan(i * 4), Values[i]);
        BitConverter.TryWriteBytes(bytes.AsSpan(Values.Length * 4), ShingleCount);
        return bytes;
    }

    /// <summary>
    /// Reads <see cref="ToBytes"/>'s form; a store written before signatures carried their shingle count holds the
    /// values alone, read with a count of 0 (unknown: only the Jaccard test applies). Null for any other length.
    /// </summary>
    public static MinHashSignature? FromBytes(byte[] bytes)
    {
        var length = TextFingerprint.SignatureLength;
        if (bytes.Length != length * 4 && bytes.Length != (length + 1) * 4) return null;
        var values = new uint[length];
        for (var i = 0; i < values.Length; i++) values[i] = BitConverter.ToUInt32(bytes, i * 4);
        return new MinHashSignature(values, bytes.Length > length * 4 ? BitConverter.ToInt32(bytes, length * 4) : 0);
    }
}
