using Sitrep.Time;

namespace Sitrep;

/// <summary>What the raw input is, which decides how its main content is found.</summary>
public enum ContentKind
{
    /// <summary>A web page: the main content is extracted from the DOM.</summary>
    Html,
    /// <summary>Text a crawler saved after stripping tags: boilerplate lines are still in it.</summary>
    ScrapedText,
    /// <summary>Text that already is the main content: kept as it is.</summary>
    Body,
}

/// <summary>A half-open range [Start, End) of UTF-16 code units in <see cref="Document.Text"/>.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    public int Length => End - Start;
}

/// <summary>A paragraph (or heading) of the main text, with the language it is written in.</summary>
public sealed record Paragraph(TextSpan Span, string Language);

/// <summary>
/// The one object that flows through every stage. It owns the text; paragraphs and sentences are
/// offsets into it. Metadata given with the input (JSONL fields) is set before the pipeline runs,
/// and stages only fill what is still missing, so given metadata wins over guessed metadata.
/// </summary>
public sealed class Document
{
    public Document(string id, ContentKind kind, string raw)
    {
        Id = id;
        Kind = kind;
        Raw = raw;
    }

    public string Id { get; }
    public ContentKind Kind { get; }

    /// <summary>The decoded input: HTML, scraped text or body text.</summary>
    public string Raw { get; }

    /// <summary>SHA-256 of the raw input bytes (hex), to recognise the very same input again.</summary>
    public string? RawHash { get; set; }

    public string? Url { get; set; }
    public string? CanonicalUrl { get; set; }
    public string? Source { get; set; }
    public string? Title { get; set; }
    public string? Author { get; set; }
    /// <summary>ISO 8601 date or date-time, as precise as the input says.</summary>
    public string? Published { get; set; }
    /// <summary>Language given with the input; wins over identification.</summary>
    public string? GivenLanguage { get; set; }
    /// <summary>Language the page declares (html lang, meta); a hint, not the answer.</summary>
    public string? DeclaredLanguage { get; set; }
    /// <summary>ISO 639-1 code or "und".</summary>
    public string Language { get; set; } = "und";

    /// <summary>Main content only; paragraphs separated by a blank line.</summary>
    public string Text { get; set; } = "";

    /// <summary>
    /// <see cref="Text"/> folded for matching (typographic quotes and apostrophes made plain, dashes
    /// made hyphens), character for character, so every offset in it is an offset in Text.
    /// </summary>
    public string FoldedText { get; set; } = "";

    public List<Paragraph> Paragraphs { get; } = [];
    public List<TextSpan> Sentences { get; } = [];

    /// <summary>Dates and times found in the text, resolved against <see cref="Published"/>, in text order.</summary>
    public List<TimeExpression> Times { get; } = [];

    /// <summary>Counts of people killed, wounded, captured, missing or arrested, in text order (not in the record: events carry fatalities).</summary>
    public List<Quantities.CasualtyMention> Casualties { get; } = [];
    /// <summary>Named entities in the text (persons, organisations, groups, places), in text order.</summary>
    public List<Entities.Entity> Entities { get; } = [];

    /// <summary>Phrases naming those who act or are acted upon (entities and descriptive noun phrases), in text order.</summary>
    public List<Actors.ActorMention> Actors { get; } = [];
    /// <summary>How each sentence or clause is presented: sources cited, hedging, negation, modality; in text order.</summary>
    public List<Claims.ClaimFrame> Claims { get; } = [];
    /// <summary>Incidents and verbal acts reported in the text, in order of their first evidence.</summary>
    public List<Events.Event> Events { get; } = [];

    /// <summary>Hash of the normalised main text: equal for the same content under different wrappers.</summary>
    public string? ContentHash { get; set; }
    /// <summary>MinHash signature of the text's word shingles, for near-duplicate detection.</summary>
    public Fusion.MinHashSignature? MinHash { get; set; }
    public string? DuplicateOf { get; set; }

    public List<string> Warnings { get; } = [];

    public void Warn(string message)
    {
        if (!Warnings.Contains(message)) Warnings.Add(message);
    }
}
