#!/usr/bin/env bash
# Renders the HTML report of the seed pages in headless Chromium and saves a
# screenshot, so a person can look at it: ci/screenshot-html.sh [OUT.png]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${1:-$ROOT/build/report.png}"
KANWU="$ROOT/build/src/kanwu"
[ -x "$KANWU" ] || "$ROOT/ci/build.sh" "$ROOT/build"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
(cd "$ROOT" && "$KANWU" check --format html -o "$TMP/report.html" fixtures/seeds) || [ $? -eq 1 ]
chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
  --no-first-run --disable-sync --user-data-dir="$TMP/profile" --window-size=1400,900 \
  --screenshot="$OUT" "file://$TMP/report.html" 2>/dev/null
echo "screenshot: $OUT"
