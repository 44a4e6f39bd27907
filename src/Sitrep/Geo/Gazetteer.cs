using System.Globalization;

namespace Sitrep.Geo;

/// <summary>
/// Places and the names they go by, indexed by <see cref="PlaceNameKey"/>. Built once from a
/// gazetteer file (<see cref="GazetteerFile"/>) and the team's supplements in
/// <c>data/gazetteer/</c> (divisions, exonyms, sites), then shared read-only across threads.
/// </summary>
public sealed partial class Gazetteer
{
    /// <summary>The environment variable naming a gazetteer file to use instead of the default.</summary>
    public const string PathVariable = "SITREP_GAZETTEER";

    private static readonly Lazy<Gazetteer> DefaultGazetteer = new(() => Load(DefaultPath(), DefaultDataFolder()));

    private readonly List<GazetteerPlace> _places;
    private readonly Dictionary<string, int> _firstPosting;   // key -> first posting
    private readonly List<(int Place, int Next, string? Language, string Name)> _postings;
    private readonly Dictionary<string, string> _admin1Names;
    private readonly Lazy<Dictionary<string, KeysOfLength?[]>> _keysByCountry;
    private readonly HashSet<int> _curated;
    private readonly HashSet<string> _wideRegionKeys;
    [ThreadStatic] private static (string? Name, PlaceNameKey? Keys, string Key) _lastExactName;

    private Gazetteer(PlaceNameKey keys, List<GazetteerPlace> places, Dictionary<string, int> firstPosting,
        List<(int, int, string?, string)> postings, Dictionary<string, string> admin1Names, HashSet<int> curated, HashSet<string> wideRegionKeys)
    {
        _curated = curated;
        _wideRegionKeys = wideRegionKeys;
        Keys = keys;
        _places = places;
        _firstPosting = firstPosting;
        _postings = postings;
        _admin1Names = admin1Names;
        _keysByCountry = new(KeysByCountry);
    }

    /// <summary>
    /// Keys long enough for the fuzzy step, per country and then per length (one edit changes the length by
    /// at most one, so a key is compared only with keys of its length and the two next to it), in ordinal
    /// order; built on first use.
    /// </summary>
    private Dictionary<string, KeysOfLength?[]> KeysByCountry()
    {
        var byCountry = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var (key, first) in _firstPosting)
        {
            if (key.Length < FuzzyMinLength - 1) continue;
            foreach (var posting in PostingsOf(first))
            {
                var country = _places[posting.Place].Country;
                if (!byCountry.TryGetValue(country, out var keys)) byCountry[country] = keys = new SortedSet<string>(StringComparer.Ordinal);
                keys.Add(key);
            }
        }
        return byCountry.ToDictionary(pair => pair.Key, pair =>
        {
            var byLength = new KeysOfLength?[pair.Value.Max(k => k.Length) + 1];
            foreach (var group in pair.Value.GroupBy(k => k.Length)) byLength[group.Key] = new KeysOfLength([.. group]);
            return byLength;
        }, StringComparer.Ordinal);
    }

    /// <summary>
    /// A country's keys of one length, by their first two letters and by their last two: a key one edit from another
    /// of at least <see cref="FuzzyMinLength"/> letters shares its first two letters (the edit is further on) or else
    /// its last two, so only those are compared, not every key sharing one letter.
    /// </summary>
    private sealed class KeysOfLength(string[] keys)
    {
        private readonly Dictionary<int, string[]> _byStart = keys.GroupBy(k => Pair(k[0], k[1])).ToDictionary(g => g.Key, g => g.ToArray());
        private readonly Dictionary<int, string[]> _byEnd = keys.GroupBy(k => Pair(k[^2], k[^1])).ToDictionary(g => g.Key, g => g.ToArray());

        public string[] StartingLike(string key) => _byStart.GetValueOrDefault(Pair(key[0], key[1])) ?? [];
        public string[] EndingLike(string key) => _byEnd.GetValueOrDefault(Pair(key[^2], key[^1])) ?? [];

        private static int Pair(char first, char second) => first << 16 | second;
    }

    /// <summary>Shortest key the fuzzy step will match: shorter ones are too often other words.</summary>
    public const int FuzzyMinLength = 7;

    public PlaceNameKey Keys { get; }
    public IReadOnlyList<GazetteerPlace> Places => _places;
    public int NameCount => _postings.Count;

    public static Gazetteer Default => DefaultGazetteer.Value;

    public static string DefaultDataFolder() => Path.Combine(AppContext.BaseDirectory, "data", "gazetteer");

    /// <summary><c>$SITREP_GAZETTEER</c> when set, else the default gazetteer shipped beside the binaries.</summary>
    public static string DefaultPath() =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : Path.Combine(DefaultDataFolder(), "places.tsv.gz");

    /// <summary>Whether the team listed this place by hand (sites.tsv, exonyms.tsv): news names it, so its name is a place name whatever its population.</summary>
    public bool IsCurated(int place) => _curated.Contains(place);

    /// <summary>Whether a name is a continent, ocean, sea, gulf or region wider than a country (regions.tsv): never a town that shares its name ("Asia" is no Philippine village).</summary>
    public bool IsWideRegion(string name) => _wideRegionKeys.Contains(Keys.Key(name));

    /// <summary>The name of a first-level division ("SY", "09" → "Aleppo"), or null when unknown.</summary>
    public string? Admin1Name(string country, string admin1) =>
        _admin1Names.TryGetValue(country + "." + admin1, out var name) ? name : null;

    public Place ToPlace(GazetteerPlace place) => new(place.Name, place.GeonamesId, place.Lat, place.Lon, place.Country,
        place.Level == PlaceLevel.Country ? null : Admin1Name(place.Country, place.Admin1Code), place.FeatureCode);

    /// <summary>Places a name may stand for (exact key), each once, in gazetteer order.</summary>
    /// <param name="language">The text's language: names listed for one language only match in it.</param>
    public IReadOnlyList<int> Candidates(ReadOnlySpan<char> name, string? language = null) => CandidatesByKey(Keys.Key(name), language);

    public IReadOnlyList<int> CandidatesByKey(string key, string? language)
    {
        if (key.Length == 0 || !_firstPosting.TryGetValue(key, out var posting)) return [];
        var found = new List<int>(4);
        foreach (var p in PostingsOf(posting))
            if ((p.Language is null || p.Language == language) && !found.Contains(p.Place)) found.Add(p.Place);
        found.Sort();
        return found;
    }

    /// <summary>
    /// Whether the place goes by this very name, letter for letter but for case and accents
    /// ("Palmyra" is a name of Tadmur, SY; Palmira, CO only shares its key).
    /// </summary>
    public bool HasExactName(int place, string name, string? language)
    {
        // Asked for every candidate of a mention, with the mention's name each time: its key is made once.
        if (!ReferenceEquals(_lastExactName.Name, name) || _lastExactName.Keys != Keys) _lastExactName = (name, Keys, Keys.Key(name));
        var key = _lastExactName.Key;
        if (!_firstPosting.TryGetValue(key, out var first)) return false;
        foreach (var p in PostingsOf(first))
            if (p.Place == place && IsExactPosting(p, name, language)) return true;
        return false;
    }

    /// <summary>
    /// Every place that goes by this very name (as <see cref="HasExactName"/> says, place by place), found in one
    /// pass over the name's postings: for a mention whose candidates are all scored, rather than one pass per candidate.
    /// </summary>
    public HashSet<int> PlacesNamedExactly(string name, string? language)
    {
        var places = new HashSet<int>();
        if (!_firstPosting.TryGetValue(Keys.Key(name), out var first)) return places;
        foreach (var p in PostingsOf(first))
            if (!places.Contains(p.Place) && IsExactPosting(p, name, language)) places.Add(p.Place);
        return places;
    }

    private static bool IsExactPosting((int Place, int Next, string? Language, string Name) posting, string name, string? language) =>
        (posting.Language is null || posting.Language == language) &&
        string.Compare(posting.Name, name, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace) == 0;

    /// <summary>
    /// Keys one edit away from <paramref name="key"/> among the names of places in the given
    /// countries; only for keys of at least <see cref="FuzzyMinLength"/> letters.
    /// </summary>
    public IReadOnlyList<string> FuzzyKeys(string key, IEnumerable<string> countries)
    {
        var found = new List<string>();
        if (key.Length < FuzzyMinLength) return found;
        foreach (var country in countries)
            if (_keysByCountry.Value.TryGetValue(country, out var byLength))
                for (var length = key.Length - 1; length <= key.Length + 1 && length < byLength.Length; length++)
                {
                    if (byLength[length] is not { } keys) continue;
                    // One edit keeps the first two letters, or else (an edit in them) the last two.
                    foreach (var candidate in keys.StartingLike(key))
                        if (candidate.Length >= FuzzyMinLength && WithinOneEdit(key, candidate) && !found.Contains(candidate))
                            found.Add(candidate);
                    foreach (var candidate in keys.EndingLike(key))
                        if (candidate.Length >= FuzzyMinLength && WithinOneEdit(key, candidate) && !found.Contains(candidate))
                            found.Add(candidate);
                }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private IEnumerable<(int Place, int Next, string? Language, string Name)> PostingsOf(int first)
    {
        for (var i = first; i >= 0; i = _postings[i].Next) yield return _postings[i];
    }

    internal static bool WithinOneEdit(string a, string b)
    {
        if (a == b) return true;
        if (a.Length > b.Length) (a, b) = (b, a);
        if (b.Length - a.Length > 1) return false;
        var i = 0;
        while (i < a.Length && a[i] == b[i]) i++;
        // Same length: one substitution; else one insertion in b.
        return a.Length == b.Length
            ? a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
            : a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1));
    }

    /// <summary>Loads a gazetteer file and the supplements found in <paramref name="dataFolder"/>.</summary>
    public static Gazetteer Load(string path, string dataFolder)
    {
        if (!File.Exists(path)) throw new InvalidDataException($"{path}: gazetteer not found (run 'sitrep gazetteer import' or unset ${PathVariable})");
        var builder = new Builder(PlaceNameKey.Load(Path.Combine(dataFolder, "name-keys.yaml")));
        GazetteerFile.Read(path, builder.AddCountry, builder.AddAdmin1, builder.AddPlace);
        builder.AddDivisions(Path.Combine(dataFolder, "divisions.tsv"));
        builder.AddSites(Path.Combine(dataFolder, "sites.tsv"));
        builder.AddExonyms(Path.Combine(dataFolder, "exonyms.tsv"));
        builder.AddWideRegions(Path.Combine(dataFolder, "regions.tsv"));
        var gazetteer = builder.Build();
        gazetteer._transliterationPath = Path.Combine(dataFolder, Transliteration.TransliterationSkeleton.FileName);
        return gazetteer;
    }

    private sealed class Builder(PlaceNameKey keys)
    {
        private readonly List<GazetteerPlace> _places = [];
        private readonly HashSet<int> _curated = [];
        private readonly HashSet<string> _wideRegionKeys = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
        private readonly List<(int Place, string Name, string? Language)> _names = [];
        private readonly Dictionary<string, string> _admin1Names = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (double Lat, double Lon, long Population)> _capitals = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (double Lat, double Lon, int Count)> _admin1Sums = new(StringComparer.Ordinal);
        // Feature codes, countries and admin1 codes repeat across places: one string each.
        private readonly Dictionary<string, string> _pool = new(StringComparer.Ordinal);

        private string Pooled(string s)
        {
            if (_pool.TryGetValue(s, out var pooled)) return pooled;
            _pool[s] = s;
            return s;
        }

        private int Add(GazetteerPlace place)
        {
            if (_byId.TryGetValue(place.Id, out var existing)) return existing;
            _places.Add(place);
            _byId[place.Id] = _places.Count - 1;
            return _places.Count - 1;
        }

        private void Name(int place, string name, string? language = null)
        {
            if (name.Length > 0) _names.Add((place, name, language));
        }

        public void AddCountry(GazetteerFile.CountryRecord c)
        {
            var index = Add(new GazetteerPlace("country:" + c.Code, c.GeonamesId, c.Name, double.NaN, double.NaN, PlaceLevel.Country, "PCLI", c.Code, "", 0));
            Name(index, c.Name);
            foreach (var other in c.OtherNames) Name(index, other);
        }

        public void AddAdmin1(GazetteerFile.Admin1Record a)
        {
            _admin1Names[a.Code] = a.Name;
            var dot = a.Code.IndexOf('.');
            if (dot <= 0) return;
            var index = Add(new GazetteerPlace("adm1:" + a.Code, a.GeonamesId, a.Name, double.NaN, double.NaN, PlaceLevel.Division, "ADM1", a.Code[..dot], a.Code[(dot + 1)..], 0));
            Name(index, a.Name);
        }

        public void AddPlace(GazetteerFile.PlaceRecord p)
        {
            int index;
            if (p.FeatureClass == 'A' && p.FeatureCode.StartsWith("PCL", StringComparison.Ordinal) && _byId.TryGetValue("country:" + p.Country, out index))
            {
                var country = _places[index];
                _places[index] = country with { GeonamesId = country.GeonamesId ?? p.GeonamesId, Lat = p.Lat, Lon = p.Lon, Population = p.Population };
            }
            else if (p.FeatureClass == 'A' && p.FeatureCode == "ADM1")
            {
                index = Add(new GazetteerPlace("adm1:" + p.Country + "." + p.Admin1, p.GeonamesId, p.Name, p.Lat, p.Lon, PlaceLevel.Division, "ADM1", p.Country, p.Admin1, p.Population));
                var division = _places[index];
                _places[index] = division with { GeonamesId = division.GeonamesId ?? p.GeonamesId, Lat = p.Lat, Lon = p.Lon };
                _admin1Names.TryAdd(p.Country + "." + p.Admin1, p.Name);
            }
            else
            {
                var level = p.FeatureClass == 'P' ? PlaceLevel.Town : PlaceLevel.Site;
                index = Add(new GazetteerPlace(p.GeonamesId.ToString(CultureInfo.InvariantCulture), p.GeonamesId, p.Name, p.Lat, p.Lon, level,
                    Pooled(p.FeatureCode), Pooled(p.Country), Pooled(p.Admin1), p.Population));
                if (level == PlaceLevel.Town)
                {
                    if (p.FeatureCode == "PPLC" && (!_capitals.TryGetValue(p.Country, out var capital) || capital.Population < p.Population))
                        _capitals[p.Country] = (p.Lat, p.Lon, p.Population);
                    var a1 = p.Country + "." + p.Admin1;
                    _admin1Sums[a1] = _admin1Sums.TryGetValue(a1, out var sum) ? (sum.Lat + p.Lat, sum.Lon + p.Lon, sum.Count + 1) : (p.Lat, p.Lon, 1);
                }
            }
            Name(index, p.Name);
            foreach (var other in p.OtherNames) Name(index, other);
        }

        /// <summary>divisions.tsv: ISO2, admin1 code, English name, other names.</summary>
        public void AddDivisions(string path)
        {
            foreach (var (f, line) in Rows(path, 3))
            {
                var code = f[0] + "." + f[1];
                var index = Add(new GazetteerPlace("adm1:" + code, null, f[2], double.NaN, double.NaN, PlaceLevel.Division, "ADM1", f[0], f[1], 0));
                _admin1Names.TryAdd(code, f[2]);
                Name(index, f[2]);
                if (f.Length > 3) foreach (var other in GazetteerFile.SplitNames(f[3])) Name(index, other);
            }
        }

        /// <summary>sites.tsv: id, names, lat, lon, feature class, feature code, ISO2, admin1, source.</summary>
        public void AddSites(string path)
        {
            foreach (var (f, line) in Rows(path, 9))
            {
                var names = GazetteerFile.SplitNames(f[1]);
                // Class P rows are small towns the GeoNames extract lacks; the rest are sites.
                var level = f[4] == "P" ? PlaceLevel.Town : PlaceLevel.Site;
                var index = Add(new GazetteerPlace(f[0], null, names[0], GazetteerFile.Double(f[2]), GazetteerFile.Double(f[3]), level, f[5], f[6], f[7], 0));
                _curated.Add(index);
                foreach (var name in names) Name(index, name);
            }
        }

        /// <summary>exonyms.tsv: geonameid, language (* for any), names, the GeoNames name.</summary>
        public void AddExonyms(string path)
        {
            foreach (var (f, line) in Rows(path, 3))
            {
                // An exonym for a place the loaded gazetteer lacks (a smaller import) is skipped.
                if (!_byId.TryGetValue(f[0], out var index)) continue;
                _curated.Add(index);
                foreach (var name in GazetteerFile.SplitNames(f[2])) Name(index, name, f[1] == "*" ? null : f[1]);
            }
        }

        /// <summary>regions.tsv: kind (continent, ocean, sea, gulf, region), names separated by |.</summary>
        public void AddWideRegions(string path)
        {
            foreach (var (f, _) in Rows(path, 2))
                foreach (var name in GazetteerFile.SplitNames(f[1]))
                    _wideRegionKeys.Add(keys.MakeKey(name));
        }

        private static IEnumerable<(string[] Fields, int Line)> Rows(string path, int minimumFields)
        {
            if (!File.Exists(path)) yield break;
            var number = 0;
            foreach (var line in File.ReadLines(path))
            {
                number++;
                if (line.Length == 0 || line[0] == '#') continue;
                var fields = line.Split('\t');
                if (fields.Length < minimumFields) throw new InvalidDataException($"{path}:{number}: expected at least {minimumFields} tab-separated fields");
                yield return (fields, number);
            }
        }

        public Gazetteer Build()
        {
            // Countries and divisions without their own point get one: the capital, or the mean of their places.
            for (var i = 0; i < _places.Count; i++)
            {
                var place = _places[i];
                if (!double.IsNaN(place.Lat)) continue;
                if (place.Level == PlaceLevel.Country && _capitals.TryGetValue(place.Country, out var capital))
                    _places[i] = place with { Lat = capital.Lat, Lon = capital.Lon };
                else if (place.Level == PlaceLevel.Division && _admin1Sums.TryGetValue(place.Country + "." + place.Admin1Code, out var sum))
                    _places[i] = place with { Lat = Math.Round(sum.Lat / sum.Count, 4), Lon = Math.Round(sum.Lon / sum.Count, 4) };
                else
                    _places[i] = place with { Lat = 0, Lon = 0 };
            }
            var first = new Dictionary<string, int>(_names.Count, StringComparer.Ordinal);
            var postings = new List<(int, int, string?, string)>(_names.Count);
            foreach (var (place, name, language) in _names)
            {
                var key = keys.MakeKey(name);
                if (key.Length == 0) continue;
                postings.Add((place, first.TryGetValue(key, out var next) ? next : -1, language, name));
                first[key] = postings.Count - 1;
            }
            return new Gazetteer(keys, _places, first, postings, _admin1Names, _curated, _wideRegionKeys);
        }
    }
}
