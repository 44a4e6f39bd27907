namespace Sitrep.Entities;

/// <summary>
/// Finds the entities of one document, paragraph by paragraph with the paragraph's language, in this
/// order (each rule only sees tokens no earlier rule took):
/// 1. known names and national-body patterns (the lexicon, "l'armée russe") and acronym definitions,
///    "Nom long (SIGLE)", after which the acronym alone is the same entity;
/// 2. organisation names headed by a word such as "Commandement" or "Ministry";
/// 3. a state's or capital's name next to what governments do ("Moscou accuse", "selon Ankara",
///    "Washington said") becomes the government (ORG); a place before an agreement noun ("the
///    Algiers agreement") the agreement (MISC); persons the lexicon knows get their roles;
/// 4. runs of capitalised words, typed by what surrounds them: a MISC cue ("l'opération", "MV"), a
///    role or title before ("le colonel"), an apposition after (", porte-parole de…"), a first name,
///    a person already named (a bare surname), a place cue ("près de", "the town of") or place word
///    ("Province", "Tal", "Idlib province"), a place joined by "et"/"and", the place-name lookup,
///    else a person when two to four words long and written in lowercase nowhere in the document;
/// 5. unknown acronyms as organisations.
/// Demonyms serve the national-body patterns and are no entities on their own. A capitalised word
/// alone at the start of a sentence is a name only when something above knows it. Finally every
/// mention of a person gets the longest name written for them.
/// </summary>
public sealed class EntityRecognizer(EntityResources resources, IPlaceNameLookup? places = null)
{
    public List<Entity> Recognize(Document document)
    {
        var ranges = new List<(int From, int To, string Language)>();
        var tokens = EntityTokenizer.TokenizeDocument(document, ranges);
        var pass = new EntityPass(document.Text, tokens, places);
        foreach (var (from, to, language) in ranges)
            pass.Run(resources.Grammar(language, document.Language), from, to);
        return pass.Finish();
    }
}
