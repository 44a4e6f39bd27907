using System.Text.Json;

namespace Sitrep.Geo;

/// <summary>
/// Writes a <see cref="Place"/> as docs/output-schema.md's Place. The fields are written into the
/// object already open, so an entity's <c>place</c> and an event's <c>location</c> (Place plus
/// text, start, end) share them.
/// </summary>
public static class PlaceJson
{
    public static void WriteFields(Utf8JsonWriter writer, Place place)
    {
        writer.WriteString("name", place.Name);
        if (place.GeonamesId is { } id) writer.WriteNumber("geonames_id", id);
        else writer.WriteNull("geonames_id");
        writer.WriteNumber("lat", Math.Round(place.Lat, 5));
        writer.WriteNumber("lon", Math.Round(place.Lon, 5));
        writer.WriteString("country", place.Country);
        writer.WriteString("admin1", place.Admin1);
        writer.WriteString("feature", place.Feature);
    }

    /// <summary>One Place object, e.g. for an entity's <c>place</c>.</summary>
    public static void Write(Utf8JsonWriter writer, string propertyName, Place place)
    {
        writer.WriteStartObject(propertyName);
        WriteFields(writer, place);
        writer.WriteEndObject();
    }
}
