using System.Text;
using System.Text.RegularExpressions;

namespace Sitrep.Ingest;

/// <summary>
/// Turns input bytes into text: a byte-order mark wins, then strict UTF-8, then the charset an
/// HTML page declares, then Windows-1252 (a superset of Latin-1 for printable text, and what
/// pages labelled ISO-8859-1 really use). Refuses bytes that are not text at all.
/// </summary>
public static partial class TextDecoder
{
    static TextDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public sealed record Result(string Text, string EncodingName, string? Warning);

    /// <summary>Decodes <paramref name="bytes"/>, or returns null with <paramref name="error"/> set.</summary>
    public static Result? Decode(ReadOnlySpan<byte> bytes, bool isHtml, out string? error)
    {
        error = null;
        if (bytes.Length == 0 || IsBlank(bytes))
        {
            error = "empty file";
            return null;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return DecodeUtf8OrReplace(bytes[3..]);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return new Result(Encoding.Unicode.GetString(bytes[2..]), "utf-16le", null);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return new Result(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be", null);

        if (LooksBinary(bytes))
        {
            error = "binary file, not text or HTML";
            return null;
        }

        try
        {
            return new Result(StrictUtf8.GetString(bytes), "utf-8", null);
        }
        catch (DecoderFallbackException)
        {
        }

        if (isHtml && DeclaredCharset(bytes) is { } declared && !declared.Equals("utf-8", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var encoding = Encoding.GetEncoding(NormaliseCharset(declared));
                return new Result(encoding.GetString(bytes), encoding.WebName, null);
            }
            catch (ArgumentException)
            {
            }
        }

        // Not UTF-8: mostly valid UTF-8 with a few bad bytes is a damaged UTF-8 file; otherwise legacy.
        if (MostlyUtf8(bytes))
        {
            var lenient = new UTF8Encoding(false, false).GetString(bytes);
            return new Result(lenient, "utf-8", "invalid UTF-8 bytes replaced with U+FFFD");
        }
        var cp1252 = Encoding.GetEncoding(1252);
        return new Result(cp1252.GetString(bytes), "windows-1252", null);
    }

    private static Result DecodeUtf8OrReplace(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return new Result(StrictUtf8.GetString(bytes), "utf-8", null);
        }
        catch (DecoderFallbackException)
        {
            return new Result(new UTF8Encoding(false, false).GetString(bytes), "utf-8", "invalid UTF-8 bytes replaced with U+FFFD");
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                return false;
        return true;
    }

    /// <summary>NUL bytes or many control characters in the first 8 KiB: an image, archive or executable.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        var control = 0;
        foreach (var b in head)
        {
            if (b == 0) return true;
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or 0x1B)) control++;
        }
        return control > head.Length / 20;
    }

    private static bool MostlyUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0, i = 0;
        while (i < bytes.Length)
        {
            var b = bytes[i];
            if (b < 0x80) { i++; continue; }
            var need = b >= 0xF0 && b < 0xF5 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 && b < 0xE0 ? 1 : -1;
            if (need < 0) { invalid++; i++; continue; }
            var ok = true;
            for (var k = 1; k <= need; k++)
                if (i + k >= bytes.Length || (bytes[i + k] & 0xC0) != 0x80) { ok = false; break; }
            if (ok) { valid++; i += need + 1; }
            else { invalid++; i++; }
        }
        // Windows-1252 text almost never holds a valid UTF-8 sequence (a byte from Â to ß followed by one from € to ¿), so
        // as many valid sequences as bad bytes already says UTF-8: a short line with one bad byte is not mojibake to make.
        return valid > 0 && invalid <= valid;
    }

    private static string? DeclaredCharset(ReadOnlySpan<byte> bytes)
    {
        var head = Encoding.ASCII.GetString(bytes[..Math.Min(bytes.Length, 4096)]);
        var match = CharsetPattern().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static string NormaliseCharset(string charset) => charset.ToLowerInvariant() switch
    {
        // WHATWG: these labels all mean windows-1252 on the web.
        "iso-8859-1" or "latin1" or "latin-1" or "us-ascii" or "ascii" or "iso8859-1" => "windows-1252",
        var other => other,
    };

    [GeneratedRegex("""charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex CharsetPattern();
}
