using FluentAssertions;
using Sitrep.Events.Clauses;
using Xunit;

namespace Sitrep.Tests.Events;

/// <summary>
/// Runs the case files in <c>Specs/clauses/&lt;lang&gt;/*.json</c> through the clause segmenter: each case is one
/// wire-style sentence and what a reader sees of its clauses — the kind of clause a word stands in, which words
/// share a clause and which do not, and whether a relative's subject is its antecedent. A word is found by its
/// first occurrence in the sentence; <c>verbs</c> are the words the event stage would give as verb triggers.
/// </summary>
public sealed class ClauseSpecs
{
    private static readonly SpecFiles<ClauseCase> Specs = new("clauses");
    private static readonly Lazy<IReadOnlyDictionary<string, ClauseGrammar>> Grammars = new(() => ClauseGrammar.LoadAll(TestPaths.LangRoot));

    public static TheoryData<string, int> Cases() => Specs.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Splits_a_sentence_as_a_reader_does(string file, int index)
    {
        var spec = Specs.Read(file)[index];
        var map = new ClauseMap();
        // The event stage counts its verb triggers as verbs; a case lists those its sentence would have.
        var verbs = (spec.Verbs ?? []).Select(v => spec.Text.IndexOf(v, StringComparison.Ordinal)).Order().ToArray();
        new ClauseSegmenter(Grammars.Value[file.Split('/')[0]]).Segment(spec.Text, 0, spec.Text.Length, verbs, map);
        int At(string word)
        {
            var offset = spec.Text.IndexOf(word, StringComparison.Ordinal);
            offset.Should().BeGreaterThanOrEqualTo(0, "'{0}' is in the sentence ({1}#{2})", word, file, index);
            return map.ClauseOf(offset);
        }
        foreach (var (word, kind) in spec.Kinds ?? [])
            map.Kind(At(word)).ToString().Should().Be(kind, "'{0}' stands in a {1} clause in \"{2}\" ({3}#{4})", word, kind, spec.Text, file, index);
        foreach (var pair in spec.Same ?? [])
            At(pair[1]).Should().Be(At(pair[0]), "'{0}' and '{1}' share a clause in \"{2}\" ({3}#{4})", pair[0], pair[1], spec.Text, file, index);
        foreach (var pair in spec.Apart ?? [])
            At(pair[1]).Should().NotBe(At(pair[0]), "'{0}' and '{1}' are in different clauses in \"{2}\" ({3}#{4})", pair[0], pair[1], spec.Text, file, index);
        foreach (var word in spec.AntecedentSubject ?? [])
            map.AntecedentIsSubject(At(word)).Should().BeTrue("the clause of '{0}' takes its subject from before it in \"{1}\" ({2}#{3})", word, spec.Text, file, index);
    }

    [Fact]
    public void Every_language_with_events_has_clause_words()
    {
        Grammars.Value.Keys.Should().Contain(["fr", "en"]);
        Cases().Count(row => ((string)row[0]).StartsWith("fr/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(5);
        Cases().Count(row => ((string)row[0]).StartsWith("en/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(5);
    }

    public sealed record ClauseCase(string Text, Dictionary<string, string>? Kinds, List<string[]>? Same, List<string[]>? Apart, List<string>? AntecedentSubject, List<string>? Verbs);
}
