using Sitrep.Entities;

namespace Sitrep.Geo;

/// <summary>
/// A toponym in capitals opening a paragraph and followed by a dash ("DIFFA -", "NAIROBI, July 12 (GWS) -"), or one of
/// several joined by slashes ("DUBAI/WASHINGTON, Jan 25 (GWS) -"): where the report was filed, not where things happened.
/// The event stage does not place events there, and the actor stage does not give its country to the people a sentence names.
/// </summary>
public static class Dateline
{
    public static bool Names(Document document, Entity place)
    {
        if (place.Type != EntityType.LOC) return false;
        var text = document.Text;
        if (!document.Paragraphs.Any(p => p.Span.Start == place.Start
                || p.Span.Start < place.Start && place.Start - p.Span.Start < 40 && CitiesBefore(text, p.Span.Start, place.Start))) return false;
        foreach (var c in text.AsSpan(place.Start, place.End - place.Start))
            if (char.IsLetter(c) && !char.IsUpper(c)) return false;
        var after = text.AsSpan(place.End, Math.Min(40, text.Length - place.End));
        return after.IndexOfAny("-–—") is var dash and >= 0 && (dash == 0 || char.IsWhiteSpace(after[dash - 1]) || after[dash - 1] == ')');
    }

    /// <summary>Whether [start, end) is only capitals and the marks between a shared dateline's cities ("DUBAI/").</summary>
    private static bool CitiesBefore(string text, int start, int end)
    {
        foreach (var c in text.AsSpan(start, end - start))
            if (char.IsLetter(c) ? !char.IsUpper(c) : c is not ('/' or ' ' or '-')) return false;
        return text[end - 1] is '/' or ' ';
    }
}
