namespace Sitrep.Ingest;

/// <summary>One thing read from the inputs, in input order: a document to process, or an error to report.</summary>
public sealed class InputItem
{
    private InputItem(Document? document, InputError? error)
    {
        Document = document;
        Error = error;
    }

    public Document? Document { get; }
    public InputError? Error { get; }

    public static InputItem Of(Document document) => new(document, null);
    public static InputItem Failed(InputError error) => new(null, error);
}
