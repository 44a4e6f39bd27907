using FluentAssertions;
using Sitrep.Events;
using Sitrep.Language;
using Xunit;

namespace Sitrep.Tests.Events;

/// <summary>An analyst editing the event files gets the file and line of a mistake, and a language is a folder.</summary>
public sealed class EventDataTests
{
    private const string Types = """
        types:
          ASSAULT:
            cameo: "190"
            acled: [Battles, Armed clash]
        """;

    private static string Lexicon(string trigger) => $$"""
        triggers:
          - {{trigger}}
        cues:
          passive: "été\\s+$"
          agent: "par\\s+$"
          patient: "contre\\s+$"
          source: "selon\\s+$"
          speaker: "^\\s*a dit"
          pair: "^\\s*et\\s*$"
          apposition: "^\\s*(?:de)?\\s*$"
          place: "à\\s+$"
        """;

    [Fact]
    public void A_bad_pattern_is_reported_with_its_line()
    {
        using var folder = new TempFolder();
        folder.Write("data/events/types.yaml", Types);
        var file = folder.Write("lang/xx/events.yaml", Lexicon("""{match: "attaqu(", type: ASSAULT, form: verb}"""));
        var load = () => EventResources.Load(Path.Combine(folder.Path, "data"), Path.Combine(folder.Path, "lang"));
        load.Should().Throw<LanguageDataException>().WithMessage($"{file}:2: bad pattern*");
    }

    [Fact]
    public void A_type_missing_from_the_type_map_is_reported_with_its_line()
    {
        using var folder = new TempFolder();
        folder.Write("data/events/types.yaml", Types);
        var file = folder.Write("lang/xx/events.yaml", Lexicon("""{match: "attaque", type: ATTACK, form: noun}"""));
        var load = () => EventResources.Load(Path.Combine(folder.Path, "data"), Path.Combine(folder.Path, "lang"));
        load.Should().Throw<LanguageDataException>().WithMessage($"{file}:2: type 'ATTACK' is not in data/events/types.yaml");
    }

    [Fact]
    public void A_new_folder_is_a_new_language()
    {
        using var folder = new TempFolder();
        folder.Write("data/events/types.yaml", Types);
        folder.Write("lang/xx/events.yaml", Lexicon("""{match: "attaque", type: ASSAULT, mode: firearms, form: noun}"""));
        var resources = EventResources.Load(Path.Combine(folder.Path, "data"), Path.Combine(folder.Path, "lang"));
        const string text = "Les soldats ont subi une attaque.";
        var document = new Document("xx", ContentKind.Body, text) { Language = "xx", Text = text, FoldedText = text };
        document.Sentences.Add(new TextSpan(0, text.Length));
        // What the actor stage would find with an xx/actors.yaml naming "soldats".
        document.Actors.Add(new Sitrep.Actors.ActorMention(new TextSpan(4, 11), new TextSpan(4, 11), "soldats", 0, "military", null, "military", null, null));
        new EventStage(resources).Process(document);
        document.Events.Should().ContainSingle().Which.Should().Match<Event>(e => e.Plover == "ASSAULT" && e.Cameo == "190" && (e.Actor1 ?? e.Actor2)!.Name == "military");
    }
}
