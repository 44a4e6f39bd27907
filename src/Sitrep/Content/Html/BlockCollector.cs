using System.Text;
using AngleSharp.Dom;

namespace Sitrep.Content.Html;

/// <summary>What a text block is, from the innermost block element that holds it.</summary>
internal enum BlockKind { Paragraph, Heading, ListItem, Quote, Cell, Preformatted, Other }

/// <summary>One line of text of the page, with how much of it is link text and the element holding it.</summary>
internal readonly record struct TextBlock(string Text, BlockKind Kind, int LinkChars, IElement Container)
{
    public double LinkDensity => Text.Length == 0 ? 0 : (double)LinkChars / Text.Length;
}

/// <summary>
/// Turns a DOM subtree into text blocks in reading order: every block-level element (p, h1–h6, li,
/// blockquote, td, div with its own text…) starts and ends a block; inline elements and text nodes add to
/// the current block; &lt;br&gt; becomes a line break, and two of them end the block. Whitespace is collapsed.
/// The walk is iterative, so very deep (or broken) trees cannot overflow the stack.
/// </summary>
internal sealed class BlockCollector
{
    private static readonly HashSet<string> BlockTags = new(StringComparer.Ordinal)
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div", "dl",
        "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup",
        "hr", "html", "legend", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul", "frameset", "noscript", "option", "listing", "plaintext", "xmp",
    };

    private readonly StringBuilder _buffer = new();
    private readonly List<TextBlock> _blocks = [];
    private int _linkChars;
    private bool _pendingSpace;

    /// <summary>The blocks of <paramref name="root"/>, in document order.</summary>
    public static List<TextBlock> Collect(IElement root)
    {
        var collector = new BlockCollector();
        collector.Walk(root);
        return collector._blocks;
    }

    private void Walk(IElement root)
    {
        // (node, leaving): a block element is visited twice, on the way in and on the way out.
        var stack = new Stack<(INode Node, bool Leaving)>();
        var containers = new Stack<IElement>();
        containers.Push(root);
        var linkDepth = 0;
        var preDepth = 0;
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, leaving) = stack.Pop();
            if (node is IElement element)
            {
                var name = element.LocalName;
                if (leaving)
                {
                    if (name == "a") linkDepth--;
                    else if (name == "pre") preDepth--;
                    if (BlockTags.Contains(name))
                    {
                        Flush(containers.Peek());
                        containers.Pop();
                    }
                    continue;
                }
                if (name == "br")
                {
                    LineBreak(containers.Peek());
                    continue;
                }
                if (name is "img" or "wbr" or "input") continue;
                var isBlock = BlockTags.Contains(name);
                if (isBlock)
                {
                    if (element != root) Flush(containers.Peek());
                    containers.Push(element);
                }
                if (name == "a") linkDepth++;
                else if (name == "pre") preDepth++;
                else if (name is "td" or "th" && _buffer.Length > 0) _pendingSpace = true;
                if (isBlock || name is "a" or "pre") stack.Push((element, true));
                // (Children by index: AngleSharp finds a node's siblings by searching its parent's list.)
                var children = element.ChildNodes;
                for (var i = children.Length - 1; i >= 0; i--) stack.Push((children[i], false));
            }
            else if (node.NodeType == NodeType.Text)
            {
                Append(node.TextContent, linkDepth > 0, preDepth > 0);
            }
        }
        Flush(root);
    }

    private void Append(string text, bool inLink, bool preformatted)
    {
        foreach (var c in text)
        {
            if (c == '\n' && preformatted)
            {
                TrimEndSpace();
                if (_buffer.Length > 0) _buffer.Append('\n');
                _pendingSpace = false;
                continue;
            }
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                _pendingSpace = true;
                continue;
            }
            if (_pendingSpace && _buffer.Length > 0 && _buffer[^1] != '\n')
            {
                _buffer.Append(' ');
                if (inLink) _linkChars++;
            }
            _pendingSpace = false;
            _buffer.Append(c);
            if (inLink) _linkChars++;
        }
    }

    private void LineBreak(IElement container)
    {
        TrimEndSpace();
        if (_buffer.Length == 0) return;
        if (_buffer[^1] == '\n')
        {
            // <br><br>: the end of a paragraph in pages without <p>.
            _buffer.Length--;
            Flush(container);
            return;
        }
        _buffer.Append('\n');
        _pendingSpace = false;
    }

    private void TrimEndSpace()
    {
        while (_buffer.Length > 0 && _buffer[^1] == ' ') _buffer.Length--;
    }

    private void Flush(IElement container)
    {
        _pendingSpace = false;
        while (_buffer.Length > 0 && (_buffer[^1] == ' ' || _buffer[^1] == '\n')) _buffer.Length--;
        if (_buffer.Length == 0)
        {
            _linkChars = 0;
            return;
        }
        var text = _buffer.ToString();
        _blocks.Add(new TextBlock(text, KindOf(container), Math.Min(_linkChars, text.Length), container));
        _buffer.Clear();
        _linkChars = 0;
    }

    private static BlockKind KindOf(IElement container) => container.LocalName switch
    {
        "p" => BlockKind.Paragraph,
        "h1" or "h2" or "h3" or "h4" or "h5" or "h6" => BlockKind.Heading,
        "li" or "dd" or "dt" => BlockKind.ListItem,
        "blockquote" => BlockKind.Quote,
        "td" or "th" => BlockKind.Cell,
        "pre" => BlockKind.Preformatted,
        _ => BlockKind.Other,
    };
}
