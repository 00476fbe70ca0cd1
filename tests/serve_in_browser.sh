#!/usr/bin/env bash
# The page `kanwu serve` shows, in headless Chromium: /?selftest=1 pastes a
# draft (with a character beyond U+FFFF before the finding, where UTF-16
# indexes and kanwu's code-point columns differ), presses 检查, checks that
# the highlight covers exactly the half-width comma, applies the fix with
# its button, checks the text is fixed and nothing is left highlighted, and
# writes the outcome into the page, which --dump-dom shows. Usage: serve_in_browser.sh path/to/kanwu
set -euo pipefail
KANWU="$(realpath "$1")"
CHROMIUM="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$CHROMIUM" ]; then echo "chromium not installed (ci/deps.sh --test installs it)"; exit 1; fi
TMP="$(mktemp -d)"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$TMP" && exec "$KANWU" serve --port "$PORT") > "$TMP/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; [ -n "${KEEP:-}" ] || rm -rf "$TMP"' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/healthz')" 2>/dev/null && break
  sleep 0.2
done
# The budget lets the page's fetches and re-renders finish before the DOM
# is dumped.
timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --disable-component-update --no-first-run --disable-sync --user-data-dir="$TMP/profile" \
  --virtual-time-budget=20000 --dump-dom "http://127.0.0.1:$PORT/?selftest=1" > "$TMP/dom.html" 2>"$TMP/chromium.log"
result=$(sed -n 's/.*<pre id="selftest">\(.*\)<\/pre>.*/\1/p' "$TMP/dom.html")
echo "selftest: $result"
[[ "$result" == PASS* ]]
