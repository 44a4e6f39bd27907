using System.Globalization;
using Sitrep.Entities;
using Sitrep.Language;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Time;

/// <summary>
/// Holidays whose day follows a lunar or lunisolar calendar, as dated lists per year
/// (<c>data/time/holidays.yaml</c>): language-independent, named in each <c>time.yaml</c> with <c>@name</c>.
/// </summary>
public sealed class HolidayTables
{
    public static readonly HolidayTables Empty = new(new Dictionary<string, DateTime[]>(StringComparer.Ordinal));

    private readonly Dictionary<string, DateTime[]> _tables;

    private HolidayTables(Dictionary<string, DateTime[]> tables) => _tables = tables;

    /// <summary>The days of table <paramref name="name"/>, in order; null when there is no such table.</summary>
    public IReadOnlyList<DateTime>? Days(string name) => _tables.TryGetValue(name, out var days) ? days : null;

    /// <summary>The tables in <c>time/holidays.yaml</c> of the data folder beside <paramref name="langRoot"/>; none when the file is absent.</summary>
    public static HolidayTables LoadBeside(string langRoot)
    {
        var path = Path.Combine(EntityResources.DataRootBeside(langRoot), "time", "holidays.yaml");
        return File.Exists(path) ? Load(path) : Empty;
    }

    public static HolidayTables Load(string path)
    {
        var tables = new Dictionary<string, DateTime[]>(StringComparer.Ordinal);
        if (YamlFile.ReadMappingOrNull(path) is not { } root) return new HolidayTables(tables);
        foreach (var (nameNode, listNode) in root.Children)
        {
            var name = (nameNode as YamlScalarNode)?.Value ?? "";
            if (listNode is not YamlSequenceNode list)
                throw new LanguageDataException($"{path}:{listNode.Start.Line}: holiday '{name}' must be a list of dates (yyyy-MM-dd)");
            var days = new List<DateTime>();
            foreach (var item in list.Children)
            {
                if ((item as YamlScalarNode)?.Value is not { } text
                    || !DateTime.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                    throw new LanguageDataException($"{path}:{item.Start.Line}: '{name}' lists dates as yyyy-MM-dd");
                days.Add(day);
            }
            days.Sort();
            tables[name] = [.. days];
        }
        return new HolidayTables(tables);
    }
}
