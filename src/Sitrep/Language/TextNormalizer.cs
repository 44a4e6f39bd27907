using System.Buffers;
using System.Text;

namespace Sitrep.Language;

/// <summary>
/// Two text forms. <see cref="Clean"/> makes the output text: NFC, no invisible characters (soft
/// hyphens, zero-width spaces), no-break spaces as plain spaces, one space between words, paragraphs
/// separated by one blank line. <see cref="Fold"/> maps that text character for character to a form
/// for matching (plain apostrophes, quotes and hyphens), so an offset in one is an offset in the other.
/// </summary>
public static class TextNormalizer
{
    public static string Clean(string text)
    {
        if (!text.IsNormalized(NormalizationForm.FormC)) text = text.Normalize(NormalizationForm.FormC);

        if (IsClean(text)) return text;

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var newlines = 0;
        foreach (var c in text)
        {
            if (IsInvisible(c) || c == '\r') continue; // invisible: removing them keeps words searchable
            if (IsLineBreak(c))
            {
                newlines += c == '\u2029' ? 2 : 1;
                pendingSpace = false;
                continue;
            }
            if (IsSpace(c))
            {
                pendingSpace = true;
                continue;
            }
            if (char.IsControl(c)) continue;

            if (builder.Length > 0)
            {
                if (newlines >= 2) builder.Append("\n\n");
                else if (newlines == 1) builder.Append('\n');
                else if (pendingSpace) builder.Append(' ');
            }
            newlines = 0;
            pendingSpace = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsInvisible(char c) => c is '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF';

    private static bool IsLineBreak(char c) => c is '\n' or '\u2028' or '\u2029';

    private static bool IsSpace(char c) => char.IsWhiteSpace(c) || c == '\u00A0';

    /// <summary>Every character <see cref="Clean"/> drops or rewrites wherever it stands (all but the plain space and newline,
    /// which it keeps between words).</summary>
    private static readonly SearchValues<char> ChangedByClean = SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i)
        .Where(c => c is not (' ' or '\n') && (IsInvisible(c) || c == '\r' || IsLineBreak(c) || IsSpace(c) || char.IsControl(c))).ToArray());

    /// <summary>Whether <see cref="Clean"/> would give the text back unchanged (most extracted text is already clean):
    /// none of the characters it changes, no space or newline at either end, and spaces and newlines only as single
    /// spaces between words, single newlines and blank lines.</summary>
    private static bool IsClean(string text) =>
        text.Length == 0
        || (text[0] is not (' ' or '\n') && text[^1] is not (' ' or '\n') && !text.AsSpan().ContainsAny(ChangedByClean)
            && !text.Contains("  ", StringComparison.Ordinal) && !text.Contains(" \n", StringComparison.Ordinal)
            && !text.Contains("\n ", StringComparison.Ordinal) && !text.Contains("\n\n\n", StringComparison.Ordinal));

    /// <summary>The characters <see cref="FoldChar"/> changes.</summary>
    private static readonly SearchValues<char> Folded = SearchValues.Create(Enumerable.Range(0, char.MaxValue + 1).Select(i => (char)i)
        .Where(c => FoldChar(c) != c).ToArray());

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        // Runs without a folded character are copied whole.
        var rest = source.AsSpan();
        int next;
        while ((next = rest.IndexOfAny(Folded)) >= 0)
        {
            rest[..next].CopyTo(span);
            span[next] = FoldChar(rest[next]);
            span = span[(next + 1)..];
            rest = rest[(next + 1)..];
        }
        rest.CopyTo(span);
    });

    public static char FoldChar(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u201B' or '\u02BC' or '\u2032' or '\u00B4' or '`' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        _ => c,
    };
}
