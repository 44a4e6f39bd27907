using Sitrep.Pipeline;

namespace Sitrep.Entities;

/// <summary>
/// Fills <see cref="Document.Entities"/>: persons with their roles, organisations, armed groups, places
/// and other names in the main text (see <see cref="EntityRecognizer"/>). A place-name lookup (a
/// gazetteer's index), when given, types capitalised names the rules leave open.
/// </summary>
public sealed class EntityStage(EntityResources resources, IPlaceNameLookup? places = null) : IDocumentStage
{
    private readonly EntityRecognizer _recognizer = new(resources, places);

    public string Name => "entities";

    public void Process(Document document)
    {
        document.Entities.Clear();
        if (document.Text.Length == 0) return;
        document.Entities.AddRange(_recognizer.Recognize(document));
        DropTimesInsideNames(document);
    }

    /// <summary>
    /// A date inside a name is part of the name, not a time of the text: "le Mouvement du 23 mars
    /// (M23)" must not date an event to some 23 March.
    /// </summary>
    private static void DropTimesInsideNames(Document document)
    {
        if (document.Times.Count == 0 || document.Entities.Count == 0) return;
        document.Times.RemoveAll(time => document.Entities.Exists(entity =>
            entity.Start <= time.Start && time.End <= entity.End
            && entity.End - entity.Start > time.End - time.Start));
    }
}
