using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Storage;

namespace Sitrep.Export;

/// <summary>
/// Events as GDELT 2.0's event table: its 61 columns in the codebook's order, tab-separated, no header,
/// no quoting (as GDELT's files), one row per event with a CAMEO code (the others are left out and
/// counted). What we have is filled; README.md ("gdelt-csv") says how.
/// </summary>
public static class GdeltCsv
{
    public static readonly string[] Columns =
    [
        "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
        .. ActorColumns("Actor1"), .. ActorColumns("Actor2"),
        "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
        "NumMentions", "NumSources", "NumArticles", "AvgTone",
        .. GeoColumns("Actor1Geo"), .. GeoColumns("Actor2Geo"), .. GeoColumns("ActionGeo"),
        "DATEADDED", "SOURCEURL",
    ];

    private static string[] ActorColumns(string actor) =>
        new[] { "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code", "Type1Code", "Type2Code", "Type3Code" }
            .Select(c => actor + c).ToArray();

    private static string[] GeoColumns(string geo) =>
        new[] { "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID" }.Select(c => geo + "_" + c).ToArray();

    public static ExportSummary Write(IEnumerable<StoredEvent> events, TextWriter output, ExportTables? tables = null, CountryCodes? countries = null)
    {
        tables ??= ExportTables.Default;
        countries ??= CountryCodes.Default;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n", Delimiter = "\t", Mode = CsvMode.NoEscape };
        return EventExport.WriteCsv(events, output, config, null,
            stored => stored.Event.Cameo is { Length: >= 2 } ? Row(stored, tables, countries) : null, "no CAMEO code");
    }

    /// <summary>One event's fields in <see cref="Columns"/>' order, tabs and line breaks made spaces.</summary>
    public static string[] Row(StoredEvent stored, ExportTables tables, CountryCodes countries)
    {
        var e = stored.Event;
        var cameo = e.Cameo!;
        var root = cameo[..2];
        tables.CameoRoots.TryGetValue(root, out var rootInfo);
        var day = EventExport.Day(stored);
        var place = e.Location?.Place;
        var firstEvidence = e.Evidence.Count > 0 ? e.Evidence.Min(s => s.Start) : int.MaxValue;
        var firstBreak = stored.Document.Text.IndexOf("\n\n", StringComparison.Ordinal);
        var fields = new List<string>(Columns.Length)
        {
            EventExport.StableNumber(stored.Document.Id, e.Id).ToString(CultureInfo.InvariantCulture),
            day?.ToString("yyyyMMdd", CultureInfo.InvariantCulture) ?? "",
            day?.ToString("yyyyMM", CultureInfo.InvariantCulture) ?? "",
            day?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
            // GDELT's own formula: the year plus (month * 30 + day) / 365.
            day is { } d ? (d.Year + (d.Month * 30 + d.Day) / 365.0).ToString("0.0000", CultureInfo.InvariantCulture) : "",
        };
        fields.AddRange(Actor(e.Actor1));
        fields.AddRange(Actor(e.Actor2));
        fields.AddRange(
        [
            // GDELT's root event: one told in the lead paragraph.
            firstBreak < 0 || firstEvidence < firstBreak ? "1" : "0",
            cameo, cameo.Length >= 3 ? cameo[..3] : cameo, root,
            rootInfo?.QuadClass.ToString(CultureInfo.InvariantCulture) ?? "",
            rootInfo?.Goldstein.ToString("0.0", CultureInfo.InvariantCulture) ?? "",
            (1 + stored.Document.Copies).ToString(CultureInfo.InvariantCulture),
            (1 + stored.Document.CopySources).ToString(CultureInfo.InvariantCulture),
            (1 + stored.Document.Copies).ToString(CultureInfo.InvariantCulture),
            "0",
        ]);
        fields.AddRange(NoGeo());
        fields.AddRange(NoGeo());
        fields.AddRange(place is null ? NoGeo() :
        [
            GeoType(place).ToString(CultureInfo.InvariantCulture),
            string.Join(", ", new[] { place.Name, place.Admin1, tables.CountryName(countries.Alpha3(place.Country), countries) }.Where(p => !string.IsNullOrEmpty(p)).Distinct()),
            place.Country, place.Country, "",
            EventExport.Coordinate(place.Lat, 4), EventExport.Coordinate(place.Lon, 4),
            place.GeonamesId?.ToString(CultureInfo.InvariantCulture) ?? "",
        ]);
        fields.Add(stored.Document.IngestedAt.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        fields.Add(stored.Document.Url ?? stored.Document.Id);
        return fields.Select(f => f.Contains('\t') || f.Contains('\n') || f.Contains('\r') ? EventExport.OneLine(f) : f).ToArray();
    }

    /// <summary>Code, name (upper case, as GDELT), country, four unknown group codes, then the role codes after the country in the CAMEO code ("RUSMILREB": MIL, REB).</summary>
    private static string[] Actor(EventActor? actor)
    {
        if (actor is null) return Enumerable.Repeat("", 10).ToArray();
        var code = actor.Code ?? "";
        var roles = actor.Country is { } country && code.StartsWith(country, StringComparison.Ordinal) ? code[country.Length..] : "";
        string Role(int n) => roles.Length >= 3 * (n + 1) ? roles.Substring(3 * n, 3) : "";
        return [code, (actor.Name ?? actor.Text).ToUpperInvariant(), actor.Country ?? "", "", "", "", "", Role(0), Role(1), Role(2)];
    }

    private static string[] NoGeo() => ["0", "", "", "", "", "", "", ""];

    /// <summary>GDELT's geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world state (first-level division).</summary>
    private static int GeoType(Place place)
    {
        var us = place.Country == "US";
        if (place.Feature.StartsWith("PCL", StringComparison.Ordinal)) return 1;
        if (place.Feature == "ADM1") return us ? 2 : 5;
        return us ? 3 : 4;
    }
}
