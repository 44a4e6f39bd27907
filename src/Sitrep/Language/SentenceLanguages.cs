namespace Sitrep.Language;

/// <summary>The language of each sentence: its paragraph's, else the document's.</summary>
public static class SentenceLanguages
{
    /// <summary>Each sentence with its index and language, in text order.</summary>
    public static IEnumerable<(int Index, TextSpan Sentence, string Language)> Of(Document document)
    {
        var paragraph = 0;
        for (var s = 0; s < document.Sentences.Count; s++)
        {
            var sentence = document.Sentences[s];
            while (paragraph < document.Paragraphs.Count && document.Paragraphs[paragraph].Span.End <= sentence.Start) paragraph++;
            var language = paragraph < document.Paragraphs.Count && document.Paragraphs[paragraph].Span.Start <= sentence.Start
                ? document.Paragraphs[paragraph].Language
                : document.Language;
            yield return (s, sentence, language);
        }
    }
}
