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
    }
}
