using Sitrep.Content.Html;
using Sitrep.Content.Scraped;
using Sitrep.Language;
using Sitrep.Pipeline;

namespace Sitrep.Content;

/// <summary>
/// Finds the main content and metadata: from the DOM for HTML, line by line for scraped text, and
/// as it is for body text. Metadata given with the input is kept; only what is missing is filled.
/// </summary>
public sealed class ContentStage : IDocumentStage
{
    private readonly Lazy<HtmlContentExtractor> _html;
    private readonly Lazy<ScrapedTextExtractor> _scraped;

    public ContentStage(LanguageResources resources)
    {
        // One set of line cues for both paths, loaded when a page first needs them (compiling their
        // patterns costs a few hundred milliseconds that runs over clean body text never pay).
        var cues = new Lazy<BoilerplateCues>(() => BoilerplateCues.Load(resources.Root), LazyThreadSafetyMode.ExecutionAndPublication);
        _html = new Lazy<HtmlContentExtractor>(() => new HtmlContentExtractor { Cues = cues.Value }, LazyThreadSafetyMode.ExecutionAndPublication);
        _scraped = new Lazy<ScrapedTextExtractor>(() => new ScrapedTextExtractor(resources, cues.Value), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Name => "content";

    public void Process(Document document)
    {
        if (document.Kind == ContentKind.Body)
        {
            document.Text = document.Raw.Replace("\r\n", "\n").Replace('\r', '\n').Trim('\n', ' ', '\t');
            FillSource(document, null);
            return;
        }

        var content = document.Kind == ContentKind.Html
            ? _html.Value.Extract(document.Raw, document.Url)
            : _scraped.Value.Extract(document.Raw);

        document.Text = string.Join("\n\n", content.Blocks);
        document.Title ??= content.Title;
        document.Published ??= content.Published;
        document.Author ??= content.Author;
        document.CanonicalUrl ??= content.CanonicalUrl;
        document.Url ??= content.CanonicalUrl;
        document.DeclaredLanguage ??= content.DeclaredLanguage;
        FillSource(document, content.SiteName);
        foreach (var warning in content.Warnings) document.Warn(warning);
        if (document.Text.Length == 0) document.Warn("no main content found");
    }

    private static void FillSource(Document document, string? siteName)
    {
        if (document.Source is not null) return;
        if (!string.IsNullOrWhiteSpace(siteName))
            document.Source = siteName.Trim();
        else if (document.Url is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0)
            document.Source = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
    }
}
