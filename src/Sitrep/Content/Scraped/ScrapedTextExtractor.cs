using System.Globalization;
using System.Text.RegularExpressions;
using Sitrep.Language;

namespace Sitrep.Content.Scraped;

/// <summary>
/// Main content of scraped text (tags already stripped), line by line.
/// <list type="number">
/// <item>Each line gets features: its shape (prose paragraph, short sentence, headline, fragment),
/// the boilerplate cue it matches (phrases and patterns from <c>lang/*/boilerplate.yaml</c>),
/// language-neutral structure (links, breadcrumbs, hashtags, ©, no letters) and its language.</item>
/// <item>Each line gets a weight: prose counts its words, everything else is negative. The body is
/// the run of lines with the largest total (maximum subarray), so short interruptions inside it
/// are bridged and menus around it are left out. Scanning stops at a comment section, related
/// list or footer once a substantial body has been seen.</item>
/// <item>Inside the body, boilerplate lines are dropped: cue lines, captions in another language,
/// teaser headlines (after "Lire aussi", or headlines unrelated to the next paragraph) and fragments.</item>
/// <item>The title is the best headline line before the body (long, close, matching the page's
/// "Title - Site" line when there is one); date and author come from the cue file's patterns.</item>
/// </list>
/// Immutable after construction: one instance serves many threads.
/// </summary>
public sealed partial class ScrapedTextExtractor
{
    /// <summary>A body this big before an end cue (comments, footer) means the article is over.</summary>
    private const int SubstantialWords = 50;
    private const int SubstantialLines = 2;
    /// <summary>An end cue stops the scan only this close (in lines) after the best body so far.</summary>
    private const int EndCueReach = 12;
    private const double CueWeight = -8;
    /// <summary>Boilerplate right after boilerplate: a cluster of menu or byline lines is one interruption, not many.</summary>
    private const double ClusteredCueWeight = -2;
    private const double HeadlineWeight = -2;
    private const double FragmentWeight = -3;
    private const double ForeignWeight = -4;
    private const int ProseMinWords = 8;
    private const int ProseUnpunctuatedWords = 20;
    private const int ProseWeightCap = 150;
    private const int HeadlineMaxWords = 25;
    private const int IntertitleMaxWords = 10;
    private const int TitleMaxWords = 30;
    private const int TeaserFollowers = 3;

    private readonly BoilerplateCues _cues;
    private readonly LanguageIdentifier _identifier;

    public ScrapedTextExtractor(LanguageResources resources) : this(resources, BoilerplateCues.Load(resources.Root)) { }

    /// <summary>With cues already loaded (the HTML path uses the same ones).</summary>
    public ScrapedTextExtractor(LanguageResources resources, BoilerplateCues cues)
    {
        _cues = cues;
        _identifier = resources.Identifier;
        // Run once here, so that a first use on a page does not pay their JIT under the match time limit.
        foreach (var pattern in new[] { LinkPattern(), AgencySlashCreditPattern(), WordPattern(), PageTitlePattern() }) RegexWarmUp.TryRun(pattern);
    }

    public ExtractedContent Extract(string text)
    {
        var content = new ExtractedContent();
        var lines = Analyse(text);
        if (lines.Count == 0) return content;

        Relate(lines);

        var (start, end) = FindBody(lines);
        var stop = lines.Count;
        if (start >= 0)
        {
            var kept = FilterBody(lines, start, end, out stop);
            content.Blocks.AddRange(kept.Select(line => line.Text));
        }

        var titleLimit = start >= 0 ? start : Math.Min(lines.Count, 10);
        (content.Title, content.SiteName) = FindTitle(lines, titleLimit);
        content.Published = FindPublished(lines, stop);
        content.Author = FindAuthor(lines, stop);
        return content;
    }

    /// <summary>One line per input line: its features, weight and whether it was kept; for tuning the cues.</summary>
    internal string Explain(string text)
    {
        var lines = Analyse(text);
        if (lines.Count == 0) return "";
        Relate(lines);
        var (start, end) = FindBody(lines);
        var kept = start >= 0 ? FilterBody(lines, start, end, out _).Select(line => line.Index).ToHashSet() : [];
        return string.Join("\n", lines.Select(line =>
            $"{(kept.Contains(line.Index) ? '+' : line.Index >= start && line.Index <= end ? '~' : ' ')} {line.Index,3} {line.Weight,6:0.#} {line.Shape,-13} " +
            $"{(line.Cue is { } cue ? cue.Category.ToString() : line.Structural ? "structural" : ""),-12} {line.Language ?? "",-3} {Shorten(line.Text)}"));
    }

    private static string Shorten(string text) => text.Length <= 70 ? text : text[..67] + "...";

    private sealed class Line(int index, string text)
    {
        public int Index { get; } = index;
        public string Text { get; } = text;
        public string Folded { get; init; } = "";
        public int Words { get; init; }
        public bool Terminal { get; init; }
        public bool StartsUpper { get; init; }
        public LineShape Shape { get; init; }
        public CueMatch? Cue { get; init; }
        /// <summary>Links, breadcrumbs, hashtags, credits and the like, told by their form alone.</summary>
        public bool Structural { get; init; }
        /// <summary>Language of the line when the identifier is confident.</summary>
        public string? Language { get; init; }
        public bool Foreign { get; set; }
        /// <summary>The line before it is boilerplate too.</summary>
        public bool Clustered { get; set; }
        /// <summary>An end cue that does not end the article: a much bigger body follows it.</summary>
        public bool EndOverruled { get; set; }
        public bool Boilerplate => Cue is not null || Structural;

        public double Weight =>
            Boilerplate ? (Clustered ? ClusteredCueWeight : CueWeight)
            : Foreign ? ForeignWeight
            : Shape switch
            {
                LineShape.Prose => Math.Min(Words, ProseWeightCap),
                LineShape.ShortSentence => 0,
                LineShape.Headline => HeadlineWeight,
                _ => FragmentWeight,
            };

        public bool IsBodyProse => Shape == LineShape.Prose && !Boilerplate && !Foreign;
    }

    private enum LineShape { Prose, ShortSentence, Headline, Fragment }

    private List<Line> Analyse(string text)
    {
        var lines = new List<Line>();
        foreach (var plain in Unwrap(text))
        {
            var words = CountWords(plain);
            var terminal = EndsSentence(plain, words);
            var startsUpper = StartsUpper(plain);
            var shape = Shape(words, terminal, startsUpper, plain);
            var phrase = TextFolding.FoldPhrase(plain);
            var folded = TextFolding.LineOfPhrase(phrase);
            var cue = _cues.Match(plain, phrase, folded, words, bylines: true);
            var structural = cue is null && IsStructural(plain, words);
            string? language = null;
            if (cue is null && !structural && shape != LineShape.Fragment)
            {
                var guess = _identifier.Identify(plain);
                if (guess.IsConfident) language = guess.Language;
            }
            lines.Add(new Line(lines.Count, plain)
            {
                Folded = folded,
                Words = words,
                Terminal = terminal,
                StartsUpper = startsUpper,
                Shape = shape,
                Cue = cue,
                Structural = structural,
                Language = language,
            });
        }
        return lines;
    }

    /// <summary>
    /// The text's lines, plain, with hard-wrapped paragraphs joined again: a line that does not end a
    /// sentence, followed (without a blank line) by one that starts in lower case, continues it.
    /// </summary>
    private static List<string> Unwrap(string text)
    {
        var lines = new List<string>();
        var previousBlank = true;
        foreach (var raw in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var plain = TextFolding.Plain(raw);
            if (plain.Length == 0)
            {
                previousBlank = true;
                continue;
            }
            if (!previousBlank && lines.Count > 0 && ContinuesLine(lines[^1], plain))
                lines[^1] = lines[^1] + " " + plain;
            else
                lines.Add(plain);
            previousBlank = false;
        }
        return lines;
    }

    private const int WrappedLineMinWords = 6;

    private static bool ContinuesLine(string previous, string next)
    {
        var words = CountWords(previous);
        if (words < WrappedLineMinWords || EndsSentence(previous, words) || LastMark(previous) is ':' or '|' or '›' or '>') return false;
        foreach (var c in next)
            if (char.IsLetter(c)) return char.IsLower(c);
            else if (!char.IsPunctuation(c) || c is '-' or '•' or '·' or '#' or '@') return false;
        return false;
    }

    /// <summary>Features that depend on other lines: the main language, and clusters of boilerplate.</summary>
    private static void Relate(List<Line> lines)
    {
        var language = MainLanguage(lines);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            line.Foreign = language is not null && line.Language is not null && line.Language != language;
            line.Clustered = i > 0 && lines[i - 1].Boilerplate;
        }
    }

    private static LineShape Shape(int words, bool terminal, bool startsUpper, string text)
    {
        if ((terminal && words >= ProseMinWords) || words >= ProseUnpunctuatedWords) return LineShape.Prose;
        if (!startsUpper || words < 2) return LineShape.Fragment;
        var last = LastMark(text);
        if (terminal && last is '.' or '…' or ':' && words >= 3) return LineShape.ShortSentence;
        if (words >= 3 && words <= HeadlineMaxWords) return LineShape.Headline;
        return LineShape.Fragment;
    }

    private static bool IsStructural(string text, int words)
    {
        if (!HasLetter(text)) return true;
        if (words <= 6 && SafeIsMatch(LinkPattern(), text)) return true;
        if (AllTagsOrHandles(text)) return true;
        if (words <= 12 && text.Contains('©')) return true;
        if (words <= CaptionMaxWords && EndsWithCredit(text)) return true;
        return IsBreadcrumb(text, words);
    }

    private static bool HasLetter(string text)
    {
        foreach (var c in text)
            if (char.IsLetter(c)) return true;
        return false;
    }

    /// <summary>Whether every space-separated token (there is at least one) starts with '#' or '@': "#Gaza #Israel @AFP".</summary>
    private static bool AllTagsOrHandles(string text)
    {
        var tokens = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' || (i > 0 && text[i - 1] != ' ')) continue;
            if (text[i] is not ('#' or '@')) return false;
            tokens++;
        }
        return tokens > 0;
    }

    /// <summary>Photo captions are one or two sentences; longer lines are paragraphs that happen to quote a credit.</summary>
    private const int CaptionMaxWords = 60;
    private const int CreditMaxWords = 10;

    /// <summary>
    /// A photo caption's credit, told by form alone in any language: a short tail after the last "©"
    /// ("… à Tyr. © Agence / R. K.") or an agency's capitals and a photographer's name after a sentence
    /// ("… in this file photo. XYZ/Jane Doe"). Credit words ("Photo:", "file photo") are language cues.
    /// </summary>
    private static bool EndsWithCredit(string text)
    {
        var copyright = text.LastIndexOf('©');
        if (copyright >= 0 && CountWords(text[(copyright + 1)..]) is > 0 and <= CreditMaxWords) return true;
        return SafeIsMatch(AgencySlashCreditPattern(), text);
    }

    /// <summary>"Home &gt; World &gt; Europe", "Accueil › International ›": short segments between separators.</summary>
    private static bool IsBreadcrumb(string text, int words)
    {
        var separators = text.Contains('«') ? BreadcrumbSeparatorsNoGuillemet : BreadcrumbSeparators;
        // (Most lines hold no separator: the line is only split when it does.)
        var separatorCount = 0;
        foreach (var separator in separators) separatorCount += CountOf(text, separator);
        if (separatorCount == 0) return false;
        var endsWithSeparator = separators.Any(separator => text.EndsWith(separator.Trim(), StringComparison.Ordinal));
        if (separatorCount >= 2 || endsWithSeparator || text.StartsWith('›') || text.StartsWith('>'))
        {
            var segments = text.Split(separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return segments.Length > 0 && words <= segments.Length * 4 && !EndsSentence(text, words);
        }
        return false;
    }

    private static readonly string[] BreadcrumbSeparators = [" › ", " > ", " » ", " | ", " / ", " • ", " · ", " >> ", "›", "»"];
    private static readonly string[] BreadcrumbSeparatorsNoGuillemet = [" › ", " > ", " | ", " / ", " • ", " · ", " >> ", "›"];

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var index = text.IndexOf(part, StringComparison.Ordinal); index >= 0; index = text.IndexOf(part, index + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    /// <summary>The language most prose words are written in, from lines the identifier is sure of.</summary>
    private static string? MainLanguage(List<Line> lines)
    {
        var votes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in lines)
            if (line.Shape == LineShape.Prose && !line.Boilerplate && line.Language is { } language)
                votes[language] = votes.GetValueOrDefault(language) + line.Words;
        return votes.Count == 0 ? null : votes.OrderByDescending(vote => vote.Value).ThenBy(vote => vote.Key, StringComparer.Ordinal).First().Key;
    }

    /// <summary>
    /// The run of lines with the largest total weight, scanning no further than the first end cue after a substantial body,
    /// unless the rest of the page holds a body several times bigger: then the "body" so far was a blurb in the page's
    /// header and the end cue a menu item ("About us", "Most read" in the top bar), and the scan goes on.
    /// </summary>
    private static (int Start, int End) FindBody(List<Line> lines)
    {
        var bestAfter = BestTotalsFrom(lines);
        double best = 0, current = 0;
        int bestStart = -1, bestEnd = -1, currentStart = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Cue is { Role: CueRole.End } && bestStart >= 0 && i - bestEnd <= EndCueReach && Substantial(lines, bestStart, bestEnd + 1))
            {
                if (bestAfter[i] < LaterBodyFactor * best) break;
                line.EndOverruled = true;
            }
            current += line.Weight;
            if (current > best)
                (best, bestStart, bestEnd) = (current, currentStart, i);
            if (current <= 0)
                (current, currentStart) = (0, i + 1);
        }
        return (bestStart, bestEnd);
    }

    /// <summary>A later body must outweigh the body before an end cue this many times to overrule the cue.</summary>
    private const double LaterBodyFactor = 3;

    /// <summary>For each line, the largest total of a run of lines starting there or later (maximum subarray of each suffix).</summary>
    private static double[] BestTotalsFrom(List<Line> lines)
    {
        var totals = new double[lines.Count + 1];
        double startingHere = 0;
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            startingHere = lines[i].Weight + Math.Max(0, startingHere);
            totals[i] = Math.Max(totals[i + 1], startingHere);
        }
        return totals;
    }

    private static bool Substantial(List<Line> lines, int from, int to)
    {
        int words = 0, count = 0;
        for (var i = from; i < to; i++)
            if (lines[i].IsBodyProse) (words, count) = (words + lines[i].Words, count + 1);
        return words >= SubstantialWords || count >= SubstantialLines;
    }

    /// <summary>The lines of the body worth keeping; <paramref name="stop"/> is where the article ends.</summary>
    private static List<Line> FilterBody(List<Line> lines, int start, int end, out int stop)
    {
        var kept = new List<Line>();
        stop = lines.Count;
        var skipHeadlines = 0;
        var totals = new double[end + 2];
        for (var i = start; i <= end; i++) totals[i + 1] = totals[i] + lines[i].Weight;
        for (var i = start; i <= end; i++)
        {
            var line = lines[i];
            // As in FindBody: an end cue with a body several times bigger after it (in the body) is a menu item, not the end.
            if (line.Cue is { Role: CueRole.End } && !line.EndOverruled && Substantial(lines, start, i)
                && totals[end + 1] - totals[i + 1] < LaterBodyFactor * (totals[i] - totals[start]))
            {
                stop = i;
                break;
            }
            if (line.Cue is { Role: CueRole.Teaser } teaser)
            {
                skipHeadlines = teaser.WholeLine ? TeaserFollowers : 0;
                continue;
            }
            if (line.Boilerplate || line.Foreign) continue;
            if (skipHeadlines > 0 && line.Shape != LineShape.Prose)
            {
                skipHeadlines--;
                continue;
            }
            skipHeadlines = 0;
            switch (line.Shape)
            {
                case LineShape.Prose:
                case LineShape.ShortSentence:
                    kept.Add(line);
                    break;
                case LineShape.Headline when IsIntertitle(lines, i, end):
                    kept.Add(line);
                    break;
            }
        }
        if (stop == lines.Count) stop = Math.Min(lines.Count, end + 1 + EndCueReach);
        return kept;
    }

    /// <summary>A short headline inside the body that announces the next paragraph (shares a word stem with it), not a teaser for another article.</summary>
    private static bool IsIntertitle(List<Line> lines, int index, int end)
    {
        var headline = lines[index];
        if (headline.Words > IntertitleMaxWords) return false;
        var stems = Stems(headline.Text);
        for (var i = index + 1; i <= end && i <= index + 2; i++)
            if (lines[i].IsBodyProse)
                return Stems(lines[i].Text).Overlaps(stems);
        return false;
    }

    private const int StemLength = 5;

    private static HashSet<string> Stems(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match word in SafeMatches(WordPattern(), text))
            if (word.Length >= StemLength) stems.Add(word.Value[..StemLength].ToLowerInvariant());
        return stems;
    }

    /// <summary>The title: a headline line before the body, long and close to it; the page's "Title - Site" line decides when it repeats one.</summary>
    private static (string? Title, string? Site) FindTitle(List<Line> lines, int limit)
    {
        string? pageTitle = null, site = null;
        var first = lines[0];
        if (!first.Boilerplate && SafeMatch(PageTitlePattern(), first.Text) is { Success: true } split)
        {
            pageTitle = split.Groups["title"].Value.Trim();
            site = split.Groups["site"].Value.Trim();
        }
        var pageTitleFolded = pageTitle is null ? null : TextFolding.FoldLine(pageTitle);

        var headlineAboveByline = HeadlineAboveByline(lines, limit);
        Line? best = null;
        double bestScore = double.MinValue;
        double distance = 0;
        for (var i = limit - 1; i >= 0; i--)
        {
            var line = lines[i];
            distance += line.Boilerplate ? 0.25 : 1;
            if (!IsTitleCandidate(line)) continue;
            var last = LastMark(line.Text);
            var score = Math.Min(line.Words, 20) - distance;
            if (!line.Terminal || last is '?' or '!') score += 4;
            else if (last is '.') score -= 6;
            if (pageTitleFolded is not null && line.Index > 0 && line.Folded == pageTitleFolded) score += 15;
            if (line.Index == 0 && pageTitle is not null) score += 6;
            score += HeaderPlaceBonus(lines, i);
            if (headlineAboveByline is { } headline && i > headline.BylineEnd) score -= UnderBylinePenalty;
            if (score > bestScore) (best, bestScore) = (line, score);
        }
        if (best is null) return (pageTitle, SiteName(site));
        if (best.Index == 0 && pageTitle is not null) return (pageTitle, SiteName(site));
        return (best.Text, best.Folded == pageTitleFolded ? SiteName(site) : null);
    }

    /// <summary>
    /// Where headlines sit in a page's header: right above the byline or date line, or right under the breadcrumb.
    /// Captions and standfirsts sit between the byline and the body instead, so this tells them apart when they are long.
    /// </summary>
    private static double HeaderPlaceBonus(List<Line> lines, int index)
    {
        if (index + 1 < lines.Count && lines[index + 1].Cue is { Category: CueCategory.Byline or CueCategory.Dateline }) return AboveBylineBonus;
        if (index > 0 && lines[index - 1] is { Structural: true } previous && IsBreadcrumb(previous.Text, previous.Words)) return UnderBreadcrumbBonus;
        return 0;
    }

    private const double AboveBylineBonus = 4;
    private const double UnderBreadcrumbBonus = 3;
    /// <summary>Decisive: outweighs any length, so that a long caption never beats the headline above the byline.</summary>
    private const double UnderBylinePenalty = 20;

    private static bool IsTitleCandidate(Line line) =>
        !line.Boilerplate && !line.Foreign && line.StartsUpper && line.Words >= 2 && line.Words <= TitleMaxWords;

    /// <summary>
    /// The last run of byline and date lines before the body that names an author, when a possible headline sits
    /// right above it: then the page follows the usual order (headline, byline, caption, body) and lines between the
    /// byline and the body are captions or standfirsts. A run of dates alone may be the site's top bar, so it does not count.
    /// </summary>
    private static (int Headline, int BylineEnd)? HeadlineAboveByline(List<Line> lines, int limit)
    {
        for (var end = limit - 1; end > 0; end--)
        {
            if (lines[end].Cue is not { Category: CueCategory.Byline or CueCategory.Dateline }) continue;
            var start = end;
            while (start > 0 && lines[start - 1].Cue is { Category: CueCategory.Byline or CueCategory.Dateline }) start--;
            var namesAuthor = false;
            for (var i = start; i <= end; i++) namesAuthor |= lines[i].Cue is { Category: CueCategory.Byline };
            if (!namesAuthor) return null;
            return start > 0 && IsTitleCandidate(lines[start - 1]) ? (start - 1, end) : null;
        }
        return null;
    }

    private static string? SiteName(string? site) => site is { Length: > 0 } && CountWords(site) <= 5 ? site : null;

    private string? FindPublished(List<Line> lines, int stop)
    {
        for (var i = 0; i < stop && i < lines.Count; i++)
        {
            foreach (var language in _cues.Languages)
            {
                foreach (var pattern in language.Published)
                {
                    var match = SafeMatch(pattern, lines[i].Text);
                    if (match.Success && ToIso(language, match) is { } iso) return iso;
                }
            }
        }
        return null;
    }

    private static string? ToIso(LanguageCues language, Match match)
    {
        var monthText = TextFolding.FoldPhrase(match.Groups["month"].Value).TrimEnd('.');
        if (!int.TryParse(monthText, NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            && !language.Months.TryGetValue(monthText, out month))
            return null;
        if (!int.TryParse(match.Groups["day"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
            || !int.TryParse(match.Groups["year"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || year is < 1800 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new DateOnly(year, month, day).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private string? FindAuthor(List<Line> lines, int stop)
    {
        for (var i = 0; i < stop && i < lines.Count; i++)
        {
            if (lines[i].Words > BoilerplateCues.BylineMaxWords) continue;
            foreach (var language in _cues.Languages)
            {
                foreach (var pattern in language.Author)
                {
                    var match = SafeMatch(pattern, lines[i].Text);
                    if (!match.Success) continue;
                    var author = match.Groups["author"].Value.Trim().TrimEnd(',', ';', '-', '|', ' ');
                    if (author.Length > 0) return author;
                }
            }
        }
        return null;
    }

    /// <summary>Space-separated tokens holding a letter or digit.</summary>
    private static int CountWords(string text)
    {
        var count = 0;
        var counted = false;
        foreach (var c in text)
        {
            if (c == ' ') counted = false;
            else if (!counted && char.IsLetterOrDigit(c))
            {
                count++;
                counted = true;
            }
        }
        return count;
    }

    private static char LastMark(string text)
    {
        var end = text.Length - 1;
        while (end >= 0 && (text[end] is '"' or '\'' or '»' or '”' or ')' or ']' or ' ' || char.IsWhiteSpace(text[end]))) end--;
        return end >= 0 ? text[end] : ' ';
    }

    private static bool EndsSentence(string text, int words) =>
        LastMark(text) switch
        {
            '.' or '!' or '?' or '…' => true,
            ':' => words >= ProseMinWords,
            _ => false,
        };

    private static bool StartsUpper(string text)
    {
        foreach (var c in text)
        {
            if (char.IsLetter(c)) return char.IsUpper(c);
            if (char.IsDigit(c)) return true;
        }
        return false;
    }

    private static Match SafeMatch(Regex regex, string text)
    {
        try
        {
            return regex.Match(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return Match.Empty;
        }
    }

    /// <summary>Whether the pattern matches, without building the match: cue patterns run on every line.</summary>
    private static bool SafeIsMatch(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static IEnumerable<Match> SafeMatches(Regex regex, string text)
    {
        try
        {
            return regex.Matches(text).ToList();
        }
        catch (RegexMatchTimeoutException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"https?://|www\.|[\w.+-]+@[\w-]+\.\w", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex LinkPattern();

    /// <summary>"… a sentence. ABC/Firstname Lastname" at the end of a line: an agency's initials, a slash and a name.</summary>
    [GeneratedRegex(@"(?:^|[.!?»)""]\s+)\p{Lu}{2,8}\s?/\s?\p{Lu}[\p{L}'.-]*(?:[\s-]+\p{Lu}[\p{L}'.-]*){0,3}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex AgencySlashCreditPattern();

    [GeneratedRegex(@"\p{L}+", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex WordPattern();

    /// <summary>"Title - Site", "Title | Site", "Title – Site": the page's title line, site name last.</summary>
    [GeneratedRegex(@"^(?<title>.{10,}?)\s+[-|–—]\s+(?<site>[^-|–—]{2,40})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex PageTitlePattern();
}
