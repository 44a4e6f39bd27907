using FluentAssertions;
using Sitrep.Fusion;

namespace Sitrep.Tests.Fusion;

public class DuplicateIndexTests
{
    private const string Article = """
        Des frappes aériennes ont visé mardi soir plusieurs positions tenues par des combattants dans la campagne
        d'Idleb, dans le nord-ouest de la Syrie, selon l'Observatoire syrien des droits de l'homme. Au moins douze
        personnes ont été tuées, dont quatre civils, et une vingtaine d'autres blessées, a précisé l'ONG, qui dispose
        d'un vaste réseau de sources sur le terrain. Le ministère de la Défense a démenti avoir visé des zones
        habitées et affirmé que les frappes visaient des dépôts d'armes. Les secours ont continué mercredi de
        chercher des survivants sous les décombres de deux immeubles effondrés dans le village de Kafr Nabl.
        """;

    private const string FollowUp = """
        Dans la soirée, le gouverneur de la province a annoncé la fermeture des écoles pour une durée indéterminée
        et appelé les habitants à éviter les marchés, tandis que les hôpitaux de la région lançaient un appel aux dons
        de sang. Plusieurs organisations humanitaires ont suspendu leurs activités dans le secteur, invoquant des
        menaces répétées contre leurs équipes. À Genève, le Bureau de la coordination des affaires humanitaires a
        exprimé sa vive préoccupation et demandé l'ouverture d'un couloir pour évacuer les blessés les plus graves
        vers la frontière turque, où deux hôpitaux de campagne ont été installés au cours de l'hiver dernier.
        """;

    private const string Economy = """
        Sur le plan économique, le prix du pain a doublé en un mois dans les zones contrôlées par l'opposition, selon
        un rapport publié jeudi par le Programme alimentaire mondial, qui estime que près de trois millions de
        personnes dépendent désormais de l'aide internationale pour se nourrir. Les commerçants interrogés évoquent
        la chute de la livre, la fermeture des points de passage et la hausse du coût du carburant importé, tandis que
        les agriculteurs de la plaine du Ghab disent avoir renoncé à semer faute d'engrais et d'irrigation, une
        situation que les agences de l'ONU jugent sans précédent depuis le début du conflit il y a treize ans.
        """;

    private static (string Hash, MinHashSignature? Signature) Fingerprint(string text)
    {
        var words = TextFingerprint.Words(text);
        return (TextFingerprint.ContentHash(words), TextFingerprint.MinHash(words));
    }

    private static string? Check(DuplicateIndex index, string id, string text)
    {
        var (hash, signature) = Fingerprint(text);
        var duplicate = index.FindDuplicate(hash, signature);
        index.Add(id, hash, signature);
        return duplicate;
    }

    [Fact]
    public void The_same_text_with_other_spacing_and_casing_is_an_exact_duplicate()
    {
        var index = new DuplicateIndex();
        Check(index, "a", Article).Should().BeNull();
        Check(index, "b", Article.ToUpperInvariant().Replace("\n", "  ")).Should().Be("a");
    }

    [Fact]
    public void A_republished_copy_with_another_header_and_one_changed_sentence_is_a_near_duplicate()
    {
        var index = new DuplicateIndex();
        Check(index, "original", Article);
        var copy = "Publié par La Dépêche Internationale avec AFP. " +
                   Article.Replace("Au moins douze personnes ont été tuées", "Au moins treize personnes ont été tuées") +
                   " Abonnez-vous à notre lettre quotidienne.";
        Check(index, "copy", copy).Should().Be("original");
    }

    [Fact]
    public void A_different_article_on_the_same_topic_is_not_a_duplicate()
    {
        var index = new DuplicateIndex();
        Check(index, "a", Article);
        const string other = """
            Le gouvernement a annoncé mercredi l'ouverture de négociations avec plusieurs groupes armés du nord du pays,
            une semaine après des affrontements qui ont fait au moins douze morts près de la frontière. Le porte-parole
            du ministère de la Défense a indiqué que les discussions se tiendraient à Genève sous l'égide des Nations unies
            et que les frappes aériennes seraient suspendues pendant toute leur durée, selon un communiqué officiel.
            """;
        Check(index, "b", other).Should().BeNull();
    }

    [Fact]
    public void A_wire_copy_cut_short_is_a_near_duplicate_of_the_full_article()
    {
        var index = new DuplicateIndex();
        Check(index, "full", Article + " " + FollowUp);
        Check(index, "wire", Article).Should().Be("full");
    }

    [Fact]
    public void A_short_brief_quoted_inside_a_long_roundup_is_not_its_duplicate()
    {
        var index = new DuplicateIndex();
        Check(index, "roundup", FollowUp + " " + Article + " " + Economy + " " + FollowUp.ToUpperInvariant().Replace("GENÈVE", "NEW YORK") + " " + Economy.Replace("jeudi", "lundi"));
        Check(index, "brief", Article).Should().BeNull();
    }

    [Fact]
    public void The_earliest_of_several_copies_is_named()
    {
        var index = new DuplicateIndex();
        Check(index, "first", Article);
        Check(index, "second", Article + " Mise à jour à 18 heures.");
        Check(index, "third", Article + " Mise à jour à 19 heures.").Should().Be("first");
    }

    [Fact]
    public void Texts_too_short_to_compare_only_match_exactly()
    {
        var index = new DuplicateIndex();
        Check(index, "a", "Trois soldats tués près de Gao.");
        Check(index, "b", "Trois soldats tués près de Kidal.").Should().BeNull();
        Check(index, "c", "trois soldats tués près de Gao").Should().Be("a");
    }
}
