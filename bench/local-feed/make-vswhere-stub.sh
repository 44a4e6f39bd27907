#!/usr/bin/env bash
# Builds vswhere.2.8.4.nupkg, an empty stand-in for the Windows-only 'vswhere' package that
# Microsoft.Recognizers.Text 1.8.13 lists as a dependency (it is never used at run time) and
# that the package feed here does not serve. Only bench/Sitrep.Bench restores from this folder.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat >"$work/vswhere.nuspec" <<'NUSPEC'
<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
  <metadata>
    <id>vswhere</id>
    <version>2.8.4</version>
    <authors>sitrep</authors>
    <description>Empty stand-in for vswhere, so that Microsoft.Recognizers.Text restores off Windows.</description>
  </metadata>
</package>
NUSPEC
(cd "$work" && python3 - <<'PY'
import zipfile
with zipfile.ZipFile("vswhere.2.8.4.nupkg", "w", zipfile.ZIP_DEFLATED) as z:
    info = zipfile.ZipInfo("vswhere.nuspec", date_time=(2000, 1, 1, 0, 0, 0))
    z.writestr(info, open("vswhere.nuspec", "rb").read())
PY
)
mv "$work/vswhere.2.8.4.nupkg" "$here/"
echo "$here/vswhere.2.8.4.nupkg"
