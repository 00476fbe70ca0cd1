#!/usr/bin/env bash
# Quick start 1: install what is missing, build Release, check the seed pages.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$ROOT/ci/build.sh" "$ROOT/build"
cd "$ROOT"
status=0
./build/src/kanwu check fixtures/seeds/ "$@" || status=$?
# Exit 1 means "findings were reported", which is the point of the demo.
[ "$status" -le 1 ] || exit "$status"
