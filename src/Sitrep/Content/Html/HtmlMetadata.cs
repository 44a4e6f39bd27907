using System.Text.Json;
using System.Text.RegularExpressions;
using Sitrep.Language;
using AngleSharp.Dom;
using Sitrep.Ingest;

namespace Sitrep.Content.Html;

/// <summary>
/// Title, date, author, site name, canonical address and declared language of a page, read from the
/// whole DOM before any pruning: meta tags (Open Graph, article:*, Dublin Core, Parse.ly, Sailthru),
/// JSON-LD, &lt;time&gt; and itemprop microdata, the &lt;title&gt; and the first &lt;h1&gt;, and the address.
/// </summary>
internal static partial class HtmlMetadata
{
    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " « ", " / ", " : "];

    private static readonly HashSet<string> ArticleTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "ScholarlyArticle", "TechArticle", "Report",
        "SocialMediaPosting", "WebPage", "Blog", "Posting",
    };

    /// <summary>Fills the metadata of <paramref name="content"/> from <paramref name="document"/>.</summary>
    public static void Fill(IDocument document, string? url, ExtractedContent content)
    {
        var meta = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var ld = new LinkedData();
        string? canonical = null, titleTag = null, h1 = null, articleH1 = null, timeInArticle = null, anyTime = null;
        string? itempropDate = null, itempropAuthor = null, relAuthor = null, itempropHeadline = null;

        foreach (var element in Relevant(document))
        {
            switch (element.LocalName)
            {
                case "meta":
                    var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("http-equiv")
                        ?? element.GetAttribute("itemprop");
                    var value = element.GetAttribute("content");
                    if (key is not null && !string.IsNullOrWhiteSpace(value)) meta.TryAdd(key.Trim(), value.Trim());
                    break;
                case "link":
                    var rel = element.GetAttribute("rel") ?? "";
                    if (canonical is null && rel.Equals("canonical", StringComparison.OrdinalIgnoreCase))
                        canonical = element.GetAttribute("href");
                    else if (relAuthor is null && rel.Equals("author", StringComparison.OrdinalIgnoreCase) && element.TextContent.Trim() is { Length: > 0 } linkName)
                        relAuthor = linkName;
                    break;
                case "script":
                    if ((element.GetAttribute("type") ?? "").Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                        ld.Read(element.TextContent);
                    break;
                case "title":
                    titleTag ??= element.TextContent;
                    break;
                case "h1":
                    var text = Collapse(element.TextContent);
                    if (text.Length > 0)
                    {
                        h1 ??= text;
                        if (articleH1 is null && element.Closest("article") is not null) articleH1 = text;
                    }
                    break;
                case "time":
                    var datetime = element.GetAttribute("datetime");
                    if (datetime is not null)
                    {
                        anyTime ??= datetime;
                        if (timeInArticle is null && element.Closest("article, [itemprop=articleBody], main") is not null) timeInArticle = datetime;
                    }
                    break;
            }

            if (element.GetAttribute("itemprop") is { } itemprop)
            {
                var itemValue = element.GetAttribute("content") ?? element.GetAttribute("datetime") ?? element.TextContent;
                switch (itemprop)
                {
                    case "datePublished": itempropDate ??= itemValue; break;
                    case "author":
                        var name = element.QuerySelector("[itemprop=name]")?.GetAttribute("content") ?? element.QuerySelector("[itemprop=name]")?.TextContent ?? itemValue;
                        itempropAuthor ??= Collapse(name) is { Length: > 0 and < 120 } n ? n : null;
                        break;
                    case "headline": itempropHeadline ??= Collapse(itemValue); break;
                }
            }
        }

        content.SiteName = FirstText(Get(meta, "og:site_name"), ld.Publisher, Get(meta, "application-name"), Get(meta, "twitter:site")?.TrimStart('@'));
        content.CanonicalUrl = Absolute(FirstText(canonical, Get(meta, "og:url")), url);
        content.Title = ChooseTitle(FirstText(ld.Headline, itempropHeadline), FirstText(Get(meta, "og:title"), Get(meta, "twitter:title"), Get(meta, "dc.title")),
            titleTag, articleH1 ?? h1, content.SiteName ?? HostName(url ?? content.CanonicalUrl));
        content.Published = FirstDate(Get(meta, "article:published_time"), ld.DatePublished, itempropDate, Get(meta, "datePublished"),
            Get(meta, "date"), Get(meta, "pubdate"), Get(meta, "publishdate"), Get(meta, "publish-date"), Get(meta, "dc.date.issued"),
            Get(meta, "dcterms.date"), Get(meta, "dc.date"), Get(meta, "sailthru.date"), Get(meta, "parsely-pub-date"),
            Get(meta, "og:published_time"), timeInArticle, DateFromUrl(url ?? canonical), anyTime);
        content.Author = FirstText(ld.Author, NotUrl(Get(meta, "author")), NotUrl(Get(meta, "article:author")), Get(meta, "parsely-author"),
            Get(meta, "sailthru.author"), Get(meta, "dc.creator"), itempropAuthor, relAuthor);
        content.DeclaredLanguage = FirstLanguage(document.DocumentElement?.GetAttribute("lang"), document.DocumentElement?.GetAttribute("xml:lang"),
            Get(meta, "content-language"), Get(meta, "og:locale"), Get(meta, "dc.language"), ld.Language);
    }

    /// <summary>
    /// The elements metadata may come from (meta, link[rel], script[type], time, [itemprop], h1, title), in
    /// document order: one walk of the tree, much cheaper than the equivalent selector query.
    /// </summary>
    private static IEnumerable<IElement> Relevant(IDocument document)
    {
        if (document.DocumentElement is not { } root) yield break;
        var stack = new Stack<IElement>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            var relevant = element.LocalName switch
            {
                "meta" or "time" or "h1" or "title" => true,
                "link" => element.HasAttribute("rel"),
                "script" => element.HasAttribute("type"),
                _ => false,
            };
            if (relevant || element.HasAttribute("itemprop")) yield return element;
            // (Children by index: AngleSharp finds a node's siblings by searching its parent's list.)
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
                if (children[i] is IElement child) stack.Push(child);
        }
    }

    /// <summary>"https://www.lejournal.fr/…" → "lejournal": what a site's name often looks like.</summary>
    private static string? HostName(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri)) return null;
        var labels = uri.Host.Split('.');
        return labels.Length >= 2 ? labels[^2] : null;
    }

    private static string? Get(Dictionary<string, string> meta, string key) => meta.GetValueOrDefault(key);

    private static string? FirstText(params string?[] values)
    {
        foreach (var value in values)
            if (value is not null && Collapse(value) is { Length: > 0 } text) return text;
        return null;
    }

    private static string? NotUrl(string? value) =>
        value is null || value.StartsWith("http", StringComparison.OrdinalIgnoreCase) || value.StartsWith('/') ? null : value;

    private static string? FirstDate(params string?[] values)
    {
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            string text;
            try { text = OffsetWithoutColon().Replace(value.Trim(), "$1:$2"); }
            catch (RegexMatchTimeoutException) { text = value.Trim(); }
            if (PublicationDate.Normalise(text) is { } date) return date;
        }
        return null;
    }

    /// <summary>"/2019/03/05/" in an address → "2019-03-05".</summary>
    internal static string? DateFromUrl(string? url)
    {
        if (url is null) return null;
        try
        {
            var match = UrlDate().Match(url);
            return match.Success ? PublicationDate.Normalise($"{match.Groups[1].Value}-{match.Groups[2].Value}-{match.Groups[3].Value}") : null;
        }
        catch (RegexMatchTimeoutException) { return null; }
    }

    private static string? Absolute(string? href, string? baseUrl)
    {
        if (href is null) return null;
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && (absolute.Scheme == Uri.UriSchemeHttp || absolute.Scheme == Uri.UriSchemeHttps))
            return absolute.ToString();
        if (baseUrl is not null && Uri.TryCreate(baseUrl, UriKind.Absolute, out var root) && Uri.TryCreate(root, href, out var resolved))
            return resolved.ToString();
        return null;
    }

    private static string? FirstLanguage(params string?[] values)
    {
        foreach (var value in values)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var primary = value.Trim().Split('-', '_', ',', ';', ' ')[0].ToLowerInvariant();
            if (primary.Length is 2 or 3 && primary.All(char.IsAsciiLetterLower)) return primary;
        }
        return null;
    }

    /// <summary>
    /// The headline without the site's name: a clean source (JSON-LD headline) wins; otherwise the
    /// Open Graph or &lt;title&gt; text is cut at its separators and the part that agrees with the
    /// &lt;h1&gt;, or is not the site's name, is kept.
    /// </summary>
    internal static string? ChooseTitle(string? headline, string? social, string? titleTag, string? h1, string? siteName)
    {
        if (headline is not null) return StripSite(headline, siteName, h1);
        var raw = FirstText(social, titleTag);
        if (raw is null) return h1 is { Length: > 0 } ? h1 : null;
        var stripped = StripSite(Collapse(raw), siteName, h1);
        if (h1 is not null && h1.Length >= 10 && Similar(h1, stripped) is false && Collapse(raw).Contains(h1, StringComparison.OrdinalIgnoreCase))
            return h1;
        return stripped;
    }

    /// <summary>When the title still has parts and one of them is the article's first heading, that part.</summary>
    internal static string AgreeWithHeading(string title, string heading)
    {
        foreach (var separator in TitleSeparators)
            foreach (var part in title.Split(separator))
                if (part.Length < title.Length && Similar(part, heading)) return part.Trim();
        return title;
    }

    private static string StripSite(string title, string? siteName, string? h1)
    {
        foreach (var separator in TitleSeparators)
        {
            var parts = title.Split(separator);
            if (parts.Length < 2) continue;
            // The part the <h1> agrees with.
            if (h1 is not null)
                foreach (var part in parts)
                    if (Similar(part, h1)) return part.Trim();
            var first = parts[0].Trim();
            var last = parts[^1].Trim();
            if (siteName is not null)
            {
                if (Similar(last, siteName) || IsSiteLike(last, siteName)) return title[..title.LastIndexOf(separator, StringComparison.Ordinal)].Trim();
                if (Similar(first, siteName) || IsSiteLike(first, siteName)) return title[(title.IndexOf(separator, StringComparison.Ordinal) + separator.Length)..].Trim();
            }
            // No name to compare with: a short last part is the site's name ("… - Le Journal").
            if (separator != " : " && last.Length <= 30 && last.Length * 2 < first.Length)
                return title[..title.LastIndexOf(separator, StringComparison.Ordinal)].Trim();
        }
        return title.Trim();
    }

    private static bool IsSiteLike(string part, string siteName)
    {
        var a = Letters(part);
        var b = Letters(siteName);
        return a.Length > 0 && b.Length > 0 && (a.Contains(b, StringComparison.Ordinal) || b.Contains(a, StringComparison.Ordinal));
    }

    private static bool Similar(string a, string b) =>
        string.Equals(Letters(a), Letters(b), StringComparison.Ordinal) && Letters(a).Length > 0;

    private static string Letters(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    internal static string Collapse(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = builder.Length > 0; continue; }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>Runs the patterns once, so that their first use on a page does not pay their JIT under the match time limit.</summary>
    internal static void WarmUp()
    {
        RegexWarmUp.TryRun(OffsetWithoutColon());
        RegexWarmUp.TryRun(UrlDate());
    }

    // (Both patterns are linear; the limit is generous so that it never fires on a loaded machine, see RegexWarmUp.)
    [GeneratedRegex(@"([+-]\d{2})(\d{2})$", RegexOptions.None, 2000)]
    private static partial Regex OffsetWithoutColon();

    [GeneratedRegex(@"/((?:19|20)\d{2})/([01]\d)/([0-3]\d)(?:/|$|[^0-9])", RegexOptions.None, 2000)]
    private static partial Regex UrlDate();

    /// <summary>What JSON-LD blocks say about the article; the first value found wins.</summary>
    private sealed class LinkedData
    {
        public string? Headline, DatePublished, Author, Publisher, Language;

        public void Read(string json)
        {
            if (json.Length > 1_000_000) return;
            try
            {
                using var parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 });
                Visit(parsed.RootElement, 0);
            }
            catch (JsonException) { /* broken JSON-LD is common; the other sources remain */ }
        }

        private void Visit(JsonElement element, int depth)
        {
            if (depth > 8) return;
            if (element.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in element.EnumerateArray()) Visit(item, depth + 1);
                return;
            }
            if (element.ValueKind != JsonValueKind.Object) return;
            if (element.TryGetProperty("@graph", out var graph)) Visit(graph, depth + 1);
            if (!IsArticle(element)) return;
            Headline ??= String(element, "headline") ?? (TypeIs(element, "WebPage") ? null : String(element, "name"));
            DatePublished ??= String(element, "datePublished") ?? String(element, "dateCreated");
            Author ??= Names(element, "author");
            Publisher ??= Names(element, "publisher");
            Language ??= String(element, "inLanguage");
        }

        private static bool IsArticle(JsonElement element)
        {
            if (!element.TryGetProperty("@type", out var type)) return false;
            if (type.ValueKind == JsonValueKind.String) return ArticleTypes.Contains(type.GetString() ?? "");
            if (type.ValueKind == JsonValueKind.Array)
                foreach (var t in type.EnumerateArray())
                    if (t.ValueKind == JsonValueKind.String && ArticleTypes.Contains(t.GetString() ?? "")) return true;
            return false;
        }

        private static bool TypeIs(JsonElement element, string name) =>
            element.TryGetProperty("@type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == name;

        private static string? String(JsonElement element, string name) =>
            element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } s
                && Collapse(s) is { Length: > 0 } text ? text : null;

        private static string? Names(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value)) return null;
            var names = new List<string>();
            void Add(JsonElement item)
            {
                if (item.ValueKind == JsonValueKind.String && item.GetString() is { } s && !s.StartsWith("http", StringComparison.Ordinal)) names.Add(Collapse(s));
                else if (item.ValueKind == JsonValueKind.Object && String(item, "name") is { } n) names.Add(n);
            }
            if (value.ValueKind == JsonValueKind.Array) foreach (var item in value.EnumerateArray()) Add(item);
            else Add(value);
            var distinct = names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
            return distinct.Count > 0 ? string.Join(", ", distinct) : null;
        }
    }
}
