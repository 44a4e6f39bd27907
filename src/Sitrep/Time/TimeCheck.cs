using System.Text.RegularExpressions;

namespace Sitrep.Time;

/// <summary>
/// Whether a window holds something some rule cannot match without: a piece of the grammar, tried only
/// where the literal strings it cannot match without (<see cref="LiteralFactors"/>) are found first.
/// </summary>
public sealed class TimeCheck(Regex pattern, Regex? prefilter)
{
    public Regex Pattern { get; } = pattern;

    /// <summary>Literal strings every match of <see cref="Pattern"/> contains one of, as one cheap search; null when none is known.</summary>
    public Regex? Prefilter { get; } = prefilter;

    public bool IsMatch(ReadOnlySpan<char> window) => (Prefilter is null || Prefilter.IsMatch(window)) && Pattern.IsMatch(window);

    /// <summary>The same check with its patterns compiled to IL.</summary>
    public TimeCheck Compiled() => new(Compile(Pattern), Prefilter is null ? null : Compile(Prefilter));

    private static Regex Compile(Regex regex) => new(regex.ToString(), regex.Options | RegexOptions.Compiled, TimeGrammar.MatchTimeout);

    public override string ToString() => Prefilter is null ? Pattern.ToString() : $"{Prefilter} ⇒ {Pattern}";
}
