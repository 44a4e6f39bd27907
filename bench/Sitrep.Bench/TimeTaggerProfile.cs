using System.Text.RegularExpressions;
using Sitrep.Time;

namespace Sitrep.Bench;

/// <summary>
/// Where the time tagger spends its CPU on news text, re-enacting what <see cref="TimeExtractor"/> does per
/// paragraph from the grammar's public parts: the trigger scan that opens windows (a digit, or a word of a
/// trigger list, then 32 characters before and 40 after, widened to word edges and merged), then every
/// rule whose required pieces are found in the window (after its linear-time stand-in, once compiled). Counts and thread CPU time per rule and per trigger.
/// An experiment to guide work on <c>lang/*/time.yaml</c> and <c>src/Sitrep/Time</c>; it changes nothing.
/// </summary>
internal sealed class TimeTaggerProfile
{
    private readonly Dictionary<TimeRule, (long Nanoseconds, int Runs, int Skipped, int Matches)> _rules = [];
    private readonly Dictionary<TimeCheck, (long Nanoseconds, int Runs, int Found)> _checks = [];
    private readonly Dictionary<string, int> _triggers = new(StringComparer.Ordinal);
    private long _scanNanoseconds, _checkNanoseconds, _literalScanNanoseconds, _characters, _windowCharacters;
    private int _paragraphs, _windows;

    public void Add(Document document, IReadOnlyDictionary<string, TimeGrammar> grammars)
    {
        var text = document.FoldedText;
        foreach (var paragraph in document.Paragraphs)
        {
            if (!grammars.TryGetValue(paragraph.Language, out var grammar)) continue;
            _paragraphs++;
            _characters += paragraph.Span.Length;
            var start = ThreadCpuClock.Now();
            var windows = Windows(text, paragraph.Span.Start, paragraph.Span.End, grammar);
            _scanNanoseconds += ThreadCpuClock.Now() - start;
            var checks = grammar.ActiveChecks();
            var rules = grammar.ActiveRules();
            foreach (var (from, to) in windows)
            {
                _windows++;
                _windowCharacters += to - from;
                // Which rules may match, all at once: the same checks, in the same order, as rule by rule (what the scan rules out first).
                var found = new byte[checks.Count];
                var possible = new bool[rules.Count];
                var window = text.AsSpan(from, to - from);
                var literals = new bool[checks.Count];
                var scanStart = ThreadCpuClock.Now();
                var covered = grammar.LiteralScan.Scan(window, literals) ? grammar.LiteralScan.Covers : null;
                var scanSpent = Math.Max(0, ThreadCpuClock.Now() - scanStart - ClockCost);
                _checkNanoseconds += scanSpent;
                _literalScanNanoseconds += scanSpent;
                for (var r = 0; r < rules.Count; r++)
                {
                    possible[r] = true;
                    if (TimeExtractor.RuledOutByScan(rules[r], covered, literals, found)) { possible[r] = false; continue; }
                    foreach (var index in rules[r].Requires)
                    {
                        if (found[index] == 0)
                        {
                            var checkStart = ThreadCpuClock.Now();
                            found[index] = TimeExtractor.Holds(checks[index], index, window, covered, literals) ? (byte)1 : (byte)2;
                            var spent = Math.Max(0, ThreadCpuClock.Now() - checkStart - ClockCost);
                            var (checkNanoseconds, checkRuns, checkFound) = _checks.GetValueOrDefault(checks[index]);
                            _checks[checks[index]] = (checkNanoseconds + spent, checkRuns + 1, checkFound + (found[index] == 1 ? 1 : 0));
                            _checkNanoseconds += spent;
                        }
                        if (found[index] == 2) { possible[r] = false; break; }
                    }
                }
                for (var r = 0; r < rules.Count; r++)
                {
                    var rule = rules[r];
                    var (nanoseconds, runs, skipped, matches) = _rules.GetValueOrDefault(rule);
                    if (!possible[r]) { _rules[rule] = (nanoseconds, runs, skipped + 1, matches); continue; }
                    start = ThreadCpuClock.Now();
                    // As the extractor does: the rule's linear-time stand-in first, where the window is long enough.
                    if (rule.Linear is not { } linear || window.Length < LinearPrefilter.WorthFrom || linear.IsMatch(window))
                        for (var m = rule.Regex.Match(text, from, to - from); m.Success; m = m.NextMatch()) matches++;
                    _rules[rule] = (nanoseconds + Math.Max(0, ThreadCpuClock.Now() - start - ClockCost), runs + 1, skipped, matches);
                }
            }
        }
    }

    /// <summary>What reading the clock itself costs (a system call), taken off every measurement.</summary>
    private static readonly long ClockCost = MeasureClockCost();

    private static long MeasureClockCost()
    {
        var best = long.MaxValue;
        for (var i = 0; i < 1000; i++)
        {
            var start = ThreadCpuClock.Now();
            best = Math.Min(best, ThreadCpuClock.Now() - start);
        }
        return best;
    }

    private List<(int From, int To)> Windows(string text, int start, int end, TimeGrammar grammar)
    {
        var windows = new List<(int From, int To)>();
        var span = text.AsSpan(start, end - start);
        for (var i = 0; TimeExtractor.NextTrigger(span, ref i, grammar, out var length) is var found and >= 0;)
        {
            var index = found + start;
            // "mo…": the trigger word matched the start of a longer word ("morts").
            var key = length == 1 && char.IsDigit(text[index]) ? "(a digit)"
                : text.Substring(index, length).ToLowerInvariant() + (index + length < end && char.IsLetter(text[index + length]) ? "…" : "");
            _triggers[key] = _triggers.GetValueOrDefault(key) + 1;
            TimeExtractor.AddWindow(windows, text, start, end, index, length);
        }
        return windows;
    }

    public void Print(int documents)
    {
        var ruleNanoseconds = _rules.Values.Sum(r => r.Nanoseconds);
        var total = _scanNanoseconds + _checkNanoseconds + ruleNanoseconds;
        Console.WriteLine($"times, re-enacted on {documents} documents ({_paragraphs} paragraphs): {total / 1e3 / documents:0} µs/doc");
        Console.WriteLine($"  trigger scan {100.0 * _scanNanoseconds / total:0}%, required-piece checks {100.0 * _checkNanoseconds / total:0}% (of which the literal scan {100.0 * _literalScanNanoseconds / total:0}%), rules {100.0 * ruleNanoseconds / total:0}%");
        Console.WriteLine($"  {_windows / (double)_paragraphs:0.0} windows per paragraph covering {100.0 * _windowCharacters / _characters:0}% of the text; {_rules.Count} rules");
        // Counts, unlike CPU shares, do not move with the machine's load: how many checks and rules were asked a document.
        Console.WriteLine($"  per document: {_checks.Values.Sum(c => c.Runs) / (double)documents:0.0} checks answered, {_rules.Values.Sum(r => r.Runs) / (double)documents:0.0} rules run");
        var triggerTotal = _triggers.Values.Sum();
        var prefixes = _triggers.Where(t => t.Key.EndsWith('…')).Sum(t => t.Value);
        Console.WriteLine($"  {100.0 * prefixes / triggerTotal:0}% of the triggers are the start of a longer word (marked …)");
        Console.WriteLine($"  triggers ({triggerTotal}), most frequent: " + string.Join(", ",
            _triggers.OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(20).Select(t => $"{t.Key} {100.0 * t.Value / triggerTotal:0}%")));
        Console.WriteLine($"  {"check",-22} {"CPU",6} {"runs",7} {"found",8} pattern (start)");
        foreach (var (check, (nanoseconds, runs, found)) in _checks.OrderByDescending(c => c.Value.Nanoseconds).Take(8))
        {
            var pattern = check.ToString();
            Console.WriteLine($"  {"",-22} {100.0 * nanoseconds / total,5:0.0}% {runs,7} {found,8} {pattern[..Math.Min(90, pattern.Length)]}…({pattern.Length} chars)");
        }
        Console.WriteLine($"  {"rule",-22} {"CPU",6} {"runs",7} {"skipped",8} {"matches",8} pattern (start)");
        foreach (var (rule, (nanoseconds, runs, skipped, matches)) in _rules.OrderByDescending(r => r.Value.Nanoseconds).Take(15))
        {
            var pattern = rule.Regex.ToString();
            Console.WriteLine($"  {rule.Source,-22} {100.0 * nanoseconds / total,5:0.0}% {runs,7} {skipped,8} {matches,8} {pattern[..Math.Min(90, pattern.Length)]}…({pattern.Length} chars)");
        }
    }
}
