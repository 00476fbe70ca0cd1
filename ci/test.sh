#!/usr/bin/env bash
# Quick start 2: install what is missing, build, run the whole test suite.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${BUILD_DIR:-$ROOT/build}"
DEPS_MODE=--test "$ROOT/ci/build.sh" "$BUILD"
# Chromium, PostgreSQL and Neovim are installed now: the page's browser test,
# the ledger's PostgreSQL test and the Neovim test may not skip.
export KANWU_REQUIRE_BROWSER=1 KANWU_REQUIRE_POSTGRES=1 KANWU_REQUIRE_NEOVIM=1
ctest --test-dir "$BUILD" --output-on-failure -j "$(nproc)"
