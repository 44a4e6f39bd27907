#!/usr/bin/env python3
"""Validate gold.json against its documents (python3, no packages).

Usage: python3 check.py [gold.json]
Checks: JSON shape; every text_with / text_without snippet is an exact substring of its document;
the body runs from the first text_with snippet to the end of the last one, less the lines holding a
text_without snippet (a teaser or caption inside the article), and no text_without snippet shares a line
with a text_with one; every entity, place, event-side and event-location
regex matches inside the body; every entities_not name occurs in the document but not in the body;
PLOVER types, dates and coordinates are well formed. Prints counts (docs per language, events per
PLOVER and ACLED type) and exits 1 on any problem.
"""
import collections
import datetime
import json
import os
import re
import sys

PLOVER = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
          "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")
ACLED = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
         "Strategic developments")
ENTITY_TYPES = ("PERSON", "ORG", "GROUP", "LOC")


def norm(s):
    """The scorer's normalisation (score_gold.py), so regexes are checked as they are scored."""
    import unicodedata
    s = unicodedata.normalize("NFC", s or "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u00a0", " ").replace("\u202f", " ")
    s = s.replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", " ", s).strip().lower()


def is_date(s):
    try:
        datetime.date.fromisoformat(s)
        return True
    except (TypeError, ValueError):
        return False


def check_doc(d, folder, errors, plover_counts, acled_counts):
    name = d.get("file", "?")
    def err(msg):
        errors.append(f"{name}: {msg}")
    for key in ("file", "published", "url", "title_re", "text_with", "text_without", "entities",
                "entities_not", "places", "events"):
        if key not in d:
            err(f"missing {key}")
            return
    path = os.path.join(folder, d["file"])
    if not os.path.exists(path):
        err("document file missing")
        return
    raw = open(path, encoding="utf-8").read()
    if not is_date(d["published"]):
        err(f"bad published {d['published']}")
    for s in d["text_with"] + d["text_without"]:
        if s not in raw:
            err(f"snippet not in document: {s}")
    if not d["text_with"]:
        err("no text_with")
        return
    first = raw.rfind("\n", 0, raw.find(d["text_with"][0])) + 1   # the whole first paragraph
    last = raw.find(d["text_with"][-1]) + len(d["text_with"][-1])
    if first < 0 or last <= first:
        err("text_with must start with a snippet of the first body paragraph and end with one of the last")
        return
    # Lines of the body region that hold a boilerplate snippet (a mid-article "Lire aussi :" teaser,
    # a caption) are not body.
    body = "\n".join(line for line in raw[first:last].split("\n")
                     if not any(s in line for s in d["text_without"]))
    words = len(body.split())
    if not 250 <= words <= 700:
        err(f"body has {words} words (want 250-700)")
    nbody, nraw = norm(body), norm(raw)
    for s in d["text_with"]:
        if s not in body:
            err(f"text_with outside the body: {s}")
    for s in d["text_without"]:
        for line in raw.split("\n"):
            if s in line and any(w in line for w in d["text_with"]):
                err(f"text_without on the same line as body text: {s}")
    try:
        re.compile(d["title_re"], re.I)
        if not re.search(d["title_re"], nraw, re.I):
            err(f"title_re matches nothing: {d['title_re']}")
    except re.error as e:
        err(f"bad title_re: {e}")
    for e in d["entities"]:
        if e.get("type") not in ENTITY_TYPES:
            err(f"bad entity type {e}")
        if not re.search(e["re"], nbody, re.I):
            err(f"entity regex matches nothing in the body: {e['re']}")
    for n in d["entities_not"]:
        if norm(n) not in nraw:
            err(f"entities_not name not in document: {n}")
        elif norm(n) in nbody:
            err(f"entities_not name occurs in the body: {n}")
    def check_place(p, where):
        if not re.search(p["re"], nbody, re.I):
            err(f"{where} regex matches nothing in the body: {p['re']}")
        if not (-90 <= p.get("lat", 999) <= 90 and -180 <= p.get("lon", 999) <= 180 and p.get("tol_km", 0) > 0):
            err(f"{where} bad coordinates {p}")
    for p in d["places"]:
        check_place(p, "place")
    ids = set()
    for ev in d["events"]:
        where = f"event {ev.get('id')}"
        if ev.get("id") in ids or not ev.get("id"):
            err(f"{where}: missing or duplicate id")
        ids.add(ev.get("id"))
        if not isinstance(ev.get("required"), bool):
            err(f"{where}: required must be true or false")
        if not ev.get("plover") or any(p not in PLOVER for p in ev["plover"]):
            err(f"{where}: bad plover {ev.get('plover')}")
        for p in ev.get("plover", []):
            plover_counts[p] += 1
        if "acled" in ev:
            if ev["acled"] not in ACLED:
                err(f"{where}: bad acled {ev['acled']}")
            acled_counts[ev["acled"]] += 1
        sides = ev.get("sides", [])
        if not 1 <= len(sides) <= 2:
            err(f"{where}: want 1 or 2 sides")
        for s in sides:
            try:
                if not re.search(s, nbody, re.I):
                    err(f"{where}: side regex matches nothing in the body: {s}")
            except re.error as e:
                err(f"{where}: bad side regex {s}: {e}")
        if "location" in ev:
            check_place(ev["location"], f"{where} location")
        if "date" in ev:
            f, t = ev["date"].get("from"), ev["date"].get("to")
            if not (is_date(f) and is_date(t) and f <= t):
                err(f"{where}: bad date window {ev['date']}")
            elif t > d["published"]:
                err(f"{where}: date window ends after publication")
        fat = ev.get("fatalities")
        if fat is not None and (len(fat) != 1 or next(iter(fat)) not in ("best_eq", "high_or_best_eq", "low_or_best_ge")):
            err(f"{where}: bad fatalities {fat}")


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    gold_path = argv[1] if len(argv) > 1 else os.path.join(here, "gold.json")
    gold = json.load(open(gold_path, encoding="utf-8"))
    folder = os.path.dirname(os.path.abspath(gold_path))
    errors = []
    plover_counts, acled_counts = collections.Counter(), collections.Counter()
    langs = collections.Counter(d.get("language", "?") for d in gold["docs"])
    files = [d.get("file") for d in gold["docs"]]
    for f in {f for f in files if files.count(f) > 1}:
        errors.append(f"{f}: listed twice")
    for d in gold["docs"]:
        check_doc(d, folder, errors, plover_counts, acled_counts)
    n_events = sum(len(d["events"]) for d in gold["docs"])
    n_required = sum(e["required"] for d in gold["docs"] for e in d["events"])
    print(f"docs: {len(gold['docs'])} ({', '.join(f'{k} {v}' for k, v in sorted(langs.items()))}); "
          f"events: {n_events} ({n_required} required)")
    print("plover: " + ", ".join(f"{p} {plover_counts[p]}" for p in PLOVER))
    print("acled: " + ", ".join(f"{a} {acled_counts[a]}" for a in ACLED))
    missing = [p for p in PLOVER if not plover_counts[p]] + [a for a in ACLED if not acled_counts[a]]
    if missing:
        print("not yet covered: " + ", ".join(missing))
    for e in errors:
        print("ERROR " + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
