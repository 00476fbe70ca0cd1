#!/usr/bin/env bash
# Builds the Debian package: build-pkg/kanwu_VERSION_ARCH.deb (kanwu, kanwu-serve and
# the bundled rules; `sudo apt install ./build-pkg/kanwu_*.deb` installs it
# with its library dependencies and python3-jieba).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${1:-$ROOT/build-pkg}"
"$ROOT/ci/deps.sh"
# dpkg-shlibdeps (dpkg-dev, part of build-essential) finds the library packages.
cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF -DKANWU_WERROR=ON >/dev/null
cmake --build "$BUILD" -j "$(nproc)" --target kanwu
(cd "$BUILD" && cpack -G DEB >/dev/null)
ls "$BUILD"/kanwu_*.deb
