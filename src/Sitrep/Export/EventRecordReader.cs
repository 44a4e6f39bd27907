using System.Text.Json;
using Sitrep.Events;
using Sitrep.Geo;
using Sitrep.Time;

namespace Sitrep.Export;

/// <summary>
/// Reads an event back from its record (docs/output-schema.md's Event, as <see cref="EventJson"/> writes
/// it), so stored records feed the store's event table and the exports. Fields the record does not carry
/// (the trigger, actor and attribution spans) are left empty. A malformed event throws
/// <see cref="FormatException"/> saying which field.
/// </summary>
public static class EventRecordReader
{
    public static Event Read(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object) throw new FormatException("an event must be a JSON object");
        var result = new Event
        {
            Id = RequiredString(e, "id"),
            Plover = RequiredString(e, "plover"),
            Mode = String(e, "mode"),
            Cameo = String(e, "cameo"),
            Actor1 = Actor(e, "actor1"),
            Actor2 = Actor(e, "actor2"),
            GeoPrecision = Int(e, "geo_precision"),
            Hedged = Bool(e, "hedged"),
            Negated = Bool(e, "negated"),
            Confidence = e.TryGetProperty("confidence", out var confidence) && confidence.ValueKind == JsonValueKind.Number ? confidence.GetDouble() : 0,
        };
        if (Object(e, "acled") is { } acled) result.Acled = new AcledType(RequiredString(acled, "type"), String(acled, "subtype"));
        if (Object(e, "location") is { } location)
        {
            var lat = Double(location, "lat") ?? throw new FormatException("location without lat");
            var lon = Double(location, "lon") ?? throw new FormatException("location without lon");
            var place = new Place(RequiredString(location, "name"), Int(location, "geonames_id"), lat, lon,
                String(location, "country") ?? "", String(location, "admin1"), String(location, "feature") ?? "");
            result.Location = new EventLocation(place, String(location, "text") ?? place.Name,
                new TextSpan(Int(location, "start") ?? 0, Int(location, "end") ?? 0));
        }
        if (Object(e, "date") is { } date)
        {
            var grainName = RequiredString(date, "grain");
            if (!Enum.TryParse<TimeGrain>(grainName, ignoreCase: true, out var grain))
                throw new FormatException($"unknown date grain '{grainName}'");
            var value = String(date, "value");
            var from = String(date, "from") ?? value ?? throw new FormatException("date without value or from");
            result.Date = new EventDate(value ?? from, grain, from, String(date, "to") ?? value ?? from, String(date, "text"), null);
        }
        if (Object(e, "fatalities") is { } toll)
            result.Fatalities = new EventFatalities(Int(toll, "best"), Int(toll, "low"), Int(toll, "high"), String(toll, "text"), null);
        if (e.TryGetProperty("attribution", out var sources) && sources.ValueKind == JsonValueKind.Array)
            foreach (var source in sources.EnumerateArray())
                result.Attribution.Add(new EventAttribution(String(source, "text") ?? "", default, String(source, "canonical")));
        if (e.TryGetProperty("evidence", out var evidence) && evidence.ValueKind == JsonValueKind.Array)
            foreach (var span in evidence.EnumerateArray())
                result.Evidence.Add(new TextSpan(Int(span, "start") ?? 0, Int(span, "end") ?? 0));
        return result;
    }

    private static EventActor? Actor(JsonElement e, string name) => Object(e, name) is { } actor
        ? new EventActor(String(actor, "text") ?? "", default, String(actor, "name"), String(actor, "country"), String(actor, "kind"), String(actor, "code"))
        : null;

    private static JsonElement? Object(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string RequiredString(JsonElement e, string name) =>
        String(e, name) is { Length: > 0 } value ? value : throw new FormatException($"'{name}' missing or not a string");

    private static int? Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;

    private static double? Double(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;
}
