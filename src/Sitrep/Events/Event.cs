using Sitrep.Geo;
using Sitrep.Time;

namespace Sitrep.Events;

/// <summary>
/// Who acts or is acted upon, as the text names them ("l'aviation russe") and as resolved: a name,
/// the state it belongs to (ISO 3166 alpha-3), what kind of actor it is (schema's list: military,
/// government, police, rebel, militia, mercenary, terrorist, civilians, organization, person,
/// coalition) and a CAMEO-style code ("RUSMIL"). <see cref="Span"/> is where the text names it.
/// </summary>
public sealed record EventActor(string Text, TextSpan Span, string? Name, string? Country, string? Kind, string? Code);

/// <summary>Where an event happened: the geocoded place and the toponym in the text that names it.</summary>
public sealed record EventLocation(Place Place, string Text, TextSpan Span);

/// <summary>When an event happened: a resolved time expression, or the publication date with a coarser window (then <see cref="Text"/> is null).</summary>
public sealed record EventDate(string Value, TimeGrain Grain, string From, string To, string? Text, TextSpan? Span);

/// <summary>
/// People killed in the event, ACLED's way: <see cref="Best"/> the stated figure, <see cref="Low"/> /
/// <see cref="High"/> the stated bounds; Best 0 when the text says nobody died; all null with the text
/// kept when the toll is said to be unknown.
/// </summary>
public sealed record EventFatalities(int? Best, int? Low, int? High, string? Text, TextSpan? Span);

/// <summary>Who says so: "selon l'OSDH", "a déclaré le porte-parole"; <see cref="Canonical"/> is the source's entity name when known.</summary>
public sealed record EventAttribution(string Text, TextSpan Span, string? Canonical);

/// <summary>ACLED's event type and sub-type ("Explosions/Remote violence", "Air/drone strike").</summary>
public sealed record AcledType(string Type, string? Subtype);

/// <summary>
/// One incident or verbal act reported in a document (schema's Event): its PLOVER type and mode,
/// ACLED and CAMEO codes, actors, place, date, toll, sources, whether it is hedged or negated, and the
/// sentence spans that support every field. One incident told in several sentences is one event with
/// several evidence spans.
/// </summary>
public sealed class Event
{
    public required string Id { get; init; }
    /// <summary>One of the 16 PLOVER types, upper case ("ASSAULT").</summary>
    public required string Plover { get; set; }
    /// <summary>PLOVER mode ("aerial", "arrest"), or null.</summary>
    public string? Mode { get; set; }
    public AcledType? Acled { get; set; }
    public string? Cameo { get; set; }
    public EventActor? Actor1 { get; set; }
    public EventActor? Actor2 { get; set; }
    public EventLocation? Location { get; set; }
    /// <summary>ACLED: 1 the town, 2 near a town or part of a region, 3 a province; null without a place.</summary>
    public int? GeoPrecision { get; set; }
    public EventDate? Date { get; set; }
    public EventFatalities? Fatalities { get; set; }
    public List<EventAttribution> Attribution { get; } = [];
    public bool Hedged { get; set; }
    public bool Negated { get; set; }
    /// <summary>The sentence spans that support the event, in text order.</summary>
    public List<TextSpan> Evidence { get; } = [];
    public double Confidence { get; set; }
    /// <summary>The word or phrase that names the event ("frappes", "ont été tués"); not in the record.</summary>
    public TextSpan Trigger { get; set; }
}
