#!/usr/bin/env bash
# kanwu benchmark runner.
#   bench/run.sh           1,000 documents (~16 MB), 20,000 (~300 MB), one 5 MB file
#   bench/run.sh --quick   a 50-document smoke run (seconds; used by CI)
# Prints wall time (median of RUNS runs), MB/s, documents/s, peak RSS, recall
# per rule on the generated corpus, cold start on a 30 KB draft, and — when
# bench/peers.sh has installed them — autocorrect and textlint on the same
# 1,000 documents.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# Outside any git work tree: autocorrect skips git-ignored folders, which
# would make it look impossibly fast.
OUT="${BENCH_DIR:-${TMPDIR:-/tmp}/kanwu-bench}"
RUNS="${RUNS:-3}"
JOBS="${JOBS:-$(nproc)}"
QUICK=0
[ "${1:-}" = "--quick" ] && QUICK=1

BUILD_TYPE=Release BUILD_TARGET=kanwu "$ROOT/ci/build.sh" "$ROOT/build-rel" >/dev/null
KANWU="$ROOT/build-rel/src/kanwu"
mkdir -p "$OUT"

corpus() {  # name, generator args...
  local name="$1"; shift
  [ -f "$OUT/$name/manifest.jsonl" ] || python3 "$ROOT/bench/generate.py" "$OUT/$name" "$@" >/dev/null
}

. "$ROOT/bench/lib.sh"

row() {  # name, path
  local name="$1" path="$2" bytes docs wall rss
  read -r bytes docs < <(corpus_size "$path")
  read -r wall rss < <(measure "$KANWU" check --quiet -j "$JOBS" "$path")
  awk -v n="$name" -v b="$bytes" -v d="$docs" -v w="$wall" -v r="$rss" 'BEGIN {
    if (w <= 0) w = 0.005
    printf "%-12s %8.1f MB %7d docs %8.2f s %8.1f MB/s %9.0f docs/s %7.0f MB RSS\n",
           n, b / 1e6, d, w, b / 1e6 / w, d / w, r / 1024 }'
  LAST_WALL="$wall"
}

echo "kanwu $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, jobs=$JOBS, median of $RUNS runs"
if [ "$QUICK" = 1 ]; then
  corpus smoke --docs 50
  row smoke "$OUT/smoke"
  # Recall of every injected kind, including the rules that are off by
  # default on real text (they still must find what they are for).
  "$KANWU" check --format json -j "$JOBS" --enable figure-conflict --enable figure-arithmetic \
    --enable broken-paragraph --enable repeated-char "$OUT/smoke" > "$OUT/smoke.json" || true
  python3 "$ROOT/bench/recall.py" "$OUT/smoke/manifest.jsonl" "$OUT/smoke.json" --min 0.9
  exit
fi

corpus c1k --docs 1000
corpus single5 --single-mb 5
corpus c20k --docs 20000
row 1k "$OUT/c1k"
small="$LAST_WALL"
row single-5MB "$OUT/single5"
row 20k "$OUT/c20k"
large="$LAST_WALL"
awk -v s="$small" -v l="$large" 'BEGIN { printf "20k/1k time ratio: %.1f (target ≤ 25)\n", l / s }'

echo; echo "recall on the 1,000-document corpus:"
"$KANWU" check --format json -j "$JOBS" "$OUT/c1k" > "$OUT/c1k.json" || true
python3 "$ROOT/bench/recall.py" "$OUT/c1k/manifest.jsonl" "$OUT/c1k.json" || true

echo; echo "cold start, one 30 KB draft (rules loaded each time):"
python3 -c "import sys; t=open(sys.argv[1],encoding='utf-8').read(); open(sys.argv[2],'w',encoding='utf-8').write(t.encode()[:30000].decode('utf-8','ignore'))" \
  "$ROOT/fixtures/seeds/004_6ed63c3a093e4c62.txt" "$OUT/draft30k.txt"
RUNS=11 measure "$KANWU" check --quiet "$OUT/draft30k.txt" | awk '{ printf "%.0f ms wall\n", $1 * 1000 }'

echo; echo "peers on the same 1,000 documents:"
bytes=$(du -sb --apparent-size "$OUT/c1k" | cut -f1)
kanwu_wall=$(measure "$KANWU" check --quiet -j "$JOBS" "$OUT/c1k" | cut -d' ' -f1)
peer() {
  local name="$1"; shift
  if ! command -v "$1" >/dev/null; then echo "$name: not installed (bench/peers.sh)"; return; fi
  read -r wall _ < <(RUNS=1 measure "$@")
  awk -v n="$name" -v b="$bytes" -v w="$wall" -v k="$kanwu_wall" 'BEGIN {
    printf "%-12s %8.2f s %8.1f MB/s   kanwu is %.1fx faster\n", n, w, b / 1e6 / w, w / k }'
}
peer autocorrect autocorrect --lint "$OUT/c1k"
peer textlint textlint --config "$ROOT/bench/textlintrc.json" "$OUT/c1k"
