#!/usr/bin/env bash
# Installs the linters kanwu is compared with (npm registry): autocorrect's
# Node build and textlint with a doubled-word rule.
set -euo pipefail
npm install -g --silent autocorrect-node textlint textlint-rule-ja-no-successive-word >/dev/null
command -v autocorrect && command -v textlint
