namespace Sitrep.Content;

/// <summary>What a content extractor found in a page: the main text as blocks in reading order, and metadata.</summary>
public sealed class ExtractedContent
{
    /// <summary>Paragraphs and headings of the main content, in order, each one line of plain text.</summary>
    public List<string> Blocks { get; } = [];
    public string? Title { get; set; }
    /// <summary>ISO 8601 date or date-time.</summary>
    public string? Published { get; set; }
    public string? Author { get; set; }
    public string? SiteName { get; set; }
    public string? CanonicalUrl { get; set; }
    /// <summary>Language the page declares (lower-case primary subtag), a hint for identification.</summary>
    public string? DeclaredLanguage { get; set; }
    public List<string> Warnings { get; } = [];
}
