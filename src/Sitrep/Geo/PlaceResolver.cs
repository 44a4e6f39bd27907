namespace Sitrep.Geo;

/// <summary>A place name found in a document's text (by entity recognition, or given).</summary>
public sealed record ToponymMention(string Text, TextSpan Span);

/// <summary>
/// The place a mention was resolved to. <see cref="GeoPrecision"/> is ACLED's: 1 the town itself,
/// 2 near a town ("près de X", "north of X"), 3 a first-level division; null for a country.
/// </summary>
public sealed record ResolvedPlace(ToponymMention Mention, GazetteerPlace Entry, Place Place, int? GeoPrecision, bool Near);

/// <summary>
/// Chooses one place per toponym mention of a document: candidates by name key (exact, then one
/// edit for long names inside the document's countries), scored by what the text around says
/// (division and "near" cues), the document's country focus (countries named, hints given,
/// other places), places co-mentioned nearby, admin containment, feature class and population.
/// Language-neutral: cues come from <c>lang/&lt;code&gt;/geo.yaml</c>. Thread-safe.
/// </summary>
public sealed partial class PlaceResolver
{
    private const double NearbyKm = 150;
    private readonly IReadOnlyDictionary<string, GeoCues> _cues;

    public PlaceResolver(Gazetteer gazetteer, IReadOnlyDictionary<string, GeoCues> cues)
    {
        Gazetteer = gazetteer;
        _cues = cues;
    }

    public Gazetteer Gazetteer { get; }

    private static readonly Lazy<PlaceResolver> DefaultResolver = new(() =>
        new PlaceResolver(Gazetteer.Default, GeoCues.LoadAll(Language.LanguageResources.DefaultRoot())));

    /// <summary>The default gazetteer with the cues of the default language folder, loaded once.</summary>
    public static PlaceResolver Default => DefaultResolver.Value;

    private sealed class Reading(ToponymMention mention, string name, bool division, bool near, int sentenceIndex, string language)
    {
        public string Language { get; } = language;
        public ToponymMention Mention { get; } = mention;
        public string Name { get; } = name;
        public bool Division { get; } = division;
        public bool Near { get; } = near;
        public int SentenceIndex { get; } = sentenceIndex;
        public IReadOnlyList<int> Candidates { get; set; } = [];
        /// <summary>Mentions joined to this one by a comma: "Springfield, Illinois", "Kursk, Russia".</summary>
        public List<Reading> Apposed { get; } = [];
        public int Chosen { get; set; } = -1;
        /// <summary>The places that go by <see cref="Name"/> letter for letter; found once, on the first score.</summary>
        public HashSet<int>? NamedExactly { get; set; }
    }

    /// <summary>One result per mention, in the same order; null where no place fits.</summary>
    /// <param name="countryHints">ISO2 countries the caller knows the document is about (demonyms, actors).</param>
    public IReadOnlyList<ResolvedPlace?> Resolve(Document document, IReadOnlyList<ToponymMention> mentions, IReadOnlyCollection<string>? countryHints = null)
    {
        var language = document.Language;
        var cues = _cues.GetValueOrDefault(language);
        var text = document.FoldedText.Length == document.Text.Length ? document.FoldedText : document.Text;
        var readings = mentions.Select(m => Read(text, document, m, cues)).ToList();
        for (var i = 0; i + 1 < readings.Count; i++)
        {
            var (left, right) = (mentions[i].Span, mentions[i + 1].Span);
            if (left.End <= right.Start && right.Start <= text.Length && text.AsSpan(left.End, right.Start - left.End).Trim().SequenceEqual(","))
            {
                readings[i].Apposed.Add(readings[i + 1]);
                readings[i + 1].Apposed.Add(readings[i]);
            }
        }
        foreach (var r in readings)
        {
            // A continent, sea or wider region has no point to give; a town sharing its name is not it.
            if (Gazetteer.IsWideRegion(r.Name)) continue;
            r.Candidates = Gazetteer.Candidates(r.Name, language);
            if (r.Division && r.Candidates.Count == 0) r.Candidates = Gazetteer.Candidates(StripDivisionWords(r.Name, cues), language);
        }

        // Pass 1: the focus from what is unambiguous, then each mention on its own.
        var focus = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var hint in countryHints ?? []) Add(focus, hint, 2);
        foreach (var r in readings)
        {
            if (SingleCountry(r.Candidates) is { } country)
                Add(focus, country, r.Candidates.Any(c => Gazetteer.Places[c].Level == PlaceLevel.Country) ? 2 : 1);
        }
        foreach (var r in readings) r.Chosen = Best(r, readings, focus, useNeighbours: false);

        // The fuzzy step for names with no exact key, inside the countries the document is about.
        var topCountries = focus.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(3).Select(f => f.Key).ToList();
        foreach (var r in readings.Where(r => r.Candidates.Count == 0 && topCountries.Count > 0))
        {
            var fuzzy = Gazetteer.FuzzyKeys(Gazetteer.Keys.Key(r.Name), topCountries)
                .SelectMany(k => Gazetteer.CandidatesByKey(k, language)).Where(c => topCountries.Contains(Gazetteer.Places[c].Country)).Distinct().Order().ToList();
            r.Candidates = fuzzy;
            r.Chosen = Best(r, readings, focus, useNeighbours: false);
        }

        // The transliteration skeleton, last resort for names still without a place (PlaceResolver.Transliteration.cs).
        ResolveBySkeleton(text, readings, focus);

        // Pass 2: the focus from the first choices, and the places chosen around each mention.
        var chosenFocus = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var hint in countryHints ?? []) Add(chosenFocus, hint, 2);
        foreach (var r in readings.Where(r => r.Chosen >= 0)) Add(chosenFocus, Gazetteer.Places[r.Chosen].Country, 1);
        var second = readings.Select(r => Best(r, readings, chosenFocus, useNeighbours: true)).ToList();
        for (var i = 0; i < readings.Count; i++) readings[i].Chosen = second[i];
        DropStrayNamesakes(readings, countryHints);

        return readings.Select(r => r.Chosen < 0 ? null : Result(r)).ToList();
    }

    /// <summary>How far from every other place a document names a small town abroad must be to count as a stray namesake.</summary>
    private const double StrayKm = 1000;

    /// <summary>Towns smaller than this may be namesakes; a city named letter for letter, or a capital, is meant.</summary>
    private const long StrayPopulation = 150_000;

    /// <summary>
    /// A small town alone in its country, in a document whose other places are elsewhere and all over 1,000 km away, is the
    /// namesake of a place the gazetteer lacks ("Léré" in a Malian report is not Lere, Nigeria; "Djugu" in Ituri is not
    /// Djougou, Benin): no place is better than a wrong country. A country the caller hints at keeps its towns.
    /// </summary>
    private void DropStrayNamesakes(List<Reading> readings, IReadOnlyCollection<string>? countryHints)
    {
        var chosen = readings.Where(r => r.Chosen >= 0).Select(r => (r.Name, Place: Gazetteer.Places[r.Chosen])).ToList();
        var stray = new List<Reading>();
        foreach (var r in readings)
        {
            if (r.Chosen < 0) continue;
            var p = Gazetteer.Places[r.Chosen];
            if (p.Level != PlaceLevel.Town || p.FeatureCode == "PPLC") continue;
            // A large town is meant when named letter for letter; one reached only by folding the spelling ("Djugu" →
            // Djougou) is no likelier to be meant than a small one.
            if (p.Population >= StrayPopulation && r.NamedExactly?.Contains(r.Chosen) != false) continue;
            if (countryHints?.Contains(p.Country) == true) continue;
            // Another name of the document in the same country backs it; the same name told again does not.
            if (chosen.Any(o => o.Place.Country == p.Country && !string.Equals(o.Name, r.Name, StringComparison.OrdinalIgnoreCase))) continue;
            var others = chosen.Where(o => o.Place.Country != p.Country).ToList();
            if (others.Count > 0 && others.All(o => !WithinLatitudeBand(o.Place.Lat, p.Lat, StrayKm) || DistanceKm(o.Place.Lat, o.Place.Lon, p.Lat, p.Lon) > StrayKm)) stray.Add(r);
        }
        foreach (var r in stray) r.Chosen = -1;
    }

    private ResolvedPlace Result(Reading r)
    {
        var entry = Gazetteer.Places[r.Chosen];
        int? precision = entry.Level switch
        {
            PlaceLevel.Country => null,
            PlaceLevel.Division => 3,
            _ => r.Near ? 2 : 1,
        };
        return new ResolvedPlace(r.Mention, entry, Gazetteer.ToPlace(entry), precision, r.Near);
    }

    private static void Add(Dictionary<string, double> focus, string country, double weight) =>
        focus[country] = focus.GetValueOrDefault(country) + weight;

    private Reading Read(string text, Document document, ToponymMention mention, GeoCues? cues)
    {
        var sentenceIndex = SentenceIndex(document.Sentences, mention.Span.Start);
        var sentence = sentenceIndex >= 0 ? document.Sentences[sentenceIndex] : new TextSpan(0, text.Length);
        var start = Math.Clamp(mention.Span.Start, 0, text.Length);
        var end = Math.Clamp(mention.Span.End, start, text.Length);
        // Only the end of the sentence before the name and the start after it can hold a cue: the spaces next to the name,
        // the longest cue and one more character (to see that the cue starts a word) are all the cue tests read.
        var beforeStart = Math.Min(sentence.Start, start);
        var afterEnd = Math.Max(end, Math.Min(sentence.End, text.Length));
        if (cues is not null)
        {
            var spaces = start - text.AsSpan(beforeStart, start - beforeStart).TrimEnd().Length - beforeStart;
            beforeStart = Math.Max(beforeStart, start - spaces - cues.LongestBefore - 1);
            spaces = afterEnd - end - text.AsSpan(end, afterEnd - end).TrimStart().Length;
            afterEnd = Math.Min(afterEnd, end + spaces + cues.LongestAfter + 1);
        }
        var before = LowerCopy(text, beforeStart, start);
        var after = LowerCopy(text, end, afterEnd);
        var name = mention.Text;
        var lowerName = name.ToLowerInvariant().Replace('’', '\'');
        var division = false;
        var near = false;
        if (cues is not null)
        {
            // The recogniser may keep the cue inside the mention ("province d'Alep", "Idlib province").
            var inside = cues.DivisionBefore.FirstOrDefault(c => lowerName.StartsWith(c, StringComparison.Ordinal) && lowerName.Length > c.Length);
            if (inside is not null) { name = name[inside.Length..].Trim(); division = true; }
            var insideAfter = cues.DivisionAfter.FirstOrDefault(c => EndsWithWord(lowerName, c));
            if (insideAfter is not null) { name = name[..^insideAfter.Length].Trim(); division = true; }
            division |= GeoCues.EndingCue(before, cues.DivisionBefore) is not null || GeoCues.StartingCue(after, cues.DivisionAfter) is not null;
            near = GeoCues.EndingCue(before, cues.NearBefore) is not null || GeoCues.StartingCue(after, cues.NearAfter) is not null;
        }
        return new Reading(mention, name, division, near, sentenceIndex, document.Language);
    }

    /// <summary>The country all the candidates share, or null (none, or more than one).</summary>
    private string? SingleCountry(IReadOnlyList<int> candidates)
    {
        if (candidates.Count == 0) return null;
        var country = Gazetteer.Places[candidates[0]].Country;
        foreach (var c in candidates)
            if (!string.Equals(country, Gazetteer.Places[c].Country, StringComparison.Ordinal)) return null;
        return country;
    }

    // The first sentence holding the position, as List.FindIndex would give it, without a closure per mention.
    private static int SentenceIndex(List<TextSpan> sentences, int position)
    {
        for (var i = 0; i < sentences.Count; i++)
            if (sentences[i].Start <= position && position < sentences[i].End) return i;
        return -1;
    }

    // text[start..end].ToLowerInvariant() in one allocation instead of two.
    private static string LowerCopy(string text, int start, int end) =>
        string.Create(end - start, (text, start), static (span, source) => source.text.AsSpan(source.start, span.Length).ToLowerInvariant(span));

    // name.EndsWith(" " + word) without building the string.
    private static bool EndsWithWord(string name, string word) =>
        name.Length > word.Length && name[^(word.Length + 1)] == ' ' && name.EndsWith(word, StringComparison.Ordinal);

    private static string StripDivisionWords(string name, GeoCues? cues)
    {
        if (cues is null) return name;
        foreach (var word in cues.DivisionAfter)
            if (name.EndsWith(" " + word, StringComparison.OrdinalIgnoreCase)) return name[..^word.Length].Trim();
        return name;
    }

    private int Best(Reading r, IReadOnlyList<Reading> all, IReadOnlyDictionary<string, double> focus, bool useNeighbours)
    {
        var best = -1;
        var bestScore = double.NegativeInfinity;
        var focusTotal = focus.Values.Sum();
        foreach (var c in r.Candidates)
        {
            var score = Score(r, c, all, focus, focusTotal, useNeighbours);
            if (score > bestScore) { best = c; bestScore = score; }
        }
        return best;
    }

    private double Score(Reading r, int index, IReadOnlyList<Reading> all, IReadOnlyDictionary<string, double> focus, double focusTotal, bool useNeighbours)
    {
        var p = Gazetteer.Places[index];
        var score = Math.Log10(p.Population + 10) * 0.6;
        // The name as written beats a name that only shares its key ("Palmyra" vs Palmira, CO).
        if ((r.NamedExactly ??= Gazetteer.PlacesNamedExactly(r.Name, r.Language)).Contains(index)) score += 1.5;
        score += p.Level switch
        {
            // A country named alone is the country; a division needs its cue to beat its capital.
            PlaceLevel.Country => r.Division ? -2 : 4,
            PlaceLevel.Division => r.Division ? 6 : 0.5,
            PlaceLevel.Site => 3,
            _ => (r.Division ? -3 : 0) + p.FeatureCode switch { "PPLC" => 2.5, "PPLA" => 1.5, "PPLA2" => 0.6, _ => 0 },
        };
        if (focusTotal > 0) score += 5 * focus.GetValueOrDefault(p.Country) / focusTotal;
        foreach (var other in r.Apposed)
            if (other.Candidates.Any(o => Contains(Gazetteer.Places[o], p) || Contains(p, Gazetteer.Places[o])))
                score += 4;
        if (!useNeighbours) return score;
        foreach (var other in all)
        {
            if (ReferenceEquals(other, r) || other.Chosen < 0) continue;
            var o = Gazetteer.Places[other.Chosen];
            if (o.Level == PlaceLevel.Country) continue;
            var sameSentence = other.SentenceIndex == r.SentenceIndex;
            // Admin containment: "Al-Bab, dans la province d'Alep", "Marib governorate".
            if (o.Level == PlaceLevel.Division && o.Country == p.Country && o.Admin1Code == p.Admin1Code && p.Level != PlaceLevel.Division)
                score += sameSentence ? 3 : 1.5;
            else if (WithinLatitudeBand(o.Lat, p.Lat) && DistanceKm(o.Lat, o.Lon, p.Lat, p.Lon) < NearbyKm)
                score += sameSentence ? 1.5 : 0.8;
        }
        return score;
    }

    private static bool Contains(GazetteerPlace outer, GazetteerPlace inner) =>
        outer.Country == inner.Country && outer.Id != inner.Id && inner.Level is PlaceLevel.Town or PlaceLevel.Site &&
        (outer.Level == PlaceLevel.Country || outer.Level == PlaceLevel.Division && outer.Admin1Code == inner.Admin1Code);

    /// <summary>
    /// Whether a mention reads as the government seated in a capital rather than the city:
    /// the name can be a national capital and a speech or decision verb follows it
    /// ("Washington a refusé", "Moscow warned"). The caller decides what to do with it.
    /// </summary>
    public bool LooksLikeMetonymicCapital(Document document, ToponymMention mention)
    {
        var cues = _cues.GetValueOrDefault(document.Language);
        if (cues is null) return false;
        if (!Gazetteer.Candidates(mention.Text, document.Language).Any(c => Gazetteer.Places[c].FeatureCode == "PPLC")) return false;
        var text = document.FoldedText.Length == document.Text.Length ? document.FoldedText : document.Text;
        var end = Math.Clamp(mention.Span.End, 0, text.Length);
        var after = text[end..Math.Min(text.Length, end + 40)].ToLowerInvariant().Replace('’', '\'');
        return GeoCues.StartingCue(after, cues.GovernmentAfter) is not null;
    }

    /// <summary>Whether two places' latitudes are close enough for them to be nearby: the distance is never less than the
    /// latitude difference (with a margin for rounding), so places farther apart north-south skip the trigonometry.</summary>
    private static bool WithinLatitudeBand(double lat1, double lat2, double km = NearbyKm) => Math.Abs(lat2 - lat1) * Math.PI / 180 * EarthRadiusKm < km * 1.01;

    private const double EarthRadiusKm = 6371;

    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double radius = EarthRadiusKm;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) +
                Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
