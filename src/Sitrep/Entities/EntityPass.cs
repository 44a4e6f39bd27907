namespace Sitrep.Entities;

/// <summary>The working state of <see cref="EntityRecognizer"/> over one document: who owns which token, acronyms and persons met so far.</summary>
internal sealed class EntityPass
{
    private readonly string _text;
    private readonly List<Token> _tokens;
    private readonly IPlaceNameLookup? _places;
    private readonly int[] _owner;
    private readonly List<Found> _found = [];
    private readonly HashSet<string> _lowercaseWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownEntity> _acronyms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, KnownEntity>.AlternateLookup<ReadOnlySpan<char>> _acronymLookup;
    private readonly HashSet<string> _surnames = new(StringComparer.Ordinal);
    /// <summary>Organisation heads already named in full: "Commandement" → "Commandement des opérations conjointes".</summary>
    private readonly Dictionary<string, string> _headNames = new(StringComparer.Ordinal);

    // Per paragraph.
    private EntityGrammar _grammar = null!;
    private int _from, _to;
    private int[] _cueStartEndingAt = [];
    private bool[] _cueTitleOnly = [];
    private bool[] _inPersonCue = [];
    private byte[] _placeCueEndsAt = [];
    private bool[] _miscCueEndsAt = [];
    private bool[] _inMiscCue = [];
    private bool[] _governmentVerbEndsAt = [];

    private sealed record Found(Entity Entity, int From, int To)
    {
        /// <summary>A state's or capital's name, which may stand for its government.</summary>
        public bool NamesState { get; init; }

        /// <summary>Taken into a longer name found later ("Kidal" in "Collectif des victimes de Kidal (CVKJ)").</summary>
        public bool Dropped { get; init; }
    }

    public EntityPass(string text, List<Token> tokens, IPlaceNameLookup? places)
    {
        _text = text;
        _tokens = tokens;
        _places = places;
        _acronymLookup = _acronyms.GetAlternateLookup<ReadOnlySpan<char>>();
        _owner = new int[tokens.Count];
        Array.Fill(_owner, -1);
        // A word also written in lowercase in the document is a common word when it opens a sentence.
        foreach (var token in tokens)
            if (token.IsWord && !token.IsCapitalised && (token.Shape & TokenShape.Digit) == 0) _lowercaseWords.Add(token.Key);
    }

    public void Run(EntityGrammar grammar, int from, int to)
    {
        _grammar = grammar;
        _from = from;
        _to = to;
        KnownNamesAndAcronyms();
        OrganisationsByHead();
        FindCues();
        StatesAsGovernments();
        NamedAgreements();
        RolesOfKnownPersons();
        CapitalisedRuns();
        UnknownAcronyms();
    }

    public List<Entity> Finish()
    {
        // Every mention of a person gets the longest name written for them: "Dupont" → "Jean Dupont".
        var persons = _found.Where(f => f.Entity.Type == EntityType.PERSON && !f.Dropped).ToList();
        var result = new List<Entity>(_found.Count);
        foreach (var found in _found)
        {
            if (found.Dropped) continue;
            var entity = found.Entity;
            if (entity.Type == EntityType.PERSON)
            {
                var last = _tokens[found.To - 1].Key;
                var best = entity.Canonical;
                foreach (var other in persons)
                    if (other.To - other.From > found.To - found.From && _tokens[other.To - 1].Key == last
                        && other.Entity.Canonical.Length > best.Length && other.Entity.Canonical == other.Entity.Text)
                        best = other.Entity.Canonical;
                if (best != entity.Canonical) entity = entity with { Canonical = best };
            }
            result.Add(entity);
        }
        result.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.End.CompareTo(b.End));
        return result;
    }

    private string Surface(int from, int to) => _text[_tokens[from].Start.._tokens[to - 1].End];

    /// <summary>Whether no entity (other than one of type <paramref name="except"/>) holds a token of [from, to).</summary>
    private bool Free(int from, int to, EntityType? except = null)
    {
        for (var i = from; i < to; i++)
            if (_owner[i] >= 0 && _found[_owner[i]].Entity.Type != except) return false;
        return true;
    }

    private void Add(EntityType type, int from, int to, string? canonical = null, string? role = null, string? country = null, string? kind = null)
    {
        for (var i = from; i < to; i++)
            if (_owner[i] >= 0) _found[_owner[i]] = _found[_owner[i]] with { Dropped = true };
        var surface = Surface(from, to);
        var entity = new Entity(type, _tokens[from].Start, _tokens[to - 1].End, surface, canonical ?? surface)
        {
            Role = role,
            Country = country,
            Kind = kind,
        };
        for (var i = from; i < to; i++) _owner[i] = _found.Count;
        _found.Add(new Found(entity, from, to));
        // A person's last word is their surname: "Dupont" alone later is the same person.
        if (type == EntityType.PERSON && _tokens[to - 1].IsCapitalised) _surnames.Add(_tokens[to - 1].Key);
    }

    private (int End, string Country)? CountryAt(int at) =>
        _grammar.Countries.Longest(_tokens, at, _to) is { } match ? (match.End, match.Value.Iso3) : null;

    private Func<int, (int End, string Country)?>? _countrySlot;

    // 1. Known names, national bodies, acronym definitions and acronyms defined earlier.
    private void KnownNamesAndAcronyms()
    {
        _countrySlot ??= CountryAt;
        for (var i = _from; i < _to; i++)
        {
            var token = _tokens[i];
            if (_owner[i] >= 0) continue;
            if (token.Is('(') && i + 2 < _to && _tokens[i + 2].Is(')') && (IsAcronym(i + 1) || SpelledBefore(i)))
            {
                DefineAcronym(i);
                i += 2;
                continue;
            }
            if (!token.IsWord) continue;
            if (_grammar.Known.Longest(_tokens, i, _to, _countrySlot) is { } match
                // "François Hollande", "Jordan Bardella": a one-word place right after a first name is a surname.
                && !(match.Value.Type == EntityType.LOC && match.End == i + 1 && AfterFirstName(i))
                // An acronym that is also a function word ("UN" in French capitals, "IS" in English) or stands in a shouted line is not trusted alone.
                && !(match.End == i + 1 && token.IsAllCaps && (AllCapsSentence(i) || _grammar.StopWords.Contains(token.Key))))
            {
                var known = match.Value;
                // "US officials", "UK Maritime…": a country's short name used as an adjective is a demonym, no entity;
                // "the US said" still names the government.
                if (known.NamesState && match.End < _to && _tokens[match.End].IsWord && IsDemonym(match.Start, match.End)
                    && _grammar.GovernmentVerbs.Longest(_tokens, match.End, _to) is null)
                {
                    i = match.End - 1;
                    continue;
                }
                // "Syrian government forces": a national body used as a modifier of the forces is no entity.
                if (known.Canonical.Contains('{') && match.End < _to && _grammar.NotAfterBodies.Contains(_tokens[match.End].Key))
                {
                    i = match.End - 1;
                    continue;
                }
                var country = match.Country ?? known.Country;
                var canonical = known.Canonical;
                if (canonical.Contains('{', StringComparison.Ordinal))
                {
                    if (country is null || !_grammar.CountryInfo.TryGetValue(country, out var info)) continue;
                    canonical = info.Fill(canonical);
                }
                var end = match.End;
                var start = match.Start;
                // "Ukraine's Ministry of Defence": the possessive country stays outside the body's name.
                if (match.Country is not null)
                    for (var k = start + 1; k + 1 < end - 1; k++)
                        if (_tokens[k].Is('\'') && _tokens[k + 1].Key == "s" && _tokens[k + 2].IsCapitalised)
                        {
                            start = k + 2;
                            break;
                        }
                // "Helmand Province": a known place with the language's place suffix after it is one name.
                if (known.Type == EntityType.LOC && end < _to && _tokens[end].IsCapitalised && _grammar.PlaceSuffixes.Contains(_tokens[end].Key)) end++;
                // "Benjamin Netanyahou": a known person's name with a first name before it the data does not spell.
                if (known.Type == EntityType.PERSON && start > _from && _owner[start - 1] < 0 && !_tokens[start].SentenceStart
                    && _tokens[start - 1].IsCapitalised && _grammar.FirstNames.Contains(_tokens[start - 1].Key)) start--;
                Add(known.Type, start, end, canonical, country: country, kind: known.Kind);
                if (known.NamesState) _found[^1] = _found[^1] with { NamesState = true };
                i = end - 1;
                continue;
            }
            if (_acronyms.Count > 0 && _acronymLookup.TryGetValue(_text.AsSpan(token.Start, token.End - token.Start), out var defined))
                Add(defined.Type, i, i + 1, defined.Canonical, country: defined.Country, kind: defined.Kind);
        }
    }

    private bool IsDemonym(int from, int to) =>
        _grammar.Countries.Longest(_tokens, from, _to) is { } demonym && demonym.End == to
        && Enumerable.Range(from, to - from).All(k => !_tokens[k].IsWord || _grammar.Demonyms.Contains(_tokens[k].Key));

    private bool AfterFirstName(int at) =>
        at > _from && !_tokens[at].SentenceStart && _owner[at - 1] < 0 && _tokens[at - 1].IsCapitalised && !_tokens[at - 1].IsAllCaps
        && _grammar.FirstNames.Contains(_tokens[at - 1].Key);

    /// <summary>"Institut français des relations internationales (Ifri)": a short capitalised word the words before it spell letter by letter.</summary>
    private bool SpelledBefore(int open)
    {
        var word = _tokens[open + 1];
        if (!word.IsWord || !word.IsCapitalised || word.End - word.Start is < 3 or > 8 || (word.Shape & TokenShape.Digit) != 0) return false;
        var start = LongNameBefore(open, _text[word.Start..word.End], allLetters: true);
        return start is not null;
    }

    /// <summary>Two or more capitals and more capitals than not: "OSDH", "FAMa", "MINUSMA".</summary>
    private bool IsAcronym(int at)
    {
        var token = _tokens[at];
        if (!token.IsWord || !token.IsCapitalised || (token.Shape & TokenShape.Digit) != 0) return false;
        int upper = 0, letters = 0;
        for (var i = token.Start; i < token.End; i++)
        {
            if (!char.IsLetter(_text[i])) continue;
            letters++;
            if (char.IsUpper(_text[i])) upper++;
        }
        return upper >= 2 && upper * 2 > letters && letters <= 10;
    }

    /// <summary>"Nom long (SIGLE)": the acronym gets the long name's entity, known or found here.</summary>
    private void DefineAcronym(int open)
    {
        var at = open + 1;
        var acronym = _text[_tokens[at].Start.._tokens[at].End];
        KnownEntity? defined = null;
        var before = open > _from && _owner[open - 1] >= 0 && _found[_owner[open - 1]] is { } last && last.To == open
                     && last.Entity.Type is not (EntityType.PERSON or EntityType.MISC) ? last : null;
        var longName = LongNameBefore(open, acronym, allLetters: !IsAcronym(at));
        // A known name right before the parenthesis defines it when its initial fits ("armée malienne (FAMa)"
        // is known by the lexicon anyway), unless the acronym spells a longer name that holds it.
        if (_grammar.Known.Longest(_tokens, at, at + 1) is { } knownAcronym)
        {
            defined = knownAcronym.Value;
            // "Forces armées de la RDC (FARDC)": the words the known acronym spells are that entity too.
            if (before is null && longName is { } spelled && Free(spelled, open, EntityType.LOC))
                Add(defined.Type, spelled, open, defined.Canonical, country: defined.Country, kind: defined.Kind);
        }
        else if (before is not null && (longName is null || longName >= before.From) && InitialFits(acronym, before))
            defined = new KnownEntity(before.Entity.Type, before.Entity.Canonical, before.Entity.Kind, before.Entity.Country);
        else if (longName is { } start)
        {
            var type = EntityType.ORG;
            string? kind = null;
            for (var i = start; i < open; i++)
                if (_grammar.OrganisationHeads.TryGetValue(_tokens[i].Key, out var head))
                {
                    (type, kind) = (head.Type, head.Kind);
                    break;
                }
            Add(type, start, open, kind: kind);
            defined = new KnownEntity(type, Surface(start, open), kind, null);
        }
        defined ??= new KnownEntity(EntityType.ORG, acronym, null, null);
        _acronyms.TryAdd(acronym, defined);
        Add(defined.Type, at, at + 1, defined.Canonical, country: defined.Country, kind: defined.Kind);
    }

    private bool InitialFits(string acronym, Found entity)
    {
        var initial = char.ToLowerInvariant(EntityTokenizer.Key(acronym)[0]);
        return EntityTokenizer.Key(entity.Entity.Text)[0] == initial || EntityTokenizer.Key(entity.Entity.Canonical)[0] == initial;
    }

    /// <summary>
    /// Where the long name before "(SIGLE)" starts: of the capitalised words within ten tokens whose
    /// initial is the acronym's, the one from which the initials of the content words spell most of it.
    /// </summary>
    private int? LongNameBefore(int open, string acronym, bool allLetters = false)
    {
        var letters = EntityTokenizer.Key(allLetters ? acronym.Where(char.IsLetter).ToArray() : acronym.Where(char.IsUpper).ToArray());
        if (letters.Length == 0) return null;
        int? best = null;
        var bestScore = 0;
        for (var start = open - 1; start >= _from && open - start <= 10; start--)
        {
            var token = _tokens[start];
            if (!(token.IsWord || token.Is('\'') || token.Is('-'))) break;
            // Places may stand inside a long name; persons and organisations end it.
            if (_owner[start] >= 0 && _found[_owner[start]].Entity.Type != EntityType.LOC) break;
            if (!token.IsWord || token.Key[0] != letters[0]) goto next;
            int score = 0, contentWords = 0;
            for (var i = start; i < open; i++)
            {
                var word = _tokens[i];
                if (!word.IsWord || _grammar.Connectors.Contains(word.Key) || _grammar.Determiners.Contains(word.Key) || _grammar.StopWords.Contains(word.Key)) continue;
                contentWords++;
                // An acronym inside the long name gives all its letters: "UK Maritime Trade Operations (UKMTO)".
                if (word.IsAllCaps && score < letters.Length && letters.AsSpan(score).StartsWith(word.Key)) score += word.Key.Length;
                else if (score < letters.Length && word.Key[0] == letters[score]) score++;
            }
            // A name in lowercase ("la mission de surveillance…") must spell the whole acronym.
            var spelled = score == letters.Length && contentWords == letters.Length;
            if (score >= bestScore && (allLetters ? spelled && token.IsCapitalised : token.IsCapitalised ? score * 2 >= letters.Length : spelled))
            {
                best = start;
                bestScore = score;
            }
            next:
            if (token.SentenceStart) break;
        }
        return best;
    }

    // 2. "le Commandement des opérations spéciales", "the Special Operations Command", "Ministry of Defence".
    private void OrganisationsByHead()
    {
        if (_grammar.OrganisationHeads.Count == 0) return;
        for (var i = _from; i < _to; i++)
        {
            var token = _tokens[i];
            if (_owner[i] >= 0 || !token.IsCapitalised || !_grammar.OrganisationHeads.TryGetValue(token.Key, out var head)) continue;
            var start = i;
            // "Iraqi [Counter Terrorism Service]": a demonym before the name stays outside it.
            while (start > _from && !_tokens[start].SentenceStart && _owner[start - 1] < 0 && NameWord(start - 1)
                   && !_grammar.Demonyms.Contains(_tokens[start - 1].Key)) start--;
            if (start < i && _tokens[start].SentenceStart && _grammar.StopWords.Contains(_tokens[start].Key)) start++;
            var end = i + 1;
            var j = i + 1;
            // Lowercase words go on a name right after its head or a connector, two at most in a row:
            // "Commandement des opérations spéciales" stops before "suivaient", "Ministère de la Défense" before "annonce".
            var lowercaseRun = 0;
            while (j < _to && j - i <= 12 && !_tokens[j].SentenceStart)
            {
                // "Mission de transition de l'Union africaine en Somalie": known names after a connector belong to the name.
                if (_owner[j] >= 0)
                {
                    var inner = _found[_owner[j]];
                    if (inner.From != j || inner.Entity.Type is not (EntityType.ORG or EntityType.LOC or EntityType.GROUP)
                        || !(_grammar.Connectors.Contains(_tokens[j - 1].Key) || _tokens[j - 1].Is('\''))) break;
                    end = j = inner.To;
                    lowercaseRun = 0;
                    continue;
                }
                var next = _tokens[j];
                var afterHeadOrConnector = j == i + 1 || _grammar.Connectors.Contains(_tokens[j - 1].Key) || _tokens[j - 1].Is('\'');
                if (NameWord(j))
                {
                    end = ++j;
                    lowercaseRun = 0;
                }
                else if (_grammar.Connectors.Contains(next.Key) || next.Is('\''))
                {
                    j++;
                    lowercaseRun = 0;
                }
                // A demonym closes a name whatever came before: "Commandement des opérations conjointes irakien".
                else if (_grammar.LowercaseInOrganisationNames && !next.IsCapitalised && _grammar.Demonyms.Contains(next.Key)) end = ++j;
                else if (_grammar.LowercaseInOrganisationNames && next.IsWord && !next.IsCapitalised && (next.Shape & TokenShape.Digit) == 0
                         && (afterHeadOrConnector || lowercaseRun == 1) && lowercaseRun < 2
                         && !_grammar.StopWords.Contains(next.Key) && _grammar.PersonCues.Longest(_tokens, j, _to) is null)
                {
                    end = ++j;
                    lowercaseRun++;
                }
                else break;
            }
            // "le Commandement indique": the head alone, named in full earlier, is that organisation again;
            // what follows it in lowercase is not its name.
            if (start == i && !token.SentenceStart && _headNames.TryGetValue(token.Key, out var named)
                && Enumerable.Range(i + 1, end - i - 1).All(k => !_tokens[k].IsCapitalised && !_grammar.Connectors.Contains(_tokens[k].Key)))
            {
                Add(head.Type, i, i + 1, named, kind: head.Kind);
                continue;
            }
            if (end - start < 2) continue;
            Add(head.Type, start, end, kind: head.Kind);
            if (start == i) _headNames.TryAdd(token.Key, Surface(start, end));
            i = end - 1;
        }
    }

    /// <summary>A capitalised word that may be part of a name: not a stop word, not one of the language's capitalised non-names, not a role.</summary>
    private bool NameWord(int at)
    {
        var token = _tokens[at];
        return token.IsWord && token.IsCapitalised && (token.Shape & TokenShape.Digit) == 0
               && !_grammar.StopWords.Contains(token.Key) && !_grammar.NotNames.Contains(token.Key)
               && _grammar.PersonCues.Longest(_tokens, at, _to) is null;
    }

    // Cues of steps 3 and 4, found once per paragraph: where each person cue and place cue ends.
    private void FindCues()
    {
        // The arrays are made once per document (paragraphs are shorter) and cleared per paragraph.
        var length = _to - _from + 1;
        if (_cueStartEndingAt.Length < length)
        {
            var size = _tokens.Count + 1;
            _cueStartEndingAt = new int[size];
            _cueTitleOnly = new bool[size];
            _inPersonCue = new bool[size];
            _placeCueEndsAt = new byte[size];
            _miscCueEndsAt = new bool[size];
            _inMiscCue = new bool[size];
            _governmentVerbEndsAt = new bool[size];
        }
        else
        {
            Array.Clear(_cueTitleOnly, 0, length);
            Array.Clear(_inPersonCue, 0, length);
            Array.Clear(_placeCueEndsAt, 0, length);
            Array.Clear(_miscCueEndsAt, 0, length);
            Array.Clear(_inMiscCue, 0, length);
            Array.Clear(_governmentVerbEndsAt, 0, length);
        }
        Array.Fill(_cueStartEndingAt, -1, 0, length);
        for (var i = _from; i < _to; i++)
        {
            if (!_tokens[i].IsWord) continue;
            if (_grammar.PersonCues.Longest(_tokens, i, _to) is { } cue)
            {
                var slot = cue.End - _from;
                if (_cueStartEndingAt[slot] < 0)
                {
                    _cueStartEndingAt[slot] = i;
                    _cueTitleOnly[slot] = cue.Value.TitleOnly;
                }
                for (var k = i; k < cue.End; k++) _inPersonCue[k - _from] = true;
            }
            if (_grammar.MiscCues.Longest(_tokens, i, _to) is { } misc)
            {
                // « l'opération "Volonté de la victoire" »: a quote may open the name.
                var nameStart = misc.End < _to && _tokens[misc.End].Is('"') ? misc.End + 1 : misc.End;
                _miscCueEndsAt[nameStart - _from] = true;
                for (var k = i; k < misc.End; k++) _inMiscCue[k - _from] = true;
                // A quoted name is the whole quotation: l'opération « Bouclier du Nord ».
                if (nameStart > misc.End && nameStart < _to && _tokens[nameStart].IsCapitalised)
                {
                    var close = nameStart + 1;
                    while (close < _to && close - nameStart <= 8 && !_tokens[close].Is('"') && !_tokens[close].SentenceStart) close++;
                    if (close < _to && _tokens[close].Is('"') && Free(nameStart, close)) Add(EntityType.MISC, nameStart, close);
                }
            }
            if (_grammar.GovernmentCuesBefore.Longest(_tokens, i, _to) is { } verb) _governmentVerbEndsAt[verb.End - _from] = true;
            // A cue of several words ("the town of", "la province de") outweighs a first name; a preposition does not.
            if (_grammar.PlaceCues.Longest(_tokens, i, _to) is { } place)
            {
                var strength = (byte)(place.End - place.Start > 1 ? 2 : 1);
                _placeCueEndsAt[place.End - _from] = Math.Max(_placeCueEndsAt[place.End - _from], strength);
                // "une commune de l'Essonne", "la province de la Kapisa": an article may stand between cue and name.
                var after = place.End;
                while (after < _to && after - place.End < 2 && (_grammar.Determiners.Contains(_tokens[after].Key) || _tokens[after].Is('\''))) after++;
                if (after > place.End) _placeCueEndsAt[after - _from] = Math.Max(_placeCueEndsAt[after - _from], strength);
            }
        }
    }

    /// <summary>
    /// "Moscou accuse", "accuse Kigali de…", "Washington said": a state's or capital's name next to what
    /// governments do (the language's government verbs, after it or before it) names its government.
    /// </summary>
    private void StatesAsGovernments()
    {
        if (_grammar.GovernmentCanonical is not { } government) return;
        for (var f = 0; f < _found.Count; f++)
        {
            var found = _found[f];
            if (found.From < _from || !found.NamesState || found.Dropped || found.Entity.Country is not { } country
                || !_grammar.CountryInfo.TryGetValue(country, out var state)) continue;
            var before = found.From;
            while (before > _from && (_grammar.Determiners.Contains(_tokens[before - 1].Key) || _tokens[before - 1].Is('\''))) before--;
            if (_grammar.GovernmentVerbs.Longest(_tokens, ChainEnd(f), _to) is null && !_governmentVerbEndsAt[before - _from]) continue;
            _found[f] = found with { Entity = found.Entity with { Type = EntityType.ORG, Canonical = state.Fill(government), Kind = "government" } };
        }
    }

    /// <summary>"the Algiers agreement", "the Minsk accords": a place followed by one of the language's agreement nouns names the agreement (MISC).</summary>
    private void NamedAgreements()
    {
        if (_grammar.MiscNouns.Count == 0) return;
        var count = _found.Count;
        for (var f = 0; f < count; f++)
        {
            var found = _found[f];
            if (found.From < _from || found.Dropped || found.Entity.Type != EntityType.LOC || found.To >= _to) continue;
            var noun = _tokens[found.To];
            if (noun.IsWord && !noun.IsCapitalised && _grammar.MiscNouns.Contains(noun.Key) && _owner[found.To] < 0)
                Add(EntityType.MISC, found.From, found.To + 1);
        }
    }

    /// <summary>Where a list of states starting with found[index] ends: "Paris, Berlin and Rome said" ends before "said".</summary>
    private int ChainEnd(int index)
    {
        var end = _found[index].To;
        while (end + 1 < _to && (_tokens[end].Is(',') || _grammar.Coordinators.Contains(_tokens[end].Key))
               && _owner[end + 1] >= 0 && _found[_owner[end + 1]] is { NamesState: true, Dropped: false } next && next.From == end + 1)
            end = next.To;
        return end;
    }

    /// <summary>Persons the lexicon knows ("Vladimir Poutine") get the roles written beside them too.</summary>
    private void RolesOfKnownPersons()
    {
        for (var f = 0; f < _found.Count; f++)
        {
            var found = _found[f];
            if (found.From < _from || found.Entity.Type != EntityType.PERSON || found.Entity.Role is not null) continue;
            if ((RoleBefore(found.From, out _) ?? RoleAfter(found.To)) is { } role)
                _found[f] = found with { Entity = found.Entity with { Role = role } };
        }
    }

    // 4. Runs of capitalised words.
    private void CapitalisedRuns()
    {
        for (var i = _from; i < _to; i++)
        {
            // A name does not start with a function word ("Le", "Il", "A"), though one may stand inside ("Jean-Yves Le Drian").
            if (!RunWord(i) || _grammar.StopWords.Contains(_tokens[i].Key)) continue;
            var end = i + 1;
            while (end < _to && !_tokens[end].SentenceStart)
            {
                if (RunWord(end)) end++;
                else if (end + 1 < _to && _grammar.Particles.Contains(_tokens[end].Key) && !_tokens[end].IsCapitalised && RunWord(end + 1)) end += 2;
                // An initial: "John F. Kennedy".
                else if (_tokens[end].Is('.') && _tokens[end - 1].End - _tokens[end - 1].Start == 1 && end + 1 < _to && RunWord(end + 1)
                         && !_tokens[end + 1].SentenceStart) end++;
                else break;
            }
            Classify(i, end);
            i = end - 1;
        }
    }

    private bool RunWord(int at)
    {
        if (_owner[at] >= 0 || _inPersonCue[at - _from] || _inMiscCue[at - _from]) return false;
        var token = _tokens[at];
        if (!token.IsWord || !token.IsCapitalised || token.IsAllCaps || (token.Shape & TokenShape.Digit) != 0) return false;
        if (_grammar.NotNames.Contains(token.Key)) return false;
        // "American", "Russe": a demonym alone is MISC (step 4), never part of a person's or place's name.
        if (_grammar.Demonyms.Contains(token.Key) && _grammar.Countries.Longest(_tokens, at, _to) is not null) return false;
        // "Houthi-controlled", "Arab-majority": a compound ending in lowercase is an adjective.
        var hyphen = _text.LastIndexOf('-', token.End - 1, token.End - token.Start);
        if (hyphen > token.Start && char.IsLower(_text[hyphen + 1])) return false;
        if (token.SentenceStart)
        {
            if (_grammar.StopWords.Contains(token.Key)) return false;
            if (_lowercaseWords.Contains(token.Key) && !_grammar.FirstNames.Contains(token.Key) && !_surnames.Contains(token.Key)) return false;
        }
        return true;
    }

    private void Classify(int start, int end)
    {
        var words = end - start;
        if (words == 1 && _tokens[start].End - _tokens[start].Start == 1) return; // a lone initial
        if (_placeCueEndsAt[start - _from] == 2)
        {
            Add(EntityType.LOC, start, end);
            return;
        }
        if (_miscCueEndsAt[start - _from])
        {
            // "Operation Poseidon Archer": a capitalised cue is part of the name; "l'opération Barkhane" is not.
            while (start > _from && _inMiscCue[start - 1 - _from] && _tokens[start - 1].IsCapitalised && !_tokens[start - 1].IsAllCaps && !_tokens[start].SentenceStart) start--;
            Add(EntityType.MISC, start, end);
            return;
        }
        var before = RoleBefore(start, out var cued);
        var after = RoleAfter(end);
        var role = before is not null && after is not null ? before + ", " + after : before ?? after;
        var known = _surnames.Contains(_tokens[end - 1].Key);
        if (cued || role is not null || known || (words >= 2 && _grammar.FirstNames.Contains(_tokens[start].Key)))
        {
            Add(EntityType.PERSON, start, end, role: role);
            return;
        }
        if (_grammar.PlaceSuffixes.Contains(_tokens[end - 1].Key) || (words > 1 && _grammar.PlaceSuffixes.Contains(_tokens[start].Key))
            // "Idlib province", "Kavumu airport": a lowercase place noun after the name.
            || (end < _to && !_tokens[end].IsCapitalised && _grammar.PlaceNouns.Contains(_tokens[end].Key))
            || _grammar.PlacePrefixes.Any(prefix => _tokens[start].Key.StartsWith(prefix, StringComparison.Ordinal))
            || CoordinatedWithPlace(start)
            || (_places is not null && _places.IsPlaceName(Surface(start, end))))
        {
            Add(EntityType.LOC, start, end);
            return;
        }
        // What is left are guesses from the shape alone: no word of the run may be a common word of this
        // document ("Resort", "Workout" written lowercase elsewhere) or a word that names something else.
        for (var i = start; i < end; i++)
        {
            var key = _tokens[i].Key;
            if (!_tokens[i].IsCapitalised) continue;
            if ((_lowercaseWords.Contains(key) && !_grammar.FirstNames.Contains(key)) || _grammar.OrganisationHeads.ContainsKey(key)
                || _grammar.PlaceSuffixes.Contains(key) || _grammar.Demonyms.Contains(key))
                return;
        }
        if (_placeCueEndsAt[start - _from] > 0) Add(EntityType.LOC, start, end);
        else if (words is >= 2 and <= 4 && !_tokens[start].SentenceStart) Add(EntityType.PERSON, start, end);
    }

    /// <summary>"entre Gao et Ansongo", "Gao, Ménaka and Kidal": a name joined to a place by "et", "and" or a comma is a place.</summary>
    private bool CoordinatedWithPlace(int start)
    {
        if (start - 2 < _from) return false;
        var joiner = _tokens[start - 1];
        if (!(joiner.Is(',') || _grammar.Coordinators.Contains(joiner.Key))) return false;
        return _owner[start - 2] >= 0 && _found[_owner[start - 2]] is { Dropped: false } previous && previous.To == start - 1
               && previous.Entity.Type == EntityType.LOC;
    }

    /// <summary>
    /// The role written before a name: from the earliest role cue reached by walking back over role
    /// words, connectors, determiners, commas and known entities ("porte-parole du ministère, le colonel"),
    /// with the capitalised words and countries just before it ("US Defense Secretary"). A courtesy title
    /// alone ("M.") says a person follows (<paramref name="cued"/>) but is no role.
    /// </summary>
    private string? RoleBefore(int start, out bool cued)
    {
        cued = false;
        int roleStart = -1, roleEnd = start;
        var j = start - 1;
        while (j >= _from && start - j <= 16)
        {
            if (_cueStartEndingAt[j + 1 - _from] is var cueStart and >= 0)
            {
                cued = true;
                if (!_cueTitleOnly[j + 1 - _from]) roleStart = cueStart;
                else if (roleStart < 0) roleEnd = cueStart;
                if (_tokens[cueStart].SentenceStart) break;
                j = cueStart - 1;
                continue;
            }
            var token = _tokens[j];
            if (_owner[j] >= 0 && _found[_owner[j]].Entity.Type is not EntityType.PERSON)
            {
                // A role cue may end inside an entity: "chef de la diplomatie" + "diplomatie ivoirienne".
                var from = _found[_owner[j]].From;
                var inside = -1;
                for (var k = from + 1; k <= j; k++)
                    if (_cueStartEndingAt[k - _from] is var s and >= 0 && !_cueTitleOnly[k - _from] && (inside < 0 || s < inside)) inside = s;
                if (inside >= 0)
                {
                    cued = true;
                    roleStart = inside;
                    if (_tokens[inside].SentenceStart) break;
                    j = inside - 1;
                    continue;
                }
                j = from;
            }
            else if (!(token.Is(',') || token.Is('\'') || token.Is('-') || _grammar.Determiners.Contains(token.Key) || _grammar.Connectors.Contains(token.Key)
                       || _grammar.RoleWords.Contains(token.Key) || _grammar.Demonyms.Contains(token.Key)
                       || (token.IsCapitalised && _grammar.NotNames.Contains(token.Key))))
                break;
            if (_tokens[j].SentenceStart) break;
            j--;
        }
        if (roleStart < 0) return null;
        // "leader of the Aqidat tribe": a name right after a connector completes the role, it is not its holder.
        var previous = start - 1;
        while (previous > roleStart && _tokens[previous].Is('\'')) previous--;
        if (previous > roleStart && _grammar.Connectors.Contains(_tokens[previous].Key) && _tokens[previous].IsWord)
        {
            cued = false;
            return null;
        }
        // Premodifiers: "US Defense Secretary", "Turkish Foreign Minister".
        while (roleStart > _from && !_tokens[roleStart].SentenceStart)
        {
            var before = _tokens[roleStart - 1];
            // "US Defense Secretary", "AU spokesman", "Pentagon spokesman": the body the role belongs to.
            var isCountry = _owner[roleStart - 1] >= 0 && _found[_owner[roleStart - 1]].Entity.Type is EntityType.LOC or EntityType.ORG or EntityType.GROUP
                            && _found[_owner[roleStart - 1]].To == roleStart;
            if (isCountry) roleStart = _found[_owner[roleStart - 1]].From;
            else if (before.IsWord && before.IsCapitalised && (_grammar.RoleWords.Contains(before.Key) || _grammar.Demonyms.Contains(before.Key) || _grammar.NotNames.Contains(before.Key)))
                roleStart--;
            else break;
        }
        var last = roleEnd - 1;
        while (last > roleStart && (_tokens[last].Is(',') || _grammar.Determiners.Contains(_tokens[last].Key) || _tokens[last].Is('\''))) last--;
        return _text[_tokens[roleStart].Start.._tokens[last].End];
    }

    /// <summary>The role in an apposition after a name: ", sous-secrétaire à la Défense," up to the next punctuation.</summary>
    private string? RoleAfter(int end)
    {
        if (end + 1 >= _to || !_tokens[end].Is(',')) return null;
        var k = end + 1;
        while (k < _to && (_grammar.Determiners.Contains(_tokens[k].Key) || _tokens[k].Is('\''))) k++;
        if (k >= _to || _tokens[k].SentenceStart) return null;
        // The cue may come after a few words of the role: ", the group's military spokesman", ", un haut responsable".
        PhraseMatch<PersonCue>? cue = null;
        for (var c = k; c < _to && c - k <= 4 && !_tokens[c].SentenceStart; c++)
        {
            if (_grammar.PersonCues.Longest(_tokens, c, _to) is { Value.TitleOnly: false } found)
            {
                cue = found;
                break;
            }
            var word = _tokens[c];
            if (!(word.Is('\'') || word.Key == "s" || _grammar.RoleWords.Contains(word.Key) || _grammar.Demonyms.Contains(word.Key)
                  || (_owner[c] >= 0 && _found[_owner[c]].Entity.Type is not EntityType.PERSON))) return null;
        }
        if (cue is null) return null;
        var last = cue.Value.End - 1;
        for (var m = cue.Value.End; m < _to && m - k < 16; m++)
        {
            var token = _tokens[m];
            if (token.SentenceStart || token.Shape == TokenShape.Punctuation && token.Key is "," or "." or ";" or ":" or "(" or ")" or "\"") break;
            last = m;
        }
        return _text[_tokens[k].Start.._tokens[last].End];
    }

    // 5. Unknown acronyms → organisations.
    private void UnknownAcronyms()
    {
        for (var i = _from; i < _to; i++)
        {
            var token = _tokens[i];
            if (_owner[i] >= 0 || !token.IsWord || !token.IsCapitalised) continue;
            if (IsAcronym(i) && token.IsAllCaps && token.End - token.Start <= 6 && !_grammar.NotNames.Contains(token.Key) && !_grammar.StopWords.Contains(token.Key)
                && !_inPersonCue[i - _from] && !_grammar.Demonyms.Contains(token.Key) && !IsRomanNumeral(token.Key) && !AllCapsSentence(i) && !_lowercaseWords.Contains(token.Key))
                Add(EntityType.ORG, i, i + 1);
        }
    }

    private static bool IsRomanNumeral(string key) => key.All(c => c is 'i' or 'v' or 'x' or 'l' or 'c' or 'd' or 'm');

    /// <summary>Whether the words around a token are mostly capitals too: a shouted headline, not an acronym.</summary>
    private bool AllCapsSentence(int at)
    {
        int caps = 0, words = 0;
        for (var i = Math.Max(_from, at - 3); i < Math.Min(_to, at + 4); i++)
            if (_tokens[i].IsWord && i != at)
            {
                words++;
                if (_tokens[i].IsAllCaps) caps++;
            }
        return words > 0 && caps * 2 > words;
    }
}
