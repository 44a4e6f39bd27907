using System.Globalization;
using Sitrep.Events;

namespace Sitrep.Storage;

/// <summary>
/// Which stored events to read. Every condition set must hold; null or false leaves it out. Dates are
/// compared as ranges: an event is kept when its date range meets [<see cref="Since"/>, <see cref="Until"/>].
/// </summary>
public sealed record EventFilter
{
    /// <summary>PLOVER type ("ASSAULT"), any case.</summary>
    public string? Plover { get; init; }
    /// <summary>ACLED event type or sub-type ("Battles", "Air/drone strike"), any case.</summary>
    public string? Acled { get; init; }
    /// <summary>Country of the event's place, ISO 3166 alpha-2 or alpha-3.</summary>
    public string? Country { get; init; }
    /// <summary>Words found in either actor's text, name, code or country, any case.</summary>
    public string? Actor { get; init; }
    /// <summary>First day wanted, "YYYY-MM-DD".</summary>
    public string? Since { get; init; }
    /// <summary>Last day wanted, "YYYY-MM-DD".</summary>
    public string? Until { get; init; }
    /// <summary>At least this many killed (the best figure, else the lower bound, else the upper bound).</summary>
    public int MinFatalities { get; init; }
    /// <summary>Keep events the text says did not happen.</summary>
    public bool IncludeNegated { get; init; }
    /// <summary>Keep events of documents that duplicate an earlier one (the same incident, counted twice otherwise).</summary>
    public bool IncludeDuplicates { get; init; }
    /// <summary>Most events to read; 0 for all.</summary>
    public int Limit { get; init; }

    /// <summary>Whether any condition on the events themselves is set (not counting negation, duplicates and the limit).</summary>
    public bool SelectsEvents => Plover is not null || Acled is not null || Country is not null || Actor is not null
                                 || Since is not null || Until is not null || MinFatalities > 0;

    /// <summary>
    /// Reads a date bound as a user types it ("2024", "2024-03", "2024-03-15"): the first day it covers
    /// (<paramref name="last"/> false) or the last one. Null when it is no such date.
    /// </summary>
    public static string? ParseDay(string text, bool last)
    {
        string[] formats = ["yyyy-MM-dd", "yyyy-MM", "yyyy"];
        if (!DateTime.TryParseExact(text.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return null;
        return last ? EventDay.Last(text.Trim()) : EventDay.First(text.Trim());
    }
}

/// <summary>
/// Days of a date as the records write them ("2019", "2019-03", "2019-03-05", "2019-03-05T14:00:00"):
/// the first and last day it covers, so dates of every grain compare as "YYYY-MM-DD" strings.
/// </summary>
public static class EventDay
{
    public static string First(string date) => date.Length switch
    {
        4 => date + "-01-01",
        7 => date + "-01",
        _ => date.Length > 10 ? date[..10] : date,
    };

    public static string Last(string date)
    {
        if (date.Length == 4) return date + "-12-31";
        if (date.Length == 7 && int.TryParse(date[..4], CultureInfo.InvariantCulture, out var year) && int.TryParse(date[5..], CultureInfo.InvariantCulture, out var month)
            && month is >= 1 and <= 12)
            return date + "-" + DateTime.DaysInMonth(year, month).ToString("00", CultureInfo.InvariantCulture);
        return date.Length > 10 ? date[..10] : date;
    }
}

/// <summary>The stored document an event comes from, with what the exports need of it.</summary>
/// <param name="Copies">How many stored documents duplicate this one (other articles telling the same story).</param>
/// <param name="CopySources">How many outlets other than this document's published those copies.</param>
public sealed record EventDocument(string Id, string? Title, string? Source, string? Url, string? Published, string? DuplicateOf,
    string Text, DateTimeOffset IngestedAt, int Copies, int CopySources);

/// <summary>One stored event: read back from its record (<see cref="Json"/>, exactly as in the document's record) and its document.</summary>
/// <param name="Ordinal">Its position in the document's <c>events</c>.</param>
public sealed record StoredEvent(EventDocument Document, int Ordinal, Event Event, string Json);
