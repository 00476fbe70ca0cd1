#!/usr/bin/env bash
# Installs the Debian packages kanwu builds and tests with, if any is missing.
# Idempotent: does nothing (and needs no network) when all are present.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libicu-dev libyaml-cpp-dev libfmt-dev libboost-test-dev
  libcli11-dev nlohmann-json3-dev libcmark-gfm-dev
  # cmark-gfm's pkg-config file links -lcmark-gfm-extensions, which
  # libcmark-gfm-dev does not pull in.
  libcmark-gfm-extensions-dev
  # Word documents (.docx): the zip container and its Office Open XML.
  libzip-dev libpugixml-dev
  # `kanwu serve`: cpp-httplib, the HTTP server behind the editors' web page.
  libcpp-httplib-dev
  # `kanwu ledger`: the archive ledger in an SQLite file or a PostgreSQL
  # database (both opened at run time; the headers and pkg-config files here).
  libsqlite3-dev libpq-dev
  # The ledger's figure records are deflated with zlib (linked: it is small).
  zlib1g-dev
  # jieba's word list (rules/copyedit.yaml, repeated-word's lexicon).
  python3-jieba
  python3
  # The language model behind the slips rules (doubled characters, idioms,
  # confusable characters): libime's KenLM model of Chinese and its C++
  # reader; libimecore-dev's CMake package also needs libfcitx5utils-dev.
  libimecore-dev libfcitx5utils-dev libime-data-language-model
  # cpack -G DEB (ci/package.sh) finds library dependencies with
  # dpkg-shlibdeps, which needs file(1).
  file
)

# Tests also validate SARIF against its JSON schema and render the HTML
# report in a real browser (with a CJK font, so screenshots show Chinese).
# python3-docx writes the Word documents the .docx tests check. The ledger
# tests start a throwaway PostgreSQL server (postgresql: postgresql-15 on
# Debian 12). neovim (0.7.2 on Debian 12) runs the README's Neovim snippet
# against kanwu lsp. pandoc and LibreOffice Writer make Word documents for
# the --annotate tests, and LibreOffice opens the reviewed copies.
# python3-yaml reads the CI examples' YAML (tests/ci_examples_test.py).
if [ "${1:-}" = "--test" ]; then
  PACKAGES+=(python3-jsonschema chromium fonts-noto-cjk git python3-docx postgresql neovim pandoc libreoffice-writer-nogui
             python3-yaml)
fi

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "ci/deps.sh: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "ci/deps.sh: run as root or install sudo" >&2; exit 1; }
  SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
