#!/usr/bin/env bash
# Renders kanwu's HTML report in headless Chromium and checks the rendered
# DOM: highlights in place, the side list, the filters, related links.
# Usage: html_in_browser.sh path/to/kanwu (run from the source root)
set -euo pipefail
KANWU="$1"
CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$CHROMIUM" ]; then echo "chromium not installed (ci/deps.sh --test installs it)"; exit 1; fi
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
"$KANWU" check --enable figure-conflict --format html -o "$TMP/report.html" fixtures/seeds fixtures/cases || [ $? -eq 1 ]
"$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --disable-sync --user-data-dir="$TMP/profile" \
  --dump-dom "file://$TMP/report.html" > "$TMP/dom.html" 2>"$TMP/chromium.log"
marks=$(grep -o '<mark ' "$TMP/dom.html" | wc -l)
items=$(grep -o 'class="finding ' "$TMP/dom.html" | wc -l)
filters=$(grep -o 'type="checkbox"' "$TMP/dom.html" | wc -l)
related=$(grep -o 'href="#d[0-9]*-L[0-9]*"' "$TMP/dom.html" | wc -l)
echo "rendered: $marks highlights, $items findings listed, $filters filters, $related related links"
[ "$marks" -ge 100 ] && [ "$items" -ge 100 ] && [ "$filters" -ge 5 ] && [ "$related" -ge 10 ]
grep -q 'figure-conflict' "$TMP/dom.html"
