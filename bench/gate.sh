#!/usr/bin/env bash
# Quality gate: main-text F1 on the trafilatura evaluation pages (HTML, and the same pages stripped
# of tags as scraped text) must not fall below the floors
# pinned in bench/floors.json. Skipped (with a note) when ../shared/bench is absent.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${SITREP_SHARED:-../shared}"
pages="$shared/bench/extraction/trafilatura"
if [[ ! -d "$pages" ]]; then
  echo "gate: $pages not found; extraction gate skipped"
  exit 0
fi
dotnet run --project bench/Sitrep.Bench -c Release -- gate --shared "$shared" --floors bench/floors.json
