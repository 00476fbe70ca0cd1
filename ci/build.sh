#!/usr/bin/env bash
# Configures and builds kanwu. Usage: ci/build.sh [BUILD_DIR] [extra cmake args...]
# BUILD_TARGET=kanwu builds only the command (what the demo runs).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build}"
shift || true
"$ROOT/ci/deps.sh" ${DEPS_MODE:-}
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" \
  -DKANWU_WERROR=ON "$@" >/dev/null
cmake --build "$BUILD" -j "$(nproc)" ${BUILD_TARGET:+--target "$BUILD_TARGET"}
