#!/usr/bin/env bash
# Quality gates. (1) Whole records on the team's gold set (bench/gold/sitrep: text, title, entities,
# places, events F1), always. (2) Main-text F1 on the trafilatura evaluation pages (HTML, and the same pages
# stripped of tags as scraped text), when ../shared/bench is present. Each fails below its floor
# pinned in bench/floors.json.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build bench/Sitrep.Bench -c Release -v quiet -nologo
bench() { dotnet run --no-build --project bench/Sitrep.Bench -c Release -- "$@"; }
bench gold --floors bench/floors.json
shared="${SITREP_SHARED:-../shared}"
pages="$shared/bench/extraction/trafilatura"
if [[ ! -d "$pages" ]]; then
  echo "gate: $pages not found; extraction gate skipped"
  exit 0
fi
bench gate --shared "$shared" --floors bench/floors.json
