using Sitrep.Actors;
using Sitrep.Claims;
using Sitrep.Content;
using Sitrep.Entities;
using Sitrep.Events;
using Sitrep.Fusion;
using Sitrep.Geo;
using Sitrep.Language;
using Sitrep.Quantities;
using Sitrep.Time;

namespace Sitrep.Pipeline;

/// <summary>The per-document stages, in order. Cross-document work (duplicates) runs after it.</summary>
public sealed class DocumentPipeline
{
    private readonly IReadOnlyList<IDocumentStage> _stages;

    public DocumentPipeline(IReadOnlyList<IDocumentStage> stages) => _stages = stages;

    public IReadOnlyList<IDocumentStage> Stages => _stages;

    /// <summary>The standard pipeline: content, normalisation, language, sentences, times, quantities, entities, places, actors, claims, events, fingerprints.</summary>
    /// <param name="bias">How bare weekdays and months are read: the most recent one (news) or the next one.</param>
    public static DocumentPipeline CreateDefault(LanguageResources resources, TimeBias bias = TimeBias.Past) => new(
    [
        new ContentStage(resources),
        new NormalizationStage(),
        new LanguageStage(resources.Identifier),
        new SentenceStage(resources),
        new TimeStage(resources.TimeGrammars, bias),
        new QuantityStage(resources.CasualtyGrammars),
        new EntityStage(resources.Entities, new GazetteerPlaceNames(() => Gazetteer.Default)),
        EntityGeocoding.CreateDefaultStage(),
        new ActorStage(resources.Actors),
        new ClaimStage(resources.Claims),
        new EventStage(resources.Events),
        new FingerprintStage(),
    ]);

    public void Process(Document document)
    {
        foreach (var stage in _stages)
            stage.Process(document);
    }
}
