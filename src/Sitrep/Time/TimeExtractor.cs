using System.Text.RegularExpressions;

namespace Sitrep.Time;

/// <summary>
/// Finds time expressions with one language's grammar and resolves them: every rule is matched,
/// the longest non-overlapping matches are kept, neighbours that read as one ("mardi" + "soir",
/// "demain" + "à 8h") are joined, then each is resolved against the reference.
/// </summary>
public static class TimeExtractor
{
    private sealed class Candidate(int start, int end, TimeFields a, TimeFields? b)
    {
        public int Start = start, End = end;
        public TimeFields A = a;
        public TimeFields? B = b;
    }

    /// <param name="text">The text to search (the folded text: same offsets as the original).</param>
    /// <param name="original">The text the spans are cut from.</param>
    /// <param name="reference">The publication date; null when unknown (only absolute dates get a value then).</param>
    public static void Extract(string text, string original, int start, int end, TimeGrammar grammar, TimeResolver? reference,
        List<TimeExpression> output)
    {
        var candidates = new List<Candidate>();
        var windows = Windows(text, start, end, grammar);
        var rules = windows.Count > 0 ? grammar.ActiveRules() : grammar.Rules;
        var checks = grammar.ActiveChecks();
        // Per window, whether each check has been run (1: found, 2: not found): a rule runs only where all it requires is found.
        Span<byte> found = checks.Count <= 256 ? stackalloc byte[checks.Count] : new byte[checks.Count];
        Span<bool> literals = checks.Count <= 256 ? stackalloc bool[checks.Count] : new bool[checks.Count];
        foreach (var (from, to) in windows)
        {
            found.Clear();
            literals.Clear();
            var window = text.AsSpan(from, to - from);
            var hasDigit = DigitRequirement.HasDigit(window);
            if (!hasDigit)
                foreach (var index in grammar.DigitChecks) found[index] = 2;
            var scanned = grammar.LiteralScan.Scan(window, literals);
            foreach (var rule in rules)
            {
                if (!hasDigit && rule.NeedsDigit) continue;
                if (!Possible(rule, window, checks, scanned ? grammar.LiteralScan.Covers : null, literals, found)) continue;
                if (rule.Linear is { } linear && window.Length >= LinearPrefilter.WorthFrom && !linear.IsMatch(window)) continue;
                for (var m = rule.Regex.Match(text, from, to - from); m.Success; m = m.NextMatch())
                {
                    if (m.Length == 0) continue;
                    var groups = TimeGroups.Of(rule.Regex);
                    if (TimeFields.Read(m, groups, grammar, "") is not { } a || a.IsEmpty) continue;
                    var b = rule.HasSecondEnd ? TimeFields.Read(m, groups, grammar, "2") : null;
                    if (b is { IsEmpty: true }) b = null;
                    candidates.Add(new Candidate(m.Index, m.Index + m.Length, a, b));
                }
            }
        }
        if (candidates.Count == 0) return;
        // "depuis", "à partir de", "until": markers that open an interval on what follows them.
        var markers = candidates.Where(c => c.B is null && c.A.IsMarker).ToList();
        candidates.RemoveAll(c => c.B is null && c.A.IsMarker);

        // Longest first, then leftmost, then the earlier rule; keep those that do not overlap.
        var ordered = candidates.Select((c, i) => (c, i)).OrderByDescending(x => x.c.End - x.c.Start).ThenBy(x => x.c.Start).ThenBy(x => x.i);
        var kept = new List<Candidate>();
        foreach (var (c, _) in ordered)
            if (!kept.Any(k => k.Start < c.End && c.Start < k.End)) kept.Add(c);
        kept.Sort((x, y) => x.Start.CompareTo(y.Start));

        foreach (var marker in markers)
        {
            var next = kept.FirstOrDefault(k => k.Start > marker.Start && k.Start <= marker.End
                || (k.Start >= marker.End && grammar.Joiner.IsMatch(text.AsSpan(marker.End, k.Start - marker.End))));
            if (next is null || next.B is not null || next.A.Since || next.A.Until || next.A.By) continue;
            if (kept.Any(k => k != next && k.End > marker.Start && k.Start < next.Start)) continue;
            next.Start = marker.Start;
            next.A.Since |= marker.A.Since;
            next.A.Until |= marker.A.Until;
            next.A.By |= marker.A.By;
        }

        // Join neighbours that say different things about one time.
        for (var i = 0; i + 1 < kept.Count;)
        {
            var (left, right) = (kept[i], kept[i + 1]);
            if (grammar.Joiner.IsMatch(text.AsSpan(left.End, right.Start - left.End)) && TryJoin(left, right))
            {
                left.End = right.End;
                kept.RemoveAt(i + 1);
            }
            else i++;
        }

        var unknown = new TimeResolver(new DateTime(2000, 1, 1), false, TimeBias.Past);
        foreach (var c in kept)
        {
            var absolute = IsAbsolute(c.A) && (c.B is null || IsAbsolute(c.B) || (c.B.Year is null && c.A.Year is not null && c.B.RelDay is null && c.B.Weekday is null));
            Resolved2? resolved;
            try
            {
                resolved = ResolveCandidate(c, reference ?? unknown);
            }
            catch (ArgumentOutOfRangeException)
            {
                continue; // a date beyond the calendar ("dans 999 ans" from year 9500): no value rather than a failed document
            }
            if (resolved is not { } r) continue;
            var known = reference is not null || absolute;
            var grain = r.Grain;
            var spanText = original[c.Start..c.End];
            if (!known)
            {
                output.Add(new TimeExpression(c.Start, c.End, spanText, null, grain, null, null));
                continue;
            }
            var from = TimeResolver.Format(r.Start, r.Grain);
            // The last unit included, at the grain; a quarter ends with its last month, a week (Monday to Sunday) with its Sunday.
            var to = r.EndGrain switch
            {
                TimeGrain.Quarter => TimeResolver.Format(r.End.AddMonths(-1), TimeGrain.Month),
                TimeGrain.Week => TimeResolver.Format(r.End.AddDays(-1), TimeGrain.Day),
                _ => TimeResolver.Format(TimeResolver.Add(r.End, r.EndGrain, -1), r.EndGrain),
            };
            if (r.OpenStart) to = TimeResolver.Format(r.Start, r.Grain);
            output.Add(new TimeExpression(c.Start, c.End, spanText, r.Interval ? null : from, grain, r.OpenStart ? null : from, r.OpenEnd ? null : to));
        }
    }

    /// <param name="covered">Per check, whether <paramref name="literals"/> (its literals found in the window) answers for it; null when the window was not scanned.</param>
    private static bool Possible(TimeRule rule, ReadOnlySpan<char> window, IReadOnlyList<TimeCheck> checks, bool[]? covered,
        ReadOnlySpan<bool> literals, Span<byte> found)
    {
        if (RuledOutByScan(rule, covered, literals, found)) return false;
        foreach (var index in rule.Requires)
        {
            if (found[index] == 0) found[index] = Holds(checks[index], index, window, covered, literals) ? (byte)1 : (byte)2;
            if (found[index] == 2) return false;
        }
        return true;
    }

    /// <summary>
    /// Whether the window scan alone (free) rules the rule out: a required check already found absent, or one
    /// whose literals the scan answers for and did not find. Asked before any check's own pattern runs: the
    /// rule's requirements are one conjunction, so the order they are answered in changes only the cost.
    /// </summary>
    internal static bool RuledOutByScan(TimeRule rule, bool[]? covered, ReadOnlySpan<bool> literals, Span<byte> found)
    {
        foreach (var index in rule.Requires)
        {
            if (found[index] == 2) return true;
            if (covered is not null && covered[index] && !literals[index])
            {
                found[index] = 2;
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether a check holds in the window: from the scan's literals where it answers for the check, else by the check's own search.</summary>
    internal static bool Holds(TimeCheck check, int index, ReadOnlySpan<char> window, bool[]? covered, ReadOnlySpan<bool> literals) =>
        covered is not null && covered[index] ? check.IsMatch(window, literals[index]) : check.IsMatch(window);

    private const int Before = 32, After = 40;

    /// <summary>
    /// The stretches of [start, end) worth matching: around each trigger (a digit, a month, a
    /// weekday, a unit…), from a few words before to a few words after, cut at word edges and merged.
    /// </summary>
    private static List<(int From, int To)> Windows(string text, int start, int end, TimeGrammar grammar)
    {
        var windows = new List<(int From, int To)>();
        var span = text.AsSpan(start, end - start);
        for (var i = 0; NextTrigger(span, ref i, grammar, out var length) is var index and >= 0;)
            AddWindow(windows, text, start, end, index + start, length);
        return windows;
    }

    /// <summary>
    /// The next trigger at or after <paramref name="i"/> in <paramref name="span"/> (its index, or -1 when none is
    /// left; <paramref name="i"/> moves past it): what grammar.Trigger.Match and NextMatch() find, without trying
    /// every position: a digit ("\d"), or a trigger word where a word starts ("(?&lt;![\p{L}\p{N}])") that begins
    /// like one.
    /// </summary>
    internal static int NextTrigger(ReadOnlySpan<char> span, ref int i, TimeGrammar grammar, out int length)
    {
        var words = grammar.ActiveTriggerWord();
        var starts = grammar.TriggerStarts;
        var filter = grammar.TriggerWordFilter();
        while (i < span.Length)
        {
            var index = i;
            if (char.IsDigit(span[i])) length = 1;
            else if (i > 0 && (char.IsLetter(span[i - 1]) || char.IsNumber(span[i - 1]))) { i++; continue; }
            else if (starts is not null && !starts.MayStartAt(span, i)) { i++; continue; }
            else
            {
                length = -1;
                if (filter is null || filter.IsMatch(span[i..]))
                    foreach (var word in words.EnumerateMatches(span, i))
                    {
                        length = word.Length;
                        break;
                    }
                if (length < 0) { i++; continue; }
            }
            i = length == 0 ? i + 1 : i + length;
            return index;
        }
        length = 0;
        return -1;
    }

    /// <summary>
    /// Opens a window around a trigger at [<paramref name="index"/>, +<paramref name="length"/>): a few
    /// words either side, widened to whole words, merged with the previous window when they touch.
    /// </summary>
    internal static void AddWindow(List<(int From, int To)> windows, string text, int start, int end, int index, int length)
    {
        var from = Math.Max(start, index - Before);
        while (from > start && !char.IsWhiteSpace(text[from - 1])) from--;
        var to = Math.Min(end, index + length + After);
        while (to < end && !char.IsWhiteSpace(text[to])) to++;
        if (windows.Count > 0 && from <= windows[^1].To) windows[^1] = (windows[^1].From, Math.Max(to, windows[^1].To));
        else windows.Add((from, to));
    }

    private static bool IsAbsolute(TimeFields f) =>
        f.Year is not null && f.RelDay is null && f.Unit is null && f.Season is null && f.Count is null && (f.Weekday is null || f.Day is not null);

    private static bool TryJoin(Candidate left, Candidate right)
    {
        if (left.B is null && right.B is null) return left.A.TryMerge(right.A);
        // An interval of hours and a day ("de 9h à 11h jeudi"): the day applies to both ends.
        var (interval, day) = left.B is not null ? (left, right) : (right, left);
        if (day.B is not null || !day.A.HasDate || day.A.HasTime || interval.A.HasDate || interval.B!.HasDate) return false;
        var copy = new TimeFields();
        copy.TryMerge(day.A);
        if (!interval.A.TryMerge(day.A) || !interval.B.TryMerge(copy)) return false;
        left.A = interval.A;
        left.B = interval.B;
        return true;
    }

    private static Resolved2? ResolveCandidate(Candidate c, TimeResolver resolver)
    {
        var a = c.A;
        if (c.B is not { } b)
        {
            if (resolver.Resolve(a) is not { } r) return null;
            // "by 2pm", "by the end of the month": from now to then, if then is still to come; else as "until".
            if (a.By)
            {
                var deadline = r.Interval || r.Grain >= TimeGrain.Day ? r.End : r.Start;
                if (deadline > resolver.Reference)
                    return new Resolved2(resolver.Reference, deadline, TimeGrain.Second, true, TimeGrain.Second);
                a.Until = true;
            }
            // "demain jusqu'à 16h": from the start of that day.
            if (a.Until && a.HasDate && a.HasTime)
                return new Resolved2(r.Start.Date, r.End, r.Grain, true, r.Grain);
            // "à partir du 8 mars", "avant 16h": one end open.
            return new Resolved2(r.Start, r.End, r.Grain, r.Interval || a.Since || a.Until, r.Grain, a.Until, a.Since);
        }
        // The start borrows what only the end says: "du 3 au 5 mars", "mars-avril 2019".
        if (a.Month is null && a.Day is not null && b.Month is not null) a.Month = b.Month;
        if (a.Year is null && (a.Month is not null) && b.Year is not null) a.Year = b.Year;
        // "3-4pm", "from 3:30 to 6:00pm": the start takes the end's half of the day.
        if (a.Hour is { } ah && b.Hour is { } bh && !a.Am && !a.Pm && a.Part is null && ah < 12)
        {
            if (b.Pm && ah <= (bh % 12)) a.Pm = true;
            else if (b.Pm && bh < 12) a.Pm = ah + 12 <= bh + 12;
        }
        if (resolver.Resolve(a) is not { } ra) return null;
        // The end borrows what only the start says, and comes after it.
        if (b.Year is null && b.Month is not null) b.Year = ra.Start.Year;
        if (b.Year is null && b.Month is null && b.Day is not null && !b.HasTime) { b.Month = ra.Start.Month; b.Year = ra.Start.Year; }
        if (!b.HasDate && b.HasTime && a.HasDate is false && a.HasTime)
        {
            // Hours on the same day as the start.
            b.Year = ra.Start.Year; b.Month = ra.Start.Month; b.Day = ra.Start.Day;
            if (b.Hour < 12 && a.Hour >= 12 && !b.Am) b.Pm = true;
            else if (b.Hour < ra.Start.Hour && b.Hour + 12 < 24 && !b.Am) b.Hour += 12;
        }
        else if (!b.HasDate && b.HasTime && a.HasDate)
        {
            b.Year = ra.Start.Year; b.Month = ra.Start.Month; b.Day = ra.Start.Day;
        }
        if (resolver.Resolve(b) is not { } rb) return null;
        if (rb.Start < ra.Start && b.Month is not null && b.Year == ra.Start.Year && c.B.Day is not null && rb.Grain <= TimeGrain.Month)
        {
            b.Year++;
            if (resolver.Resolve(b) is { } later) rb = later;
        }
        if (rb.End < ra.Start) return null;
        return new Resolved2(ra.Start, rb.End, ra.Grain, true, rb.Grain);
    }

    private readonly record struct Resolved2(DateTime Start, DateTime End, TimeGrain Grain, bool Interval, TimeGrain EndGrain,
        bool OpenStart = false, bool OpenEnd = false);
}
