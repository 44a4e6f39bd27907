#!/usr/bin/env python3
"""Validate the entity-annotated paragraphs (fr.txt, en.txt) and print counts.

Usage: python3 check.py [FILE ...]   (default: every *.txt beside this script)
Exit status 1 on malformed markup; see GUIDELINES.md for the format.
"""
import collections
import datetime
import os
import re
import sys

TYPES = ("PERSON", "ORG", "LOC", "GROUP", "MISC")
HEADER = re.compile(r"^# (\S+) (\d{4}-\d{2}-\d{2})\s*$")
TYPE_AT = re.compile(r"([A-Z]+) ")


def parse_paragraph(text, where, errors):
    """Return (plain_text, [(type, start, end, surface, canonical)]) for one paragraph."""
    plain, entities, i = [], [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in "[]":
            plain.append(text[i + 1])
            i += 2
            continue
        if ch == "]":
            errors.append(f"{where}: unmatched ']' at {i}: ...{text[max(0, i - 30):i + 1]}")
            i += 1
            continue
        if ch != "[":
            plain.append(ch)
            i += 1
            continue
        m = TYPE_AT.match(text, i + 1)
        if not m or m.group(1) not in TYPES:
            errors.append(f"{where}: '[' not followed by a TYPE and a space: {text[i:i + 30]}")
            i += 1
            continue
        j = m.end()
        body = []
        while j < len(text) and text[j] != "]":
            if text[j] == "[":
                errors.append(f"{where}: nested or unclosed '[' in {text[i:j + 1]}")
                break
            if text[j] == "\\" and j + 1 < len(text) and text[j + 1] in "[]":
                body.append(text[j + 1])
                j += 2
                continue
            body.append(text[j])
            j += 1
        if j >= len(text) or text[j] != "]":
            errors.append(f"{where}: unclosed entity {text[i:i + 40]}")
            i = j
            continue
        inner = "".join(body)
        if inner.count("|") > 1:
            errors.append(f"{where}: more than one '|' in {inner}")
        surface, _, canonical = inner.partition("|")
        if not surface or surface != surface.strip() or (canonical and canonical != canonical.strip()):
            errors.append(f"{where}: empty or space-padded surface/canonical in [{m.group(1)} {inner}]")
        if "|" in inner and not canonical:
            errors.append(f"{where}: empty canonical in [{m.group(1)} {inner}]")
        length = len("".join(plain))
        entities.append((m.group(1), length, length + len(surface), surface, canonical or surface))
        plain.append(surface)
        i = j + 1
    return "".join(plain), entities


def parse_file(path, errors):
    paragraphs, current = [], None
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line.startswith("# "):
                m = HEADER.match(line)
                if not m:
                    errors.append(f"{path}:{number}: bad header (want '# <id> <YYYY-MM-DD>'): {line}")
                    current = None
                    continue
                try:
                    datetime.date.fromisoformat(m.group(2))
                except ValueError:
                    errors.append(f"{path}:{number}: bad date {m.group(2)}")
                current = {"id": m.group(1), "published": m.group(2), "lines": [], "line": number}
                paragraphs.append(current)
            elif line.strip():
                if current is None:
                    errors.append(f"{path}:{number}: text outside a paragraph")
                else:
                    current["lines"].append(line.strip())
    seen = set()
    for p in paragraphs:
        where = f"{path}:{p['line']} {p['id']}"
        if p["id"] in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(p["id"])
        if not p["lines"]:
            errors.append(f"{where}: empty paragraph")
        p["text"], p["entities"] = parse_paragraph(" ".join(p["lines"]), where, errors)
        for _, start, end, surface, _ in p["entities"]:
            if p["text"][start:end] != surface:
                errors.append(f"{where}: offsets do not give back '{surface}'")
    return paragraphs


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    files = argv[1:] or sorted(os.path.join(here, n) for n in os.listdir(here) if n.endswith(".txt"))
    errors = []
    total = collections.Counter()
    for path in files:
        paragraphs = parse_file(path, errors)
        counts = collections.Counter(e[0] for p in paragraphs for e in p["entities"])
        empty = sum(1 for p in paragraphs if not p["entities"])
        lang = os.path.splitext(os.path.basename(path))[0]
        years = sorted({p["published"][:4] for p in paragraphs})
        print(f"{lang}: {len(paragraphs)} paragraphs ({empty} without entities), years {years[0] if years else '-'}-{years[-1] if years else '-'}, "
              + ", ".join(f"{t} {counts[t]}" for t in TYPES) + f", total {sum(counts.values())}")
        total.update(counts)
    print("all: " + ", ".join(f"{t} {total[t]}" for t in TYPES) + f", total {sum(total.values())}")
    for e in errors:
        print("ERROR " + e, file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
