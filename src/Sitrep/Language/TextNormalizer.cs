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

        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        var newlines = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    continue; // invisible: removing them keeps words searchable
                case '\r':
                    continue;
                case '\n' or '\u2028' or '\u2029':
                    newlines += c == '\u2029' ? 2 : 1;
                    pendingSpace = false;
                    continue;
            }
            if (char.IsWhiteSpace(c) || c == '\u00A0')
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

    public static string Fold(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (var i = 0; i < source.Length; i++) span[i] = FoldChar(source[i]);
    });

    public static char FoldChar(char c) => c switch
    {
        '\u2019' or '\u2018' or '\u201B' or '\u02BC' or '\u2032' or '\u00B4' or '`' => '\'',
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u00AB' or '\u00BB' or '\u2033' => '"',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
        _ => c,
    };
}
