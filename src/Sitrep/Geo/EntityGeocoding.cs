using Sitrep.Entities;

namespace Sitrep.Geo;

/// <summary>
/// Connects entity recognition to the gazetteer: LOC entities are the toponym mentions, the
/// countries of the state bodies and places named hint the document's focus, and each LOC entity
/// gets the place it resolves to (schema: <c>entities[].place</c>).
/// </summary>
public static class EntityGeocoding
{
    /// <summary>The stage with the default gazetteer, loaded on the first document that names a place.</summary>
    public static GeocodingStage CreateDefaultStage() =>
        new(() => PlaceResolver.Default, Mentions, Assign, document => CountryHints(document, CountryCodes.Default));

    private static IReadOnlyList<ToponymMention> Mentions(Document document) =>
        document.Entities.Where(e => e.Type == EntityType.LOC).Select(e => new ToponymMention(e.Text, new TextSpan(e.Start, e.End))).ToList();

    /// <summary>Countries of the state bodies and places named ("l'armée malienne", "Bamako a annoncé").</summary>
    private static IReadOnlyCollection<string> CountryHints(Document document, CountryCodes codes) =>
        document.Entities.Where(e => e.Type is EntityType.ORG or EntityType.LOC && e.Kind is null or "government" or "military" or "police")
            .Select(e => codes.Alpha2(e.Country)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static void Assign(Document document, IReadOnlyList<ResolvedPlace?> places)
    {
        var next = 0;
        for (var i = 0; i < document.Entities.Count; i++)
        {
            var entity = document.Entities[i];
            if (entity.Type != EntityType.LOC) continue;
            if (places[next++] is { } resolved)
                document.Entities[i] = entity with { Place = resolved.Place, GeoPrecision = resolved.GeoPrecision };
        }
    }
}

/// <summary>
/// Tells entity recognition whether an otherwise unexplained capitalised name is a place: a
/// country or first-level division, or a town of some size whose gazetteer name is written
/// exactly so (accents and case aside). Small villages share names with too many surnames.
/// </summary>
public sealed class GazetteerPlaceNames(Func<Gazetteer> load, long minimumPopulation = 5000) : IPlaceNameLookup
{
    public bool IsPlaceName(string name)
    {
        var gazetteer = load();
        foreach (var index in gazetteer.Candidates(name))
        {
            var place = gazetteer.Places[index];
            if ((place.Level is PlaceLevel.Country or PlaceLevel.Division || place.Population >= minimumPopulation)
                && gazetteer.HasExactName(index, name, null))
                return true;
        }
        return false;
    }
}
