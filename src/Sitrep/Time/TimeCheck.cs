using System.Text.RegularExpressions;
using Sitrep.Language;

namespace Sitrep.Time;

/// <summary>
/// Whether a window holds something some rule cannot match without: a piece of the grammar, tried only
/// where one of the literal strings it cannot match without (<see cref="LiteralFactors"/>) is found first.
/// </summary>
public sealed class TimeCheck
{
    internal TimeCheck(Regex pattern, IReadOnlyCollection<string>? literals, bool whole, LinearPrefilter? linear = null)
    {
        Pattern = pattern;
        _linear = linear;
        Literals = literals;
        Whole = whole;
        NeedsDigit = DigitRequirement.Of(pattern.ToString());
        // A short literal is everywhere: a search for it would cost more than it saves (the window scan still uses it).
        Prefilter = literals is not null && !whole && literals.Min(l => l.Length) >= 3
            ? new Regex(LiteralFactors.Alternatives(literals), pattern.Options, TimeGrammar.MatchTimeout)
            : null;
    }

    public Regex Pattern { get; }

    /// <summary>Literal strings every match of <see cref="Pattern"/> contains one of; null when none is known.</summary>
    internal IReadOnlyCollection<string>? Literals { get; }

    /// <summary>Whether every match of <see cref="Pattern"/> holds a digit: a window without one does not hold it.</summary>
    internal bool NeedsDigit { get; }

    /// <summary>Whether <see cref="Pattern"/> is no more than <see cref="Literals"/>: finding one of them is finding it.</summary>
    internal bool Whole { get; }

    /// <summary>The <see cref="Literals"/> as one search, run before <see cref="Pattern"/> when no window scan answered for them.</summary>
    public Regex? Prefilter { get; }

    public bool IsMatch(ReadOnlySpan<char> window) => (Prefilter is null || Prefilter.IsMatch(window)) && PatternMatches(window);

    /// <summary>The pattern's linear-time stand-in: run first, and alone where it answers exactly.</summary>
    private readonly LinearPrefilter? _linear;

    private bool PatternMatches(ReadOnlySpan<char> window) => _linear switch
    {
        null => Pattern.IsMatch(window),
        _ when window.Length < LinearPrefilter.WorthFrom => Pattern.IsMatch(window),
        { Exact: true } => _linear.IsMatch(window),
        _ => _linear.IsMatch(window) && Pattern.IsMatch(window),
    };

    /// <summary>
    /// Whether the window holds the pattern, given whether a scan found one of its <see cref="Literals"/> there.
    /// </summary>
    public bool IsMatch(ReadOnlySpan<char> window, bool literalFound) => literalFound && (Whole || PatternMatches(window));

    /// <summary>Runs the compiled patterns once (see <see cref="RegexWarmUp"/>); false when the machine is too busy to.</summary>
    internal bool WarmUp() => (Prefilter is null || RegexWarmUp.TryRun(Prefilter)) && RegexWarmUp.TryRun(Pattern)
        && (_linear is null || RegexWarmUp.TryRun(_linear.Regex));

    /// <summary>The same check with its patterns compiled to IL, and its linear-time stand-in (costly to build, so not for short runs).</summary>
    public TimeCheck Compiled() =>
        new(new Regex(Pattern.ToString(), Pattern.Options | RegexOptions.Compiled, TimeGrammar.MatchTimeout), Literals, Whole, Whole ? null : LinearPrefilter.For(Pattern));

    public override string ToString() => Prefilter is null ? Pattern.ToString() : $"{Prefilter} ⇒ {Pattern}";
}
