namespace Sitrep.Geo.Transliteration;

/// <summary>
/// The gazetteer's names by transliteration skeleton (<see cref="TransliterationSkeleton"/>): the geocoder's
/// last resort for a name with no exact key. Without rules (no <c>transliteration.yaml</c>) it finds nothing.
/// Read-only once built, so shared across threads.
/// </summary>
public sealed class SkeletonIndex
{
    private readonly TransliterationSkeleton? _rules;
    private readonly PlaceNameKey _keys;
    private readonly Dictionary<string, List<(int Place, string? Language)>> _places = new(StringComparer.Ordinal);

    public SkeletonIndex(TransliterationSkeleton? rules, PlaceNameKey keys, IEnumerable<(int Place, string? Language, string Name)> names)
    {
        _rules = rules;
        _keys = keys;
        if (rules is null) return;
        foreach (var (place, language, name) in names)
        {
            var skeleton = rules.Skeleton(keys, name);
            if (skeleton.Length < rules.MinimumLength) continue;
            if (!_places.TryGetValue(skeleton, out var list)) _places[skeleton] = list = new List<(int, string?)>(1);
            if (!list.Contains((place, language))) list.Add((place, language));
        }
    }

    /// <summary>Distinct skeletons indexed.</summary>
    public int Count => _places.Count;

    /// <summary>The skeleton of a name; empty without rules.</summary>
    public string Skeleton(string name)
    {
        if (_rules is null) return "";
        // The names no key finds recur from one document to the next: their skeletons are kept per thread, up to a bound.
        if (_cache is null || _cacheOwner != this || _cache.Count >= CachedNames)
        {
            _cache = new Dictionary<string, string>(StringComparer.Ordinal);
            _cacheOwner = this;
        }
        if (!_cache.TryGetValue(name, out var skeleton)) _cache[name] = skeleton = _rules.Skeleton(_keys, name);
        return skeleton;
    }

    private const int CachedNames = 20_000;
    [ThreadStatic] private static Dictionary<string, string>? _cache;
    [ThreadStatic] private static SkeletonIndex? _cacheOwner;

    /// <summary>Whether a skeleton is long enough to be matched in any country, not only in the document's.</summary>
    public bool MatchesAnywhere(string skeleton) => _rules is not null && skeleton.Length >= _rules.MinimumLengthAnywhere;

    /// <summary>Places with a name of this skeleton (names listed for one language only match in it), each once, in gazetteer order.</summary>
    public IReadOnlyList<int> Candidates(string skeleton, string? language)
    {
        if (_rules is null || skeleton.Length < _rules.MinimumLength || !_places.TryGetValue(skeleton, out var list)) return [];
        var found = new List<int>(list.Count);
        foreach (var (place, only) in list)
            if ((only is null || only == language) && !found.Contains(place)) found.Add(place);
        found.Sort();
        return found;
    }
}
