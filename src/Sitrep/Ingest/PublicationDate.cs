using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Ingest;

/// <summary>
/// Publication dates in the record's form: "yyyy-MM-dd" when only the day is known,
/// "yyyy-MM-ddTHH:mm:ss" when the time has no offset (never silently given the machine's zone),
/// and "yyyy-MM-ddTHH:mm:ss+hh:mm" when the offset is known.
/// </summary>
public static partial class PublicationDate
{
    /// <summary>Returns the normalised date, or null when <paramref name="value"/> is not a plausible date.</summary>
    public static string? Normalise(string value)
    {
        var text = value.Trim();
        if (text.Length < 8) return null;
        // The Unix epoch is what a missing timestamp turns into, never a real publication date.
        if (text.StartsWith("1970-01-01", StringComparison.Ordinal)) return null;

        if (IsoPattern().Match(text) is { Success: true } iso)
            return FromIso(iso);

        // RFC 1123 / RFC 822 dates from feeds and HTTP headers: "Tue, 05 Mar 2019 10:32:00 GMT".
        var rfc = text.Replace(" GMT", " +00:00", StringComparison.Ordinal).Replace(" UTC", " +00:00", StringComparison.Ordinal);
        if (RfcOffsetPattern().IsMatch(rfc)
            && DateTimeOffset.TryParse(rfc, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
            && Plausible(parsed.Year))
            return parsed.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        // Unusual decoration after a clear date: keep the date.
        if (LeadingDatePattern().Match(text) is { Success: true } leading)
            return ValidDate(leading.Groups[1].Value, leading.Groups[2].Value, leading.Groups[3].Value);
        return null;
    }

    private static string? FromIso(Match m)
    {
        var date = ValidDate(m.Groups["y"].Value, m.Groups["mo"].Value, m.Groups["d"].Value);
        if (date is null || !m.Groups["h"].Success) return date;

        var hour = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["mi"].Value, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
        if (hour > 23 || minute > 59 || second > 60) return date;
        var time = $"{date}T{hour:00}:{minute:00}:{Math.Min(second, 59):00}";
        if (!m.Groups["z"].Success) return time;

        var zone = m.Groups["z"].Value;
        if (zone is "Z" or "z") return time + "+00:00";
        var digits = zone.Replace(":", "", StringComparison.Ordinal);
        return $"{time}{digits[0]}{digits[1..3]}:{digits[3..5]}";
    }

    private static string? ValidDate(string year, string month, string day)
    {
        var text = $"{year}-{month}-{day}";
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && Plausible(date.Year)
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;
    }

    private static bool Plausible(int year) => year is >= 1800 and <= 2100;

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})(?:[T ](?<h>\d{2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d+)?)?\s*(?<z>[Zz]|[+-]\d{2}:?\d{2})?)?$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"[+-]\d{2}:?\d{2}$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex RfcOffsetPattern();

    [GeneratedRegex(@"^(\d{4})-(\d{2})-(\d{2})(?=[T ]|$)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex LeadingDatePattern();
}
