using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Sitrep.Content.Html;

/// <summary>Main content and metadata of a web page, from its DOM.</summary>
public sealed class HtmlContentExtractor
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    public ExtractedContent Extract(string html, string? url)
    {
        var parser = new HtmlParser(ParserOptions);
        var document = parser.ParseDocument(html);
        var content = new ExtractedContent { Title = document.Title?.Trim() };
        foreach (var element in document.QuerySelectorAll("script, style, noscript, nav, footer, header, aside"))
            element.Remove();
        foreach (var block in document.QuerySelectorAll("p, h1, h2, h3, li"))
        {
            var text = block.TextContent.Trim();
            if (text.Length > 0) content.Blocks.Add(text);
        }
        return content;
    }
}
