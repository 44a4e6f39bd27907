namespace Sitrep.Events;

/// <summary>Which sentence an offset falls in (binary search over <see cref="Document.Sentences"/>).</summary>
internal sealed class SentenceIndex(IReadOnlyList<TextSpan> sentences)
{
    /// <summary>The index of the sentence holding <paramref name="offset"/>, or of the last one starting before it; -1 before the first.</summary>
    public int Of(int offset)
    {
        int lo = 0, hi = sentences.Count - 1, found = -1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (sentences[mid].Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }
}
