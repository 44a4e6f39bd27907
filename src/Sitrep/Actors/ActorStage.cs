using Sitrep.Entities;
using Sitrep.Pipeline;

namespace Sitrep.Actors;

/// <summary>
/// Fills <see cref="Document.Actors"/> (after entities and their places): the persons, organisations and
/// armed groups named, descriptive phrases ("les soldats turcs", "Iran-backed militias", "des civils") and
/// short chains back to them ("le groupe", "they"), each with a name, country, kind and CAMEO-style code
/// (see <see cref="ActorPass"/>, <c>lang/&lt;code&gt;/actors.yaml</c> and <c>data/actors/</c>).
/// </summary>
public sealed class ActorStage(ActorResources resources) : IDocumentStage
{
    public string Name => "actors";

    public void Process(Document document)
    {
        document.Actors.Clear();
        if (document.Text.Length == 0) return;
        var ranges = new List<(int From, int To, string Language)>();
        var tokens = EntityTokenizer.TokenizeDocument(document, ranges);
        var pass = new ActorPass(resources, document, tokens);
        foreach (var (from, to, language) in ranges) pass.Run(from, to, language);
    }
}
