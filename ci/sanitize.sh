#!/usr/bin/env bash
# Builds with AddressSanitizer + UndefinedBehaviorSanitizer and runs the tests.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$ROOT/build-sanitize"
BUILD_TYPE=Debug "$ROOT/ci/build.sh" "$BUILD" -DKANWU_SANITIZE=ON
# KANWU_TEST_TIMEOUT: the LSP test checks a draft of just under 8 MiB, which
# takes a minute or more under the sanitizers.
KANWU_TEST_TIMEOUT=400 ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir "$BUILD" --output-on-failure -j "$(nproc)" -E '^(bad_input|fix_kill|fix_race|serve.abuse)$'
# (The bad-input matrix and the kill test handle 100 MB and 10 MB files, the
# race test runs kanwu 300 times on a 1 MB draft, and the abuse test measures
# response times under load; they run in the Release suite — under the
# sanitizers they would take minutes or measure the sanitizers.)
