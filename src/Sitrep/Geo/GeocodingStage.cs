using Sitrep.Pipeline;

namespace Sitrep.Geo;

/// <summary>
/// The pipeline seam for geocoding: takes the document's toponym mentions from whatever stage
/// finds them (entity recognition's LOC entities) and hands each its place. In the default
/// pipeline, it follows the entity stage (<see cref="EntityGeocoding"/>). The resolver is asked
/// for only when a document has a mention, so runs without places never load the gazetteer.
/// </summary>
public sealed class GeocodingStage(
    Func<PlaceResolver> resolver,
    Func<Document, IReadOnlyList<ToponymMention>> mentions,
    Action<Document, IReadOnlyList<ResolvedPlace?>> assign,
    Func<Document, IReadOnlyCollection<string>>? countryHints = null) : IDocumentStage
{
    public GeocodingStage(PlaceResolver resolver, Func<Document, IReadOnlyList<ToponymMention>> mentions,
        Action<Document, IReadOnlyList<ResolvedPlace?>> assign, Func<Document, IReadOnlyCollection<string>>? countryHints = null)
        : this(() => resolver, mentions, assign, countryHints) { }

    public string Name => "geocoding";

    public void Process(Document document)
    {
        var found = mentions(document);
        if (found.Count == 0) return;
        assign(document, resolver().Resolve(document, found, countryHints?.Invoke(document)));
    }
}
