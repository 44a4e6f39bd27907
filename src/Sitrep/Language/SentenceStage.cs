using Sitrep.Pipeline;

namespace Sitrep.Language;

/// <summary>Splits each paragraph into sentences, with the abbreviations of the paragraph's language.</summary>
public sealed class SentenceStage : IDocumentStage
{
    private readonly SentenceSegmenter _segmenter;

    public SentenceStage(LanguageResources resources) => _segmenter = new SentenceSegmenter(resources.Abbreviations);

    public string Name => "sentences";

    public void Process(Document document)
    {
        document.Sentences.Clear();
        foreach (var paragraph in document.Paragraphs)
            _segmenter.Split(document.Text, paragraph.Span.Start, paragraph.Span.End, paragraph.Language, document.Sentences);
    }
}
