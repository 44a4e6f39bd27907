using FluentAssertions;
using Sitrep.Content;
using Sitrep.Content.Html;
using Xunit;

namespace Sitrep.Tests.Content.Html;

public class HtmlContentExtractorTests
{
    private static readonly HtmlContentExtractor Extractor = new();

    private static string Fixture(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "html", name));

    private static ExtractedContent Extract(string name, string? url = null) => Extractor.Extract(Fixture(name), url);

    private static string Text(ExtractedContent content) => string.Join("\n\n", content.Blocks);

    [Fact]
    public void French_article_paragraphs_and_heading_are_kept_in_order()
    {
        var content = Extract("fr-article.html");

        content.Blocks.Should().ContainInOrder(
            "Des frappes aériennes ont visé mardi des positions tenues par des combattants près de Raqqa, a annoncé la coalition internationale, sans préciser le nombre de victimes.",
            "Selon l'Observatoire syrien des droits de l'homme, au moins douze civils ont été tués et des dizaines d'autres blessés dans les bombardements, qui ont duré plusieurs heures.",
            "Une offensive qui s'intensifie",
            "Les forces locales soutenues par la coalition progressent depuis plusieurs semaines vers le centre de la ville, où quelques milliers de combattants seraient retranchés.",
            "Un porte-parole de la coalition a assuré que « toutes les précautions » avaient été prises pour épargner la population civile.");
    }

    [Theory]
    [InlineData("Nous utilisons des cookies", "cookie banner")]
    [InlineData("Sport", "menu")]
    [InlineData("Partager sur Facebook", "share bar")]
    [InlineData("Photo AFP", "photo caption and credit")]
    [InlineData("Le long siège de Deir ez-Zor", "inline related link")]
    [InlineData("Lire aussi", "reading prompt")]
    [InlineData("lettre d'information", "newsletter box")]
    [InlineData("l'essentiel de l'actualité internationale", "newsletter box text")]
    [InlineData("Coalition\n", "tag list")]
    [InlineData("correspondante au Proche-Orient", "author bio")]
    [InlineData("négociations de Genève", "related articles")]
    [InlineData("les civils qui paient le prix fort", "comments")]
    [InlineData("Commentaires", "comments heading")]
    [InlineData("Un article très lu", "sidebar")]
    [InlineData("Tous droits réservés", "footer")]
    [InlineData("publié le 5 mars", "byline/meta line")]
    public void French_article_boilerplate_is_dropped(string snippet, string kind)
    {
        var text = Text(Extract("fr-article.html")) + "\n";

        text.Should().NotContain(snippet, because: $"the {kind} is not article text");
    }

    [Fact]
    public void An_article_whose_sections_are_classed_like_furniture_is_found_by_the_lenient_pass()
    {
        var paragraph = "Der Grill wurde mehrere Wochen lang im Alltag getestet, mit Steaks, Gemüse und Brot, und das Ergebnis fiel besser aus als erwartet.";
        var html = $$"""
            <html><body><nav><a href="/">Start</a></nav>
            <main>
              <section class="report__section report__section--ads"><h2>Aufbau</h2><p>{{paragraph}}</p></section>
              <section class="report__section report__section--ads"><h2>Reinigung</h2><p>{{paragraph}} Die Reinigung war einfach.</p></section>
              <section class="report__section report__section--ads"><h2>Preis</h2><p>{{paragraph}} Der Preis ist fair.</p></section>
            </main></body></html>
            """;

        var content = Extractor.Extract(html, null);

        content.Blocks.Should().Contain(paragraph + " Der Preis ist fair.");
        content.Blocks.Should().Contain(paragraph + " Die Reinigung war einfach.");
    }

    [Fact]
    public void An_article_split_into_one_wrapper_per_section_is_taken_whole()
    {
        string Section(int i) => $"<div class=\"section-container\"><div class=\"section-text\"><p>Absatz {i}: Die Geschichte geht weiter, mit neuen Figuren, neuen Orten und einer Wendung, die niemand erwartet hatte.</p></div></div>";
        var html = "<html><body><div class=\"wrapper\">" + string.Concat(Enumerable.Range(1, 6).Select(Section)) + "</div></body></html>";

        var content = Extractor.Extract(html, null);

        content.Blocks.Should().HaveCount(6);
        content.Blocks[0].Should().StartWith("Absatz 1:");
        content.Blocks[5].Should().StartWith("Absatz 6:");
    }

    [Fact]
    public void French_article_metadata_comes_from_open_graph_and_links()
    {
        var content = Extract("fr-article.html");

        content.Title.Should().Be("Frappes près de Raqqa");
        content.Published.Should().Be("2019-03-05T08:30:00+01:00");
        content.Author.Should().Be("Claire Martin");
        content.SiteName.Should().Be("Le Journal");
        content.CanonicalUrl.Should().Be("https://www.lejournal.example/monde/2019/03/05/frappes-pres-de-raqqa");
        content.DeclaredLanguage.Should().Be("fr");
    }

    [Fact]
    public void English_article_keeps_paragraphs_quote_and_list_items()
    {
        var content = Extract("en-article.html");

        content.Blocks.Should().ContainInOrder(
            "More than four thousand people have been forced from their homes after two days of torrential rain caused rivers to burst their banks across the region.",
            "Emergency services said at least three people had died, including a firefighter who was swept away while helping residents leave a flooded street.",
            "\"We have never seen water levels rise this fast,\" the regional fire chief told reporters on Wednesday.",
            "Schools in the worst-hit towns will stay closed until Monday.",
            "Rail services between the two main cities have been suspended.",
            "The government has promised emergency funding, but local officials say the help is arriving too slowly for families who lost everything.");
    }

    [Theory]
    [InlineData("World", "navigation role")]
    [InlineData("Share on Twitter", "social share bar")]
    [InlineData("Advertisement", "ad slot")]
    [InlineData("Photograph: Reuters", "caption")]
    [InlineData("Sign up for our morning briefing", "newsletter plea")]
    [InlineData("Drought warning", "related stories")]
    [InlineData("Join the discussion", "comments")]
    [InlineData("All rights reserved", "footer")]
    [InlineData("Northern correspondent", "byline")]
    public void English_article_boilerplate_is_dropped(string snippet, string kind)
    {
        Text(Extract("en-article.html")).Should().NotContain(snippet, because: $"the {kind} is not article text");
    }

    [Fact]
    public void English_article_metadata_comes_from_json_ld_and_meta()
    {
        var content = Extract("en-article.html");

        content.Title.Should().Be("Floods displace thousands in the north");
        content.Published.Should().Be("2021-07-14T16:05:00+00:00");
        content.Author.Should().Be("James Holt");
        content.SiteName.Should().Be("The Daily Courier");
        content.CanonicalUrl.Should().Be("https://dailycourier.example/news/floods-displace-thousands");
        content.DeclaredLanguage.Should().Be("en");
    }

    [Fact]
    public void Page_without_known_selectors_is_found_by_scoring()
    {
        var content = Extract("blog-no-selectors.html");

        content.Blocks.Should().HaveCount(4);
        content.Blocks[0].Should().Be("A week at the border crossing");
        content.Blocks[1].Should().StartWith("The queue of lorries");
        content.Blocks[3].Should().StartWith("By Thursday the line had shortened");
        Text(content).Should().NotContain("Archive");
        content.Title.Should().Be("A week at the border crossing");
        content.Published.Should().Be("2020-11-02");
        content.DeclaredLanguage.Should().Be("en");
    }

    private const string Body =
        "<p>Le conseil municipal a voté jeudi soir un budget en hausse pour la rénovation des écoles de la commune, après un long débat.</p>";

    [Theory]
    [InlineData("<meta property=\"article:published_time\" content=\"2019-03-05T10:00:00Z\">", "", "2019-03-05T10:00:00+00:00")]
    [InlineData("<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2018-01-02\"}</script>", "", "2018-01-02")]
    [InlineData("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"WebSite\"},{\"@type\":\"Article\",\"datePublished\":\"2018-01-03T09:00:00+0200\"}]}</script>", "", "2018-01-03T09:00:00+02:00")]
    [InlineData("<meta name=\"date\" content=\"2017-05-06\">", "", "2017-05-06")]
    [InlineData("<meta name=\"pubdate\" content=\"2017-05-07\">", "", "2017-05-07")]
    [InlineData("<meta name=\"DC.date.issued\" content=\"2017-05-08\">", "", "2017-05-08")]
    [InlineData("<meta name=\"sailthru.date\" content=\"2017-05-09T14:00:00+02:00\">", "", "2017-05-09T14:00:00+02:00")]
    [InlineData("<meta name=\"parsely-pub-date\" content=\"2017-05-10T08:00:00Z\">", "", "2017-05-10T08:00:00+00:00")]
    [InlineData("", "<time datetime=\"2016-04-01T12:00:00+02:00\">1er avril</time>", "2016-04-01T12:00:00+02:00")]
    [InlineData("", "<span itemprop=\"datePublished\" content=\"2016-04-02\">2 avril</span>", "2016-04-02")]
    public void Publication_date_is_read_from_each_source(string head, string inArticle, string expected)
    {
        var html = $"<html><head>{head}</head><body><article>{inArticle}{Body}</article></body></html>";

        Extractor.Extract(html, null).Published.Should().Be(expected);
    }

    [Fact]
    public void Publication_date_falls_back_to_the_address()
    {
        var html = $"<html><body><article>{Body}</article></body></html>";

        Extractor.Extract(html, "https://example.org/politique/2015/11/20/budget-des-ecoles").Published.Should().Be("2015-11-20");
        Extractor.Extract(html, "https://example.org/politique/budget-des-ecoles").Published.Should().BeNull();
    }

    [Theory]
    [InlineData("<html lang=\"de-AT\">", "", "de")]
    [InlineData("<html>", "<meta http-equiv=\"Content-Language\" content=\"es\">", "es")]
    [InlineData("<html>", "<meta property=\"og:locale\" content=\"it_IT\">", "it")]
    [InlineData("<html>", "", null)]
    public void Declared_language_is_the_primary_subtag(string htmlTag, string head, string? expected)
    {
        var html = $"{htmlTag}<head>{head}</head><body><article>{Body}</article></body></html>";

        Extractor.Extract(html, null).DeclaredLanguage.Should().Be(expected);
    }

    [Theory]
    [InlineData("Frappes près de Raqqa - Le Journal", "Le Journal", null, "Frappes près de Raqqa")]
    [InlineData("Le Journal | Frappes près de Raqqa", "Le Journal", null, "Frappes près de Raqqa")]
    [InlineData("Frappes près de Raqqa - Le Journal", null, null, "Frappes près de Raqqa")]
    [InlineData("Raqqa : frappes - Le Journal du Soir", null, "Raqqa : frappes", "Raqqa : frappes")]
    [InlineData("Raqqa - l'offensive continue malgré les pertes", null, null, "Raqqa - l'offensive continue malgré les pertes")]
    public void Title_loses_the_site_name(string title, string? siteName, string? h1, string expected)
    {
        var site = siteName is null ? "" : $"<meta property=\"og:site_name\" content=\"{siteName}\">";
        var heading = h1 is null ? "" : $"<h1>{h1}</h1>";
        var html = $"<html><head><title>{title}</title>{site}</head><body><article>{heading}{Body}</article></body></html>";

        Extractor.Extract(html, null).Title.Should().Be(expected);
    }

    [Fact]
    public void Line_breaks_stay_inside_a_block_and_two_of_them_end_it()
    {
        var html = "<html><body><div class=\"article-body\"><p>Première ligne<br>deuxième ligne du même paragraphe, assez longue pour compter comme du texte.<br><br>" +
                   "Un autre paragraphe, séparé par deux sauts de ligne, comme sur les vieux sites sans balises p, et assez long lui aussi.</p></div></body></html>";

        Extractor.Extract(html, null).Blocks.Should().Equal(
            "Première ligne\ndeuxième ligne du même paragraphe, assez longue pour compter comme du texte.",
            "Un autre paragraphe, séparé par deux sauts de ligne, comme sur les vieux sites sans balises p, et assez long lui aussi.");
    }

    [Fact]
    public void Table_cells_of_the_article_are_blocks()
    {
        var html = "<html><body><div class=\"article-body\"><p>Le bilan provisoire des affrontements, par province, selon les autorités locales et les hôpitaux de la région :</p>" +
                   "<table><tr><td>Idlib</td><td>12 morts</td></tr><tr><td>Alep</td><td>4 morts</td></tr></table></div></body></html>";

        Extractor.Extract(html, null).Blocks.Should().ContainInOrder("Idlib", "12 morts", "Alep", "4 morts");
    }

    [Fact]
    public void Truncated_html_does_not_throw_and_keeps_what_is_there()
    {
        var html = Fixture("fr-article.html");
        var cut = html[..html.IndexOf("Une offensive", StringComparison.Ordinal)];

        var content = Extractor.Extract(cut, null);

        Text(content).Should().Contain("au moins douze civils ont été tués");
    }

    [Theory]
    [InlineData("")]
    [InlineData("<")]
    [InlineData("<html><body>")]
    [InlineData("pas du tout du HTML, juste une ligne de texte")]
    public void Degenerate_input_does_not_throw(string html)
    {
        var act = () => Extractor.Extract(html, "not a url");

        act.Should().NotThrow();
    }

    [Fact]
    public void Deeply_nested_pages_do_not_throw()
    {
        var deep = string.Concat(Enumerable.Repeat("<div><span>", 5_000)) + "fin" + Body;

        var content = Extractor.Extract(deep, null);

        Text(content).Should().Contain("Le conseil municipal a voté");
    }

    [Fact]
    public void Huge_pages_do_not_throw()
    {
        var wide = "<html><body>" + string.Concat(Enumerable.Repeat(Body, 20_000)) + "</body></html>";

        var content = Extractor.Extract(wide, null);

        content.Blocks.Should().NotBeEmpty();
    }

    [Fact]
    public void Extraction_is_deterministic_across_threads()
    {
        var pages = new[] { Fixture("fr-article.html"), Fixture("en-article.html"), Fixture("blog-no-selectors.html") };
        var expected = pages.Select(p => Text(Extractor.Extract(p, null))).ToArray();

        var results = new string[60];
        Parallel.For(0, results.Length, i => results[i] = Text(new HtmlContentExtractor().Extract(pages[i % 3], null)));

        for (var i = 0; i < results.Length; i++) results[i].Should().Be(expected[i % 3]);
    }
}
