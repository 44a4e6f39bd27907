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

    private static (string Hash, uint[]? Signature) Fingerprint(string text)
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
