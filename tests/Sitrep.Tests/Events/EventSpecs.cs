using FluentAssertions;
using Sitrep.Events;
using Sitrep.Pipeline;
using Xunit;

namespace Sitrep.Tests.Events;

/// <summary>
/// Runs the case files in <c>Specs/events/&lt;lang&gt;/*.json</c> through the whole pipeline: each case is
/// a short wire-style text, its publication date, the events a reader expects (type, mode, ACLED sub-type,
/// the actors named on either side (and, where it matters, who did it, <c>actor1</c>, and who is no party, <c>notActors</c>), place (or a place it must not be, <c>notPlace</c>), date window, dead, how many sentences tell it) and the types
/// that must not come out as asserted events (what is denied or accused).
/// </summary>
public sealed class EventSpecs
{
    private static readonly SpecFiles<EventCase> Specs = new("events");
    private static readonly Lazy<DocumentPipeline> Pipeline = new(() => DocumentPipeline.CreateDefault(TestPaths.Resources));

    public static TheoryData<string, int> Cases() => Specs.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Finds_the_events_a_reader_finds(string file, int index)
    {
        var spec = Specs.Read(file)[index];
        var document = new Document($"{file}#{index}", ContentKind.Body, spec.Text) { GivenLanguage = file.Split('/')[0], Published = spec.Published };
        Pipeline.Value.Process(document);
        var found = string.Join("\n", document.Events.Select(Describe));
        foreach (var want in spec.Events)
            document.Events.Should().Contain(e => Fits(e, want, document), "\"{0}\" tells a {1} event ({2}#{3}); found:\n{4}", spec.Text, want.Type, file, index, found);
        foreach (var type in spec.Not ?? [])
            document.Events.Should().NotContain(e => e.Plover == type && !e.Negated, "\"{0}\" asserts no {1} event ({2}#{3})", spec.Text, type, file, index);
        foreach (var (type, most) in spec.AtMost ?? [])
            document.Events.Count(e => e.Plover == type && !e.Negated).Should().BeLessThanOrEqualTo(most, "\"{0}\" tells at most {1} {2} event(s) ({3}#{4}); found:\n{5}", spec.Text, most, type, file, index, found);
        foreach (var e in document.Events)
        {
            e.Evidence.Should().OnlyContain(span => 0 <= span.Start && span.Start < span.End && span.End <= document.Text.Length);
            e.Evidence.Should().Contain(span => span.Start <= e.Trigger.Start && e.Trigger.End <= span.End, "the trigger lies in the evidence");
        }
    }

    [Fact]
    public void The_headline_at_the_top_of_the_text_tells_no_event_of_its_own()
    {
        const string headline = "Kharkiv drone strike on apartment block kills at least four, Ukrainian officials say";
        var text = headline + "\n\nAt least four people were killed when Russian drones struck an apartment block in Kharkiv overnight, Ukrainian officials said on Monday.";
        var document = new Document("headline", ContentKind.Body, text) { GivenLanguage = "en", Published = "2024-05-20", Title = headline };
        Pipeline.Value.Process(document);
        document.Title.Should().Be(headline);
        document.Events.Should().ContainSingle(e => e.Plover == "ASSAULT").Which.Evidence.Should().OnlyContain(span => span.Start > headline.Length);
        document.Events.Should().NotContain(e => e.Actor2 != null && e.Actor2.Text.Contains("officials"), "whoever says so is no party");
    }

    [Fact]
    public void A_headline_with_typographic_quotes_is_still_recognised_as_the_headline()
    {
        const string headline = "Kharkiv : une frappe de drone tue au moins quatre civils, selon l’armée de l’air";
        var text = headline + "\n\nAu moins quatre civils ont été tués lundi lorsque des drones russes ont frappé un immeuble de Kharkiv, ont indiqué les autorités ukrainiennes.";
        var document = new Document("headline-fr", ContentKind.Body, text) { GivenLanguage = "fr", Published = "2024-05-20", Title = headline };
        Pipeline.Value.Process(document);
        document.Events.Should().OnlyContain(e => e.Evidence.All(span => span.Start > headline.Length), "the headline tells no event of its own");
    }

    [Fact]
    public void There_are_cases_in_each_language()
    {
        Cases().Count(row => ((string)row[0]).StartsWith("fr/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(8);
        Cases().Count(row => ((string)row[0]).StartsWith("en/", StringComparison.Ordinal)).Should().BeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public void The_same_text_gives_the_same_events()
    {
        var spec = Specs.Read("fr/events.json")[^1];
        string Run()
        {
            var document = new Document("same", ContentKind.Body, spec.Text) { GivenLanguage = "fr", Published = spec.Published };
            Pipeline.Value.Process(document);
            return Sitrep.Export.DocumentRecord.ToJson(document);
        }
        Run().Should().Be(Run());
    }

    private static bool Fits(Event e, ExpectedEvent want, Document document)
    {
        if (e.Plover != want.Type || e.Negated) return false;
        if (want.Mode is not null && e.Mode != want.Mode) return false;
        if (want.Acled is not null && e.Acled?.Subtype != want.Acled) return false;
        var actors = new[] { e.Actor1, e.Actor2 }.OfType<EventActor>().Select(a => $"{a.Text} | {a.Name}").ToList();
        if (want.Actors?.Any(name => !actors.Any(a => a.Contains(name, StringComparison.OrdinalIgnoreCase))) == true) return false;
        if (want.Place is not null && (e.Location is null || !e.Location.Text.Contains(want.Place, StringComparison.OrdinalIgnoreCase)
                                                           && !e.Location.Place.Name.Contains(want.Place, StringComparison.OrdinalIgnoreCase))) return false;
        if (want.NotPlace is not null && e.Location is not null && (e.Location.Text.Contains(want.NotPlace, StringComparison.OrdinalIgnoreCase)
                                                                     || e.Location.Place.Name.Contains(want.NotPlace, StringComparison.OrdinalIgnoreCase))) return false;
        if (want.From is not null && e.Date?.From != want.From) return false;
        if (want.To is not null && e.Date?.To != want.To) return false;
        if (want.Killed is { } killed && (e.Fatalities?.Best ?? e.Fatalities?.Low) != killed) return false;
        if (want.Evidence is { } sentences && e.Evidence.Count != sentences) return false;
        if (want.NotActors?.Any(name => actors.Any(a => a.Contains(name, StringComparison.OrdinalIgnoreCase))) == true) return false;
        if (want.Actor1 is not null && (e.Actor1 is null || !$"{e.Actor1.Text} | {e.Actor1.Name}".Contains(want.Actor1, StringComparison.OrdinalIgnoreCase))) return false;
        return document.Events.Contains(e);
    }

    private static string Describe(Event e) =>
        $"{e.Plover}/{e.Mode} {e.Acled?.Subtype} {e.Actor1?.Text} -> {e.Actor2?.Text} @ {e.Location?.Text} {e.Date?.From}..{e.Date?.To} dead={e.Fatalities?.Best ?? e.Fatalities?.Low} evidence={e.Evidence.Count}{(e.Negated ? " negated" : "")}";

    /// <param name="AtMost">At most this many asserted events of a type: one act told twice is one event.</param>
    public sealed record EventCase(string Text, string Published, List<ExpectedEvent> Events, List<string>? Not, Dictionary<string, int>? AtMost = null);

    public sealed record ExpectedEvent(string Type, string? Mode, string? Acled, List<string>? Actors, string? Place, string? From, string? To, int? Killed, int? Evidence, string? Actor1 = null, List<string>? NotActors = null, string? NotPlace = null);
}
