using Sitrep.Language;
using Sitrep.Pipeline;

namespace Sitrep.Quantities;

/// <summary>
/// Finds casualty counts sentence by sentence with the grammar of the sentence's paragraph language (or
/// the document's). Numbers inside a date or time found by the time stage count no people.
/// </summary>
public sealed class QuantityStage(IReadOnlyDictionary<string, CasualtyGrammar> grammars) : IDocumentStage
{
    public string Name => "quantities";

    public void Process(Document document)
    {
        document.Casualties.Clear();
        if (document.Text.Length == 0 || grammars.Count == 0) return;
        var text = document.FoldedText.Length == document.Text.Length ? document.FoldedText : document.Text;
        var times = document.Times.Select(t => new TextSpan(t.Start, t.End)).ToList();
        foreach (var (s, sentence, language) in SentenceLanguages.Of(document))
        {
            if (grammars.TryGetValue(language, out var grammar) || grammars.TryGetValue(document.Language, out grammar))
                CasualtyExtractor.Extract(text, document.Text, sentence.Start, sentence.End, s, grammar, times, document.Casualties);
        }
    }
}
