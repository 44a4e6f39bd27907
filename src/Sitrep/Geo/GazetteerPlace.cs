namespace Sitrep.Geo;

/// <summary>What kind of thing a gazetteer entry is; decides how a bare mention of it is read.</summary>
public enum PlaceLevel
{
    Country,
    /// <summary>A first-level division: governorate, province, oblast, state.</summary>
    Division,
    /// <summary>A populated place.</summary>
    Town,
    /// <summary>Not a town: a base, dam, airport, crossing, plant.</summary>
    Site,
}

/// <summary>One gazetteer entry. <see cref="Id"/> is unique: the GeoNames id, or "adm1:SY.09", "country:SY", "sitrep:slug".</summary>
public sealed record GazetteerPlace(
    string Id, int? GeonamesId, string Name, double Lat, double Lon, PlaceLevel Level,
    string FeatureCode, string Country, string Admin1Code, long Population);

/// <summary>The schema's Place (docs/output-schema.md).</summary>
public sealed record Place(string Name, int? GeonamesId, double Lat, double Lon, string Country, string? Admin1, string Feature);
