namespace Sitrep.Geo;

public sealed partial class PlaceResolver
{
    /// <summary>
    /// The transliteration skeleton (<see cref="Transliteration.SkeletonIndex"/>) for the names no key matched
    /// ("Zaouïa", "Chéberghan"), and for names read as a division with no division cue when a town inside that very
    /// division has the skeleton ("Derna" is the province's name; the town is "Darnah"). Guards: a name written capitalised and
    /// never in lower case in the document (a common word is no place); towns and sites only; a place in the document's
    /// country (the strongest of its focus) when it has one, else a skeleton long enough to be matched anywhere. Short
    /// skeletons wait for what the long ones say about the document's country.
    /// </summary>
    private void ResolveBySkeleton(string text, List<Reading> readings, Dictionary<string, double> focus)
    {
        // Most documents have a place for every name: they pay for this one test only.
        if (!readings.Any(r => r.Candidates.Count == 0 || IsUncuedDivision(r))) return;
        // The document's country, or countries tied for first, from the hints and the places chosen so far ("au Liban"
        // is the country though a town shares the name): a skeleton match elsewhere would be a guess.
        var weights = new Dictionary<string, double>(focus, StringComparer.Ordinal);
        foreach (var chosen in readings.Where(r => r.Chosen >= 0).Select(r => Gazetteer.Places[r.Chosen]))
            Add(weights, chosen.Country, chosen.Level == PlaceLevel.Country ? 2 : 1);
        var strongest = weights.Count == 0 ? 0 : weights.Values.Max();
        var countries = weights.Where(f => f.Value >= strongest).Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
        var countryKnown = countries.Count > 0;
        // The towns and divisions already found by their exact names: a skeleton match far from all of them is a guess
        // ("le camp de Bulengo, à l'ouest de Goma" is no Bulungu 1,200 km away).
        var anchors = readings.Where(r => r.Chosen >= 0 && Gazetteer.Places[r.Chosen].Level != PlaceLevel.Country).Select(r => Gazetteer.Places[r.Chosen]).ToList();
        var waiting = new List<(Reading Reading, IReadOnlyList<int> Found)>();
        foreach (var r in readings)
        {
            var division = IsUncuedDivision(r) ? Gazetteer.Places[r.Chosen] : null;
            if (r.Candidates.Count > 0 && division is null) continue;
            if (!WrittenAsName(r.Name, text) || Gazetteer.IsWideRegion(r.Name)) continue;
            var index = Gazetteer.Skeletons;
            var skeleton = index.Skeleton(r.Name);
            // Towns and sites only: divisions and countries go by the names the team listed for them.
            var found = index.Candidates(skeleton, r.Language).Where(c => Gazetteer.Places[c].Level is PlaceLevel.Town or PlaceLevel.Site).ToList();
            if (anchors.Count > 0 && division is null) found = found.Where(c => NearAnAnchor(Gazetteer.Places[c], anchors)).ToList();
            if (found.Count == 0) continue;
            if (division is not null)
            {
                var towns = found.Where(c => Contains(division, Gazetteer.Places[c])).ToList();
                if (towns.Count > 0) Choose(r, [.. r.Candidates.Concat(towns).Distinct().Order()], focus);
                continue;
            }
            var inFocus = found.Where(c => countries.Contains(Gazetteer.Places[c].Country)).ToList();
            if (inFocus.Count > 0) Choose(r, inFocus, focus);
            else if (!countryKnown && index.MatchesAnywhere(skeleton)) Choose(r, found, focus);
            else { waiting.Add((r, found)); continue; }
            // What a name resolved this way says about the document's countries helps the short skeletons after it.
            if (r.Chosen >= 0 && !countries.Contains(Gazetteer.Places[r.Chosen].Country)) countries.Add(Gazetteer.Places[r.Chosen].Country);
        }
        foreach (var (r, found) in waiting)
        {
            var inFocus = found.Where(c => countries.Contains(Gazetteer.Places[c].Country)).ToList();
            if (inFocus.Count > 0) Choose(r, inFocus, focus);
        }

        void Choose(Reading r, IReadOnlyList<int> candidates, Dictionary<string, double> scores)
        {
            r.Candidates = candidates;
            r.Chosen = Best(r, readings, scores, useNeighbours: false);
        }
    }

    /// <summary>How far from every place the document names exactly a skeleton match may lie: a province's breadth.</summary>
    private const double SkeletonReachKm = 300;

    private static bool NearAnAnchor(GazetteerPlace place, List<GazetteerPlace> anchors) =>
        anchors.Any(a => Contains(a, place) || (WithinLatitudeBand(a.Lat, place.Lat, SkeletonReachKm) && DistanceKm(a.Lat, a.Lon, place.Lat, place.Lon) < SkeletonReachKm));

    /// <summary>Whether the mention was read as a division though no cue says so ("Derna" alone).</summary>
    private bool IsUncuedDivision(Reading r) => r.Chosen >= 0 && !r.Division && Gazetteer.Places[r.Chosen].Level == PlaceLevel.Division;

    /// <summary>Whether a name is written as a name: capitalised ("al-Fashir" too), and nowhere in the text in lower case (then it is a common word).</summary>
    private static bool WrittenAsName(string name, string text)
    {
        if (!name.Any(char.IsUpper)) return false;
        var lower = name.ToLowerInvariant();
        for (var at = text.IndexOf(lower, StringComparison.Ordinal); at >= 0; at = text.IndexOf(lower, at + 1, StringComparison.Ordinal))
        {
            var end = at + lower.Length;
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (end == text.Length || !char.IsLetter(text[end]))) return false;
        }
        return true;
    }
}
