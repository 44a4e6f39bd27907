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
        var spans = new List<TextSpan>();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf("\n\n", start, StringComparison.Ordinal);
            if (end < 0) end = text.Length;
            if (end > start) spans.Add(new TextSpan(start, end));
            start = end + 2;
        }

        // The document and its paragraphs in one reading of the text; a paragraph's guess is hinted by the document's language.
        var guesses = new LanguageGuess[spans.Count];
        var documentGuess = _identifier.IdentifyWithParts(document.FoldedText, document.DeclaredLanguage, spans,
            guess => document.GivenLanguage ?? guess.Language, guesses);
        document.Language = document.GivenLanguage ?? documentGuess.Language;
        for (var p = 0; p < spans.Count; p++)
        {
            // Short paragraphs say too little on their own: they take the document's language.
            var language = guesses[p].IsConfident ? guesses[p].Language : document.Language;
            document.Paragraphs.Add(new Paragraph(spans[p], language));
        }
    }
}
