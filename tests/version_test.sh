#!/usr/bin/env bash
# One version everywhere: the project VERSION in CMakeLists.txt is what the
# Debian package, `kanwu --version`, SARIF and the Language Server say. The
# package's version is proven to follow the project VERSION by configuring a
# scratch copy whose VERSION was changed (no build: the CPack configuration
# is written at configure time). Usage: version_test.sh KANWU BUILD_DIR (from
# the source root).
set -u
KANWU="$1"
BUILD="$2"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"

version="$(sed -n 's/^project(kanwu VERSION \([0-9.]*\) .*/\1/p' CMakeLists.txt)"
expect "the project VERSION is read" 0 '^[0-9]+\.[0-9]+\.[0-9]+$' -- echo "$version"
expect "kanwu --version" 0 "^kanwu $version\$" -- "$KANWU" --version
expect "the package of this build" 0 "^$version\$" -- sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$BUILD/CPackConfig.cmake"
printf '这是是管网。\n' > "$TMP/a.txt"
expect "SARIF's tool version" 0 "^$version\$" -- bash -c "'$KANWU' check --format sarif '$TMP/a.txt' | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"runs\"][0][\"tool\"][\"driver\"][\"version\"])'"

mkdir -p "$TMP/src-copy"
sed 's/^project(kanwu VERSION [0-9.]* /project(kanwu VERSION 9.8.7 /' CMakeLists.txt > "$TMP/src-copy/CMakeLists.txt"
ln -s "$PWD/src" "$TMP/src-copy/src"
ln -s "$PWD/rules" "$TMP/src-copy/rules"
expect "a scratch copy with VERSION 9.8.7 configures" 0 '' -- cmake -S "$TMP/src-copy" -B "$TMP/build" -G Ninja -DBUILD_TESTING=OFF
expect "its package is version 9.8.7" 0 '^9\.8\.7$' -- sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$TMP/build/CPackConfig.cmake"
expect "its kanwu is compiled with 9.8.7" 0 'KANWU_VERSION=.*9\.8\.7' -- grep -rh 'KANWU_VERSION' "$TMP/build/build.ninja"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
