#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for
# FUZZ_SECONDS (default 30; see tests/fuzz/README.md for long runs).
#   ci/fuzz.sh [TARGET...]     targets: fuzz_document fuzz_rules fuzz_quantity fuzz_fix fuzz_docx
#                              fuzz_ledger_record fuzz_serve_request fuzz_lsp
# Crashes are written to build-fuzz/crashes/; the script fails if any occurs.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${FUZZ_BUILD:-$ROOT/build-fuzz}"
SECONDS_EACH="${FUZZ_SECONDS:-30}"
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(fuzz_document fuzz_rules fuzz_quantity fuzz_fix fuzz_docx fuzz_ledger_record fuzz_serve_request fuzz_lsp)

"$ROOT/ci/deps.sh"
if ! command -v clang++ >/dev/null || ! dpkg-query -W libclang-rt-14-dev >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get install -y -qq clang libclang-rt-14-dev >/dev/null
fi
CC=clang CXX=clang++ cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKANWU_FUZZ=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$BUILD" --target "${TARGETS[@]}" -j "$(nproc)" >/dev/null

# Seed corpora from the fixtures: documents, rule files, lines of text.
seed() {
  local dir="$BUILD/corpus/$1"
  [ -d "$dir" ] && return
  mkdir -p "$dir"
  case "$1" in
    fuzz_rules) cp "$ROOT"/rules/*.yaml "$ROOT"/tests/fuzz/regressions/rules-* "$dir/" ;;
    fuzz_quantity) find "$ROOT/fixtures" -name '*.txt' -o -name '*.md' | while read -r f; do
                     split -l 1 -a 4 "$f" "$dir/$(basename "$f")."; done ;;
    # WordprocessingML with every construct the extractor treats specially.
    fuzz_docx) printf '%s' '<w:document xmlns:w="w"><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>标题</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">我们,他们</w:t><w:tab/><w:br/><w:sym w:char="2605"/></w:r><w:ins><w:r><w:t>增长16.4%</w:t></w:r></w:ins><w:del><w:r><w:delText>15.4%</w:delText></w:r></w:del><w:moveFrom><w:r><w:t>旧</w:t></w:r></w:moveFrom><w:r><w:footnoteReference w:id="1"/></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>单元格</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:footnote w:id="1"><w:p><w:r><w:t>脚注</w:t></w:r></w:p></w:footnote><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style></w:body></w:document>' > "$dir/document.xml" ;;
    # Requests as the page and curl send them: JSON, multipart, pipelined,
    # refused (chunked, gzip), with the body limits of fuzz_serve_request.
    fuzz_serve_request) "$ROOT/tests/fuzz/serve_seeds.py" "$dir" ;;
    # Editing sessions: open, change (incremental), save, code actions, close.
    fuzz_lsp) "$ROOT/tests/fuzz/lsp_seeds.py" "$dir" ;;
    *) find "$ROOT/fixtures" \( -name '*.txt' -o -name '*.md' \) -exec cp {} "$dir/" \; ;;
  esac
}
mkdir -p "$BUILD/crashes"
status=0
for t in "${TARGETS[@]}"; do
  seed "$t"
  echo "== $t: ${SECONDS_EACH}s"
  if ! (cd "$BUILD/crashes" && "$BUILD/tests/fuzz/$t" "$BUILD/corpus/$t" -max_total_time="$SECONDS_EACH" \
        -max_len=65536 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 2>"$BUILD/$t.log"); then
    echo "$t: FAILED (see $BUILD/$t.log and $BUILD/crashes)"; status=1
  fi
  grep -E "^#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$BUILD/$t.log" | tail -3 || true
done
exit "$status"
