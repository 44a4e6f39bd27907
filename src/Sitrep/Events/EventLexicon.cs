using System.Text.RegularExpressions;
using Sitrep.Language;
using Sitrep.Time;
using YamlDotNet.RepresentationModel;

namespace Sitrep.Events;

/// <summary>Where a trigger's actors are found: around a verb (subject, object; "par X" in the passive), after a noun ("frappes de X sur Y"), or both sides at once ("X et Y se sont affrontés").</summary>
public enum TriggerForm
{
    Verb,
    Noun,
    Mutual,
}

/// <summary>One entry of <c>events.yaml</c>'s triggers: the PLOVER type and mode it names and how its actors are found; <see cref="Where"/> is its file and line.
/// <see cref="NotFollowedBy"/> (optional, anchored just after the match) is what makes the words no such act ("un rassemblement de terroristes" is a target, no protest):
/// the trigger patterns run on the non-backtracking engine, which has no lookarounds.</summary>
public sealed record EventTrigger(string Plover, string? Mode, TriggerForm Form, string Where, Regex? NotFollowedBy = null);


/// <summary>
/// One language's event knowledge, read from <c>lang/&lt;code&gt;/events.yaml</c>: the triggers (one
/// alternation, one named group per entry, so a sentence is scanned once), the cue patterns that say
/// which side of a trigger an actor is on (agent, patient, source of the claim, a pair of sides), the
/// passive marker and the place cue.
/// </summary>
public sealed class EventLexicon
{
    public required string Language { get; init; }
    public required IReadOnlyList<EventTrigger> Triggers { get; init; }

    /// <summary>
    /// The triggers in a few non-backtracking patterns (triggers [First, First+Count) in each): one backtracking
    /// alternation of all of them tried every branch at every word and cost most of the stage.
    /// </summary>
    private IReadOnlyList<(Regex Pattern, int First, int Count)> Chunks { get; init; } = [];

    /// <summary>
    /// Per trigger, the literal strings it cannot match without, all looked for in one pass: a chunk none of whose
    /// triggers can match in a window is not run there (most sentences hold no trigger of most chunks).
    /// </summary>
    private LiteralScan TriggerLiterals { get; init; } = new([]);

    /// <summary>
    /// Per trigger, its pattern anchored at the start of the text and followed by a word boundary, as in its chunk: run only
    /// where its chunk matched, to tell which trigger did (see <see cref="Find"/>).
    /// </summary>
    private IReadOnlyList<Regex> Anchored { get; init; } = [];

    /// <summary>The triggers in [start, start+length) of <paramref name="text"/>, left to right, not overlapping; at one position the trigger listed first wins.</summary>
    public List<(TextSpan Span, int Trigger)> Find(string text, int start, int length)
    {
        var found = new List<(TextSpan Span, int Trigger)>();
        Span<bool> possible = Triggers.Count <= 256 ? stackalloc bool[Triggers.Count] : new bool[Triggers.Count];
        var window = text.AsSpan(start, length);
        var scanned = TriggerLiterals.Scan(window, possible);
        foreach (var (pattern, first, count) in Chunks)
        {
            if (scanned && !MayMatch(possible, first, count)) continue;
            // Where the chunk matches, the trigger that matched is the first of the chunk that matches there (the
            // alternation's order): finding it with its own anchored pattern spares the non-backtracking engine its slowest
            // phase, finding the groups of a match.
            foreach (var m in pattern.EnumerateMatches(window))
            {
                var which = WhichTrigger(window[m.Index..], first, count, possible, scanned);
                if (which < 0 || Triggers[which].NotFollowedBy?.IsMatch(window[(m.Index + m.Length)..]) == true) continue;
                found.Add((new TextSpan(start + m.Index, start + m.Index + m.Length), which));
            }
        }
        found.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : a.Trigger.CompareTo(b.Trigger));
        var kept = new List<(TextSpan Span, int Trigger)>(found.Count);
        foreach (var hit in found)
            if (kept.Count == 0 || kept[^1].Span.End <= hit.Span.Start) kept.Add(hit);
        return kept;
    }

    /// <summary>
    /// The first of triggers [first, first+count) that matches at the start of <paramref name="rest"/> (the window from
    /// where its chunk matched), skipping those whose literal strings the window lacks; -1 when none does.
    /// </summary>
    private int WhichTrigger(ReadOnlySpan<char> rest, int first, int count, ReadOnlySpan<bool> possible, bool scanned)
    {
        for (var i = first; i < first + count; i++)
        {
            if (scanned && TriggerLiterals.Covers[i] && !possible[i]) continue;
            if (Anchored[i].IsMatch(rest)) return i;
        }
        return -1;
    }

    /// <summary>Per cue run over whole sentences, the literal strings it cannot match without (cues without any are not here).</summary>
    private IReadOnlyDictionary<Regex, LiteralScan> _cueLiterals = new Dictionary<Regex, LiteralScan>();

    /// <summary>Whether <paramref name="cue"/> may match in [start, start+length): false only when none of its literal strings is there, so the cue need not run.</summary>
    public bool MayMatch(Regex cue, string text, int start, int length) => MayMatch(cue, text.AsSpan(start, length));

    /// <summary>Whether <paramref name="cue"/> may match in <paramref name="window"/>: false only when none of its literal strings is there.</summary>
    public bool MayMatch(Regex cue, ReadOnlySpan<char> window)
    {
        if (!_cueLiterals.TryGetValue(cue, out var scan)) return true;
        Span<bool> present = stackalloc bool[1];
        return !scan.Scan(window, present) || present[0];
    }

    /// <summary>A one-check literal scan per cue that has literal strings of at least three characters.</summary>
    private static Dictionary<Regex, LiteralScan> LiteralsOf(IEnumerable<Regex> cues)
    {
        var scans = new Dictionary<Regex, LiteralScan>();
        foreach (var cue in cues.Distinct())
            if (LiteralFactors.Literals(cue.ToString()) is { } literals && new LiteralScan([literals.Strings]) is { Covers: [true] } scan)
                scans[cue] = scan;
        return scans;
    }

    /// <summary>Whether one of triggers [first, first+count) may match: its literals were seen, or it has none the scan knows.</summary>
    private bool MayMatch(ReadOnlySpan<bool> possible, int first, int count)
    {
        for (var i = first; i < first + count; i++)
            if (possible[i] || !TriggerLiterals.Covers[i]) return true;
        return false;
    }
    /// <summary>Matches (anchored at the end) the text before a verb's last word when the verb is passive.</summary>
    public required Regex Passive { get; init; }
    /// <summary>Matches the text just before an actor that does the act ("par", "by", "de").</summary>
    public required Regex Agent { get; init; }
    /// <summary>Matches the text just before an actor the act is done to ("contre", "on").</summary>
    public required Regex Patient { get; init; }
    /// <summary>Matches the text just before an actor that is the source of the report ("selon", "according to").</summary>
    public required Regex Source { get; init; }
    /// <summary>Matches (anchored at the start) the text just after an actor that reports what happened ("a déclaré", "said").</summary>
    public required Regex Speaker { get; init; }
    /// <summary>Matches the whole text between two actors that go together ("et", "and").</summary>
    public required Regex Pair { get; init; }
    /// <summary>Matches the text just before a toponym that places the event ("à", "près de", "in").</summary>
    public required Regex PlaceCue { get; init; }
    /// <summary>Matches the whole text between an actor and one that only restates it ("les rebelles du M23", "FARDC (…)").</summary>
    public required Regex Apposition { get; init; }
    /// <summary>Matches the text just before an actor that is the other side of its sentence's subject in a clash or a deal ("avec", "with").</summary>
    public required Regex Partner { get; init; }
    /// <summary>Matches the whole text between an actor and one that only qualifies it ("l'envoyé de l'ONU pour le Yémen").</summary>
    public required Regex Complement { get; init; }
    /// <summary>Matches (anchored at the end) the text before a verb joined to the one before it, whose subject it shares ("et", "and").</summary>
    public required Regex Coordinated { get; init; }

    /// <summary>Matches (anchored at the end) the text before an attack's means ("attaqué avec des drones", "struck with rockets"):
    /// the actor after it is a weapon, not the target; never matches when the file has none.</summary>
    public Regex Instrument { get; init; } = NeverMatches;
    /// <summary>Finds, anywhere in a sentence, a claim of responsibility ("a revendiqué", "claimed responsibility"): its subject, or "par X"/"by X" after it, is who did the incident told before.</summary>
    public required Regex Claimed { get; init; }
    /// <summary>Finds, anywhere in a sentence, an incident put on someone ("l'attribuent aux", "blamed on"): the actor right after it is who did the incident told before.</summary>
    public required Regex Blamed { get; init; }

    /// <summary>Matches (anchored at the end) the text just before a time that is a plan's, not an act's ("une marche prévue samedi", "talks scheduled for Monday"); never matches when the file has none.</summary>
    public Regex Scheduled { get; init; } = NeverMatches;
    /// <summary>Just before a trigger: the act renews something older ("a prolongé l'état d'urgence"), so it is no background; never matches when the file has none.</summary>
    public Regex Renewed { get; init; } = NeverMatches;
    /// <summary>
    /// Shortly before a trigger, each says it names no act: what a protest or an appeal asks for ("pour réclamer la
    /// libération"), what is banned ("l'interdiction des rassemblements"), what someone is suspected of ("soupçonné d'avoir organisé").
    /// </summary>
    public IReadOnlyList<Regex> NoActBefore { get; init; } = [];
    /// <summary>Just before a trigger: what an attack hit ("opened fire on a joint patrol", "a frappé une réunion"), no act of its own
    /// unless it is one a crowd or a fighter does (a protest fired on, a counter-attack); never matches when the file has none.</summary>
    public Regex Attacked { get; init; } = NeverMatches;

    /// <summary>Matches (anchored at the start) the text just after an attack's trigger when it names a site or vessel the attack
    /// hit ("une base militaire", "un dépôt de carburant", "a police station"): the group that matched is named after the kind of
    /// actor the site stands for (military, police, civilians); never matches when the file has none.</summary>
    public Regex Site { get; init; } = NeverMatches;

    /// <summary>Matches (anchored at the end) the text up to an attack's trigger when its subject suffered it ("came under attack", "a essuyé des tirs"); never matches when the file has none.</summary>
    public Regex Undergone { get; init; } = NeverMatches;

    /// <summary>Matches (anchored at the end) an agent noun before a nominal trigger ("les auteurs de l'attaque", "the perpetrators of the attack"); never matches when the file has none.</summary>
    public Regex AgentNoun { get; init; } = NeverMatches;

    /// <summary>Finds a first-person word in a quotation ("nous", "we"): its speaker tells its own side's act; never matches when the file has none.</summary>
    public Regex FirstPerson { get; init; } = NeverMatches;

    /// <summary>
    /// Matches (anchored at the end) the determiner before a nominal trigger that points back to an act already told ("les frappes",
    /// "the strikes", "cette attaque"): the act is told again, not a new one; never matches when the file has none.
    /// </summary>
    public Regex Retold { get; init; } = NeverMatches;

    /// <summary>
    /// Matches (anchored at the end) a count before a nominal trigger ("plus de vingt attaques", "dozens of attacks"): many acts
    /// counted together, no specific occurrence unless the text gives them a day; never matches when the file has none.
    /// </summary>
    public Regex Aggregate { get; init; } = NeverMatches;

    /// <summary>Matches, just before an actor, what makes it a qualifier of the one before ("lié à Al-Qaïda", "linked to al-Qaeda"), no party; never matches when the file has none.</summary>
    public Regex Affiliation { get; init; } = NeverMatches;

    /// <summary>Matches "the capital", "la capitale" standing without a name; never matches when the file has none.</summary>
    public Regex Capital { get; init; } = NeverMatches;

    /// <summary>Phrases that name a day by its distance from the day the text named last ("la veille", "the next day"), with that distance in days; none when the file lists none.</summary>
    public IReadOnlyList<(Regex Pattern, int Days)> RelativeDays { get; init; } = [];

    /// <summary>Per relative-day phrase, the literal strings it cannot match without, all looked for in one pass (most sentences hold none).</summary>
    private LiteralScan RelativeDayLiterals { get; init; } = new([]);

    /// <summary>Marks in <paramref name="possible"/> (one flag per <see cref="RelativeDays"/> entry) the phrases that may match in the window.</summary>
    public void RelativeDaysPossible(ReadOnlySpan<char> window, Span<bool> possible)
    {
        if (!RelativeDayLiterals.Scan(window, possible))
        {
            possible.Fill(true);
            return;
        }
        for (var i = 0; i < possible.Length; i++) possible[i] |= !RelativeDayLiterals.Covers[i];
    }

    private const int ChunkSize = 12;

    /// <summary>How many literal strings one trigger entry may be gated by (all entries are scanned for in one pass).</summary>
    private const int TriggerLiteralLimit = 4096;

    private static readonly Regex NeverMatches = new("(?!)", RegexOptions.None, EventStage.MatchTimeout);

    private static Regex WarmedUp(Regex regex)
    {
        RegexWarmUp.TryRun(regex);
        return regex;
    }

    /// <summary>
    /// The literal strings a trigger entry cannot match without (null: none known), as few and as long as can be read. An entry
    /// of many verbs after an auxiliary reads as thousands of strings ("a recrut", "ont recrut"…): past the bound it would have
    /// none, and its chunk would run on every sentence; or, multiplied out, the auxiliary alone ("a ") is read as the required
    /// string, which is in nearly every sentence. So the entry is also read with each piece taken as any one character: the
    /// strings after the piece (" attaqu", " tu") are in every match all the same. Of the two readings, the one whose shortest
    /// string is longer (then the one with fewer strings) is kept; either is safe to skip on.
    /// </summary>
    internal static IReadOnlyCollection<string>? TriggerGate(string written, string expanded, IEnumerable<string> pieceNames)
    {
        var whole = Scannable(LiteralFactors.Literals(expanded, minLength: 1, limit: TriggerLiteralLimit)?.Strings);
        var withoutPieces = written;
        foreach (var name in pieceNames) withoutPieces = withoutPieces.Replace("{" + name + "}", ".", StringComparison.Ordinal);
        if (withoutPieces == written) return whole;
        var around = Scannable(LiteralFactors.Literals(withoutPieces, minLength: 1, limit: TriggerLiteralLimit)?.Strings);
        if (whole is null || around is null) return whole ?? around;
        var (w, a) = (whole.Min(s => s.Length), around.Min(s => s.Length));
        return a > w || a == w && around.Count < whole.Count ? around : whole;
    }

    /// <summary>
    /// The strings as the literal scan can fold them: one holding a letter with a case beyond Latin-1 ("manœuvres conjointes")
    /// would leave its entry ungated, so it is cut to its longest run without one ("uvres conjointes"), which every match holds too.
    /// </summary>
    private static IReadOnlyCollection<string>? Scannable(IReadOnlyCollection<string>? strings)
    {
        if (strings is null || strings.All(s => s.All(Foldable))) return strings;
        var runs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in strings)
        {
            var (longestStart, longestLength) = (0, 0);
            for (int start = 0, end = 0; start < s.Length; start = end + 1)
            {
                end = start;
                while (end < s.Length && Foldable(s[end])) end++;
                if (end - start > longestLength) (longestStart, longestLength) = (start, end - start);
            }
            if (longestLength == 0) return null;
            runs.Add(s.Substring(longestStart, longestLength));
        }
        return runs;
    }

    /// <summary>Whether the literal scan folds the character as the regex engine does: Latin-1, or without case.</summary>
    private static bool Foldable(char c) => c < '\u0100' || char.ToLowerInvariant(c) == c && char.ToUpperInvariant(c) == c;

    public static IReadOnlyDictionary<string, EventLexicon> LoadAll(string root) =>
        LanguageFolders.LoadEach(root, "events.yaml", Load);

    public static EventLexicon Load(string path, string language)
    {
        var root = YamlFile.ReadMapping(path, "'triggers' and 'cues'");
        string Where(YamlNode node) => $"{path}:{node.Start.Line}";
        Regex Compile(string pattern, YamlNode node, RegexOptions extra = RegexOptions.None)
        {
            try
            {
                return new Regex(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | extra, EventStage.MatchTimeout);
            }
            catch (ArgumentException error)
            {
                throw new LanguageDataException($"{Where(node)}: bad pattern ({error.Message})");
            }
        }
        string Field(YamlMappingNode map, string key, bool required = true)
        {
            if (map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text })
                return text;
            if (required) throw new LanguageDataException($"{Where(map)}: '{key}' is missing");
            return "";
        }
        YamlSequenceNode List(string key) =>
            root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode list
                ? list
                : throw new LanguageDataException($"{path}:1: '{key}' (a list) is missing");

        // Pieces ({aux}) are written once and substituted into the patterns, pieces into pieces in file order.
        var pieces = new List<(string Name, string Pattern)>();
        if (root.Children.TryGetValue(new YamlScalarNode("pieces"), out var piecesNode))
        {
            if (piecesNode is not YamlMappingNode pieceMap) throw new LanguageDataException($"{Where(piecesNode)}: 'pieces' maps names to patterns");
            foreach (var (name, value) in pieceMap.Children)
                pieces.Add((((YamlScalarNode)name).Value ?? "", Expand((value as YamlScalarNode)?.Value ?? throw new LanguageDataException($"{Where(value)}: a piece is a pattern"))));
        }
        string Expand(string pattern)
        {
            foreach (var (name, piece) in pieces) pattern = pattern.Replace("{" + name + "}", piece, StringComparison.Ordinal);
            return pattern;
        }

        var triggers = new List<EventTrigger>();
        var alternatives = new List<string>();
        var literals = new List<IReadOnlyCollection<string>?>();
        var anchored = new List<Regex>();
        foreach (var node in List("triggers"))
        {
            if (node is not YamlMappingNode entry) throw new LanguageDataException($"{Where(node)}: a trigger is a mapping (match, type, mode, form)");
            var match = Expand(Field(entry, "match"));
            Compile(match, entry);
            var form = Field(entry, "form") switch
            {
                "verb" => TriggerForm.Verb,
                "noun" => TriggerForm.Noun,
                "mutual" => TriggerForm.Mutual,
                var other => throw new LanguageDataException($"{Where(entry)}: form '{other}' is not verb, noun or mutual"),
            };
            var mode = Field(entry, "mode", required: false);
            var notFollowedBy = Field(entry, "not-followed-by", required: false);
            triggers.Add(new EventTrigger(Field(entry, "type"), mode.Length == 0 ? null : mode, form, Where(entry),
                notFollowedBy.Length == 0 ? null : Compile($"^(?:{Expand(notFollowedBy)})", entry)));
            alternatives.Add($"(?:{match})");
            anchored.Add(new Regex($@"^(?:{match})\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, EventStage.MatchTimeout));
            literals.Add(TriggerGate(Field(entry, "match"), match, pieces.Select(p => p.Name)));
        }
        // As many triggers per pattern as the non-backtracking engine takes (its automaton has a size limit).
        var chunks = new List<(Regex Pattern, int First, int Count)>();
        for (var first = 0; first < alternatives.Count;)
        {
            for (var count = Math.Min(ChunkSize, alternatives.Count - first); ; count = (count + 1) / 2)
            {
                try
                {
                    var pattern = new Regex($@"\b(?:{string.Join("|", alternatives.Skip(first).Take(count))})\b",
                        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, EventStage.MatchTimeout);
                    chunks.Add((pattern, first, count));
                    first += count;
                    break;
                }
                catch (NotSupportedException) when (count > 1)
                {
                }
                catch (NotSupportedException error)
                {
                    throw new LanguageDataException($"{triggers[first].Where}: pattern too large ({error.Message})");
                }
            }
        }

        if (!root.Children.TryGetValue(new YamlScalarNode("cues"), out var cuesNode) || cuesNode is not YamlMappingNode cues)
            throw new LanguageDataException($"{path}:1: 'cues' (a mapping) is missing");
        // Cues run for every actor near every trigger: compiled, and first used here, so that the JIT is not paid
        // under a document's match time limit.
        Regex Cue(string key) => WarmedUp(Compile(Expand(Field(cues, key)), cues, RegexOptions.Compiled));
        // The finer actor cues may be left out of a new language: their rules then never apply.
        Regex OptionalCue(string key) => Field(cues, key, required: false) is { Length: > 0 } ? Cue(key) : NeverMatches;

        // Optional: a language without them dates "the day before" from the publication date, as the time stage does.
        var relativeDays = new List<(Regex Pattern, int Days)>();
        if (root.Children.TryGetValue(new YamlScalarNode("relative-days"), out var relativeNode))
        {
            if (relativeNode is not YamlSequenceNode relativeList) throw new LanguageDataException($"{Where(relativeNode)}: 'relative-days' is a list of {{match, days}}");
            foreach (var node in relativeList)
            {
                if (node is not YamlMappingNode entry || !int.TryParse(Field(entry, "days"), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var days))
                    throw new LanguageDataException($"{Where(node)}: a relative day is {{match: pattern, days: whole number}}");
                relativeDays.Add((WarmedUp(Compile($@"\b(?:{Expand(Field(entry, "match"))})\b", entry, RegexOptions.Compiled)), days));
            }
        }

        var lexicon = new EventLexicon
        {
            RelativeDays = relativeDays,
            RelativeDayLiterals = new LiteralScan(relativeDays.Select(r => Scannable(LiteralFactors.Literals(r.Pattern.ToString())?.Strings)).ToList()),
            Language = language,
            Triggers = triggers,
            Chunks = chunks,
            Anchored = anchored,
            TriggerLiterals = new LiteralScan(literals),
            Passive = Cue("passive"),
            Agent = Cue("agent"),
            Patient = Cue("patient"),
            Source = Cue("source"),
            Speaker = Cue("speaker"),
            Pair = Cue("pair"),
            PlaceCue = Cue("place"),
            Apposition = Cue("apposition"),
            Scheduled = OptionalCue("scheduled"),
            Renewed = OptionalCue("renewed"),
            NoActBefore = [OptionalCue("demanded"), OptionalCue("banned"), OptionalCue("suspected")],
            Capital = OptionalCue("capital"),
            Affiliation = OptionalCue("affiliation"),
            Partner = OptionalCue("partner"),
            Complement = OptionalCue("complement"),
            Coordinated = OptionalCue("coordinated"),
            Claimed = OptionalCue("claimed"),
            Blamed = OptionalCue("blamed"),
            Site = OptionalCue("site"),
            Undergone = OptionalCue("undergone"),
            AgentNoun = OptionalCue("agent-noun"),
            FirstPerson = OptionalCue("first-person"),
            Instrument = OptionalCue("instrument"),
            Retold = OptionalCue("retold"),
            Aggregate = OptionalCue("aggregate"),
            Attacked = OptionalCue("attacked"),
        };
        lexicon._cueLiterals = LiteralsOf([
            lexicon.Passive, lexicon.Agent, lexicon.Patient, lexicon.Source, lexicon.PlaceCue, lexicon.Partner, lexicon.Coordinated,
            lexicon.Instrument, lexicon.Claimed, lexicon.Blamed, lexicon.Scheduled, lexicon.Renewed, lexicon.Retold, lexicon.Aggregate, lexicon.Affiliation,
            lexicon.Undergone, lexicon.AgentNoun, lexicon.FirstPerson, lexicon.Attacked, .. lexicon.NoActBefore]);
        return lexicon;
    }
}
