using System.Globalization;
using System.Text;
using Sitrep.Geo;

namespace Sitrep.Actors;

/// <summary>What an import read and wrote.</summary>
public sealed record ActorImportSummary(int Actors, int Aliases, int Skipped);

/// <summary>
/// Converts a PETRARCH/TABARI actor dictionary (<c>*.actors.txt</c>) into the analysts' actor format of
/// <c>data/actors/actors.yaml</c>, so its names, aliases and dated codes code the entities Sitrep finds.
/// The dictionary's format: an entry is a name (words joined by <c>_</c>) and its code in brackets,
/// <c>IRAQ [IRQ]</c>; lines starting with <c>+</c> are aliases; a code may stand on its own indented line
/// and carry dates, <c>[HOBGOV 19950601 - 19990815]</c>, <c>[HOB &lt; 950601]</c> (before),
/// <c>[HOBREB &gt; 990816]</c> (after), six-digit dates being yymmdd (years from 50 in the 1900s);
/// <c>#</c> starts a comment, <c>&lt;!-- … --&gt;</c> a comment block; <c>[---]</c> and the like discard a
/// name. The kind comes from the code's role (MIL, GOV, COP, REB, UAF, INS, CVL; IGO/NGO/MED are
/// organisations), else a state's code alone is its government.
/// </summary>
public static class PetrarchActorImporter
{
    private static readonly Dictionary<string, string> KindByRole = new(StringComparer.Ordinal)
    {
        ["MIL"] = "military", ["GOV"] = "government", ["SPY"] = "government", ["JUD"] = "government", ["LEG"] = "government",
        ["COP"] = "police", ["REB"] = "rebel", ["INS"] = "terrorist", ["UAF"] = "militia", ["CVL"] = "civilians",
        ["IGO"] = "organization", ["NGO"] = "organization", ["NGM"] = "organization", ["MED"] = "organization",
    };

    private sealed class Entry(string name, int line)
    {
        public string Name { get; } = name;
        public int Line { get; } = line;
        public List<string> Aliases { get; } = [];
        public List<DatedCode> Codes { get; } = [];
        public bool Discarded { get; set; }
    }

    public static ActorImportSummary Import(string input, string output, TextWriter errors)
    {
        var entries = new List<Entry>();
        Entry? current = null;
        var number = 0;
        var inComment = false;
        var skipped = 0;
        foreach (var raw in File.ReadLines(input))
        {
            number++;
            var line = StripComments(raw, ref inComment).Trim();
            if (line.Length == 0) continue;
            if (line[0] == '+')
            {
                if (current is null) errors.WriteLine($"sitrep: warning: {input}:{number}: alias before any name; skipped");
                else current.Aliases.Add(Words(line[1..]));
                continue;
            }
            if (line[0] == '[')
            {
                if (current is null || !ReadCode(line, current, input, number, errors)) skipped++;
                continue;
            }
            var bracket = line.IndexOf('[');
            current = new Entry(Words(bracket < 0 ? line : line[..bracket]), number);
            entries.Add(current);
            if (bracket >= 0 && !ReadCode(line[bracket..], current, input, number, errors)) skipped++;
        }

        var written = 0;
        var aliases = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        using var writer = new StreamWriter(output, false, new UTF8Encoding(false)) { NewLine = "\n" };
        writer.WriteLine($"# Imported by 'sitrep actors import' from {Path.GetFileName(input)} (PETRARCH/TABARI actor dictionary);");
        writer.WriteLine("# format in data/actors/README.md. Names and aliases are the dictionary's, in its capitals.");
        writer.WriteLine("actors:");
        foreach (var entry in entries)
        {
            if (entry.Discarded || entry.Codes.Count == 0 || entry.Name.Length == 0)
            {
                skipped++;
                continue;
            }
            // An alias the file gives twice names the first entry only, as the catalogue expects.
            var names = new[] { entry.Name }.Concat(entry.Aliases).Where(n => n.Length > 0 && seen.Add(Entities.EntityTokenizer.Key(n))).ToList();
            if (names.Count == 0)
            {
                errors.WriteLine($"sitrep: warning: {input}:{entry.Line}: '{entry.Name}' and its aliases are all taken by earlier entries; skipped");
                skipped++;
                continue;
            }
            var code = entry.Codes[^1].Code;
            var country = CountryCodes.Default.Alpha2(code.Length >= 3 ? code[..3] : null) is not null ? code[..3] : null;
            var kind = Kind(code, country);
            writer.WriteLine($"  - name: {Quote(names[0])}");
            if (names.Count > 1) writer.WriteLine($"    aliases: [{string.Join(", ", names.Skip(1).Select(Quote))}]");
            if (country is not null) writer.WriteLine($"    country: {country}");
            writer.WriteLine($"    kind: {kind}");
            writer.WriteLine("    codes:");
            foreach (var dated in entry.Codes)
            {
                var from = dated.From is { } f ? $", from: {f:yyyy-MM-dd}" : "";
                var to = dated.To is { } t ? $", to: {t:yyyy-MM-dd}" : "";
                writer.WriteLine($"      - {{code: {Quote(dated.Code)}{from}{to}}}");
            }
            written++;
            aliases += names.Count - 1;
        }
        return new ActorImportSummary(written, aliases, skipped);
    }

    /// <summary>The kind the code's last known role says (codes nest: PSEHMSMIL is Hamas's military wing), else a state's government.</summary>
    private static string Kind(string code, string? country)
    {
        string? kind = null;
        for (var at = country is null ? 0 : 3; at + 3 <= code.Length; at += 3)
            kind = KindByRole.GetValueOrDefault(code.Substring(at, 3)) ?? kind;
        return kind ?? (country is not null ? "government" : "organization");
    }

    private static string StripComments(string line, ref bool inComment)
    {
        var text = new StringBuilder();
        var i = 0;
        while (i < line.Length)
        {
            if (inComment)
            {
                var close = line.IndexOf("-->", i, StringComparison.Ordinal);
                if (close < 0) return text.ToString();
                inComment = false;
                i = close + 3;
                continue;
            }
            var open = line.IndexOf("<!--", i, StringComparison.Ordinal);
            var hash = line.IndexOf('#', i);
            if (hash >= 0 && (open < 0 || hash < open)) return text.Append(line, i, hash - i).ToString();
            if (open < 0) return text.Append(line, i, line.Length - i).ToString();
            text.Append(line, i, open - i);
            inComment = true;
            i = open + 4;
        }
        return text.ToString();
    }

    /// <summary>"CENTRAL_AFRICAN_REPUBLIC_" → "CENTRAL AFRICAN REPUBLIC".</summary>
    private static string Words(string name) =>
        string.Join(' ', name.Replace('_', ' ').Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Reads "[CODE]", "[CODE &lt; yymmdd]", "[CODE &gt; yymmdd]" or "[CODE from - to]" into the entry.</summary>
    private static bool ReadCode(string text, Entry entry, string input, int number, TextWriter errors)
    {
        var close = text.IndexOf(']');
        var body = (close < 0 ? text[1..] : text[1..close]).Trim();
        var first = body.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        if (first.Length == 0)
        {
            errors.WriteLine($"sitrep: warning: {input}:{number}: empty code; skipped");
            return false;
        }
        // Dates may be written close up: "<911226", "20100109-20100112".
        var dates = first.Length < 2 ? "" : first[1].Replace("<", " < ", StringComparison.Ordinal).Replace(">", " > ", StringComparison.Ordinal).Replace("-", " - ", StringComparison.Ordinal);
        var parts = new[] { first[0] }.Concat(dates.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        var code = parts[0].Split('/')[0];
        if (code.Length == 0 || !code.All(char.IsLetterOrDigit))
        {
            entry.Discarded = true;   // [---], [+++], [###]: the dictionary says not to code this name
            return true;
        }
        DateOnly? from = null, to = null;
        switch (parts.Length)
        {
            case 1:
                break;
            case 3 when parts[1] == "<" && Day(parts[2]) is { } before:
                to = before.AddDays(-1);
                break;
            case 3 when parts[1] == ">" && Day(parts[2]) is { } after:
                from = after.AddDays(1);
                break;
            case 4 when parts[2] == "-" && Day(parts[1]) is { } start && Day(parts[3]) is { } end:
                from = start;
                to = end;
                break;
            default:
                errors.WriteLine($"sitrep: warning: {input}:{number}: cannot read the code '[{body}]'; skipped");
                return false;
        }
        entry.Codes.Add(new DatedCode(code.ToUpperInvariant(), from, to));
        return true;
    }

    private static DateOnly? Day(string text)
    {
        if (text.Length == 6 && int.TryParse(text[..2], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            text = (year >= 50 ? "19" : "20") + text;
        return text.Length == 8 && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
