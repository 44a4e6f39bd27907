namespace Sitrep.Actors;

/// <summary>
/// A phrase that names someone who can act or be acted upon: a named entity ("l'armée libanaise",
/// "Hayat Tahrir al-Cham") or a descriptive noun phrase ("les soldats turcs", "des milices soutenues
/// par Téhéran", "des civils", "protesters"), resolved to a name, the state it belongs to (ISO 3166
/// alpha-3), a kind (schema's list: military, government, police, rebel, militia, mercenary,
/// terrorist, civilians, organization, person, coalition) and a CAMEO-style code ("TURMIL", "SYRREB",
/// "CVL"). <see cref="Head"/> is the phrase's head noun or name, which the event stage uses to decide
/// which side of a trigger the actor is on. <see cref="Entity"/> is the index of the entity in
/// <see cref="Document.Entities"/> it comes from, or null for a descriptive phrase.
/// </summary>
public sealed record ActorMention(
    TextSpan Span,
    TextSpan Head,
    string Text,
    int Sentence,
    string? Name,
    string? Country,
    string? Kind,
    string? Code,
    int? Entity);
