using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace Sitrep.Time;

/// <summary>The groups a rule may name, each read by <see cref="TimeFields"/> (names in <see cref="TimeGroups.Name"/>).</summary>
internal enum TimeGroup
{
    Year,
    Month,
    Holiday,
    Day,
    Weekday,
    RelDay,
    Hour,
    Minute,
    Minus,
    N,
    Frac,
    Unit,
    Part,
    Season,
    AnySeason,
    ShiftN,
    Last,
    Next,
    This,
    LastWeek,
    NextWeek,
    ThisWeek,
    Ago,
    Within,
    Since,
    Until,
    By,
    Early,
    Mid,
    Late,
    Half1,
    Half2,
    PeriodAbbr,
    Quarter,
    Second,
    Now,
    LastNth,
    NthLast,
    Nth,
    Weekend,
    WeekOf,
    Plusweeks,
    Zone,
    In,
    Am,
    Pm,
}

/// <summary>
/// A rule's group numbers for every <see cref="TimeGroup"/>, found once per rule: <see cref="TimeFields"/> asks for all
/// 46 names at each match, most of which the rule does not have, and a look-up by name hashes each one.
/// </summary>
internal sealed class TimeGroups
{
    private static readonly string[] Names = ["year", "month", "holiday", "day", "weekday", "relday", "hour", "minute", "minus", "n", "frac", "unit", "part", "season", "anyseason", "shiftn", "last", "next", "this", "lastweek", "nextweek", "thisweek", "ago", "within", "since", "until", "by", "early", "mid", "late", "half1", "half2", "periodabbr", "quarter", "second", "now", "lastnth", "nthlast", "nth", "weekend", "weekof", "plusweeks", "zone", "in", "am", "pm"];

    private static readonly ConditionalWeakTable<Regex, TimeGroups> ByRegex = [];

    private readonly Regex _regex;
    private readonly int[] _plain, _second;

    private TimeGroups(Regex regex)
    {
        _regex = regex;
        _plain = Names.Select(regex.GroupNumberFromName).ToArray();
        _second = Names.Select(name => regex.GroupNumberFromName(name + "2")).ToArray();
    }

    /// <summary>The name a rule gives the group in its pattern (<c>(?&lt;year&gt;…)</c>).</summary>
    public static string Name(TimeGroup group) => Names[(int)group];

    public static TimeGroups Of(Regex regex) => ByRegex.GetValue(regex, r => new TimeGroups(r));

    /// <summary>The number of the group named <paramref name="group"/>'s name + <paramref name="suffix"/> ("" or "2": an interval's second end), or -1 when there is none.</summary>
    public int Number(TimeGroup group, string suffix) => suffix switch
    {
        "" => _plain[(int)group],
        "2" => _second[(int)group],
        _ => _regex.GroupNumberFromName(Name(group) + suffix),
    };
}
