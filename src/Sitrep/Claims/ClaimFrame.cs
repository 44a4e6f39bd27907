namespace Sitrep.Claims;

/// <summary>How the text presents what a clause says happened.</summary>
public enum ClaimModality
{
    /// <summary>Told as a fact that happened (possibly attributed or hedged).</summary>
    Asserted,
    /// <summary>Asked: "Qui a tiré ?", "Was the convoy hit?"</summary>
    Question,
    /// <summary>Supposed: "si l'armée attaquait", "could strike", "risquerait de".</summary>
    Hypothetical,
    /// <summary>Not yet done: plans, intentions, schedules, threats' content ("prévoit de", "will deploy").</summary>
    Planned,
    /// <summary>A general statement about many past incidents or a habit, not one occurrence ("ces attaques sont fréquentes").</summary>
    Generic,
}

/// <summary>A source the text cites for a claim ("selon l'OSDH", "a déclaré le porte-parole"): its span and, when it is a known entity, its canonical name.</summary>
public sealed record ClaimSource(string Text, TextSpan Span, string? Canonical);

/// <summary>
/// How a stretch of text (a sentence or a clause of it) is presented: who says it, whether it is
/// hedged (conditionnel de l'information, "allegedly", "présumé", a claim by one side), which of its
/// predicates are negated or denied, and whether it tells a specific occurrence at all. The event
/// stage reads the frame that contains an event's trigger.
/// </summary>
public sealed record ClaimFrame(
    TextSpan Span,
    int Sentence,
    IReadOnlyList<ClaimSource> Sources,
    bool Hedged,
    ClaimModality Modality,
    IReadOnlyList<TextSpan> Negated);
