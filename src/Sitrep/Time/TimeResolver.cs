using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Time;

/// <summary>How bare weekdays, months and hours are read: the most recent one, or the next one.</summary>
public enum TimeBias
{
    Past,
    Future,
}

/// <summary>The precision of a time value.</summary>
public enum TimeGrain
{
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>A time expression found in a text: its span and what it resolves to.</summary>
/// <param name="Value">The point at its grain ("2019-03-05", "2019-03", "2019-03-05T18:00:00"); null for a range or when unknown.</param>
/// <param name="From">First unit included, at the grain; null when unknown.</param>
/// <param name="To">Last unit included, at the grain; null when open or unknown.</param>
public sealed record TimeExpression(int Start, int End, string Text, string? Value, TimeGrain Grain, string? From, string? To);

/// <summary>What a match says, read from its named groups; part B holds the end of an interval.</summary>
public sealed class TimeFields
{
    public int? Year, Month, Day, Weekday, RelDay, Hour, Minute, Count, Shift, WeekShift;
    /// <summary>"half an hour", "2.5 hours": the part of a unit after <see cref="Count"/> (hours, minutes, days only).</summary>
    public double Fraction;
    public TimeGrain? Unit;
    public bool Ago, In, Am, Pm, Within, Since, Until;
    /// <summary>"by Friday", "by the end of the month": from the reference up to that time, when it is still to come.</summary>
    public bool By;
    /// <summary>-1 early, 0 middle, 1 late part of a month, year or week ("début mars", "fin 2019").</summary>
    public int? Sub;
    /// <summary>Where the early / middle / late part of a month, year, week lies ("1-10", "21-"), from the language's <c>period-part</c> list.</summary>
    public string? SubMonth, SubYear, SubWeek;
    public int? Quarter, Second;
    /// <summary>"le premier mercredi du mois", "the last Friday of October": 1..5, or -1 for the last.</summary>
    public int? Nth;
    public bool Now, Weekend, WeekOf;
    /// <summary>"3pm EST": the offset from UTC the clock time is written in, from the language's <c>zone</c> list.</summary>
    public TimeSpan? Zone;
    /// <summary>"mardi en huit": weeks after the next such weekday (today included).</summary>
    public int? PlusWeeks;
    public (int From, int To)? Part;
    public (int FromMonth, int FromDay, int ToMonth, int ToDay)? Season;
    /// <summary>"last season", "this season": the language's seasons, one to be picked around the reference.</summary>
    public List<(int FromMonth, int FromDay, int ToMonth, int ToDay)>? AnySeason;
    /// <summary>A holiday whose day moves from year to year ("11/4/4" Thanksgiving, "easter-2" Good Friday).</summary>
    public HolidayRule? Holiday;
    public bool HasDate => Year is not null || Month is not null || Day is not null || Weekday is not null || RelDay is not null || Holiday is not null;
    public bool HasTime => Hour is not null;
    /// <summary>Only says that an interval opens or closes here ("à partir de", "until").</summary>
    public bool IsMarker => (Since || Until || By) && !HasDate && !HasTime && Unit is null && Part is null && Season is null && Sub is null;
    public bool IsEmpty => !HasDate && !HasTime && Unit is null && Part is null && Season is null && AnySeason is null && !Since && !Until && !By && Sub is null && Quarter is null && !Now && !Weekend && Zone is null;

    /// <summary>Reads the groups named <c>name</c> + <paramref name="suffix"/>; false when a word is not in its list.</summary>
    public static TimeFields? Read(Match match, TimeGrammar grammar, string suffix) => Read(match, null, grammar, suffix);

    /// <param name="groups">The named groups of the pattern that made <paramref name="match"/>, found without a look-up by name; null to look them up.</param>
    internal static TimeFields? Read(Match match, TimeGroups? groups, TimeGrammar grammar, string suffix)
    {
        var f = new TimeFields();
        string? G(TimeGroup name) => (groups is null ? match.Groups[TimeGroups.Name(name) + suffix] : groups.Number(name, suffix) is var number and >= 0 ? match.Groups[number] : null)
            is { Success: true } g ? g.Value : null;
        if (G(TimeGroup.Year) is { } year)
        {
            if (grammar.Number(year) is not { } y) return null;
            f.Year = year.Trim().TrimStart('\'').Length <= 2 ? (y < 50 ? 2000 + y : 1900 + y) : y;
        }
        if (G(TimeGroup.Month) is { } month)
        {
            if (grammar.Word("month", month) is { } m) f.Month = int.Parse(m, CultureInfo.InvariantCulture);
            else if (grammar.Number(month) is { } n) f.Month = n;
            else return null;
            if (f.Month is < 1 or > 12) return null;
        }
        if (G(TimeGroup.Holiday) is { } holiday)
        {
            if (grammar.Word("holiday", holiday) is not { } hd) return null;
            if (grammar.HolidayRule(hd) is { } computed) f.Holiday = computed;
            else
            {
                // "12-25": a fixed day of the year.
                var dash = hd.IndexOf('-');
                f.Month = int.Parse(hd.AsSpan(0, dash), CultureInfo.InvariantCulture);
                f.Day = int.Parse(hd.AsSpan(dash + 1), CultureInfo.InvariantCulture);
            }
        }
        if (G(TimeGroup.Day) is { } day)
        {
            if (grammar.Number(day) is not { } d || d is < 1 or > 31) return null;
            f.Day = d;
        }
        if (G(TimeGroup.Weekday) is { } weekday)
        {
            if (grammar.Word("weekday", weekday) is not { } w) return null;
            f.Weekday = int.Parse(w, CultureInfo.InvariantCulture);
        }
        if (G(TimeGroup.RelDay) is { } relday)
        {
            if (grammar.Word("relday", relday) is not { } r) return null;
            f.RelDay = int.Parse(r, CultureInfo.InvariantCulture);
        }
        if (G(TimeGroup.Hour) is { } hour)
        {
            if (grammar.Number(hour) is not { } h || h > 24) return null;
            f.Hour = h == 24 ? 0 : h;
        }
        if (G(TimeGroup.Minute) is { } minute)
        {
            if (grammar.Number(minute) is not { } mi || mi > 59) return null;
            f.Minute = mi;
        }
        if (G(TimeGroup.Minus) is { } minus && f.Hour is { } hh && grammar.Number(minus) is { } mn)
        {
            f.Hour = (hh + 23) % 24;
            f.Minute = 60 - mn;
        }
        if (G(TimeGroup.N) is { } count)
        {
            if (grammar.Number(count) is not { } c) return null;
            f.Count = c;
            // "2.5 hours": digits after the point are a fraction in every language.
            var point = count.IndexOf('.');
            if (point > 0 && double.TryParse("0" + count[point..], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var rest))
                f.Fraction = rest;
        }
        if (G(TimeGroup.Frac) is { } fraction)
        {
            // "half", "a quarter", "3/4": a fraction of a unit; "1/2h" says the unit too.
            var parts = grammar.Word("fraction", fraction)?.Split(' ');
            if (parts is null || !double.TryParse(parts[0], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var share)) return null;
            f.Fraction += share;
            f.Count ??= 0;
            if (parts.Length > 1)
            {
                if (!Enum.TryParse<TimeGrain>(parts[1], true, out var fractionUnit)) return null;
                f.Unit = fractionUnit;
            }
        }
        if (G(TimeGroup.Unit) is { } unit)
        {
            // "fortnight: 2 week": a unit that counts several.
            var times = 1;
            if ((grammar.Word("unit", unit) ?? grammar.Word("unit-sign", unit)) is not { } u) return null;
            if (u.IndexOf(' ') is var space and > 0)
            {
                if (!int.TryParse(u.AsSpan(0, space), CultureInfo.InvariantCulture, out times)) return null;
                u = u[(space + 1)..];
            }
            if (!Enum.TryParse<TimeGrain>(u, true, out var grain)) return null;
            f.Unit = grain;
            if (times != 1 && f.Count is { } counted) f.Count = counted * times;
        }
        if (G(TimeGroup.Part) is { } part)
        {
            if (grammar.Word("part", part) is not { } p) return null;
            var dash = p.IndexOf('-');
            f.Part = (int.Parse(p.AsSpan(0, dash), CultureInfo.InvariantCulture), int.Parse(p.AsSpan(dash + 1), CultureInfo.InvariantCulture));
        }
        if (G(TimeGroup.Season) is { } season)
        {
            // "3-20/6-21": from March 20 up to (not including) June 21.
            if (grammar.Word("season", season) is not { } s) return null;
            var parts = s.Split('/', '-').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            f.Season = (parts[0], parts[1], parts[2], parts[3]);
        }
        if (G(TimeGroup.AnySeason) is not null)
        {
            f.AnySeason = [];
            foreach (var value in grammar.Values("season").Distinct())
            {
                var parts = value.Split('/', '-').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray();
                f.AnySeason.Add((parts[0], parts[1], parts[2], parts[3]));
            }
        }
        if (G(TimeGroup.ShiftN) is { } shiftBy)
        {
            // "two upcoming weeks": that many units ahead.
            if (grammar.Number(shiftBy) is not { } sb) return null;
            f.Shift = sb;
        }
        if (G(TimeGroup.Last) is not null) f.Shift = -1;
        if (G(TimeGroup.Next) is not null) f.Shift = 1;
        if (G(TimeGroup.This) is not null) f.Shift = 0;
        if (G(TimeGroup.LastWeek) is not null) f.WeekShift = -1;
        if (G(TimeGroup.NextWeek) is not null) f.WeekShift = 1;
        if (G(TimeGroup.ThisWeek) is not null) f.WeekShift = 0;
        f.Ago = G(TimeGroup.Ago) is not null;
        f.Within = G(TimeGroup.Within) is not null;
        f.Since = G(TimeGroup.Since) is not null;
        f.Until = G(TimeGroup.Until) is not null;
        f.By = G(TimeGroup.By) is not null;
        var kind = G(TimeGroup.Early) is not null ? "early" : G(TimeGroup.Mid) is not null ? "mid" : G(TimeGroup.Late) is not null ? "late"
            : G(TimeGroup.Half1) is not null ? "half1" : G(TimeGroup.Half2) is not null ? "half2" : null;
        if (G(TimeGroup.PeriodAbbr) is { } abbreviation)
        {
            // "EOM": "month late", a unit and a part of it.
            if (grammar.Word("period-abbreviation", abbreviation)?.Split(' ') is not [var unitName, var partName]
                || !Enum.TryParse<TimeGrain>(unitName, true, out var abbreviated)) return null;
            f.Unit = abbreviated;
            kind = partName;
        }
        if (kind is not null)
        {
            f.Sub = 0;
            f.SubMonth = grammar.Word("period-part", "month " + kind);
            f.SubYear = grammar.Word("period-part", "year " + kind);
            f.SubWeek = grammar.Word("period-part", "week " + kind);
        }
        if (G(TimeGroup.Quarter) is { } quarter)
        {
            if (grammar.Number(quarter) is not { } q || q is < 1 or > 4) return null;
            f.Quarter = q;
        }
        if (G(TimeGroup.Second) is { } second)
        {
            if (grammar.Number(second) is not { } sec || sec > 59) return null;
            f.Second = sec;
        }
        f.Now = G(TimeGroup.Now) is not null;
        if (G(TimeGroup.LastNth) is not null) f.Nth = -1;
        else if (G(TimeGroup.NthLast) is { } nthLast)
        {
            // "the third last week": counted back from the end.
            if (grammar.Number(nthLast) is not { } back || back is < 1 or > 5) return null;
            f.Nth = -back;
        }
        else if (G(TimeGroup.Nth) is { } nth)
        {
            if (grammar.Number(nth) is not { } nn || nn is < 1 or > 5) return null;
            f.Nth = nn;
        }
        f.Weekend = G(TimeGroup.Weekend) is not null;
        f.WeekOf = G(TimeGroup.WeekOf) is not null;
        if (G(TimeGroup.Plusweeks) is { } plus)
        {
            if (grammar.Word("plus-weeks", plus) is not { } pw) return null;
            f.PlusWeeks = int.Parse(pw, CultureInfo.InvariantCulture);
        }
        if (G(TimeGroup.Zone) is { } zone)
        {
            if (grammar.Word("zone", zone) is not { } z
                || !TimeSpan.TryParseExact(z.TrimStart('+', '-'), @"hh\:mm", CultureInfo.InvariantCulture, out var offset)) return null;
            f.Zone = z.StartsWith('-') ? -offset : offset;
        }
        f.In = G(TimeGroup.In) is not null;
        f.Am = G(TimeGroup.Am) is not null;
        f.Pm = G(TimeGroup.Pm) is not null;
        return f;
    }

    /// <summary>Adds what <paramref name="other"/> says to this; false when both say the same kind of thing.</summary>
    public bool TryMerge(TimeFields other)
    {
        if ((HasDate && other.HasDate) || (HasTime && other.HasTime) || (Unit is not null && other.Unit is not null)
            || (Part is not null && other.Part is not null) || Season is not null || other.Season is not null)
            return false;
        if ((Unit is not null && (other.HasDate || other.HasTime)) || (other.Unit is not null && (HasDate || HasTime)))
            return false;
        Holiday ??= other.Holiday; Year ??= other.Year; Month ??= other.Month; Day ??= other.Day; Weekday ??= other.Weekday; RelDay ??= other.RelDay;
        Hour ??= other.Hour; Minute ??= other.Minute; Part ??= other.Part; Shift ??= other.Shift; WeekShift ??= other.WeekShift;
        Zone ??= other.Zone;
        Am |= other.Am; Pm |= other.Pm; Since |= other.Since; Until |= other.Until; By |= other.By; Sub ??= other.Sub; SubMonth ??= other.SubMonth; SubYear ??= other.SubYear; SubWeek ??= other.SubWeek;
        return true;
    }
}

/// <summary>
/// A holiday whose date moves, as the language data writes it: "M/N/W" the Nth ISO weekday W of month M
/// (N = -1: the last), "easter" (Western Easter Sunday) or "@table" (a dated list in <see cref="HolidayTables"/>);
/// then a day offset ("+1", "-47"), "&lt;W" the ISO weekday W just before, and "..rule" the last day of a holiday that lasts.
/// </summary>
public sealed record HolidayRule(int Month, int Nth, int Weekday, bool Easter, int Offset)
{
    private static readonly Regex Pattern = new(@"^(?:(?<easter>easter)|@(?<table>[a-z](?:[a-z0-9]|-(?=[a-z]))*)|(?<month>\d{1,2})/(?<nth>-?[1-5])/(?<weekday>[1-7]))(?<offset>[+-]\d{1,3})?(?:<(?<before>[1-7]))?$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture, TimeGrammar.MatchTimeout);

    /// <summary>The days of a holiday listed per year, before the offset; null for a computed one.</summary>
    public IReadOnlyList<DateTime>? Table { get; init; }

    /// <summary>"&lt;5": the Friday just before the day (today excluded).</summary>
    public int? WeekdayBefore { get; init; }

    /// <summary>The last day of a holiday that lasts (Ramadan, Passover); null for a single day.</summary>
    public HolidayRule? Last { get; init; }

    /// <summary>The rule <paramref name="text"/> writes; null when it is not one (or names a table <paramref name="tables"/> lacks).</summary>
    public static HolidayRule? TryParse(string text, HolidayTables? tables = null)
    {
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        if (dots >= 0)
            return TryParse(text[..dots], tables) is { Last: null } first && TryParse(text[(dots + 2)..], tables) is { Last: null } last
                ? first with { Last = last } : null;
        if (Pattern.Match(text) is not { Success: true } m) return null;
        int N(string g) => m.Groups[g].Success ? int.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        IReadOnlyList<DateTime>? table = null;
        if (m.Groups["table"].Success && (table = tables?.Days(m.Groups["table"].Value)) is null) return null;
        return new HolidayRule(N("month"), N("nth"), N("weekday"), m.Groups["easter"].Success, N("offset"))
        {
            Table = table,
            WeekdayBefore = m.Groups["before"].Success ? N("before") : null,
        };
    }

    /// <summary>The holiday's (first) day in that year; null outside the calendar or the table.</summary>
    public DateTime? In(int year)
    {
        if (year is < 2 or > 9998) return null;
        if (Table is { } days)
        {
            foreach (var listed in days)
                if (Shift(listed) is var shifted && shifted.Year == year) return shifted;
            return null;
        }
        DateTime day;
        if (Easter) day = EasterSunday(year);
        else
        {
            var first = new DateTime(year, Month, 1);
            if (Nth > 0) day = first.AddDays((Weekday - Iso(first) + 7) % 7 + 7 * (Nth - 1));
            else
            {
                var last = first.AddMonths(1).AddDays(-1);
                day = last.AddDays(-((Iso(last) - Weekday + 7) % 7));
            }
        }
        return Shift(day);
    }

    /// <summary>The last day of the holiday that starts on <paramref name="first"/>: that day itself for a single day.</summary>
    public DateTime? LastDay(DateTime first)
    {
        if (Last is not { } last) return first;
        return last.In(first.Year) is { } end && end >= first ? end : last.In(first.Year + 1);
    }

    private DateTime Shift(DateTime day)
    {
        day = day.AddDays(Offset);
        if (WeekdayBefore is { } weekday)
            day = day.AddDays(-((Iso(day) - weekday + 6) % 7 + 1));
        return day;
    }

    private static int Iso(DateTime t) => ((int)t.DayOfWeek + 6) % 7 + 1;

    /// <summary>Western Easter Sunday (the anonymous Gregorian computus).</summary>
    private static DateTime EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateTime(year, month, day);
    }
}

/// <summary>A resolved span of time: [Start, End) at a grain, a point or an interval.</summary>
internal readonly record struct Resolved(DateTime Start, DateTime End, TimeGrain Grain, bool Interval, bool OpenEnd = false, bool OpenStart = false);

/// <summary>
/// Turns what a match says into dates, against a reference (the publication date) and a bias.
/// Language-neutral: the languages only say which words mean what.
/// </summary>
public sealed class TimeResolver
{
    private readonly DateTime _reference;
    private readonly bool _hasClock;
    private readonly TimeBias _bias;

    /// <summary>The reference as written (its clock time, when it has one).</summary>
    internal DateTime Reference => _hasClock ? _reference : _reference.Date;

    /// <summary>The reference's offset from UTC, when it gives one: a clock time said in another zone ("4pm CET") is told in the reference's.</summary>
    public TimeSpan? Offset { get; init; }

    public TimeResolver(DateTime reference, bool hasClock, TimeBias bias)
    {
        _reference = reference;
        _hasClock = hasClock;
        _bias = bias;
    }

    /// <summary>Parses an ISO date or date-time; the local clock time as written is the reference.</summary>
    public static bool TryParseReference(string? text, out DateTime reference, out bool hasClock) =>
        TryParseReference(text, out reference, out hasClock, out _);

    /// <summary>As above, with the offset from UTC the reference is written with (null when it gives none).</summary>
    public static bool TryParseReference(string? text, out DateTime reference, out bool hasClock, out TimeSpan? offset)
    {
        reference = default;
        offset = null;
        hasClock = false;
        if (string.IsNullOrWhiteSpace(text)) return false;
        text = text.Trim();
        if (text.Length >= 10 && DateTime.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            reference = date;
            if (text.Length >= 16 && (text[10] == 'T' || text[10] == ' ')
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withClock))
            {
                reference = withClock.DateTime;
                hasClock = true;
                if (ZoneSuffix.IsMatch(text)) offset = withClock.Offset;
            }
            return true;
        }
        return false;
    }

    private static readonly Regex ZoneSuffix = new(@"(?:[+-]\d\d:?\d\d|Z)$", RegexOptions.CultureInvariant, TimeGrammar.MatchTimeout);

    internal Resolved? Resolve(TimeFields f)
    {
        if (ResolveCore(f) is not { } r) return null;
        if (f.Sub is not { } sub || r.Interval) return r;
        // Early, middle or late part of a period, where the language's data puts them.
        static (int From, int? To)? Range(string? text)
        {
            if (text is null) return null;
            var dash = text.IndexOf('-');
            var from = int.Parse(text.AsSpan(0, dash), CultureInfo.InvariantCulture);
            return (from, dash + 1 < text.Length ? int.Parse(text.AsSpan(dash + 1), CultureInfo.InvariantCulture) : null);
        }
        switch (r.Grain)
        {
            case TimeGrain.Month when Range(f.SubMonth) is { } m:
                return new Resolved(r.Start.AddDays(m.From - 1), m.To is { } mt ? r.Start.AddDays(mt) : r.End, TimeGrain.Day, true);
            case TimeGrain.Year when Range(f.SubYear) is { } y:
                return new Resolved(r.Start.AddMonths(y.From - 1), y.To is { } yt ? r.Start.AddMonths(yt) : r.End, TimeGrain.Month, true);
            case TimeGrain.Week when Range(f.SubWeek) is { } w:
                return new Resolved(r.Start.AddDays(w.From - 1), w.To is { } wt ? r.Start.AddDays(wt) : r.End, TimeGrain.Day, true);
            default:
                return r;
        }
    }

    private Resolved? ResolveCore(TimeFields f)
    {
        var today = _reference.Date;
        if (f.Now)
            return _hasClock ? Point(_reference, TimeGrain.Second) : Point(today, TimeGrain.Day);
        if (f.Weekend && f.Month is not null && f.Nth is { } nthWeekend)
        {
            // "the last weekend of October": from that Friday 18:00 to Monday.
            var friday = ResolveCore(new TimeFields { Month = f.Month, Year = f.Year, Shift = f.Shift, Nth = nthWeekend, Weekday = 5 });
            return friday is { } fr ? new Resolved(fr.Start.AddHours(18), fr.Start.AddDays(3), TimeGrain.Hour, true) : null;
        }
        if (f.Weekend)
        {
            // Friday 18:00 to Monday 00:00 of this week, or the week before / after.
            var monday = Truncate(_reference, TimeGrain.Week).AddDays(7 * (f.Shift ?? 0));
            // Read backward, "this weekend" before Friday evening is the one just past.
            if (_bias == TimeBias.Past && f.Shift is null or 0 && monday.AddDays(4).AddHours(18) > _reference) monday = monday.AddDays(-7);
            return new Resolved(monday.AddDays(4).AddHours(18), monday.AddDays(7), TimeGrain.Hour, true);
        }
        if (f.Quarter is { } quarter)
        {
            var year = f.Year ?? today.Year + (f.Shift ?? 0);
            return Point(new DateTime(year, quarter * 3 - 2, 1), TimeGrain.Quarter);
        }
        // "le premier mercredi du mois prochain", "the last Friday of October"
        if (f.Nth is { } nthDay && f.Weekday is { } nthWeekday && f.Day is null)
        {
            DateTime monthStart;
            if (f.Month is not null)
            {
                if (ResolveDate(f, out var m, out _) is not true) return null;
                monthStart = m;
            }
            else monthStart = Truncate(_reference, TimeGrain.Month).AddMonths(f.Shift ?? 0);
            int Iso(DateTime t) => ((int)t.DayOfWeek + 6) % 7 + 1;
            var found = nthDay > 0
                ? monthStart.AddDays((nthWeekday - Iso(monthStart) + 7) % 7 + 7 * (nthDay - 1))
                : monthStart.AddMonths(1).AddDays(-1 - (Iso(monthStart.AddMonths(1).AddDays(-1)) - nthWeekday + 7) % 7);
            return found.Month == monthStart.Month ? Point(found, TimeGrain.Day) : null;
        }
        // "the last day of October", "the second last week of 2018": days, or whole weeks (Monday to Sunday), of a month or year.
        if (f.Nth is { } nthUnit && f.Weekday is null && f.Unit is TimeGrain.Day or TimeGrain.Week && (f.Month is not null || f.Year is not null) && f.Day is null)
        {
            if (ResolveDate(f, out var from, out var containerGrain) is not true) return null;
            var to = Add(from, containerGrain, 1);
            if (f.Unit == TimeGrain.Day)
            {
                var dayOf = nthUnit > 0 ? from.AddDays(nthUnit - 1) : to.AddDays(nthUnit);
                return dayOf >= from && dayOf < to ? Point(dayOf, TimeGrain.Day) : null;
            }
            var firstWeek = from.AddDays((8 - (int)from.DayOfWeek) % 7);
            var lastWeek = Truncate(to, TimeGrain.Week).AddDays(-7);
            var week = nthUnit > 0 ? firstWeek.AddDays(7 * (nthUnit - 1)) : lastWeek.AddDays(7 * (nthUnit + 1));
            return week >= from && week.AddDays(7) <= to ? Point(week, TimeGrain.Week) : null;
        }
        // "the 20th of next month"
        if (f.Day is { } dom && f.Month is null && f.Year is null && f.Unit == TimeGrain.Month)
        {
            var month = Truncate(_reference, TimeGrain.Month).AddMonths(f.Shift ?? 0);
            return Safe(month.Year, month.Month, dom) is { } d ? Point(d, TimeGrain.Day) : null;
        }
        // "3 fridays from now", "2 thursdays ago": the Nth such weekday ahead or back, today excluded.
        if (f.Count is { } nth && f.Unit is null && f.Weekday is { } countedWeekday && (f.Ago || f.In) && !f.HasTime && f.Day is null && f.Month is null)
        {
            var first = ResolveWeekday(countedWeekday, f.Ago ? -1 : 1, null);
            return Point(first.AddDays((f.Ago ? -7 : 7) * (nth - 1)), TimeGrain.Day);
        }
        // "il y a trois jours", "in two hours"
        if (f.Count is { } n && f.Unit is { } unit && (f.Ago || f.In))
        {
            if (f.Within)
            {
                // "il y a moins d'une semaine": from then up to the reference.
                var then = Add(today, unit < TimeGrain.Day ? TimeGrain.Day : unit, f.Ago ? -n : n);
                return f.Ago ? new Resolved(then, today.AddDays(1), TimeGrain.Day, true) : new Resolved(today, then.AddDays(1), TimeGrain.Day, true);
            }
            var sign = f.Ago ? -1 : 1;
            var at = Add(_hasClock ? _reference : today, unit, sign * n);
            if (f.Fraction > 0 && unit is TimeGrain.Minute or TimeGrain.Hour or TimeGrain.Day)
                at = at.AddSeconds(sign * Math.Round(f.Fraction * (Add(DateTime.MinValue, unit, 1) - DateTime.MinValue).TotalSeconds));
            var grain = unit switch
            {
                TimeGrain.Second => TimeGrain.Second,
                TimeGrain.Minute or TimeGrain.Hour => TimeGrain.Minute,
                TimeGrain.Year => TimeGrain.Month,
                _ => TimeGrain.Day,
            };
            if (!_hasClock && grain < TimeGrain.Day) grain = TimeGrain.Day;
            return Point(Truncate(at, grain), grain);
        }
        // "les trois derniers jours", "the next 3 weeks"
        if (f.Count is { } count && f.Unit is { } u2 && f.Shift is { } dir && dir != 0)
        {
            var anchor = Truncate(_reference, u2);
            return dir > 0
                ? new Resolved(Add(anchor, u2, 1), Add(anchor, u2, 1 + count), u2, true)
                : new Resolved(Add(anchor, u2, -count), anchor, u2, true);
        }
        // "la semaine dernière", "this month", "l'an prochain"
        if (f.Unit is { } u && f.Count is null && !f.HasDate)
        {
            var shift = f.Shift ?? 0;
            var start = Add(Truncate(_reference, u), u, shift);
            return Point(start, u);
        }
        if (f.AnySeason is { Count: > 0 } seasons)
        {
            // Every season's spans around the reference, in order: the one holding it, or the one before / after.
            var spans = new SortedDictionary<DateTime, DateTime>();
            for (var y = today.Year - 2; y <= today.Year + 1; y++)
                foreach (var (fm, fd, tm, td) in seasons)
                {
                    var from = new DateTime(y, fm, fd);
                    var to = new DateTime(tm < fm ? y + 1 : y, tm, td);
                    spans.TryAdd(from, to);
                }
            var ordered = spans.ToList();
            var current = ordered.FindLastIndex(x => x.Key <= today);
            var pick = current + (f.Shift ?? 0);
            return current >= 0 && pick >= 0 && pick < ordered.Count ? new Resolved(ordered[pick].Key, ordered[pick].Value, TimeGrain.Day, true) : null;
        }
        if (f.Season is { } s)
        {
            var year = f.Year ?? today.Year + (f.Shift ?? 0);
            var from = new DateTime(year, s.FromMonth, s.FromDay);
            var to = new DateTime(year, s.ToMonth, s.ToDay);
            if (to < from)
            {
                // Winter spans two years: the one that contains or follows the reference.
                if (today < to) from = from.AddYears(-1); else to = to.AddYears(1);
            }
            else if (f.Shift is null && f.Year is null)
            {
                if (_bias == TimeBias.Future && to <= today) { from = from.AddYears(1); to = to.AddYears(1); }
                if (_bias == TimeBias.Past && from > today) { from = from.AddYears(-1); to = to.AddYears(-1); }
            }
            return new Resolved(from, to, TimeGrain.Day, true);
        }

        DateTime? day = null;
        var dayGrain = TimeGrain.Day;
        if (f.Holiday is { } holiday)
        {
            // The year said, else this year's if it is still to come (or, read backward, past), else the next / previous one.
            // "MLK day of last year": the holiday in the year said by its shift.
            var yearSaid = f.Year ?? (f.Unit == TimeGrain.Year && f.Shift is { } yearShift ? today.Year + yearShift : null);
            var year = yearSaid ?? today.Year;
            if (holiday.In(year) is not { } h) return null;
            if (yearSaid is null)
            {
                var forward = f.Shift is 1 or 0 || (f.Shift is null && _bias == TimeBias.Future);
                if (forward && h < today) h = holiday.In(year + 1) ?? h;
                else if (f.Shift == -1 ? h >= today : !forward && h > today) h = holiday.In(year - 1) ?? h;
            }
            day = h;
            // A holiday that lasts (Ramadan, Passover): all its days.
            if (holiday.Last is not null && f.Hour is null && f.Part is null)
                return holiday.LastDay(h) is { } lastDay ? new Resolved(h, lastDay.AddDays(1), TimeGrain.Day, true) : null;
        }
        else if (f.RelDay is { } offset)
            day = today.AddDays(offset);
        else if (f.Year is not null || f.Month is not null || f.Day is not null)
        {
            if (ResolveDate(f, out var d, out dayGrain) is not true) return null;
            day = d;
        }
        else if (f.Weekday is { } wd && f.PlusWeeks is { } plusWeeks)
            day = today.AddDays((wd - (((int)today.DayOfWeek + 6) % 7 + 1) + 7) % 7 + 7 * plusWeeks);
        else if (f.Weekday is { } wd2)
            day = ResolveWeekday(wd2, f.Shift, f.WeekShift);
        // "la semaine du 7 octobre": the week that holds the day.
        if (f.WeekOf && day is { } inWeek && f.Hour is null && f.Part is null)
            return Point(Truncate(inWeek, TimeGrain.Week), TimeGrain.Week);

        if (f.Hour is { } hour)
        {
            if ((f.Pm || (f.Part is { } p && p.From >= 12)) && hour < 12) hour += 12;
            if (f.Am && hour == 12) hour = 0;
            var grain = f.Second is not null ? TimeGrain.Second : f.Minute is null ? TimeGrain.Hour : TimeGrain.Minute;
            var baseDay = day ?? today;
            var at = baseDay.AddHours(hour).AddMinutes(f.Minute ?? 0).AddSeconds(f.Second ?? 0);
            // Read forward, a time in the reference's own hour ("4:23" at 4:30) is still this one, as Duckling reads it.
            if (day is null && _hasClock && _bias == TimeBias.Future && Truncate(at, TimeGrain.Hour) < Truncate(_reference, TimeGrain.Hour))
            {
                // A 12-hour reading ("3:30" at 4:30 in the morning) is the next one: 15:30 today, else tomorrow.
                var twelve = !f.Am && !f.Pm && f.Part is null && hour is >= 1 and < 12;
                at = twelve && at.AddHours(12) >= Truncate(_reference, grain) ? at.AddHours(12) : at.AddDays(1);
            }
            if (f.Zone is { } zone && Offset is { } offset)
            {
                // "8:00 GMT" read at a reference two hours behind UTC: 06:00.
                at = at - zone + offset;
                grain = grain == TimeGrain.Hour ? TimeGrain.Minute : grain;
            }
            return Point(at, grain);
        }
        if (f.Part is { } part)
        {
            var baseDay = day ?? today;
            return new Resolved(baseDay.AddHours(part.From), baseDay.AddHours(part.To), TimeGrain.Hour, true);
        }
        return day is { } value ? Point(value, dayGrain) : null;
    }

    private bool? ResolveDate(TimeFields f, out DateTime date, out TimeGrain grain)
    {
        date = default;
        var today = _reference.Date;
        grain = f.Day is not null ? TimeGrain.Day : f.Month is not null ? TimeGrain.Month : TimeGrain.Year;
        if (f.Year is { } y && f.Month is null)
        {
            if (f.Day is not null || y < 1 || y > 9999) return false;
            date = new DateTime(y, 1, 1);
            return true;
        }
        if (f.Month is { } m)
        {
            var year = f.Year ?? today.Year;
            var d = f.Day ?? 1;
            if (f.Year is null && f.Day is not null && f.Weekday is { } weekday)
            {
                // "Sunday, Feb 10": the nearest year in which that day is that weekday.
                foreach (var delta in new[] { 0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6 })
                    if (Safe(today.Year + delta, m, d) is { } c && ((int)c.DayOfWeek + 6) % 7 + 1 == weekday)
                    {
                        date = c;
                        return true;
                    }
            }
            if (f.Year is null)
            {
                var candidate = Safe(year, m, d);
                if (candidate is null) return false;
                var reference = f.Day is null ? new DateTime(today.Year, today.Month, 1) : today;
                if (f.Shift == 1 || (f.Shift is null && _bias == TimeBias.Future)) { if (candidate < reference) year++; }
                else if (f.Shift == -1 ? candidate >= reference : candidate > reference) year--;
            }
            if (Safe(year, m, d) is not { } dt) return false;
            date = dt;
            return true;
        }
        // A day of the month alone ("le 16"): this month or the next / previous one.
        var dayOfMonth = f.Day!.Value;
        var month = new DateTime(today.Year, today.Month, 1);
        for (var i = 0; i < 28; i++)
        {
            var step = _bias == TimeBias.Future ? i : -i;
            var candidateMonth = month.AddMonths(step);
            // "jeudi 15": the nearest month in which the 15th is a Thursday.
            if (Safe(candidateMonth.Year, candidateMonth.Month, dayOfMonth) is { } c
                && (_bias == TimeBias.Future ? c >= today : c <= today)
                && (f.Weekday is not { } wd || ((int)c.DayOfWeek + 6) % 7 + 1 == wd))
            {
                date = c;
                return true;
            }
        }
        return false;
    }

    private DateTime ResolveWeekday(int isoWeekday, int? shift, int? weekShift)
    {
        var today = _reference.Date;
        var todayIso = ((int)today.DayOfWeek + 6) % 7 + 1;
        if (weekShift is { } ws)
            return today.AddDays(1 - todayIso + 7 * ws + isoWeekday - 1);
        var ahead = (isoWeekday - todayIso + 7) % 7;   // 0..6 days to the next one, today included
        var behind = (todayIso - isoWeekday + 7) % 7;  // 0..6 days back to the last one, today included
        return shift switch
        {
            1 => today.AddDays(ahead == 0 ? 7 : ahead),
            -1 => today.AddDays(-(behind == 0 ? 7 : behind)),
            // Forward, a bare weekday is the next one (Duckling's reading); backward, today counts.
            _ => _bias == TimeBias.Future ? today.AddDays(ahead == 0 ? 7 : ahead) : today.AddDays(-behind),
        };
    }

    private static DateTime? Safe(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
            ? new DateTime(year, month, day) : null;

    private static Resolved Point(DateTime start, TimeGrain grain) => new(start, Add(start, grain, 1), grain, false);

    internal static DateTime Add(DateTime t, TimeGrain grain, int n) => grain switch
    {
        TimeGrain.Second => t.AddSeconds(n),
        TimeGrain.Minute => t.AddMinutes(n),
        TimeGrain.Hour => t.AddHours(n),
        TimeGrain.Day => t.AddDays(n),
        TimeGrain.Week => t.AddDays(7 * n),
        TimeGrain.Month => t.AddMonths(n),
        TimeGrain.Quarter => t.AddMonths(3 * n),
        _ => t.AddYears(n),
    };

    internal static DateTime Truncate(DateTime t, TimeGrain grain) => grain switch
    {
        TimeGrain.Second => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second),
        TimeGrain.Minute => new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, 0),
        TimeGrain.Hour => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0),
        TimeGrain.Day => t.Date,
        TimeGrain.Week => t.Date.AddDays(-(((int)t.DayOfWeek + 6) % 7)),
        TimeGrain.Month => new DateTime(t.Year, t.Month, 1),
        TimeGrain.Quarter => new DateTime(t.Year, (t.Month - 1) / 3 * 3 + 1, 1),
        _ => new DateTime(t.Year, 1, 1),
    };

    internal static string Format(DateTime t, TimeGrain grain) => grain switch
    {
        TimeGrain.Year => t.ToString("yyyy", CultureInfo.InvariantCulture),
        TimeGrain.Month or TimeGrain.Quarter => t.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        TimeGrain.Day or TimeGrain.Week => t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => t.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
    };
}
