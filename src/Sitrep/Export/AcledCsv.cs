using System.Globalization;
using CsvHelper.Configuration;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Storage;

namespace Sitrep.Export;

/// <summary>
/// Events as ACLED publishes them: its public columns in its order, one row per event that has an ACLED
/// type (the others are left out and counted). How each column is filled is in README.md ("acled-csv").
/// </summary>
public static class AcledCsv
{
    public static readonly string[] Columns =
    [
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
        "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
        "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
        "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
    ];

    public static ExportSummary Write(IEnumerable<StoredEvent> events, TextWriter output, ExportTables? tables = null, CountryCodes? countries = null)
    {
        tables ??= ExportTables.Default;
        countries ??= CountryCodes.Default;
        return EventExport.WriteCsv(events, output, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, Columns,
            stored => stored.Event.Acled is null ? null : Row(stored, tables, countries), "no ACLED type");
    }

    /// <summary>One event's fields in <see cref="Columns"/>' order.</summary>
    public static string[] Row(StoredEvent stored, ExportTables tables, CountryCodes countries)
    {
        var e = stored.Event;
        var acled = e.Acled!;
        var place = e.Location?.Place;
        // The event's country is its place's; an actor's country would misplace cross-border attacks.
        var alpha3 = place is not null ? countries.Alpha3(place.Country) : null;
        var day = EventExport.Day(stored);
        var inter1 = Inter(e.Actor1, acled, tables);
        var inter2 = Inter(e.Actor2, null, tables);
        var tags = new List<string>();
        if (e.Hedged) tags.Add("hedged");
        if (e.Negated) tags.Add("negated");
        if (stored.Document.DuplicateOf is { } original) tags.Add("duplicate of " + original);
        return
        [
            (alpha3 ?? "XXX") + EventExport.StableNumber(stored.Document.Id, e.Id).ToString(CultureInfo.InvariantCulture),
            day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
            day?.Year.ToString(CultureInfo.InvariantCulture) ?? "",
            e.Date is { } date && tables.TimePrecisionByGrain.TryGetValue(date.Grain.ToString(), out var precision)
                ? precision.ToString(CultureInfo.InvariantCulture) : "3",
            tables.DisorderBySubtype.TryGetValue(acled.Subtype ?? "", out var bySubtype) ? bySubtype
                : tables.DisorderByType.TryGetValue(acled.Type, out var byType) ? byType : "",
            acled.Type,
            acled.Subtype ?? "",
            ActorName(e.Actor1), "", Code(inter1),
            ActorName(e.Actor2), "", Code(inter2),
            Interaction(inter1, inter2),
            e.Actor2?.Kind == "civilians" ? "Civilian targeting" : "",
            countries.Numeric(alpha3)?.ToString(CultureInfo.InvariantCulture) ?? "",
            alpha3 is not null && tables.RegionByCountry.TryGetValue(alpha3, out var region) ? region : "",
            tables.CountryName(alpha3, countries) ?? "",
            place?.Admin1 ?? "", "", "",
            place?.Name ?? "",
            place is null ? "" : EventExport.Coordinate(place.Lat, 4),
            place is null ? "" : EventExport.Coordinate(place.Lon, 4),
            e.GeoPrecision?.ToString(CultureInfo.InvariantCulture) ?? "",
            stored.Document.Source ?? "",
            "",
            EventExport.EvidenceText(stored),
            (e.Fatalities is { } toll ? toll.Best ?? toll.Low ?? 0 : 0).ToString(CultureInfo.InvariantCulture),
            string.Join("; ", tags),
            stored.Document.IngestedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        ];
    }

    private static string ActorName(EventActor? actor) => actor is null ? "" : actor.Name ?? actor.Text;

    /// <summary>ACLED's actor type from the actor's kind; protesters and rioters from the event type when the kind says only civilians or nothing.</summary>
    private static int? Inter(EventActor? actor, AcledType? acled, ExportTables tables)
    {
        if (actor is null) return null;
        var byKind = actor.Kind is { } kind && tables.InterByKind.TryGetValue(kind, out var code) ? code : 0;
        if (acled is not null && (byKind is 0 || actor.Kind == "civilians") && tables.InterByEventType.TryGetValue(acled.Type, out var byType))
            return byType;
        return byKind;
    }

    private static string Code(int? inter) => inter?.ToString(CultureInfo.InvariantCulture) ?? "0";

    /// <summary>ACLED's interaction: the two actor types, smaller first ("12"); one actor alone gives its type then 0 ("10").</summary>
    private static string Interaction(int? inter1, int? inter2)
    {
        int a = inter1 ?? 0, b = inter2 ?? 0;
        if (a == 0 && b == 0) return "0";
        if (a == 0 || b == 0) return (Math.Max(a, b) * 10).ToString(CultureInfo.InvariantCulture);
        return (Math.Min(a, b) * 10 + Math.Max(a, b)).ToString(CultureInfo.InvariantCulture);
    }
}
