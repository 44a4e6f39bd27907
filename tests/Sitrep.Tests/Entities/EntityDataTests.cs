using FluentAssertions;
using Sitrep.Entities;
using Sitrep.Language;
using Xunit;

namespace Sitrep.Tests.Entities;

/// <summary>What an analyst editing the entity data notices: forms expand as written, mistakes name their file and line, a gazetteer can plug in.</summary>
public sealed class EntityDataTests
{
    [Fact]
    public void Optional_endings_give_every_form()
    {
        EntityGrammar.ExpandOptionalEndings("américain(e)(s)").Should().BeEquivalentTo(["américain", "américaine", "américains", "américaines"]);
        EntityGrammar.ExpandOptionalEndings("russe(s)").Should().BeEquivalentTo(["russe", "russes"]);
        EntityGrammar.ExpandOptionalEndings("US").Should().BeEquivalentTo(["US"]);
    }

    [Fact]
    public void A_bad_demonym_line_names_its_file_and_line()
    {
        using var folder = new TempFolder();
        folder.Write("data/entities/countries.yaml", "countries:\n  - {iso3: MLI, name: Mali, adjective: Malian}\n");
        folder.Write("lang/xx/entities.yaml", "roles: [chef]\n");
        folder.Write("lang/xx/demonyms.tsv", "MLI\tmalien(ne)(s)\nXYZ\tinconnu\n");
        var load = () => EntityResources.Load(Path.Combine(folder.Path, "data"), Path.Combine(folder.Path, "lang"));
        load.Should().Throw<LanguageDataException>().WithMessage("*demonyms.tsv:2:*");
    }

    [Fact]
    public void A_bad_entity_type_names_its_file_and_line()
    {
        using var folder = new TempFolder();
        folder.Write("data/entities/groups.yaml", "type: GROUP\nentries:\n  - {canonical: Front X, type: ARMY}\n");
        var load = () => EntityResources.Load(Path.Combine(folder.Path, "data"), Path.Combine(folder.Path, "lang"));
        load.Should().Throw<LanguageDataException>().WithMessage("*groups.yaml:3:*ARMY*");
    }

    [Fact]
    public void A_place_name_lookup_types_names_the_rules_leave_open()
    {
        var stage = new EntityStage(TestPaths.Resources.Entities, new Places("Koumbakara"));
        var document = Process("Les habitants de Koumbakara ont fui vers le sud.", stage);
        document.Entities.Should().ContainSingle(e => e.Text == "Koumbakara" && e.Type == EntityType.LOC);

        var without = Process("Les habitants de Koumbakara ont fui vers le sud.", new EntityStage(TestPaths.Resources.Entities));
        without.Entities.Should().NotContain(e => e.Text == "Koumbakara");
    }

    private static Document Process(string text, EntityStage stage)
    {
        var document = new Document("t", ContentKind.Body, text) { GivenLanguage = "fr" };
        var pipeline = Pipeline.DocumentPipeline.CreateDefault(TestPaths.Resources);
        foreach (var step in pipeline.Stages.Where(s => s.Name != "entities")) step.Process(document);
        stage.Process(document);
        return document;
    }

    private sealed class Places(params string[] names) : IPlaceNameLookup
    {
        public bool IsPlaceName(string name) => names.Contains(name);
    }
}
