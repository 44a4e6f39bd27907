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
        new(() => PlaceResolver.Default, Mentions, (document, places) => Assign(document, places, CountryCodes.Default),
            document => CountryHints(document, CountryCodes.Default));

    private static IReadOnlyList<ToponymMention> Mentions(Document document) =>
        document.Entities.Where(e => e.Type == EntityType.LOC).Select(e => new ToponymMention(e.Text, new TextSpan(e.Start, e.End))).ToList();

    /// <summary>
    /// Countries of the state bodies named ("l'armée libanaise", "Bamako a annoncé"). Places are not
    /// hints: they are the mentions being resolved, and their listed country is only a guess
    /// (Tripoli is listed as Libya's capital).
    /// </summary>
    private static IReadOnlyCollection<string> CountryHints(Document document, CountryCodes codes) =>
        document.Entities.Where(e => e.Type == EntityType.ORG && e.Kind is "government" or "military" or "police")
            .Select(e => codes.Alpha2(e.Country)).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    /// <summary>Each LOC entity gets its place, and the country of that place (ISO3) replaces the lexicon's guess.</summary>
    private static void Assign(Document document, IReadOnlyList<ResolvedPlace?> places, CountryCodes codes)
    {
        var next = 0;
        for (var i = 0; i < document.Entities.Count; i++)
        {
            var entity = document.Entities[i];
            if (entity.Type != EntityType.LOC) continue;
            if (places[next++] is { } resolved)
                document.Entities[i] = entity with { Place = resolved.Place, GeoPrecision = resolved.GeoPrecision, Country = codes.Alpha3(resolved.Place.Country) ?? entity.Country };
        }
    }
}

/// <summary>
/// Tells entity recognition whether an otherwise unexplained capitalised name is a place: a
/// country or first-level division, a town of some size or a place the team listed by hand (sites,
/// exonyms) whose gazetteer name is written exactly so (accents and case aside). Small villages share
/// names with too many surnames.
/// </summary>
public sealed class GazetteerPlaceNames(Func<Gazetteer> load, long minimumPopulation = 5000) : IPlaceNameLookup
{
    public bool IsPlaceName(string name)
    {
        var gazetteer = load();
        foreach (var index in gazetteer.Candidates(name))
        {
            var place = gazetteer.Places[index];
            if ((place.Level is PlaceLevel.Country or PlaceLevel.Division || place.Population >= minimumPopulation || gazetteer.IsCurated(index))
                && (gazetteer.HasExactName(index, name, null) || SameWords(place.Name, name)))
                return true;
        }
        return false;
    }

    /// <summary>"Al-Bab" is "Al Bāb": the same words whatever joins them, accents and case aside.</summary>
    private static bool SameWords(string gazetteerName, string written) =>
        string.Compare(Joined(gazetteerName), Joined(written), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace) == 0;

    private static string Joined(string name) => name.Replace('-', ' ').Replace('\'', ' ').Replace('\u2019', ' ');
}
