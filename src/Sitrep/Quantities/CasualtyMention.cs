namespace Sitrep.Quantities;

/// <summary>What happened to the people counted. <c>Casualties</c>: killed or wounded, the text does not say which ("victimes").</summary>
public enum CasualtyCategory
{
    Killed,
    Wounded,
    Casualties,
    Captured,
    Missing,
    Arrested,
}

/// <summary>Who the people counted are, coarsely (ACLED's civilians, state forces, armed groups).</summary>
public enum VictimClass
{
    Unknown,
    Civilian,
    Military,
    ArmedGroup,
}

/// <summary>
/// A count of people killed, wounded, captured, missing or arrested, as the text gives it, ACLED-style:
/// <see cref="Best"/> is the figure stated (ACLED's conventions for vague ones: tens → 10, dozens → 12,
/// hundreds → 100), <see cref="Low"/> and <see cref="High"/> the bounds stated ("au moins 12" → Low 12,
/// "jusqu'à 40" → High 40, "entre 10 et 15" → 10 and 15); all three null with <see cref="Unknown"/> when
/// the text says the number is not known; Best 0 for "aucun blessé".
/// </summary>
public sealed record CasualtyMention(
    CasualtyCategory Category,
    int? Best,
    int? Low,
    int? High,
    bool Approximate,
    bool Unknown,
    string? Victim,
    VictimClass VictimClass,
    int Sentence,
    TextSpan Span,
    TextSpan? Number,
    TextSpan Trigger,
    string Text)
{
    /// <summary>The one figure to record when one is needed, ACLED's conservative choice: the stated figure, else the lower bound.</summary>
    public int? Conservative => Best ?? Low;
}
