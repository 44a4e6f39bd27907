using Sitrep.Language;
using Sitrep.Pipeline;

namespace Sitrep.Claims;

/// <summary>
/// Fills <see cref="Document.Claims"/>: one frame per sentence, or per clause when a sentence mixes
/// presentations, in text order, with the cues of the sentence's paragraph language (or the document's).
/// Runs after entities (source canonicals) and before events (which read the frame of each trigger).
/// </summary>
public sealed class ClaimStage(ClaimResources resources) : IDocumentStage
{
    public string Name => "claims";

    private static ClaimFrame Plain(TextSpan sentence, int index) => new(sentence, index, [], false, ClaimModality.Asserted, []);

    public void Process(Document document)
    {
        document.Claims.Clear();
        if (document.Text.Length == 0 || resources.Grammars.Count == 0) return;
        var text = document.FoldedText.Length == document.Text.Length ? document.FoldedText : document.Text;
        var finders = new Dictionary<string, ClaimFinder>(StringComparer.Ordinal);
        foreach (var (s, sentence, language) in SentenceLanguages.Of(document))
        {
            if (!resources.Grammars.TryGetValue(language, out var grammar) && !resources.Grammars.TryGetValue(document.Language, out grammar))
            {
                // No cues for this language: the sentence is still framed, as a plain assertion.
                document.Claims.Add(Plain(sentence, s));
                continue;
            }
            if (!finders.TryGetValue(grammar.Language, out var finder))
                finders[grammar.Language] = finder = new ClaimFinder(grammar, resources);
            var before = document.Claims.Count;
            try
            {
                finder.Find(text, document.Text, s, sentence, document.Entities, document.Times, document.Claims);
            }
            catch (System.Text.RegularExpressions.RegexMatchTimeoutException)
            {
                // A pathological sentence: framed as a plain assertion, never a lost document.
                document.Claims.RemoveRange(before, document.Claims.Count - before);
                document.Claims.Add(Plain(sentence, s));
                document.Warn("claims: a pattern ran past its time limit; a sentence is framed as a plain assertion");
            }
        }
    }
}

/// <summary>The claim cues of every language (<c>lang/&lt;code&gt;/claims.yaml</c>) and the actor kinds that are parties to a conflict (<c>data/claims.yaml</c>).</summary>
public sealed class ClaimResources(IReadOnlyDictionary<string, ClaimGrammar> grammars, IReadOnlySet<string> partyKinds, IReadOnlySet<string> notParties)
{
    public IReadOnlyDictionary<string, ClaimGrammar> Grammars { get; } = grammars;

    /// <summary>Entity kinds whose word is one side's claim ("the army said it killed 20 militants"): their clauses are hedged.</summary>
    public IReadOnlySet<string> Kinds { get; } = partyKinds;

    /// <summary>Canonical names of those kinds that take no side (peacekeeping missions).</summary>
    public IReadOnlySet<string> NotParties { get; } = notParties;

    public static ClaimResources Load(string langRoot, string dataRoot)
    {
        var file = Path.Combine(dataRoot, "claims.yaml");
        var root = File.Exists(file) ? YamlFile.ReadMappingOrNull(file) : null;
        HashSet<string> List(string key)
        {
            var items = new HashSet<string>(StringComparer.Ordinal);
            if (root is null || !root.Children.TryGetValue(new YamlDotNet.RepresentationModel.YamlScalarNode(key), out var node)) return items;
            if (node is not YamlDotNet.RepresentationModel.YamlSequenceNode list)
                throw new LanguageDataException($"{file}:{node.Start.Line}: '{key}' must be a list");
            foreach (var item in list.Children)
                items.Add((item as YamlDotNet.RepresentationModel.YamlScalarNode)?.Value
                          ?? throw new LanguageDataException($"{file}:{item.Start.Line}: '{key}' holds names"));
            return items;
        }
        return new ClaimResources(ClaimGrammar.LoadAll(langRoot), List("party-kinds"), List("not-parties"));
    }
}
