#!/usr/bin/env bash
# kanwu on real text, side by side with autocorrect and textlint in one run.
#   bench/real.sh            all measurements (a few minutes; corpora ~330 MB)
#   KANWU=build/src/kanwu bench/real.sh   the same with a binary already built
# Corpora: bench/real_corpus.py (published text only, built outside the work
# tree: autocorrect skips git-ignored folders). Peers: bench/peers.sh.
# Prints one line per measurement; bench/RESULTS.md records a run.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="${BENCH_DIR:-${TMPDIR:-/tmp}/kanwu-bench}/real"
RUNS="${RUNS:-3}"
JOBS="${JOBS:-$(nproc)}"
if [ -z "${KANWU:-}" ]; then
  BUILD_TYPE=Release BUILD_TARGET=kanwu "$ROOT/ci/build.sh" "$ROOT/build-rel" >/dev/null
  KANWU="$ROOT/build-rel/src/kanwu"
fi
. "$ROOT/bench/lib.sh"
[ -f "$OUT/linear-50mb.md" ] || python3 "$ROOT/bench/real_corpus.py" "$OUT"

# name, path, command...: wall, MB/s, docs/s, RSS; sets WALL
row() {
  local name="$1" path="$2" bytes docs; shift 2
  read -r bytes docs < <(corpus_size "$path")
  read -r WALL rss < <(measure "$@")
  awk -v n="$name" -v b="$bytes" -v d="$docs" -v w="$WALL" -v r="$rss" 'BEGIN {
    if (w <= 0) w = 0.005
    printf "%-28s %7.1f MB %6d docs %7.3f s %7.1f MB/s %7.0f docs/s %6.0f MB RSS\n",
           n, b / 1e6, d, w, b / 1e6 / w, d / w, r / 1024 }'
}
ratio() { awk -v a="$2" -v b="$3" -v t="$1" 'BEGIN { if (b <= 0) b = 0.005; printf "  %s: %.2f\n", t, a / b }'; }
have() { command -v "$1" >/dev/null; }

# Issue 26's rows: the checks autocorrect also does (punctuation width,
# spaces after full-width marks), every other rule switched off with
# --disable, and the same switched off in a .kanwu.yaml (a copy of the
# corpus with the configuration at its root).
TWO_CHECKS="punctuation-width space-after-fullwidth"
OTHERS=$("$KANWU" rules | awk '!/off by default/ { print $1 }' | grep -vxF -e ${TWO_CHECKS// / -e })
DISABLE=()
for r in $OTHERS; do DISABLE+=(--disable "$r"); done
two_checks_copy() {
  rm -rf "$OUT/$1-two-checks"
  cp -r "$OUT/$1" "$OUT/$1-two-checks"
  printf 'disable: [%s]\n' "$(echo $OTHERS | tr ' ' ',')" > "$OUT/$1-two-checks/.kanwu.yaml"
}

echo "kanwu $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, jobs=$JOBS, median of $RUNS runs"
for set in news real news-months news-big; do
  row "kanwu $set" "$OUT/$set" "$KANWU" check --quiet -j "$JOBS" "$OUT/$set"; k="$WALL"
  if [ "$set" = news ] || [ "$set" = real ]; then
    two_checks_copy "$set"
    row "kanwu $set two, --disable" "$OUT/$set" "$KANWU" check --quiet -j "$JOBS" "${DISABLE[@]}" "$OUT/$set"; k2="$WALL"
    row "kanwu $set two, .kanwu.yaml" "$OUT/$set-two-checks" "$KANWU" check --quiet -j "$JOBS" "$OUT/$set-two-checks"; k3="$WALL"
  fi
  if have autocorrect; then
    row "autocorrect $set" "$OUT/$set" autocorrect --lint "$OUT/$set"
    ratio "kanwu / autocorrect MB/s (full pack; target ≥ 2 on news)" "$WALL" "$k"
    if [ "$set" = news ] || [ "$set" = real ]; then
      ratio "two checks, --disable (target ≥ 10)" "$WALL" "$k2"
      ratio "two checks, .kanwu.yaml (target ≥ 10)" "$WALL" "$k3"
    fi
  fi
done
echo; echo "where the time goes on news (--timings -j 1: thread time in rules, slowest first):"
"$KANWU" check --quiet --timings -j 1 "$OUT/news" 2>&1 | head -8 || true
"$KANWU" check --quiet --timings -j 1 "$OUT/news" 2>&1 | tail -1 || true
echo "  reading, decoding and parsing alone (no rule runs: every rule off in --disable form, one job):"
RUNS=5 row "kanwu news, no rule" "$OUT/news" "$KANWU" check --quiet -j 1 "${DISABLE[@]}" \
  $(for r in $TWO_CHECKS; do echo --disable "$r"; done) "$OUT/news"
if have textlint; then
  RUNS=1 row "textlint news" "$OUT/news" textlint --config "$ROOT/bench/textlintrc.json" "$OUT/news"
fi

echo; echo "one ${JOBS}-job file against one job and against the same text split into files:"
row "kanwu one-file -j1" "$OUT/one-file.md" "$KANWU" check --quiet -j 1 "$OUT/one-file.md"; one1="$WALL"
row "kanwu one-file -j$JOBS" "$OUT/one-file.md" "$KANWU" check --quiet -j "$JOBS" "$OUT/one-file.md"; onej="$WALL"
row "kanwu one-file-split -j$JOBS" "$OUT/one-file-split" "$KANWU" check --quiet -j "$JOBS" "$OUT/one-file-split"
ratio "speed-up with $JOBS jobs (target ≥ 1.6)" "$one1" "$onej"
ratio "one file / split files time (target ≤ 1.2)" "$onej" "$WALL"

echo; echo "time per MB against file size (one file, $JOBS jobs):"
row "kanwu linear-5mb" "$OUT/linear-5mb.md" "$KANWU" check --quiet -j "$JOBS" "$OUT/linear-5mb.md"; five="$WALL"
RUNS=1 row "kanwu linear-50mb" "$OUT/linear-50mb.md" "$KANWU" check --quiet -j "$JOBS" "$OUT/linear-50mb.md"
awk -v a="$WALL" -v b="$five" -v sa="$(stat -c %s "$OUT/linear-50mb.md")" -v sb="$(stat -c %s "$OUT/linear-5mb.md")" \
  'BEGIN { if (b <= 0) b = 0.005; printf "  50 MB / 5 MB time per MB (target <= 1.5): %.2f\n", (a / sa) / (b / sb) }'

echo; echo "many documents:"
row "kanwu stories-1k" "$OUT/stories-1k" "$KANWU" check --quiet -j "$JOBS" "$OUT/stories-1k"; small="$WALL"
row "kanwu stories-20k" "$OUT/stories-20k" "$KANWU" check --quiet -j "$JOBS" "$OUT/stories-20k"
ratio "20k / 1k time (target ≤ 20)" "$WALL" "$small"
row "kanwu seeds200 (copies)" "$OUT/seeds200" "$KANWU" check --quiet -j "$JOBS" "$OUT/seeds200"

echo; echo "cold start, one 30 KB real draft (the first 30 KB of one-file.md), rules loaded each time:"
python3 -c "import sys; t=open(sys.argv[1],encoding='utf-8').read(); open(sys.argv[2],'w',encoding='utf-8').write(t.encode()[:30000].decode('utf-8','ignore'))" \
  "$OUT/one-file.md" "$OUT/draft30k.md"
"$KANWU" check --quiet "$OUT/draft30k.md" >/dev/null 2>&1 || true  # builds the word-list index once
# (/usr/bin/time counts in hundredths of a second: too coarse here.)
python3 - "$KANWU" "$OUT/draft30k.md" <<'PY'
import statistics, subprocess, sys, time
runs = []
for _ in range(31):
    start = time.perf_counter()
    subprocess.run([sys.argv[1], 'check', '--quiet', sys.argv[2]])
    runs.append(time.perf_counter() - start)
print(f"  {statistics.median(runs) * 1000:.1f} ms wall, median of 31 (target < 15 ms)")
PY
