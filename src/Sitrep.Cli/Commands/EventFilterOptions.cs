using System.CommandLine;
using Sitrep.Storage;

namespace Sitrep.Cli.Commands;

/// <summary>The event filters <c>sitrep events</c> and <c>sitrep export</c> share, defined once so their names and help stay the same.</summary>
internal sealed class EventFilterOptions
{
    private readonly Option<string?> _type = new("--type") { Description = "PLOVER type (ASSAULT, PROTEST, ACCUSE…).", HelpName = "PLOVER" };
    private readonly Option<string?> _acled = new("--acled") { Description = "ACLED event type or sub-type (\"Battles\", \"Air/drone strike\").", HelpName = "TYPE" };
    private readonly Option<string?> _country = new("--country") { Description = "Country of the event's place, ISO 3166 alpha-2 or alpha-3 (SY, SYR).", HelpName = "ISO" };
    private readonly Option<string?> _actor = new("--actor") { Description = "Words in either actor's text, name, code or country.", HelpName = "TEXT" };
    private readonly Option<string?> _since = new("--since") { Description = "Events on or after this date (YYYY-MM-DD, YYYY-MM or YYYY).", HelpName = "DATE" };
    private readonly Option<string?> _until = new("--until") { Description = "Events on or before this date (YYYY-MM-DD, YYYY-MM or YYYY).", HelpName = "DATE" };
    private readonly Option<int> _minFatalities = new("--min-fatalities") { Description = "At least N killed.", HelpName = "N" };
    private readonly Option<bool> _includeNegated = new("--include-negated") { Description = "Also events the text says did not happen." };
    private readonly Option<bool> _includeDuplicates = new("--include-duplicates") { Description = "Also events of documents that duplicate an earlier one." };
    private readonly Option<int> _limit;

    public EventFilterOptions(int defaultLimit) => _limit = new Option<int>("--limit", "-n")
    {
        Description = defaultLimit > 0 ? "Most events to show; 0 for all." : "Most events (or, for jsonl, documents) to write; 0 for all.",
        DefaultValueFactory = _ => defaultLimit,
        HelpName = "N",
    };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _type, _acled, _country, _actor, _since, _until, _minFatalities, _includeNegated, _includeDuplicates, _limit })
            command.Options.Add(option);
    }

    /// <summary>The filter the options describe, or null with <paramref name="error"/> set when a value is not understood.</summary>
    public EventFilter? Read(ParseResult parse, out string? error)
    {
        error = null;
        string? since = null, until = null;
        if (parse.GetValue(_since) is { } sinceText && (since = EventFilter.ParseDay(sinceText, last: false)) is null)
            error = $"--since '{sinceText}': expected a date as YYYY-MM-DD, YYYY-MM or YYYY";
        else if (parse.GetValue(_until) is { } untilText && (until = EventFilter.ParseDay(untilText, last: true)) is null)
            error = $"--until '{untilText}': expected a date as YYYY-MM-DD, YYYY-MM or YYYY";
        else if (parse.GetValue(_country) is { } country && (country.Length is not (2 or 3) || !country.All(char.IsAsciiLetter)))
            error = $"--country '{country}': expected an ISO 3166 code of 2 or 3 letters (SY, SYR)";
        else if (parse.GetValue(_minFatalities) < 0 || parse.GetValue(_limit) < 0)
            error = "--min-fatalities and --limit must be 0 or more";
        if (error is not null) return null;
        return new EventFilter
        {
            Plover = parse.GetValue(_type),
            Acled = parse.GetValue(_acled),
            Country = parse.GetValue(_country),
            Actor = parse.GetValue(_actor),
            Since = since,
            Until = until,
            MinFatalities = parse.GetValue(_minFatalities),
            IncludeNegated = parse.GetValue(_includeNegated),
            IncludeDuplicates = parse.GetValue(_includeDuplicates),
            Limit = parse.GetValue(_limit),
        };
    }
}
