using System.Globalization;
using System.Text.Json;
using Sitrep.Events;

namespace Sitrep.Export;

/// <summary>Writes an <see cref="Event"/> as docs/output-schema.md's Event, fields in the contract's order.</summary>
public static class EventJson
{
    public static void Write(Utf8JsonWriter writer, Event e)
    {
        writer.WriteStartObject();
        writer.WriteString("id", e.Id);
        writer.WriteString("plover", e.Plover);
        writer.WriteString("mode", e.Mode);
        if (e.Acled is { } acled)
        {
            writer.WriteStartObject("acled");
            writer.WriteString("type", acled.Type);
            writer.WriteString("subtype", acled.Subtype);
            writer.WriteEndObject();
        }
        else writer.WriteNull("acled");
        writer.WriteString("cameo", e.Cameo);
        WriteActor(writer, "actor1", e.Actor1);
        WriteActor(writer, "actor2", e.Actor2);
        if (e.Location is { } location)
        {
            writer.WriteStartObject("location");
            Geo.PlaceJson.WriteFields(writer, location.Place);
            writer.WriteString("text", location.Text);
            writer.WriteNumber("start", location.Span.Start);
            writer.WriteNumber("end", location.Span.End);
            writer.WriteEndObject();
        }
        else writer.WriteNull("location");
        if (e.GeoPrecision is { } precision) writer.WriteNumber("geo_precision", precision);
        else writer.WriteNull("geo_precision");
        if (e.Date is { } date)
        {
            writer.WriteStartObject("date");
            writer.WriteString("value", date.Value);
            writer.WriteString("grain", date.Grain.ToString().ToLowerInvariant());
            writer.WriteString("from", date.From);
            writer.WriteString("to", date.To);
            writer.WriteString("text", date.Text);
            writer.WriteEndObject();
        }
        else writer.WriteNull("date");
        if (e.Fatalities is { } toll)
        {
            writer.WriteStartObject("fatalities");
            WriteCount(writer, "best", toll.Best);
            WriteCount(writer, "low", toll.Low);
            WriteCount(writer, "high", toll.High);
            writer.WriteString("text", toll.Text);
            writer.WriteEndObject();
        }
        else writer.WriteNull("fatalities");
        writer.WriteStartArray("attribution");
        foreach (var source in e.Attribution)
        {
            writer.WriteStartObject();
            writer.WriteString("text", source.Text);
            writer.WriteString("canonical", source.Canonical);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteBoolean("hedged", e.Hedged);
        writer.WriteBoolean("negated", e.Negated);
        writer.WriteStartArray("evidence");
        foreach (var span in e.Evidence)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", span.Start);
            writer.WriteNumber("end", span.End);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        // Two decimals, written as a fixed string of digits so the record is byte-identical everywhere.
        writer.WritePropertyName("confidence");
        writer.WriteRawValue(Math.Round(e.Confidence, 2).ToString("0.0#", CultureInfo.InvariantCulture));
        writer.WriteEndObject();
    }

    private static void WriteActor(Utf8JsonWriter writer, string name, EventActor? actor)
    {
        if (actor is null)
        {
            writer.WriteNull(name);
            return;
        }
        writer.WriteStartObject(name);
        writer.WriteString("text", actor.Text);
        writer.WriteString("name", actor.Name);
        writer.WriteString("country", actor.Country);
        writer.WriteString("kind", actor.Kind);
        writer.WriteString("code", actor.Code);
        writer.WriteEndObject();
    }

    private static void WriteCount(Utf8JsonWriter writer, string name, int? value)
    {
        if (value is { } v) writer.WriteNumber(name, v);
        else writer.WriteNull(name);
    }
}
