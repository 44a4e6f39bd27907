using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Recognizers.Text;
using Microsoft.Recognizers.Text.DateTime;
using Sitrep.Time;

namespace Sitrep.Bench;

/// <summary>
/// Microsoft.Recognizers.Text's DateTime model, its results put in our shape so that the time
/// benchmark scores both the same way: a date, a date-time, a time (on the reference day) becomes a
/// value; a range its start and end (exclusive, as Recognizers gives it). Where it offers a past and
/// a future reading, the future one is taken, as the benchmark's bias is.
/// </summary>
internal sealed class RecognizersPeer
{
    private readonly DateTimeModel _model;

    /// <summary>
    /// Recognizers leaves a leading preposition or article out of its spans ("on [2/15]", "à [15h]"):
    /// scoring it, these may stay uncovered, so that it is not failed for a convention.
    /// </summary>
    public static readonly Regex LeadingWords = new(@"^\s*(?:(?:on|at|in|the|around|about|during|for|by|le|la|les|l'|à|a|au|en|vers|du|de|dans|pour)\s*)+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));

    public RecognizersPeer(string language) =>
        _model = new DateTimeRecognizer(language == "fr" ? Culture.French : Culture.English).GetDateTimeModel();

    public void Extract(string text, DateTime reference, List<TimeExpression> output)
    {
        foreach (var result in _model.Parse(text, reference))
        {
            if (result.Resolution is null || !result.Resolution.TryGetValue("values", out var raw) || raw is not IEnumerable<Dictionary<string, string>> values)
                continue;
            var chosen = values.LastOrDefault();
            if (chosen is null) continue;
            var (value, from, to, grain) = Read(chosen, reference);
            if (value is null && from is null && to is null) continue;
            output.Add(new TimeExpression(result.Start, result.End + 1, result.Text, value, grain, from ?? value, to ?? value));
        }
    }

    private static (string? Value, string? From, string? To, TimeGrain Grain) Read(Dictionary<string, string> v, DateTime reference)
    {
        var type = v.GetValueOrDefault("type");
        var timex = v.GetValueOrDefault("timex") ?? "";
        string? Iso(string? s)
        {
            if (string.IsNullOrEmpty(s)) return null;
            // A bare time ("16:00:00") is on the reference day.
            if (s.Length <= 8 && s.Contains(':')) s = reference.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + s;
            return s.Replace(' ', 'T');
        }
        var grain = GrainOf(timex);
        return type switch
        {
            "date" or "datetime" or "time" => (Iso(v.GetValueOrDefault("value")), null, null, grain),
            "daterange" or "datetimerange" or "timerange" => v.ContainsKey("start") && v.ContainsKey("end") && IsWholeUnit(timex)
                // "2013-W08", "2013-03", "2014": a week, month or year as a value too.
                ? (Iso(v["start"]), Iso(v["start"]), Iso(v["end"]), grain)
                : (null, Iso(v.GetValueOrDefault("start")), Iso(v.GetValueOrDefault("end")), grain),
            _ => (null, null, null, grain),
        };
    }

    private static bool IsWholeUnit(string timex) => !timex.StartsWith('(') && !timex.Contains('T');

    private static TimeGrain GrainOf(string timex) =>
        timex.Contains("-W") ? TimeGrain.Week
        : timex.Contains('Q') ? TimeGrain.Quarter
        : timex.Contains('T') ? (timex.Count(c => c == ':') >= 2 ? TimeGrain.Second : timex.Contains(':') ? TimeGrain.Minute : TimeGrain.Hour)
        : timex.Length == 4 ? TimeGrain.Year
        : timex.Length == 7 ? TimeGrain.Month
        : TimeGrain.Day;
}
