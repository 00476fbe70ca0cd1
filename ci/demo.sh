#!/usr/bin/env bash
# Quick start 1: install what is missing, build the kanwu command (not the
# tests), check the seed pages, and say what to try next.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_TARGET=kanwu "$ROOT/ci/build.sh" "$ROOT/build"
cd "$ROOT"
status=0
./build/src/kanwu check fixtures/seeds/ "$@" || status=$?
cat <<'NEXT'

kanwu is built: ./build/src/kanwu  (rules in ./rules; `kanwu FILE` is short for `kanwu check FILE`)
Install it: sudo cmake --install build   or the Debian package: ci/package.sh, then sudo apt install ./build-pkg/kanwu_*.deb
Try next:
  ./build/src/kanwu check your-draft.md               check your own drafts (.txt, .md; folders too)
  ./build/src/kanwu check --diff fixtures/seeds/      see every proposed change; --fix writes the safe ones
  ./build/src/kanwu figures fixtures/seeds/           the figures kanwu reads (metric, subject, period)
  ./build/src/kanwu check --format html -o report.html fixtures/seeds/   a report to open in a browser
  ./build/src/kanwu init                              a commented .kanwu.yaml for your project
NEXT
# Exit 1 means "findings were reported", which is the point of the demo.
[ "$status" -le 1 ] || exit "$status"
