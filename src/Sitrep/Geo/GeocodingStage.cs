using Sitrep.Pipeline;

namespace Sitrep.Geo;

/// <summary>
/// The pipeline seam for geocoding: takes the document's toponym mentions from whatever stage
/// finds them (entity recognition's LOC entities) and hands each its place. Not in the default
/// pipeline yet: nothing on this branch produces mentions. To connect it after the entities
/// stage: <c>new GeocodingStage(PlaceResolver.Default, doc =&gt; LOC mentions of doc, (doc, places) =&gt; store them)</c>.
/// </summary>
public sealed class GeocodingStage(
    PlaceResolver resolver,
    Func<Document, IReadOnlyList<ToponymMention>> mentions,
    Action<Document, IReadOnlyList<ResolvedPlace?>> assign) : IDocumentStage
{
    public string Name => "geocoding";

    public void Process(Document document)
    {
        var found = mentions(document);
        if (found.Count == 0) return;
        assign(document, resolver.Resolve(document, found));
    }
}
