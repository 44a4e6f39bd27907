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

    public static MinHashSignature FromBytes(byte[] bytes)
    {
        var values = new uint[TextFingerprint.SignatureLength];
        for (var i = 0; i < values.Length; i++) values[i] = BitConverter.ToUInt32(bytes, i * 4);
        return new MinHashSignature(values, BitConverter.ToInt32(bytes, values.Length * 4));
    }
}
