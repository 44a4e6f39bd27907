using System.Text;
using FluentAssertions;
using Sitrep.Ingest;

namespace Sitrep.Tests.Ingest;

public class TextDecoderTests
{
    static TextDecoderTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public void Utf8_is_read_as_is()
    {
        var result = TextDecoder.Decode(Encoding.UTF8.GetBytes("Frappes à Alep : « bilan lourd »"), isHtml: false, out var error);
        error.Should().BeNull();
        result!.Text.Should().Be("Frappes à Alep : « bilan lourd »");
    }

    [Fact]
    public void Byte_order_mark_is_dropped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("Déclaration")).ToArray();
        TextDecoder.Decode(bytes, false, out _)!.Text.Should().Be("Déclaration");
    }

    [Fact]
    public void Windows_1252_text_is_decoded_right()
    {
        var bytes = Encoding.GetEncoding(1252).GetBytes("L’armée a annoncé mercredi un cessez-le-feu — « provisoire ».");
        var result = TextDecoder.Decode(bytes, false, out _);
        result!.Text.Should().Be("L’armée a annoncé mercredi un cessez-le-feu — « provisoire ».");
        result.EncodingName.Should().Be("windows-1252");
    }

    [Fact]
    public void Declared_latin1_charset_of_a_page_is_honoured()
    {
        var html = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Sécurité renforcée à Gao</p></body></html>";
        var result = TextDecoder.Decode(Encoding.Latin1.GetBytes(html), isHtml: true, out _);
        result!.Text.Should().Contain("Sécurité renforcée à Gao");
    }

    [Fact]
    public void Binary_files_are_refused_with_a_reason()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        TextDecoder.Decode(png, true, out var error).Should().BeNull();
        error.Should().Contain("binary");
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\t \r\n")]
    public void Empty_files_are_refused(string content)
    {
        TextDecoder.Decode(Encoding.UTF8.GetBytes(content), false, out var error).Should().BeNull();
        error.Should().Be("empty file");
    }

    [Fact]
    public void Utf8_with_a_stray_bad_byte_is_kept_with_a_warning()
    {
        var good = Encoding.UTF8.GetBytes("Les forces armées ont été déployées à Kidal, à Gao et à Tombouctou. ");
        var bytes = good.Concat(new byte[] { 0xC3 }).Concat(good).Concat(good).ToArray();
        var result = TextDecoder.Decode(bytes, false, out _);
        result!.Text.Should().Contain("déployées à Kidal");
        result.Warning.Should().Contain("invalid UTF-8");
    }

    [Fact]
    public void A_short_utf8_line_with_one_bad_byte_is_not_read_as_windows_1252()
    {
        var bytes = Encoding.UTF8.GetBytes("Deux soldats ont été tués ").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes(" lundi à Gao.")).ToArray();
        var result = TextDecoder.Decode(bytes, false, out _);
        result!.Text.Should().Contain("ont été tués").And.Contain("lundi à Gao");
        result.Warning.Should().Contain("invalid UTF-8");
    }
}
