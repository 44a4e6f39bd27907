using System.Globalization;
using Sitrep.Entities;
using Sitrep.Geo;

namespace Sitrep.Actors;

/// <summary>
/// Finds the actor phrases of one document, paragraph by paragraph in the paragraph's language, in text
/// order. At each token, in this order: a descriptive phrase (determiners, modifiers before the head, a
/// head noun outside every entity, modifiers after it: "les soldats turcs", "Iran-backed militias", "des
/// combattants de HTS"); else a person, organisation or armed group entity (with the determiner before
/// it); else a short anaphoric phrase ("le groupe", "they") that takes the most recent fitting actor of
/// its sentence or the one before. An entity a phrase holds (the group after "de", the state after
/// "soutenues par") is part of that phrase, not an actor of its own.
/// </summary>
internal sealed class ActorPass
{
    private const int MaxModifiers = 6;

    private readonly ActorResources _resources;
    private readonly Document _document;
    private readonly List<Token> _tokens;
    private readonly int[] _entityStartingAt;
    private readonly int[] _entityCovering;
    private readonly int[] _entityEndToken;
    private readonly string? _focus;
    private readonly DateOnly? _day;
    private readonly Func<int, (int End, string Country)?> _slot;
    private EntityGrammar _entityGrammar = null!;
    private int _limit;

    public ActorPass(ActorResources resources, Document document, List<Token> tokens)
    {
        _resources = resources;
        _document = document;
        _tokens = tokens;
        _entityStartingAt = new int[tokens.Count];
        _entityCovering = new int[tokens.Count];
        Array.Fill(_entityStartingAt, -1);
        Array.Fill(_entityCovering, -1);
        _entityEndToken = new int[document.Entities.Count];
        for (var e = 0; e < document.Entities.Count; e++)
        {
            var entity = document.Entities[e];
            var first = FirstTokenAtOrAfter(entity.Start);
            _entityEndToken[e] = first;
            if (first >= tokens.Count || tokens[first].Start != entity.Start) continue;
            _entityStartingAt[first] = e;
            var t = first;
            for (; t < tokens.Count && tokens[t].Start < entity.End; t++) _entityCovering[t] = e;
            _entityEndToken[e] = t;
        }
        _focus = FocusCountry(document);
        _day = document.Published is { Length: >= 10 } published
               && DateOnly.TryParseExact(published[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day : null;
        _slot = Slot;
    }

    /// <summary>Finds the actors of tokens [from, to), written in <paramref name="language"/>.</summary>
    public void Run(int from, int to, string language)
    {
        _limit = to;
        _entityGrammar = _resources.Entities.Grammar(language, _document.Language);
        var grammar = _resources.Grammars.GetValueOrDefault(language) ?? _resources.Grammars.GetValueOrDefault(_document.Language);
        var i = from;
        while (i < to)
        {
            if (grammar?.PeopleHead is not null && (_tokens[i].Shape & TokenShape.Capitalised) != 0 && TryPeople(grammar, i, out var peopleEnd))
            {
                i = peopleEnd;
                continue;
            }
            // Most tokens start nothing: no phrase word, no name, no country, no "pro-" word.
            if (_entityStartingAt[i] < 0 && (grammar is null || !MayStartPhrase(grammar, i)))
            {
                i++;
                continue;
            }
            if (grammar is not null && TryNamePrefix(grammar, i, out var end))
            {
                i = end;
                continue;
            }
            if (grammar is not null && TryPhrase(grammar, i, out end))
            {
                i = end;
                continue;
            }
            var e = _entityStartingAt[i];
            if (e >= 0 && grammar is not null && BareStateObject(grammar, e, i))
            {
                Add(StateActor(e, i));
                i = _entityEndToken[e];
                continue;
            }
            if (e >= 0)
            {
                i = IsActorEntity(_document.Entities[e]) ? AddEntity(grammar, e, _document.Entities[e].Start, null) : Math.Max(i + 1, _entityEndToken[e]);
                continue;
            }
            if (grammar is not null && TryAnaphor(grammar, from, i, out end))
            {
                i = end;
                continue;
            }
            i++;
        }
    }

    /// <summary>
    /// Adds the actor an entity names, its mention starting at <paramref name="start"/> (a determiner before it);
    /// a head noun right after a group's or body's name belongs to it ("Al-Shabaab fighters", "Houthi rebels").
    /// <paramref name="branch"/>: a country written before a group's name ("the Pakistani Taliban"). Returns the
    /// token after the mention.
    /// </summary>
    private int AddEntity(ActorGrammar? grammar, int e, int start, string? branch)
    {
        var end = Math.Max(_entityEndToken[e], FirstTokenAtOrAfter(_document.Entities[e].Start) + 1);
        // "an African Union base": the article is the thing's, not the name's.
        if (grammar is not null && end < _limit && grammar.ObjectNouns.Contains(_tokens[end].Key)) start = _document.Entities[e].Start;
        var mention = FromEntity(e, start, grammar);
        if (branch is not null) mention = mention with { Country = branch, Code = _resources.Catalogue.Code(branch, mention.Kind ?? "rebel") };
        if (grammar is not null && _document.Entities[e].Type is EntityType.GROUP or EntityType.ORG && end < _limit && !_tokens[end].SentenceStart
            && HeadAt(grammar, end) is { } head && !(head.End < _limit && grammar.ObjectNouns.Contains(_tokens[head.End].Key)))
        {
            var span = new TextSpan(start, _tokens[head.End - 1].End);
            mention = mention with { Span = span, Text = _document.Text[span.Start..span.End] };
            end = head.End;
        }
        Add(mention);
        return end;
    }

    /// <summary>A state's name with no article right after a verb that takes it as its object ("accusing Pakistan of", « a menacé Israël »): its government.</summary>
    private bool BareStateObject(ActorGrammar grammar, int e, int i) =>
        i > 0 && !_tokens[i].SentenceStart && VerbTakingState(grammar, i - 1) && IsStateName(_document.Entities[e])
        && !_document.Entities[e].QualifiesNextWord(_document.Text);

    /// <summary>Whether the token before a state is a verb that takes it, or a day or an adverb right after one (« a accusé mardi Israël »).</summary>
    private bool VerbTakingState(ActorGrammar grammar, int t) =>
        grammar.StateAfter.Contains(_tokens[t].Key)
        || t > 0 && !_tokens[t].SentenceStart && grammar.StateAfterSkip.Contains(_tokens[t].Key) && grammar.StateAfter.Contains(_tokens[t - 1].Key);

    private static bool IsStateName(Entity entity) =>
        entity.Type == EntityType.LOC && entity.Country is not null && (entity.Place is null ? entity.GeoPrecision is null : entity.Place.Feature.StartsWith("PCL", StringComparison.Ordinal));

    private ActorMention StateActor(int e, int startToken)
    {
        var entity = _document.Entities[e];
        var country = PlaceCountry(entity)!;
        var span = new TextSpan(_tokens[startToken].Start, entity.End);
        return new ActorMention(span, new TextSpan(entity.Start, entity.End), _document.Text[span.Start..span.End], SentenceOf(span.Start),
            Fill("Government of {the name}", country), country, "government", _resources.Catalogue.Code(country, "government"), e);
    }

    /// <summary>"le groupe Wagner", "the group Hamas": the words before the name belong to its mention.</summary>
    private bool TryNamePrefix(ActorGrammar grammar, int i, out int end)
    {
        end = i;
        if (_entityCovering[i] >= 0 || grammar.NamePrefixes.Longest(_tokens, i, _limit) is not { } prefix) return false;
        var at = SkipApostrophes(prefix.End);
        if (at >= _limit || _entityStartingAt[at] is not (var e and >= 0) || !IsActorEntity(_document.Entities[e])) return false;
        end = AddEntity(grammar, e, _tokens[i].Start, null);
        return true;
    }

    /// <summary>
    /// Whether a head that is also an adjective is one here: after a noun ("une attaque rebelle", "des
    /// opérations militaires") rather than after an article, a modifier, a count or a preposition.
    /// </summary>
    private bool IsAdjective(ActorGrammar grammar, PhraseMatch<ActorHead> head, int start, int p)
    {
        if (!head.Value.Adjective || p > start || _tokens[head.Start].SentenceStart || head.Start == 0) return false;
        var before = _tokens[head.Start - 1];
        return before.IsWord && !grammar.BareAfter.Contains(before.Key) && (before.Shape & TokenShape.Digit) == 0;
    }

    private bool MayStartPhrase(ActorGrammar grammar, int i)
    {
        var key = _tokens[i].Key;
        if (grammar.FirstKeys.Contains(key)) return true;
        if (grammar.BeforeStartsWithCountry && _entityGrammar.Countries.Longest(_tokens, i, _limit) is not null) return true;
        foreach (var prefix in grammar.AffiliationPrefixes)
            if (key.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsActorEntity(Entity entity) => entity.Type is EntityType.PERSON or EntityType.ORG or EntityType.GROUP;

    /// <summary>What the modifiers of one phrase said.</summary>
    private sealed class PhraseState
    {
        public string? Country, Backer, Leader, Kind;
        public bool Government, ProGovernment;
        /// <summary>The phrase opens with a possessive ("ses combattants", "its forces").</summary>
        public bool Possessive;
        /// <summary>The phrase opens with a definite determiner ("les assaillants", "the attackers").</summary>
        public bool Definite;
        public int Entity = -1;
        public bool Bare => Country is null && Backer is null && Leader is null && Kind is null && !Government && !ProGovernment && Entity < 0;
    }

    private bool TryPhrase(ActorGrammar grammar, int start, out int end)
    {
        end = start;
        var p = start;
        bool possessive = false, definite = false;
        if (_entityCovering[p] < 0 && grammar.Determiners.Longest(_tokens, p, _limit) is { } determiner && Free(p, determiner.End))
        {
            possessive = grammar.Possessives.Contains(_tokens[p].Key);
            definite = grammar.Definites.Contains(_tokens[p].Key);
            p = SkipApostrophes(determiner.End);
        }
        var afterDeterminer = p;
        var state = new PhraseState { Possessive = possessive, Definite = definite };
        PhraseMatch<ActorHead>? head = null;
        for (var n = 0; n < MaxModifiers && p < _limit; n++)
        {
            if (HeadAt(grammar, p) is { } found)
            {
                head = found;
                break;
            }
            var next = Modify(grammar, grammar.Before, state, p, out _);
            if (next < 0) break;
            p = next;
        }
        if (head is null)
        {
            // "les Houthis", "l'armée libanaise": the determiner belongs to the entity's mention; "the Pakistani
            // Taliban": so does a country's adjective, which says whose branch it is.
            string? branch = null;
            var at = afterDeterminer;
            if (at >= _limit || _entityStartingAt[at] < 0)
            {
                if (state.Country is null || state.Backer is not null || state.Leader is not null || p >= _limit) return false;
                at = p;
                branch = state.Country;
            }
            if (at == start || _entityStartingAt[at] is not (var e and >= 0)) return false;
            if (!IsActorEntity(_document.Entities[e]))
            {
                // "la Turquie a envoyé", "accusés par le Pakistan", "the United States": a state named with its
                // article acts as its government ("en Syrie", "au Mali" name where).
                if (branch is not null || !IsStateName(_document.Entities[e]) || !grammar.StateArticles.Contains(_tokens[start].Key)
                    || (start > 0 && !_tokens[start].SentenceStart && grammar.StateNotAfter.Contains(_tokens[start - 1].Key))
                    || _document.Entities[e].QualifiesNextWord(_document.Text) || EndsRoleOfPerson(start, _entityEndToken[e])) return false;
                end = _entityEndToken[e];
                Add(StateActor(e, start));
                return true;
            }
            end = AddEntity(grammar, e, _tokens[start].Start, _document.Entities[e].Type == EntityType.GROUP ? branch : null);
            return true;
        }
        if (IsAdjective(grammar, head.Value, start, p)) return false;
        var chosen = head.Value.Value;
        var q = head.Value.End;
        if (HeadAt(grammar, q) is { } second)
        {
            // "army soldiers", "militia fighters": the first noun says who they are; "government militiamen":
            // the government says whose they are.
            if (chosen.Kind == "government")
            {
                state.Government = true;
                chosen = second.Value;
            }
            q = second.End;
        }
        if (q < _limit && !_tokens[q].SentenceStart && grammar.ObjectNouns.Contains(_tokens[q].Key)) return false;
        // "des miliciens wazalendo", "la milice Dan Na Ambassagou": the name says which.
        if (q < _limit && _entityStartingAt[q] is var named and >= 0 && _document.Entities[named].Type is EntityType.GROUP or EntityType.ORG)
        {
            state.Entity = named;
            q = _entityEndToken[named];
        }
        for (var n = 0; n < MaxModifiers && q < _limit && state.Entity < 0; n++)
        {
            var next = Modify(grammar, grammar.After, state, q, out var of);
            if (next >= 0)
            {
                q = next;
                continue;
            }
            if (of is { } modifier)
            {
                var r = SkipDeterminers(grammar, SkipApostrophes(modifier.End));
                // "les rebelles du Mouvement du 23 mars": a name that starts inside the longer cue ("du mouvement") is what follows "du".
                for (var t = modifier.Start + 1; t < modifier.End; t++)
                    if (_entityStartingAt[t] >= 0)
                    {
                        r = t;
                        break;
                    }
                // "launched by the paramilitary Rapid Support Forces": a word that says nothing of whose they are stands before the name.
                if (r < _limit && _entityStartingAt[r] < 0 && grammar.Before.Longest(_tokens, r, _limit) is { Value.Role: ModifierRole.None } plain
                    && plain.End < _limit && _entityStartingAt[plain.End] >= 0) r = plain.End;
                if (r < _limit && _entityStartingAt[r] is var e and >= 0 && Owner(_document.Entities[e]) is { } owner)
                {
                    if (owner.Country is { } placeCountry) state.Country = placeCountry;
                    else state.Entity = e;
                    q = _entityEndToken[e];
                    continue;
                }
                if (r < _limit && HeadAt(grammar, r) is { } nested)
                {
                    // "des combattants d'une société militaire privée": the second noun says who they are.
                    chosen = nested.Value;
                    q = nested.End;
                    continue;
                }
            }
            break;
        }
        if (IsRoleOfPerson(start, q)) return false;
        // A weapon names its user only through an adjective ("frappes russes"); "frappes de l'aviation soudanaise" leaves the name its own phrase.
        if (chosen.Owned && (state.Entity >= 0 || state.Country is null && state.Leader is null && state.Backer is null)) return false;
        int headStart = _tokens[head.Value.Start].Start, headEnd = _tokens[head.Value.End - 1].End;
        // "Kenyan and Somali officials", "des responsables irakiens et turcs": the other state's adjective names a second party of the same kind.
        var single = state.Country is not null && state.Backer is null && state.Leader is null && state.Entity < 0;
        if (single && start >= 2 && !_tokens[start].SentenceStart && !_tokens[start - 1].SentenceStart && grammar.CountryJoiners.Contains(_tokens[start - 1].Key)
            && Slot(start - 2) is { End: var joined, Country: var before } && joined == start - 1 && before != state.Country)
            Add(FromPhrase(chosen, new PhraseState { Country = before, Kind = state.Kind }, _tokens[start - 2].Start, headStart, headEnd, _tokens[start - 2].End, grammar));
        Add(FromPhrase(chosen, state, _tokens[start].Start, headStart, headEnd, _tokens[q - 1].End, grammar));
        end = q;
        if (single && q + 1 < _limit && !_tokens[q].SentenceStart && !_tokens[q + 1].SentenceStart && grammar.CountryJoiners.Contains(_tokens[q].Key)
            && Slot(q + 1) is { End: var otherEnd, Country: var after } && after != state.Country)
        {
            Add(FromPhrase(chosen, new PhraseState { Country = after, Kind = state.Kind }, _tokens[q + 1].Start, headStart, headEnd, _tokens[otherEnd - 1].End, grammar));
            end = otherEnd;
        }
        return true;
    }

    /// <summary>"deux Palestiniens", "three Kenyans", "40 000 Soudanais": a capitalised plural demonym after a count is people of that state.</summary>
    private bool TryPeople(ActorGrammar grammar, int i, out int end)
    {
        end = i;
        var token = _tokens[i];
        if (token.SentenceStart || i == 0 || _entityCovering[i] >= 0) return false;
        var before = _tokens[i - 1];
        if (!grammar.PeopleAfter.Contains(before.Key) && (before.Shape & TokenShape.Digit) == 0) return false;
        if (!grammar.PluralEndings.Exists(ending => token.Key.EndsWith(ending, StringComparison.Ordinal))) return false;
        if (_entityGrammar.Countries.Longest(_tokens, i, _limit) is not { } country || country.End != i + 1) return false;
        if (i + 1 < _limit && !_tokens[i + 1].SentenceStart && HeadAt(grammar, i + 1) is not null) return false;
        Add(FromPhrase(grammar.PeopleHead!, new PhraseState { Country = country.Value.Iso3 }, token.Start, token.Start, token.End, token.End, grammar));
        end = i + 1;
        return true;
    }

    /// <summary>
    /// Whether the phrase is the role written before a person's name ("le ministre turc de la Défense,
    /// Yaşar Güler", "the Syrian president Bashar al-Assad"): then the person is the actor, and carries the role.
    /// </summary>
    private bool IsRoleOfPerson(int start, int end)
    {
        for (var t = end; t < _limit && t < end + RoleLookahead; t++)
        {
            if (t > start && _tokens[t].SentenceStart) return false;
            if (_entityStartingAt[t] is not (var e and >= 0)) continue;
            var person = _document.Entities[e];
            if (person.Type != EntityType.PERSON || person.Role is not { Length: > 0 } role) return false;
            var written = _document.Text.AsSpan(_tokens[start].Start, person.Start - _tokens[start].Start).Trim().TrimEnd(',').Trim();
            return written.Contains(role.AsSpan(), StringComparison.OrdinalIgnoreCase) || role.AsSpan().Contains(written, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }

    private const int RoleLookahead = 10;

    /// <summary>
    /// Whether the phrase closes the role written before a person's name ("le coordinateur humanitaire pour la Syrie,
    /// Martin Kessler"): the state there says what the role covers, and is no party.
    /// </summary>
    private bool EndsRoleOfPerson(int start, int end)
    {
        if (end >= _limit || _tokens[end].SentenceStart || !_tokens[end].Is(',') || end + 1 >= _limit
            || _entityStartingAt[end + 1] is not (var e and >= 0) || _document.Entities[e] is not { Type: EntityType.PERSON, Role: { Length: > 0 } role })
            return false;
        return role.AsSpan().EndsWith(_document.Text.AsSpan(_tokens[start].Start, _tokens[end - 1].End - _tokens[start].Start), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Applies the modifier or "pro-X" word at <paramref name="p"/> to the phrase and returns where it ends;
    /// -1 when there is none, or when it is an "of" modifier, handed back in <paramref name="of"/> since what
    /// follows it decides.
    /// </summary>
    private int Modify(ActorGrammar grammar, PhraseTrie<ActorModifier> modifiers, PhraseState state, int p, out PhraseMatch<ActorModifier>? of)
    {
        of = null;
        if (modifiers.Longest(_tokens, p, _limit, _slot) is { } modifier)
        {
            if (modifier.Value.Role == ModifierRole.Of)
            {
                of = modifier;
                return -1;
            }
            Apply(state, modifier.Value, modifier.Country);
            return modifier.End;
        }
        if (Affiliation(grammar, p) is not { } backer) return -1;
        state.Backer = backer;
        return p + 1;
    }

    /// <summary>What an entity after "de"/"of" makes of a phrase: its owner (an organisation or group) or, for a place, the place's country.</summary>
    private (Entity Entity, string? Country)? Owner(Entity entity) => entity.Type switch
    {
        EntityType.ORG or EntityType.GROUP => (entity, null),
        EntityType.LOC when PlaceCountry(entity) is { } country => (entity, country),
        _ => null,
    };

    private static string? PlaceCountry(Entity entity) =>
        entity.Place is { } place ? CountryCodes.Default.Alpha3(place.Country) ?? entity.Country : entity.Country;

    private void Apply(PhraseState state, ActorModifier modifier, string? country)
    {
        switch (modifier.Role)
        {
            case ModifierRole.Country when country is not null: state.Country = country; break;
            case ModifierRole.BackedBy when country is not null: state.Backer = country; break;
            case ModifierRole.LedBy when country is not null: state.Leader = country; break;
            case ModifierRole.Government: state.Government = true; break;
            case ModifierRole.ProGovernment: state.ProGovernment = true; break;
            case ModifierRole.Kind: state.Kind = modifier.Kind; break;
        }
    }

    private ActorMention FromPhrase(ActorHead head, PhraseState state, int start, int headStart, int headEnd, int end, ActorGrammar grammar)
    {
        var span = new TextSpan(start, end);
        var headSpan = new TextSpan(headStart, headEnd);
        var sentence = SentenceOf(start);
        if (state.Entity >= 0)
        {
            var owner = FromEntity(state.Entity, _document.Entities[state.Entity].Start, grammar);
            // "la rébellion du FACT": a name the lists do not know is what the head says it is.
            if (owner.Kind == "organization" && head.Kind is not ("organization" or "civilians"))
                owner = owner with { Kind = head.Kind, Code = head.Code ?? _resources.Catalogue.Code(owner.Country, head.Kind) };
            return owner with { Span = span, Head = headSpan, Text = _document.Text[start..end], Sentence = sentence };
        }
        var kind = state.Kind ?? head.Kind;
        // "Le JNIM a revendiqué l'attaque. Les assaillants…": a definite phrase may take up the group named just before.
        var refers = state.Definite && head.RefersWhenDefinite.Count > 0 ? head.RefersWhenDefinite : head.Refers;
        if (state.Bare && refers.Count > 0 && Antecedent(sentence, refers, entitiesOnly: true) is { } antecedent)
            return antecedent with { Span = span, Head = headSpan, Text = _document.Text[start..end], Sentence = sentence };
        var country = state.Leader ?? state.Backer ?? state.Country;
        // "Russia's defence ministry said its forces had struck…": what a named actor owns is its state's.
        if (country is null && state.Possessive && Antecedent(sentence, ActorCatalogue.Kinds, entitiesOnly: true) is { Country: { } ownerCountry, Kind: not "civilians" })
            country = ownerCountry;
        var headKey = HeadKey(grammar, headEnd);
        if (country is not null) _countryByHead[headKey] = country;
        // "Russian drones struck Kharkiv … A drone also hit Poltava": a head told before with its state is that state's again,
        // before the country the document is about.
        else if (state.Government || state.ProGovernment || head.Focus) country = _countryByHead.GetValueOrDefault(headKey) ?? LocalFocus(sentence);
        string name;
        if (state.Backer is { } backer) name = $"{CountryName(backer)}-backed {head.Noun}";
        else if (state.Leader is { } leader) name = $"{CountryName(leader)}-led {head.Noun}";
        else if (state.ProGovernment) name = country is null ? $"Pro-government {head.Noun}" : $"Pro-government {head.Noun} ({CountryName(country)})";
        else name = country is null ? head.Plain : Fill(head.Name, country);
        return new ActorMention(span, headSpan, _document.Text[start..end], sentence, name, country, kind,
            head.Code ?? _resources.Catalogue.Code(country, kind, roleOverride: head.Role), null);
    }

    private ActorMention FromEntity(int index, int start, ActorGrammar? grammar)
    {
        var entity = _document.Entities[index];
        var name = entity.Canonical;
        var country = entity.Country;
        string kind;
        string? code;
        if (entity.Type == EntityType.PERSON)
        {
            kind = "person";
            var (roleKind, roleCountry) = grammar is null || entity.Role is null ? (null, null) : ReadRole(grammar, entity.Role);
            country ??= roleCountry;
            // An official, officer or policeman whose role names no state serves where the story is.
            if (country is null && roleKind is "government" or "military" or "police") country = LocalFocus(SentenceOf(entity.Start));
            code = roleKind is null ? country : _resources.Catalogue.Code(country, roleKind);
        }
        else
        {
            kind = entity.Kind is { } known && ActorCatalogue.Kinds.Contains(known) ? known : entity.Type == EntityType.GROUP ? "rebel" : "organization";
            // "Forces armées de la RDC", a state body the lists do not know: the state its name holds.
            if (country is null && kind is "military" or "government" or "police") country = CountryNamedIn(entity.Text);
            code = _resources.Catalogue.Code(country, kind, entity.Canonical);
        }
        if ((_resources.Catalogue.Find(entity.Canonical) ?? _resources.Catalogue.Find(entity.Text)) is { } catalogued)
        {
            name = catalogued.Name;
            country = catalogued.Country ?? country;
            kind = catalogued.Kind;
            code = catalogued.CodeOn(_day) ?? code;
        }
        return new ActorMention(new TextSpan(start, entity.End), new TextSpan(entity.Start, entity.End), _document.Text[start..entity.End],
            SentenceOf(start), name, country, kind, code, index);
    }

    /// <summary>The first country named (or demonym written) in a name, if any.</summary>
    private string? CountryNamedIn(string name)
    {
        var tokens = EntityTokenizer.Tokenize(name);
        for (var t = 0; t < tokens.Count; t++)
            if (_entityGrammar.Countries.Longest(tokens, t, tokens.Count) is { } match) return match.Value.Iso3;
        return null;
    }

    /// <summary>The kind a person's role codes them as (the first class with a word in it) and the country it names.</summary>
    private (string? Kind, string? Country) ReadRole(ActorGrammar grammar, string role)
    {
        var tokens = EntityTokenizer.Tokenize(role);
        string? kind = null;
        foreach (var (roleKind, words) in grammar.RoleKinds)
        {
            for (var t = 0; t < tokens.Count && kind is null; t++)
                if (words.Longest(tokens, t, tokens.Count) is not null) kind = roleKind;
            if (kind is not null) break;
        }
        return (kind, CountryNamedIn(role));
    }

    private bool TryAnaphor(ActorGrammar grammar, int from, int i, out int end)
    {
        end = i;
        if (grammar.Anaphora.Longest(_tokens, i, _limit) is not { } match || !Free(i, match.End)) return false;
        if (match.End < _limit && _entityStartingAt[match.End] >= 0) return false;   // "le groupe État islamique": the name follows
        if (match.End < _limit && match.Value.NotBefore.Contains(_tokens[match.End].Key)) return false;   // "il y a", "il faut": nobody
        var sentence = SentenceOf(_tokens[i].Start);
        ActorMention? antecedent;
        if (match.Value.SubjectOnly)
        {
            // "qu'ils": the word before the elided one says whether a subject follows.
            var before = i - 1;
            while (before >= from && (_tokens[before].Is('\'') || _tokens[before].Is('’'))) before--;
            var after = match.Value.After ?? grammar.SubjectAfter;
            var atStart = _tokens[i].SentenceStart && (match.Value.After is null || match.Value.AtStart);
            if (!atStart && !(before >= from && after.Contains(_tokens[before].Key))) return false;
            // A subject pronoun takes up a subject: the first fitting actor of its sentence, else of the one before;
            // the subject of a passive ("ils ont été tués", "they are being held") takes up who was acted upon,
            // the most recent one.
            antecedent = grammar.Passive.Longest(_tokens, match.End, _limit) is not null
                ? Antecedent(sentence, match.Value.Kinds, entitiesOnly: false)
                : FirstOf(sentence, match.Value.Kinds) ?? FirstOf(sentence - 1, match.Value.Kinds);
        }
        else if (match.Value.Speaker) antecedent = FirstOf(sentence - 1, match.Value.Kinds) ?? Antecedent(sentence, match.Value.Kinds, entitiesOnly: false);
        else antecedent = Antecedent(sentence, match.Value.Kinds, entitiesOnly: false);
        if (antecedent is null) return false;
        var span = new TextSpan(_tokens[i].Start, _tokens[match.End - 1].End);
        Add(antecedent with { Span = span, Head = span, Text = _document.Text[span.Start..span.End], Sentence = sentence });
        end = match.End;
        return true;
    }

    /// <summary>The first actor found so far in <paramref name="sentence"/> whose kind fits.</summary>
    private ActorMention? FirstOf(int sentence, IReadOnlySet<string> kinds)
    {
        ActorMention? first = null;
        for (var a = _document.Actors.Count - 1; a >= 0 && _document.Actors[a].Sentence >= sentence; a--)
            if (_document.Actors[a].Sentence == sentence && _document.Actors[a].Kind is { } kind && kinds.Contains(kind)) first = _document.Actors[a];
        return first;
    }

    /// <summary>The most recent actor of this sentence or the one before whose kind fits.</summary>
    private ActorMention? Antecedent(int sentence, IReadOnlySet<string> kinds, bool entitiesOnly)
    {
        for (var a = _document.Actors.Count - 1; a >= 0; a--)
        {
            var actor = _document.Actors[a];
            if (actor.Sentence < sentence - 1) break;
            if (actor.Kind is { } kind && kinds.Contains(kind) && (!entitiesOnly || actor.Entity is not null)) return actor;
        }
        return null;
    }

    private PhraseMatch<ActorHead>? HeadAt(ActorGrammar grammar, int p) =>
        grammar.Heads.Longest(_tokens, p, _limit) is { } head && Free(p, head.End) ? head : null;

    /// <summary>"pro-iraniennes", "pro-Russian": a word that is a demonym after an affiliation prefix names the backer.</summary>
    private string? Affiliation(ActorGrammar grammar, int p)
    {
        var token = _tokens[p];
        if (!token.IsWord || _entityCovering[p] >= 0) return null;
        foreach (var prefix in grammar.AffiliationPrefixes)
        {
            if (token.Key.Length <= prefix.Length + 2 || !token.Key.StartsWith(prefix, StringComparison.Ordinal)) continue;
            // "pro-Russian" or "pro-russes": the demonym may be written either way after the prefix.
            var rest = token with { Key = token.Key[prefix.Length..], Shape = TokenShape.Word | TokenShape.Capitalised };
            if (_entityGrammar.Countries.Longest([rest], 0, 1) is { } country) return country.Value.Iso3;
        }
        return null;
    }

    /// <summary>The <c>{country}</c> slot: a state, its capital or its government as an entity, else a country's name or demonym.</summary>
    private (int End, string Country)? Slot(int t)
    {
        var e = _entityStartingAt[t];
        if (e >= 0)
        {
            var entity = _document.Entities[e];
            var namesState = entity.Type == EntityType.ORG
                             || (entity.Type == EntityType.LOC && (entity.Place is null || entity.Place.Feature.StartsWith("PCL", StringComparison.Ordinal) || entity.Place.Feature == "PPLC"));
            if (namesState && PlaceCountry(entity) is { } country) return (_entityEndToken[e], country);
        }
        else if (_entityCovering[t] >= 0) return null;
        return _entityGrammar.Countries.Longest(_tokens, t, _limit) is { } match ? (match.End, match.Value.Iso3) : null;
    }

    private bool Free(int from, int to)
    {
        for (var t = from; t < to; t++)
            if (_entityCovering[t] >= 0) return false;
        return true;
    }

    private int SkipApostrophes(int p)
    {
        while (p < _limit && (_tokens[p].Is('\'') || _tokens[p].Is('’'))) p++;
        return p;
    }

    private int SkipDeterminers(ActorGrammar grammar, int p) =>
        p < _limit && _entityCovering[p] < 0 && grammar.Determiners.Longest(_tokens, p, _limit) is { } determiner ? SkipApostrophes(determiner.End) : p;

    private string CountryName(string iso3) => _entityGrammar.CountryInfo.GetValueOrDefault(iso3)?.Name ?? iso3;

    private string Fill(string template, string iso3)
    {
        var info = _entityGrammar.CountryInfo.GetValueOrDefault(iso3);
        return template.Replace("{adjective}", info?.Adjective ?? iso3, StringComparison.Ordinal)
            .Replace("{the name}", info?.NameInText ?? iso3, StringComparison.Ordinal)
            .Replace("{name}", info?.Name ?? iso3, StringComparison.Ordinal);
    }

    private void Add(ActorMention mention) => _document.Actors.Add(mention);

    private int SentenceOf(int offset)
    {
        var sentences = _document.Sentences;
        int lo = 0, hi = sentences.Count - 1, found = 0;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (sentences[mid].Start <= offset)
            {
                found = mid;
                lo = mid + 1;
            }
            else hi = mid - 1;
        }
        return found;
    }

    private int FirstTokenAtOrAfter(int offset)
    {
        int lo = 0, hi = _tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (_tokens[mid].Start < offset) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// The country an unattributed phrase of this sentence belongs to: the country of a town or region the
    /// sentence names (gunmen in Zamfara are Nigeria's), else the document's main country.
    /// </summary>
    private string? LocalFocus(int sentence)
    {
        if (_localFocus.TryGetValue(sentence, out var known)) return known;
        return _localFocus[sentence] = FindLocalFocus(sentence);
    }

    private readonly Dictionary<int, string?> _localFocus = [];

    /// <summary>The state last written beside each head word ("drone" for "Russian drones"), for the same head told again without it.</summary>
    private readonly Dictionary<string, string> _countryByHead = new(StringComparer.Ordinal);

    /// <summary>
    /// A head's last word's key without a plural ending of the language (<c>plural-endings</c> in actors.yaml):
    /// "Shahed-type drones" and "a drone" share "drone".
    /// </summary>
    private string HeadKey(ActorGrammar grammar, int headEnd)
    {
        var key = _tokens[FirstTokenAtOrAfter(headEnd) - 1].Key;
        foreach (var ending in grammar.PluralEndings)
            if (key.Length > ending.Length + 2 && key.EndsWith(ending, StringComparison.Ordinal)) return key[..^ending.Length];
        return key;
    }

    private string? FindLocalFocus(int sentence)
    {
        var span = _document.Sentences.Count > sentence ? _document.Sentences[sentence] : new TextSpan(0, _document.Text.Length);
        foreach (var entity in _document.Entities)
        {
            if (entity.Start >= span.End) break;
            if (entity.Start >= span.Start && entity.Type == EntityType.LOC && !IsCountry(entity) && !Dateline.Names(_document, entity)
                && PlaceCountry(entity) is { } country && !SpeakersSeat(entity, country, span)) return country;
        }
        return _focus;
    }

    /// <summary>
    /// A capital opening its sentence before a comma, with a state body of its country later in the sentence ("À Moscou, le
    /// ministère russe de la Défense a démenti avoir visé des civils", "In Kyiv, the foreign ministry said…"): it says where that
    /// body speaks, not whose the people it speaks of are.
    /// </summary>
    private bool SpeakersSeat(Entity place, string country, TextSpan sentence)
    {
        if (place.Place is not { Feature: "PPLC" } || _document.Text.AsSpan(sentence.Start, place.Start - sentence.Start).Trim().Contains(' ')
            || !_document.Text.AsSpan(place.End).TrimStart().StartsWith(",")) return false;
        foreach (var body in _document.Entities)
        {
            if (body.Start >= sentence.End) break;
            if (body.Start > place.End && body.Type == EntityType.ORG && body.Kind is "government" or "military" or "police" && PlaceCountry(body) == country) return true;
        }
        return false;
    }

    private static bool IsCountry(Entity entity) => entity.Place is { } place ? place.Feature.StartsWith("PCL", StringComparison.Ordinal) : entity.GeoPrecision is null;

    /// <summary>
    /// The country the document is mostly about: the one its places are most often in (a town or region
    /// counts twice, a country named once, a dateline not at all), else, with no place, the one its state bodies and armed groups
    /// belong to; ties go to the first named.
    /// </summary>
    private static string? FocusCountry(Document document) =>
        MostNamed(document, entity => entity.Type != EntityType.LOC || Dateline.Names(document, entity) ? 0 : IsCountry(entity) ? 1 : 2)
        ?? MostNamed(document, entity => entity.Type == EntityType.GROUP || (entity.Type == EntityType.ORG && entity.Kind is "government" or "military" or "police") ? 1 : 0);

    private static string? MostNamed(Document document, Func<Entity, int> weight)
    {
        var counts = new Dictionary<string, (int Count, int First)>(StringComparer.Ordinal);
        foreach (var entity in document.Entities)
        {
            if (weight(entity) is var w and > 0 && PlaceCountry(entity) is { } country)
            {
                var (count, first) = counts.GetValueOrDefault(country, (0, entity.Start));
                counts[country] = (count + w, first);
            }
        }
        return counts.Count == 0 ? null
            : counts.OrderByDescending(c => c.Value.Count).ThenBy(c => c.Value.First).First().Key;
    }
}
