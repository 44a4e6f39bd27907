using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Sitrep.Content.Scraped;

namespace Sitrep.Content.Html;

/// <summary>
/// Main content and metadata of a web page, from its DOM. A cascade in the manner of trafilatura:
/// <list type="number">
/// <item>Metadata is read from the whole page first (<see cref="HtmlMetadata"/>).</item>
/// <item>The tree is pruned: furniture tags (script, nav, aside, footer, forms' controls…), hidden elements,
///   furniture roles, and elements whose class/id says furniture (menus, share bars, ads, cookie banners,
///   comments, related boxes, newsletter pleas, tags, captions, bylines) are removed. The patterns are data
///   (<c>data/html/boilerplate.yaml</c>). An element holding most of the page's text, or the article body
///   the selectors point at, is never removed that way.</item>
/// <item>The article body is looked for with known class/id patterns, best group first, then &lt;article&gt;.</item>
/// <item>Without a convincing body, or when the body found is a small part of it, the container whose
///   paragraphs score best (text length, commas, few links, as Readability does) is chosen, with its
///   siblings that score nearly as well (an article split into one wrapper per section).</item>
/// <item>When that yields little text, the page is parsed again and pruned leniently (tags, roles and hidden
///   elements only: class/id furniture patterns sometimes hit the article), and the longer result wins.
///   Optionally (<see cref="UseSmartReader"/>), SmartReader is asked last.</item>
/// <item>When everything else fails: every text block of the pruned page.</item>
/// <item>The article's lead (standfirst), when it sits just before the body chosen but outside it, is put first.</item>
/// </list>
/// The blocks of the chosen container are then filtered: link-heavy blocks, reading prompts and pleas
/// (<c>boilerplate_lines</c>), repeated blocks, short blocks that are line cues of <c>lang/&lt;code&gt;/boilerplate.yaml</c>
/// (<see cref="Cues"/>) and headings left dangling at the end are dropped.
/// Instances are stateless and thread-safe; the result depends only on the input.
/// </summary>
public sealed class HtmlContentExtractor
{
    /// <summary>How far up the body found by the selectors may meet its kin (other parts of the same article).</summary>
    private const int KinLevels = 6;
    /// <summary>A body found by the selectors must yield at least this much text to be trusted alone; below
    /// it, a lenient pass is made.</summary>
    private const int MinBodyChars = 250;
    /// <summary>Below this much text (after the lenient pass), SmartReader's opinion is asked.</summary>
    private const int SmartReaderBelowChars = MinBodyChars;
    /// <summary>SmartReader is not asked about trees deeper or pages larger than this.</summary>
    private const int MaxSmartReaderDepth = 150;
    private const int MaxSmartReaderChars = 1_500_000;
    /// <summary>Pages beyond this size are cut (the tail of a 5 MB page is not its article).</summary>
    private const int MaxHtmlChars = 4_000_000;
    /// <summary>Furniture by class/id holding more of the page's text than this is kept (it wraps the article).</summary>
    private const double MaxFurnitureShare = 0.7;
    /// <summary>The same for furniture whose class/id also names a body ("post-author"): only small boxes go.</summary>
    private const double MaxWeakBodyFurnitureShare = 0.25;
    /// <summary>How far up from a lead (standfirst) the article body must be met for the lead to join it.</summary>
    private const int LeadLevels = 5;
    /// <summary>Leads looked at per page (a teaser grid has hundreds of "teaser" elements).</summary>
    private const int MaxLeads = 64;
    /// <summary>A lead is a paragraph or two; longer, it is something else.</summary>
    private const int MaxLeadChars = 1200;

    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };

    [ThreadStatic] private static HtmlParser? _parser;

    private readonly HtmlExtractionRules _rules;

    public HtmlContentExtractor() : this(HtmlExtractionRules.Default) { }

    public HtmlContentExtractor(HtmlExtractionRules rules)
    {
        _rules = rules;
        HtmlMetadata.WarmUp();
    }

    /// <summary>
    /// Whether SmartReader may be asked for a last opinion when both passes found almost nothing (off by
    /// default: on the trafilatura set it no longer wins a page once the lenient pass exists, and Readability
    /// can take seconds on an ordinary-looking page).
    /// </summary>
    public bool UseSmartReader { get; init; }

    /// <summary>
    /// The line cues of <c>lang/&lt;code&gt;/boilerplate.yaml</c> (the scraped-text path's), tried on short blocks of the
    /// chosen text: a block that is nothing but a share, subscribe or navigation phrase is dropped, and one that is
    /// nothing but a related-articles, comments or footer heading ends the article once most of it is behind.
    /// Without them only <c>boilerplate_lines</c> of <c>data/html/boilerplate.yaml</c> apply.
    /// </summary>
    public BoilerplateCues? Cues { get; init; }

    /// <summary>How the last extraction on this thread chose its text (for the benchmark's diagnostics).</summary>
    [ThreadStatic] internal static string? Trace;

    private static HtmlParser Parser => _parser ??= new HtmlParser(ParserOptions);

    public ExtractedContent Extract(string html, string? url)
    {
        var content = new ExtractedContent();
        if (html.Length > MaxHtmlChars)
        {
            html = html[..MaxHtmlChars];
            content.Warnings.Add("page cut to its first 4 million characters");
        }

        IHtmlDocument document;
        try
        {
            document = Parser.ParseDocument(html);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            content.Warnings.Add($"HTML could not be parsed: {e.Message}");
            return content;
        }

        HtmlMetadata.Fill(document, url, content);
        if (document.Body is not { } body) return content;
        var pruned = Prune(body);
        var blocks = ChooseBlocks(body, pruned, html, url, out var method);
        content.Blocks.AddRange(Filter(blocks, out var firstHeading));
        if (content.Title is { } title && firstHeading is not null) content.Title = HtmlMetadata.AgreeWithHeading(title, firstHeading);
        Trace = method;
        return content;
    }

    private List<TextBlock> ChooseBlocks(IElement body, PruneResult pruned, string html, string? url, out string? note)
    {
        var best = OwnChoice(body, pruned, out note, out var bestLength, out var all);

        // 3. A lenient pass when little was found: furniture by class/id (a report's sections classed
        //    "…--ads", a live ticker's "…-comment" entries) may have held the article. The page is parsed
        //    again and pruned by tags, roles and hidden elements only.
        if (bestLength < MinBodyChars && (pruned.FurnitureRemoved || pruned.SectioningRemoved))
        {
            var document = Parser.ParseDocument(html);
            if (document.Body is { } lenientBody)
            {
                var lenientPruned = Prune(lenientBody, lenient: true);
                var lenient = OwnChoice(lenientBody, lenientPruned, out var lenientNote, out var lenientLength, out _);
                if (lenient is not null && lenientLength > bestLength)
                {
                    best = lenient;
                    bestLength = lenientLength;
                    note = $"lenient {lenientNote} (over {note})";
                }
            }
        }

        // 4. A second opinion when little was found.
        // (Not on pathological trees: Readability's passes grow with depth times size.)
        if (UseSmartReader && bestLength < SmartReaderBelowChars && pruned.MaxDepth <= MaxSmartReaderDepth && html.Length <= MaxSmartReaderChars)
        {
            var sw2 = System.Diagnostics.Stopwatch.StartNew();
            var smart = SmartReaderBlocks(html, url);
            var smartLength = GoodLength(smart);
            if (smartLength > bestLength * 2 || (bestLength < MinBodyChars && smartLength > bestLength))
            {
                best = smart;
                bestLength = smartLength;
                note = $"smartreader {smartLength} (over {note})";
            }
        }

        // 5. Baseline: every block of the pruned page.
        if (best is null || bestLength < 50)
        {
            var allLength = GoodLength(all);
            if (allLength > bestLength)
            {
                note = $"baseline {allLength} (over {note})";
                return all;
            }
        }
        return best ?? [];
    }

    /// <summary>The article as the selectors and the container scores see it in a pruned tree.</summary>
    private static List<TextBlock>? OwnChoice(IElement body, PruneResult pruned, out string note, out int bestLength, out List<TextBlock> all)
    {
        // 1. Known article-body selectors, best group first; the candidate with the most text in a group.
        List<TextBlock>? best = null;
        IElement? bestElement = null;
        bestLength = 0;
        var bestGroup = -1;
        for (var g = 0; g < pruned.Candidates.Count; g++)
        {
            var found = new List<(IElement Element, List<TextBlock> Blocks, int Length)>();
            foreach (var candidate in pruned.Candidates[g].Take(24))
            {
                if (!IsAttached(candidate, body)) continue;
                var blocks = BlockCollector.Collect(candidate);
                found.Add((candidate, blocks, GoodLength(blocks)));
            }
            if (found.Count == 0) continue;
            var winner = found.MaxBy(f => f.Length);
            // Articles split into several blocks of the same kind (one rich-text block per section): the
            // winner's kin close to it in the tree join it, in document order.
            var kin = found.Where(f => f == winner || (f.Length >= 50 && IsKin(f.Element, winner.Element, found))).ToList();
            var length = kin.Sum(f => f.Length);
            if (length > bestLength)
            {
                best = kin.SelectMany(f => f.Blocks).ToList();
                bestElement = winner.Element;
                bestLength = length;
                bestGroup = g;
            }
            if (bestLength >= MinBodyChars) break;
        }
        note = bestElement is null ? "no selector" : $"selector {Describe(bestElement)} {bestLength}";

        // 2. The best-scoring container: chosen when the selectors found little, or found something
        //    elsewhere on the page with much less prose than it (a teaser list, a menu's text field).
        all = BlockCollector.Collect(body);
        var (top, scored) = ScoreContainers(all);
        var scoredLength = GoodLength(scored);
        var unrelated = bestElement is null || top is null || !(IsAttached(top, bestElement) || IsAttached(bestElement, top));
        // A body inside the best-scoring container, with less prose than it, is a part of the article (one
        // section, the text without its lead or its headings).
        var part = bestElement is not null && top is not null && IsAttached(bestElement, top) && scoredLength > 1.1 * bestLength;
        if (bestLength < MinBodyChars ? scoredLength > bestLength : (unrelated && scoredLength > OverruleFactor(bestGroup) * bestLength || part))
        {
            best = scored;
            bestLength = scoredLength;
            note = $"scored {(top is null ? "-" : Describe(top))} {scoredLength} (over {note})";
        }

        if (best is { Count: > 0 } && (Lead(best, pruned.Leads, pruned.Headlines, body) ?? LeadUnderHeadline(best, pruned.Headlines.Find(h => IsAttached(h, body)), body)) is { } lead)
        {
            best.InsertRange(0, lead);
            note += " +lead";
        }
        return best;
    }

    /// <summary>
    /// The article's lead (standfirst) when it sits outside the body chosen: the nearest element classed as one
    /// (or marked itemprop="description") that comes before the body and meets it at most <see cref="LeadLevels"/>
    /// levels up: in the article's header, or beside the body in the same wrapper.
    /// </summary>
    private static List<TextBlock>? Lead(List<TextBlock> chosen, List<IElement> leads, List<IElement> headlines, IElement body)
    {
        var first = chosen[0].Container;
        var near = new List<IElement>();
        foreach (var lead in leads)
        {
            if (!IsAttached(lead, body) || IsAttached(first, lead) || IsAttached(lead, first)) continue;
            if (!first.CompareDocumentPosition(lead).HasFlag(DocumentPositions.Preceding)) continue;
            // (Not a header classed "intro" that also holds the headline and the picture's credit.)
            if (InLinkListOrFigure(lead, quotes: false) || headlines.Exists(h => IsAttached(h, lead))) continue;
            // (A lead whole, not a part of it.)
            if (near.Count > 0 && IsAttached(lead, near[^1])) continue;
            var ancestor = lead.ParentElement;
            for (var level = 0; ancestor is not null && level < LeadLevels; level++, ancestor = ancestor.ParentElement)
            {
                if (!IsAttached(first, ancestor)) continue;
                near.Add(lead);
                break;
            }
        }
        // The nearest with a lead's length, not already in the body.
        for (var i = near.Count - 1; i >= 0; i--)
        {
            if (chosen.Exists(b => IsAttached(b.Container, near[i]))) return null;
            var blocks = BlockCollector.Collect(near[i]);
            var length = GoodLength(blocks);
            if (length < 30 || length > MaxLeadChars || blocks.Exists(b => chosen.Exists(c => c.Text == b.Text))) continue;
            return blocks;
        }
        return null;
    }

    /// <summary>Whether the element is, or sits in, a link, a list item, a figure (or a quotation): no lead there.</summary>
    private static bool InLinkListOrFigure(IElement element, bool quotes)
    {
        for (var e = element; e is not null; e = e.ParentElement)
            if (e.LocalName is "a" or "li" or "figure" || (quotes && e.LocalName == "blockquote")) return true;
        return false;
    }

    /// <summary>
    /// Without a lead by class: the paragraphs between the headline (the first &lt;h1&gt; left after pruning) and the body, when the
    /// two meet at most <see cref="LeadLevels"/> levels above the headline; sentences only (no byline, no date line).
    /// </summary>
    private static List<TextBlock>? LeadUnderHeadline(List<TextBlock> chosen, IElement? headline, IElement body)
    {
        var first = chosen[0].Container;
        if (headline is null || !IsAttached(headline, body) || IsAttached(headline, first) || IsAttached(first, headline)) return null;
        if (!first.CompareDocumentPosition(headline).HasFlag(DocumentPositions.Preceding)) return null;
        IElement? meeting = null;
        var ancestor = headline.ParentElement;
        for (var level = 0; ancestor is not null && level < LeadLevels && meeting is null; level++, ancestor = ancestor.ParentElement)
            if (IsAttached(first, ancestor)) meeting = ancestor;
        if (meeting is null) return null;
        var lead = new List<TextBlock>();
        var length = 0;
        // The paragraphs after the headline and before the body, in document order (a walk that stops at the body).
        var stack = new Stack<IElement>();
        stack.Push(meeting);
        var afterHeadline = false;
        while (stack.Count > 0)
        {
            var element = stack.Pop();
            if (IsAttached(element, first)) break;
            if (element == headline)
            {
                afterHeadline = true;
                continue;
            }
            if (afterHeadline && element.LocalName == "p")
            {
                if (InLinkListOrFigure(element, quotes: true)) continue;
                foreach (var block in BlockCollector.Collect(element))
                {
                    if (block.LinkDensity >= 0.5 || CountWords(block.Text) < 8 || block.Text[^1] is not ('.' or '!' or '?' or '…' or '"' or '»' or '”')) continue;
                    lead.Add(block);
                    length += block.Text.Length;
                }
                continue;
            }
            var children = element.Children;
            for (var i = children.Length - 1; i >= 0; i--) stack.Push(children[i]);
        }
        return lead.Count == 0 || length > MaxLeadChars || lead.Exists(b => chosen.Exists(c => c.Text == b.Text)) ? null : lead;
    }

    /// <summary>
    /// How many times more prose an unrelated best-scoring container must hold to overrule a body found by the
    /// selectors of group <paramref name="group"/> (index into the candidates): a strong selector (articleBody,
    /// "article-body", &lt;article&gt;) beside a long link list or product grid is still the article.
    /// </summary>
    private static int OverruleFactor(int group) => group switch { 0 or 1 => 5, 2 => 3, _ => 2 };

    /// <summary>
    /// True when <paramref name="element"/> is a separate part of the same article as <paramref name="winner"/>:
    /// neither holds the other nor another candidate holds it, and they meet at most <see cref="KinLevels"/> levels up.
    /// </summary>
    private static bool IsKin(IElement element, IElement winner, List<(IElement Element, List<TextBlock> Blocks, int Length)> found)
    {
        if (IsAttached(element, winner) || IsAttached(winner, element)) return false;
        foreach (var other in found)
            if (other.Element != element && IsAttached(element, other.Element)) return false;
        var ancestor = winner.ParentElement;
        for (var level = 0; ancestor is not null && level < KinLevels; level++, ancestor = ancestor.ParentElement)
            if (IsAttached(element, ancestor)) return true;
        return false;
    }

    /// <summary>Text length of blocks that look like prose (not link lists).</summary>
    private static int GoodLength(List<TextBlock> blocks)
    {
        var length = 0;
        foreach (var block in blocks)
            if (block.LinkDensity < 0.5) length += block.Text.Length;
        return length;
    }

    private static bool IsAttached(IElement element, IElement root)
    {
        for (var e = element; e is not null; e = e.ParentElement)
            if (e == root) return true;
        return false;
    }

    /// <summary>
    /// Readability-style scoring: each prose block gives points (1 + commas + length/100, at most 3 for
    /// length) to its container, half to the next one up, a third to the ones above; the container with
    /// the most points, discounted by its link density, holds the article.
    /// </summary>
    private static (IElement? Top, List<TextBlock> Blocks) ScoreContainers(List<TextBlock> blocks)
    {
        var scores = new Dictionary<IElement, (double Score, int Chars, int LinkChars)>();
        foreach (var block in blocks)
        {
            var level = 0;
            for (var e = block.Container; e is not null && level < 5; e = e.ParentElement, level++)
            {
                var current = scores.GetValueOrDefault(e);
                var points = 0.0;
                if (block.Text.Length >= 25 && block.LinkDensity < 0.5 && block.Kind != BlockKind.Heading)
                {
                    var commas = 0;
                    foreach (var c in block.Text) if (c is ',' or '،' or '，') commas++;
                    points = (1 + commas + Math.Min(block.Text.Length / 100.0, 3)) / (level switch { 0 or 1 => 1, 2 => 2, _ => level * 3 });
                }
                scores[e] = (current.Score + points, current.Chars + block.Text.Length, current.LinkChars + block.LinkChars);
            }
        }
        IElement? top = null;
        var topScore = 0.0;
        foreach (var (element, value) in scores)
        {
            var linkDensity = value.Chars == 0 ? 0 : (double)value.LinkChars / value.Chars;
            var score = value.Score * (1 - linkDensity);
            if (score > topScore || (score == topScore && top is not null && element.CompareDocumentPosition(top).HasFlag(DocumentPositions.Following)))
            {
                top = element;
                topScore = score;
            }
        }
        if (top is null) return (null, []);

        // As Readability does: a container alone in its parent is the same thing as the parent; then the
        // siblings scoring at least a fifth of it are parts of the same article (one wrapper per section).
        while (top.ParentElement is { } parent && parent.LocalName != "body" && parent.ChildElementCount == 1) top = parent;
        var parts = new List<IElement> { top };
        if (top.ParentElement is { } wrapper && wrapper.LocalName != "body")
        {
            parts.Clear();
            var children = wrapper.ChildNodes;
            for (var i = 0; i < children.Length; i++)
            {
                if (children[i] is not IElement sibling) continue;
                if (sibling == top || Discounted(Best(sibling)) >= topScore * 0.2) parts.Add(sibling);
            }
        }
        return (top, blocks.Where(b => parts.Exists(p => IsAttached(b.Container, p))).ToList());

        // An element's own score, or that of its best-scoring descendant when only that was scored (a section
        // wrapper whose text sits in a div of its own).
        (double Score, int Chars, int LinkChars) Best(IElement element)
        {
            for (var e = element; e is not null; e = e.ChildElementCount == 1 ? e.FirstElementChild : null)
                if (scores.TryGetValue(e, out var value)) return value;
            return default;
        }

        static double Discounted((double Score, int Chars, int LinkChars) value) =>
            value.Score * (1 - (value.Chars == 0 ? 0 : (double)value.LinkChars / value.Chars));
    }

    private List<TextBlock> SmartReaderBlocks(string html, string? url)
    {
        try
        {
            var address = url is not null && Uri.TryCreate(url, UriKind.Absolute, out _) ? url : "https://localhost/";
            var article = new SmartReader.Reader(address, html).GetArticle();
            if (!article.IsReadable || string.IsNullOrWhiteSpace(article.Content)) return [];
            var document = Parser.ParseDocument(article.Content);
            if (document.Body is not { } body) return [];
            Prune(body);
            return BlockCollector.Collect(body);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return [];
        }
    }

    /// <summary>The blocks worth keeping, each one line of text.</summary>
    private List<string> Filter(List<TextBlock> blocks, out string? firstHeading)
    {
        firstHeading = null;
        var kept = new List<TextBlock>(blocks.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var block in blocks)
        {
            var density = block.LinkDensity;
            if (density > 0.8) continue;
            if (density > 0.5 && (block.Kind is BlockKind.ListItem or BlockKind.Other or BlockKind.Cell || block.Text.Length < 150)) continue;
            if (_rules.BoilerplateLines is { } lines && HtmlExtractionRules.SafeMatch(lines, block.Text)) continue;
            if (block.Text.Length < 200 && !seen.Add(block.Text)) continue;
            kept.Add(block);
        }
        if (Cues is not null) DropCuedBlocks(kept, Cues);
        // A heading with nothing of its own under it (at the end, or followed by a heading of the same or a
        // higher rank) announced something that was removed: comments, related articles, a newsletter box.
        var result = new List<string>(kept.Count);
        for (var i = 0; i < kept.Count; i++)
        {
            if (kept[i].Kind == BlockKind.Heading
                && (i + 1 == kept.Count || (kept[i + 1].Kind == BlockKind.Heading && Rank(kept[i + 1]) <= Rank(kept[i]))))
                continue;
            if (kept[i].Kind == BlockKind.Heading) firstHeading ??= kept[i].Text;
            result.Add(kept[i].Text);
        }
        return result;
    }

    /// <summary>Blocks longer than this are never taken for a cue line.</summary>
    private const int MaxCueWords = 20;
    /// <summary>An end cue (related articles, comments) ends the article only with at least this share of its text before it.</summary>
    private const double EndCueAfterShare = 0.5;

    /// <summary>Drops the short blocks that are a cue phrase and nothing else, and ends the text at an end cue (see <see cref="Cues"/>).</summary>
    private static void DropCuedBlocks(List<TextBlock> blocks, BoilerplateCues cues)
    {
        var total = 0;
        foreach (var block in blocks) total += block.Text.Length;
        var before = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var text = blocks[i].Text;
            var words = CountWords(text);
            if (words <= MaxCueWords && cues.Match(text, words, bylines: false) is { } cue
                && cue.Category is not (CueCategory.Byline or CueCategory.Dateline))
            {
                if (cue.Role == CueRole.End && cue.WholeLine && before >= total * EndCueAfterShare)
                {
                    blocks.RemoveRange(i, blocks.Count - i);
                    return;
                }
                blocks.RemoveAt(i--);
                continue;
            }
            before += text.Length;
        }
    }

    /// <summary>Runs of non-space characters.</summary>
    internal static int CountWords(string text)
    {
        var words = 0;
        var inWord = false;
        foreach (var c in text)
        {
            var letter = !char.IsWhiteSpace(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    private static int Rank(TextBlock heading) => heading.Container.LocalName is [ 'h', var digit ] ? digit - '0' : 7;

    private sealed record PruneResult(List<List<IElement>> Candidates, List<IElement> Leads, List<IElement> Headlines, int MaxDepth, bool FurnitureRemoved, bool SectioningRemoved);

    /// <summary>
    /// Removes furniture from the tree under <paramref name="body"/> and returns the article-body
    /// candidates the selectors found, by group (best first).
    /// </summary>
    private PruneResult Prune(IElement body, bool lenient = false)
    {
        var groupCount = _rules.Body.Count + 2;
        var candidates = new List<List<IElement>>(groupCount);
        for (var i = 0; i < groupCount; i++) candidates.Add([]);
        var removeNow = new List<IElement>();
        var furniture = new List<(IElement Element, double MaxShare)>();
        var sectioning = new List<IElement>();
        var leads = new List<IElement>();
        var headlines = new List<IElement>();

        var classBuffer = new char[256];
        var verdicts = new Dictionary<(string Class, string Id), HtmlExtractionRules.ClassVerdict>();
        var maxDepth = 0;
        var stack = new Stack<(IElement Element, bool InArticle, int Depth)>();
        // (Children by index: AngleSharp finds a node's siblings by searching its parent's list.)
        var top = body.ChildNodes;
        for (var i = top.Length - 1; i >= 0; i--)
            if (top[i] is IElement child) stack.Push((child, false, 1));
        while (stack.Count > 0)
        {
            var (element, inArticle, depth) = stack.Pop();
            if (depth > maxDepth) maxDepth = depth;
            var name = element.LocalName;
            var attributes = Attributes.Of(element);
            if (name is "aside" or "header" or "footer" or "nav" or "menu" or "dialog"
                || (attributes.Role is { } role && _rules.RemoveRoles.Contains(role.Trim().ToLowerInvariant())))
            {
                // Sectioning furniture: removed below unless it wraps most of the page (it happens).
                if (name != "header" || !inArticle || _rules.RemoveTags.Contains(name)) sectioning.Add(element);
            }
            else if ((_rules.RemoveTags.Contains(name) && !(name == "noscript" && HoldsProse(element))) || attributes.IsHidden(name))
            {
                removeNow.Add(element);
                continue;
            }

            if (name == "h1" && headlines.Count < 8) headlines.Add(element);
            var isBodyTag = name is "div" or "article" or "section" or "main";
            if (attributes.ItemProp is "articleBody" or "articlebody")
                candidates[0].Add(element);
            else if (attributes.ItemProp is "description" && leads.Count < MaxLeads)
                leads.Add(element);
            else if (attributes.Class is { Length: > 0 } || attributes.Id is { Length: > 0 })
            {
                // Class/id values repeat within a page (list items, cards): each distinct pair is classified once.
                var key = (attributes.Class ?? "", attributes.Id ?? "");
                if (!verdicts.TryGetValue(key, out var verdict))
                {
                    verdict = _rules.Classify(attributes.ClassAndId(ref classBuffer));
                    verdicts[key] = verdict;
                }
                // (In the lenient pass, furniture stays in the tree but is no article body: a modal, a sidebar box.)
                var group = isBodyTag && !(lenient && verdict.IsFurniture) ? verdict.BodyGroup : -1;
                if (group >= 0) candidates[group == 0 ? 0 : group + 1].Add(element);
                // A weak body word ("post-author", "entry-meta") does not save a small piece of furniture.
                // (Not an <article>, nor an element whose id names a body: id="article" class="isPaywall".)
                if (verdict.IsFurniture && !lenient && (group < 0 || (group > 0 && name != "article" && !IdNamesBody(attributes.Id))))
                    furniture.Add((element, group < 0 ? MaxFurnitureShare : MaxWeakBodyFurnitureShare));
                else if (group < 0 && name == "article" && !verdict.IsFurniture) candidates[1].Add(element);
                if (verdict.IsLead && leads.Count < MaxLeads) leads.Add(element);
            }
            else if (name == "article") candidates[1].Add(element);
            if (name == "main") candidates[groupCount - 1].Add(element);

            var childInArticle = inArticle || name == "article" || name == "main";
            var children = element.ChildNodes;
            for (var i = children.Length - 1; i >= 0; i--)
                if (children[i] is IElement child) stack.Push((child, childInArticle, depth + 1));
        }
        foreach (var element in removeNow)
        {
            if (Debug) Console.Error.WriteLine($"remove {Describe(element)} {Clip(element.TextContent)}");
            element.Remove();
        }

        var total = TextLength(body);
        var sectioningRemoved = false;
        foreach (var element in sectioning)
        {
            if (!IsAttached(element, body) || TextLength(element) > total * 0.6) continue;
            // (In the lenient pass, one holding a headline stays: left unclosed, it may hold the article.)
            if (lenient && element.QuerySelector("h1") is not null) continue;
            // (Nor does the article's own header, with its headline and its lead: the lead may join the body.)
            if (element.LocalName == "header" && leads.Exists(l => IsAttached(l, element)) && headlines.Exists(h => IsAttached(h, element))) continue;
            if (Debug) Console.Error.WriteLine($"sectioning {Describe(element)} {Clip(element.TextContent)}");
            element.Remove();
            sectioningRemoved = true;
        }

        var furnitureRemoved = false;
        if (furniture.Count > 0)
        {
            // The strongest body candidates and whatever holds them stay, as does a wrapper holding most text.
            // Only candidates with a good share of the group's text count: a related-posts box whose teasers
            // are classed "related-post-content" must not shield itself.
            var protectedElements = new HashSet<IElement>();
            var strongest = (candidates[0].Count > 0 ? candidates[0] : candidates[1]).Take(24)
                .Select(c => (Element: c, Length: TextLength(c))).ToList();
            var longest = strongest.Count == 0 ? 0 : strongest.Max(c => c.Length);
            foreach (var (candidate, length) in strongest)
            {
                if (length < longest / 2) continue;
                for (var e = candidate.ParentElement; e is not null && e != body; e = e.ParentElement)
                    protectedElements.Add(e);
            }
            total = TextLength(body);
            foreach (var (element, maxShare) in furniture)
            {
                if (protectedElements.Contains(element) || !IsAttached(element, body)) continue;
                if (total > 0 && TextLength(element) > total * maxShare) continue;
                if (Debug) Console.Error.WriteLine($"furniture {Describe(element)} {Clip(element.TextContent)}");
                element.Remove();
                furnitureRemoved = true;
            }
        }
        return new PruneResult(candidates, leads, headlines, maxDepth, furnitureRemoved, sectioningRemoved);
    }

    private bool IdNamesBody(string? id) => id is { Length: > 0 } && _rules.Classify(id.ToLowerInvariant()).BodyGroup >= 0;

    private static readonly bool Debug = Environment.GetEnvironmentVariable("SITREP_HTML_DEBUG") == "1";

    private static string Clip(string text) => HtmlMetadata.Collapse(text) is var t && t.Length > 80 ? t[..80] : t;

    private static string Describe(IElement element) =>
        $"<{element.LocalName} class='{element.GetAttribute("class")}' id='{element.GetAttribute("id")}'>";

    /// <summary>A &lt;noscript&gt; holding an article (some blog platforms do that), not an image fallback.</summary>
    private static bool HoldsProse(IElement element) => TextLength(element) >= 200;

    /// <summary>How many characters of text a subtree holds, without building the text.</summary>
    private static int TextLength(INode root)
    {
        var length = 0;
        var stack = new Stack<INode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (node.NodeType == NodeType.Text) length += node.TextContent.Length;
            else
            {
                var children = node.ChildNodes;
                for (var i = 0; i < children.Length; i++) stack.Push(children[i]);
            }
        }
        return length;
    }

    /// <summary>The attributes the pruning looks at, read in one pass over the element's attributes.</summary>
    private readonly record struct Attributes(string? Class, string? Id, string? Role, string? ItemProp, string? Style, string? AriaHidden, bool Hidden)
    {
        public static Attributes Of(IElement element)
        {
            string? className = null, id = null, role = null, itemprop = null, style = null, ariaHidden = null;
            var hidden = false;
            var list = element.Attributes;
            for (var i = 0; i < list.Length; i++)
            {
                var attribute = list[i];
                if (attribute is null) continue;
                switch (attribute.Name)
                {
                    case "class": className ??= attribute.Value; break;
                    case "id": id ??= attribute.Value; break;
                    case "role": role ??= attribute.Value; break;
                    case "itemprop": itemprop ??= attribute.Value; break;
                    case "style": style ??= attribute.Value; break;
                    case "aria-hidden": ariaHidden ??= attribute.Value; break;
                    case "hidden": hidden = true; break;
                }
            }
            return new Attributes(className, id, role, itemprop, style, ariaHidden, hidden);
        }

        public bool IsHidden(string name)
        {
            if (Hidden) return true;
            if (AriaHidden is "true" && name is not ("div" or "article" or "section" or "main" or "p")) return true;
            if (Style is not { Length: > 0 } style) return false;
            return Contains(style, "display:none") || Contains(style, "display: none") || Contains(style, "visibility:hidden") || Contains(style, "visibility: hidden");
        }

        /// <summary>Class and id, lower-cased and joined with a space, in <paramref name="buffer"/> (grown as needed).</summary>
        public ReadOnlySpan<char> ClassAndId(ref char[] buffer)
        {
            var className = Class ?? "";
            var id = Id ?? "";
            if (className.Length == 0 && id.Length == 0) return default;
            var length = className.Length + id.Length + 1;
            if (buffer.Length < length) buffer = new char[Math.Max(length, buffer.Length * 2)];
            var written = className.AsSpan().ToLowerInvariant(buffer);
            if (id.Length == 0) return buffer.AsSpan(0, written);
            if (written > 0) buffer[written++] = ' ';
            written += id.AsSpan().ToLowerInvariant(buffer.AsSpan(written));
            return buffer.AsSpan(0, written);
        }
    }

    private static bool Contains(string text, string value) => text.Contains(value, StringComparison.OrdinalIgnoreCase);
}
