"""Writes a bench/claims/<lang>.jsonl file from a compact table: (text, sources, hedged, negated, modalities)."""
import json


def write(path, rows):
    with open(path, "w", encoding="utf-8") as out:
        for text, sources, hedged, negated, modality in rows:
            record = {"text": text, "sources": [{"text": s, "canonical": c} for s, c in sources],
                      "hedged": hedged, "negated": negated, "modality": modality}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(len(rows))
