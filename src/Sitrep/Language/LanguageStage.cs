using Sitrep.Pipeline;

namespace Sitrep.Language;

/// <summary>
/// Identifies the language of each paragraph and of the whole document. A language given with the
/// input wins for the document; the page's declared language only breaks near-ties, since many
/// sites declare one language for every page.
/// </summary>
public sealed class LanguageStage : IDocumentStage
{
    private readonly LanguageIdentifier _identifier;

    public LanguageStage(LanguageIdentifier identifier) => _identifier = identifier;

    public string Name => "language";

    public void Process(Document document)
    {
        document.Paragraphs.Clear();
        var text = document.Text;
        var documentGuess = _identifier.Identify(document.FoldedText, document.DeclaredLanguage);
        document.Language = document.GivenLanguage ?? documentGuess.Language;

        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            if (end > start)
            {
                var guess = _identifier.Identify(document.FoldedText.AsSpan(start, end - start), document.Language);
                // Short paragraphs say too little on their own: they take the document's language.
                var language = guess.IsConfident ? guess.Language : document.Language;
                document.Paragraphs.Add(new Paragraph(new TextSpan(start, end), language));
            }
            start = end + 2;
        }
    }
}
