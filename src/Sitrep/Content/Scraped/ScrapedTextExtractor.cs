using Sitrep.Language;

namespace Sitrep.Content.Scraped;

/// <summary>Main content of scraped text (tags already stripped), line by line.</summary>
public sealed class ScrapedTextExtractor
{
    public ScrapedTextExtractor(LanguageResources resources) => _ = resources;

    public ExtractedContent Extract(string text)
    {
        var content = new ExtractedContent();
        foreach (var line in text.Split('\n'))
            if (line.Trim().Length > 0) content.Blocks.Add(line.Trim());
        return content;
    }
}
