using Sitrep.Actors;
using Sitrep.Entities;

namespace Sitrep.Events;

/// <summary>
/// Stand-in for the actor stage while <see cref="Document.Actors"/> is empty: organisations, groups and
/// persons from <see cref="Document.Entities"/>, plus the few plain nouns of <c>events.yaml</c>
/// ("civils", "gunmen") where no entity is. To be deleted once the actor stage fills Document.Actors.
/// </summary>
internal static class ActorFallback
{
    public static List<ActorMention> Find(Document document, EventLexicon lexicon, SentenceIndex sentences)
    {
        var found = new List<ActorMention>();
        for (var i = 0; i < document.Entities.Count; i++)
        {
            var e = document.Entities[i];
            var span = new TextSpan(e.Start, e.End);
            // A country named as a subject or object, not as a place ("la France a accusé", not "en France"), is its government.
            if (e.Type == EntityType.LOC && e.Place is not null && e.GeoPrecision is null && e.Country is not null
                && !lexicon.PlaceCue.IsMatch(document.FoldedText.AsSpan(Math.Max(0, e.Start - 40), e.Start - Math.Max(0, e.Start - 40))))
            {
                found.Add(new ActorMention(span, span, e.Text, sentences.Of(e.Start), e.Canonical, e.Country, "government", null, i));
                continue;
            }
            if (e.Type is not (EntityType.ORG or EntityType.GROUP or EntityType.PERSON)) continue;
            // A person acts for the office the text gives them ("le ministre de la Défense, X").
            var name = e.Type == EntityType.PERSON && e.Role is { Length: > 0 } role ? $"{e.Canonical} ({role})" : e.Canonical;
            found.Add(new ActorMention(span, span, e.Text, sentences.Of(e.Start), name, e.Country,
                e.Kind ?? (e.Type == EntityType.PERSON ? "person" : null), null, i));
        }
        var text = document.FoldedText.Length == document.Text.Length ? document.FoldedText : document.Text;
        foreach (var noun in lexicon.FallbackActors)
            for (var m = noun.Pattern.Match(text); m.Success; m = m.NextMatch())
            {
                var span = new TextSpan(m.Index, m.Index + m.Length);
                if (document.Entities.Any(e => e.Start < span.End && span.Start < e.End)) continue;
                found.Add(new ActorMention(span, span, document.Text[span.Start..span.End], sentences.Of(span.Start), noun.Name, null, noun.Kind, null, null));
            }
        found.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
        // Keep the first (longest) of overlapping mentions.
        var kept = new List<ActorMention>(found.Count);
        foreach (var actor in found)
            if (kept.Count == 0 || kept[^1].Span.End <= actor.Span.Start) kept.Add(actor);
        return kept;
    }
}

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
