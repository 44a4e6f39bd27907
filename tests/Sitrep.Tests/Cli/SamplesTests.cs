using System.Text.Json;
using FluentAssertions;

namespace Sitrep.Tests.Cli;

/// <summary>The bundled samples, run through the real CLI as the demo does.</summary>
public class SamplesTests
{
    private static readonly Lazy<List<JsonElement>> Records = new(() =>
    {
        var result = CliRunner.Run(AppContext.BaseDirectory, "extract", "samples");
        result.ExitCode.Should().Be(0, result.Stderr);
        return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    });

    private static JsonElement Record(string id) => Records.Value.Single(r => r.GetProperty("id").GetString() == id);

    private static readonly string[] Boilerplate =
    [
        "cookie", "Partager", "Share on", "Newsletter", "Répondre", "Reply", "©", "Tous droits", "All rights",
        "Abonnez", "Subscribe", "Lire aussi", "Read more", "Sur le même sujet", "Mentions légales", "Rechercher", "Accueil ›",
    ];

    [Fact]
    public void Every_sample_comes_out_with_its_language_a_title_without_site_name_and_no_boilerplate()
    {
        Records.Value.Should().HaveCountGreaterThan(10);
        foreach (var record in Records.Value)
        {
            var id = record.GetProperty("id").GetString()!;
            var text = record.GetProperty("text").GetString()!;
            var title = record.GetProperty("title").GetString();
            var language = record.GetProperty("language").GetString();
            if (id.StartsWith("samples/fr/", StringComparison.Ordinal)) language.Should().Be("fr", id);
            if (id.StartsWith("samples/en/", StringComparison.Ordinal)) language.Should().Be("en", id);
            title.Should().NotBeNullOrEmpty(id);
            title.Should().NotMatchRegex(@" [-|] (Le|La|L'|The|Global|Sahel)\b", id);
            text.Split(' ').Length.Should().BeGreaterThan(150, id);
            foreach (var cue in Boilerplate) text.Should().NotContain(cue, $"{id} must not keep boilerplate");
        }
    }

    [Fact]
    public void The_republished_article_and_the_wire_copy_are_reported_as_duplicates()
    {
        Record("samples/fr/syrie-idlib-frappes-marche-ariha.html").GetProperty("duplicate_of").GetString()
            .Should().Be("samples/fr/syrie-idlib-frappes-marche-ariha-reprise-qpo.html");
        Record("gws-fr-20240612-mali-embuscade").GetProperty("duplicate_of").GetString()
            .Should().Be("samples/fr/mali-embuscade-convoi-tombouctou.html");
        Records.Value.Count(r => r.GetProperty("duplicate_of").ValueKind == JsonValueKind.String).Should().Be(2);
    }

    [Fact]
    public void Publication_dates_come_from_meta_tags_json_ld_time_elements_and_scraped_date_lines()
    {
        Record("samples/fr/syrie-idlib-frappes-marche-ariha.html").GetProperty("published").GetString().Should().Be("2024-03-05T10:32:00+01:00");
        Record("samples/fr/mali-embuscade-convoi-tombouctou.html").GetProperty("published").GetString().Should().StartWith("2024-06-12");
        Record("samples/fr/rdc-sake-obus-camp-deplaces.html").GetProperty("published").GetString().Should().StartWith("2024-02-08");
        Record("samples/fr/irak-kirkouk-attentat-checkpoint.txt").GetProperty("published").GetString().Should().Be("2024-10-03");
        // The article's stamp "16/07/2024 18:22", not the site's top bar "Mercredi 17 juillet 2024".
        Record("samples/fr/niger-tillaberi-attaque-position-armee.txt").GetProperty("published").GetString().Should().Be("2024-07-16");
        Record("samples/en/ukraine-zaporizhzhia-nikopol-shelling.txt").GetProperty("published").GetString().Should().Be("2024-08-27");
    }

    [Fact]
    public void The_machine_translation_slip_and_the_article_body_survive_extraction()
    {
        Record("samples/fr/mali-embuscade-convoi-tombouctou.html").GetProperty("text").GetString().Should().Contain("des soldats de 30 ont été tués");
    }
}
