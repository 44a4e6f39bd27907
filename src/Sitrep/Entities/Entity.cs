namespace Sitrep.Entities;

/// <summary>What a named entity is: a person, an organisation, a place, an armed group or anything else named.</summary>
public enum EntityType
{
    PERSON,
    ORG,
    LOC,
    GROUP,
    MISC,
}

/// <summary>
/// A named entity in <see cref="Document.Text"/>: [Start, End) in UTF-16 code units, the name it is
/// known by (<see cref="Canonical"/>, the same for every mention of one entity in a document), the
/// role or title written beside a person, and for organisations and groups the state they belong to
/// (ISO 3166 alpha-3) and what kind of actor they are (military, government, rebel…).
/// </summary>
public sealed record Entity(EntityType Type, int Start, int End, string Text, string Canonical)
{
    public string? Role { get; init; }
    public string? Country { get; init; }
    public string? Kind { get; init; }
    /// <summary>For a place: where it is, once geocoded; null when the gazetteer has no fitting entry.</summary>
    public Geo.Place? Place { get; init; }
    /// <summary>ACLED's precision of <see cref="Place"/>: 1 the town, 2 near it, 3 a first-level division, null a country.</summary>
    public int? GeoPrecision { get; init; }

    /// <summary>
    /// Whether the name is joined by a hyphen to the next word of <paramref name="text"/> ("the U.S.-backed
    /// SDF", "the Houthi-run Saba agency"): it then qualifies what follows and is not the one who acts or speaks.
    /// </summary>
    public bool QualifiesNextWord(string text) => End + 1 < text.Length && text[End] == '-' && char.IsLetter(text[End + 1]);
}
