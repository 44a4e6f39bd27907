using Sitrep.Pipeline;

namespace Sitrep.Time;

/// <summary>
/// Finds dates and times in each paragraph with the grammar of the paragraph's language (or the
/// document's) and resolves them against the publication date, read in its own local time.
/// </summary>
public sealed class TimeStage(IReadOnlyDictionary<string, TimeGrammar> grammars, TimeBias bias) : IDocumentStage
{
    public string Name => "times";

    public TimeBias Bias => bias;

    public void Process(Document document)
    {
        document.Times.Clear();
        if (document.Text.Length == 0) return;
        var resolver = TimeResolver.TryParseReference(document.Published, out var reference, out var hasClock, out var offset)
            ? new TimeResolver(reference, hasClock, bias) { Offset = offset }
            : null;
        var text = document.FoldedText.Length == document.Text.Length ? document.FoldedText : document.Text;
        try
        {
            if (document.Paragraphs.Count == 0)
            {
                if (grammars.TryGetValue(document.Language, out var grammar))
                    TimeExtractor.Extract(text, document.Text, 0, text.Length, grammar, resolver, document.Times);
                return;
            }
            foreach (var paragraph in document.Paragraphs)
            {
                if (grammars.TryGetValue(paragraph.Language, out var grammar) || grammars.TryGetValue(document.Language, out grammar))
                    TimeExtractor.Extract(text, document.Text, paragraph.Span.Start, paragraph.Span.End, grammar, resolver, document.Times);
            }
        }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            document.Warn("times: a pattern ran past its time limit; times may be incomplete");
        }
    }
}
