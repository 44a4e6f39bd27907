using System.Globalization;
using System.Text.RegularExpressions;

namespace Sitrep.Ingest;

/// <summary>Publication dates in the record's form: "yyyy-MM-dd", or a full ISO 8601 date-time with its offset.</summary>
public static partial class PublicationDate
{
    private static readonly string[] DateTimeFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mmK", "ddd, dd MMM yyyy HH:mm:ss zzz", "ddd, d MMM yyyy HH:mm:ss zzz",
        "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm",
    ];

    /// <summary>Returns the normalised date, or null when <paramref name="value"/> is not a plausible date.</summary>
    public static string? Normalise(string value)
    {
        var text = value.Trim();
        if (text.Length < 8) return null;
        text = text.Replace(" GMT", " +00:00", StringComparison.Ordinal).Replace(" UTC", " +00:00", StringComparison.Ordinal);
        if (text.EndsWith('Z') && text.Contains('T')) text = text[..^1] + "+00:00";

        if (DateOnlyPattern().Match(text) is { Success: true } dateOnly)
        {
            return DateOnly.TryParseExact(dateOnly.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && Plausible(date.Year)
                ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : null;
        }

        foreach (var format in DateTimeFormats)
        {
            var hasOffset = format.EndsWith('K') || format.EndsWith("zzz", StringComparison.Ordinal);
            if (hasOffset && DateTimeOffset.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
                return Plausible(withOffset.Year) ? withOffset.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture) : null;
            if (!hasOffset && DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
                return Plausible(local.Year) ? local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) : null;
        }

        // A date-time with unusual decoration: keep its date part when that part is clear.
        if (LeadingDatePattern().Match(text) is { Success: true } leading
            && DateOnly.TryParseExact(leading.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var leadingDate)
            && Plausible(leadingDate.Year))
            return leadingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return null;
    }

    private static bool Plausible(int year) => year is >= 1800 and <= 2100;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex DateOnlyPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?=[T ]|$)")]
    private static partial Regex LeadingDatePattern();
}
