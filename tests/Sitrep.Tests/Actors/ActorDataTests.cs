using FluentAssertions;
using Sitrep.Actors;
using Sitrep.Entities;
using Sitrep.Language;
using Sitrep.Pipeline;
using Xunit;

namespace Sitrep.Tests.Actors;

/// <summary>The actor data files: mistakes are reported with file and line; analysts' actors are coded by date.</summary>
public sealed class ActorDataTests
{
    [Fact]
    public void Shipped_data_has_phrases_for_french_and_english()
    {
        TestPaths.Resources.Actors.Languages.Should().Contain(["fr", "en"]);
    }

    [Fact]
    public void An_unknown_kind_in_a_language_file_names_the_file_and_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("lang/xx/actors.yaml", "heads:\n  - {kind: soldiery, noun: x, name: x, plain: x, words: [x]}\n");
        var load = () => ActorResources.Load(Path.Combine(folder.Path, "data"), Path.Combine(folder.Path, "lang"), EntityResources.Load(Path.Combine(folder.Path, "data"), Path.Combine(folder.Path, "lang")));
        load.Should().Throw<LanguageDataException>().WithMessage($"{path}:2:*soldiery*");
    }

    [Fact]
    public void A_malformed_validity_date_names_the_file_and_line()
    {
        using var folder = new TempFolder();
        var path = folder.Write("data/actors/actors.yaml", "actors:\n  - name: A Person\n    kind: person\n    codes:\n      - {code: XXXGOV, from: 2024-13-01}\n");
        var load = () => ActorCatalogue.Load(Path.Combine(folder.Path, "data"));
        load.Should().Throw<LanguageDataException>().WithMessage($"{path}:5:*2024-13-01*");
    }

    [Fact]
    public void An_analysts_actor_is_coded_as_on_the_publication_date()
    {
        using var folder = new TempFolder();
        folder.Write("data/actors/actors.yaml", """
            actors:
              - name: Amadou Sall
                aliases: [Amadou Sall, Sall]
                country: SEN
                kind: person
                codes:
                  - {code: SENMIL, to: 2021-12-31}
                  - {code: SENGOV, from: 2022-01-01}
            """);
        var actor = ActorCatalogue.Load(Path.Combine(folder.Path, "data")).Find("Sall")!;
        actor.CodeOn(new DateOnly(2020, 5, 1)).Should().Be("SENMIL");
        actor.CodeOn(new DateOnly(2023, 5, 1)).Should().Be("SENGOV");
        actor.CodeOn(null).Should().Be("SENGOV", "without a date the current code holds");
    }

    [Fact]
    public void The_same_text_gives_the_same_actors()
    {
        var pipeline = DocumentPipeline.CreateDefault(TestPaths.Resources);
        const string text = "Des hommes armés ont attaqué un convoi près de Gao. Ils ont tué trois soldats maliens et des civils.";
        string Run()
        {
            var document = new Document("d", ContentKind.Body, text) { GivenLanguage = "fr", Published = "2024-04-11" };
            pipeline.Process(document);
            return string.Join("\n", document.Actors);
        }
        Run().Should().Be(Run()).And.Contain("MLIUAF");
    }
}
