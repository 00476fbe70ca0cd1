#!/usr/bin/env bash
# Word documents end to end: places named by paragraph, headings, tables,
# footnotes and tracked changes, bad files as input errors, --fix refused.
# The documents are made by make_docx.py. Usage: docx_test.sh path/to/kanwu
set -u
KANWU="$(realpath "$1")"
HERE="$(dirname "${BASH_SOURCE[0]}")"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
source "$HERE/expect.sh"

# python-docx is Debian's python3-docx; a python3 earlier on PATH (a
# virtualenv, pyenv) may not see it.
PY=""
for candidate in python3 /usr/bin/python3; do
  if "$candidate" -c 'import docx' 2>/dev/null; then PY="$candidate"; break; fi
done
[ -n "$PY" ] || { echo "FAIL: python3-docx is not installed (bash ci/deps.sh --test)"; exit 1; }
"$PY" "$HERE/make_docx.py" "$TMP" || { echo "FAIL: make_docx.py"; exit 1; }
D="$TMP"
printf '这是是各类管网。\n' > "$TMP/doubled.txt"
check() { "$KANWU" check --color never "$@"; }

# Places: paragraph N (table cells and line breaks counted as Word does), character M
expect "paragraph and character" 1 'report.docx: paragraph 2, character 8: warning: .*\[punctuation-width\]' -- check "$D/report.docx"
expect "excerpt gutter is the paragraph" 1 '^    2 \| 过去一年，我们,他们共同努力。' -- check "$D/report.docx"
expect "table cell is its own paragraph" 1 'report.docx: paragraph 4, character 5: warning' -- check "$D/report.docx"
expect "line break stays in the paragraph" 1 'report.docx: paragraph 5, character 12: warning: 疑似重复' -- check "$D/report.docx"
expect "figure conflict names the paragraph" 1 'report.docx: paragraph 7, character 14: error: 数据不一致.*report.docx第6段为942列' -- check "$D/report.docx"
expect "related note by paragraph" 1 'report.docx: paragraph 6, character 15: note' -- check "$D/report.docx"
expect "no --fix promise for Word" 1 'suggestion: 改为“，”' -- check "$D/report.docx"
expect "JSON keeps line and column" 1 '"line": 2,' -- check --format json "$D/report.docx"
expect "JSON adds the paragraph" 1 '"paragraph": 2' -- check --format json "$D/report.docx"
expect "SARIF keeps line and column" 1 '"startLine": 2' -- check --format sarif "$D/report.docx"
expect "Markdown report by paragraph" 1 "第2段第8字" -- check --format markdown "$D/report.docx"
expect "HTML shows the extracted text" 1 '过去一年' -- check --format html "$D/report.docx"
expect "a Word document's message names the paragraph (段), not a line (行)" 1 '应与第2段的“' -- check "$D/broken.docx"
expect "heading style is a heading" 0 '0 findings' -- check "$D/heading.docx"
expect "the same text as body is broken" 1 'broken.docx: paragraph 1, character 24: .*\[broken-paragraph\]' -- check "$D/broken.docx"
expect "footnote" 1 'footnote.docx: footnote 1, character 9: warning: .*\[punctuation-width\]' -- check "$D/footnote.docx"
expect "tracked insertion read, deletion not" 1 'tracked.docx: paragraph 1, character 5: .*1 finding ' -- \
  bash -o pipefail -c "'$KANWU' check --color never '$D/tracked.docx' | tr '\n' ' '"

# &#0; and other characters XML 1.0 forbids: the text after them is kept (issue 27)
expect "text after &#0; kept" 1 'forbidden.docx: paragraph 1, character 10: warning: 疑似重复' -- check "$D/forbidden.docx"
expect "&#0; and &#x1; are spaces" 1 '开头 中间 全市这' -- check --format html "$D/forbidden.docx"
expect "&#xFFFF; is U+FFFD" 1 '管网�。' -- check --format html "$D/forbidden.docx"

# Bad files: input errors (exit 2), and the other files are still checked
expect "corrupt" 2 'corrupt.docx: error: not a Word document' -- check "$D/corrupt.docx"
expect "truncated" 2 'truncated.docx: error: damaged or truncated Word document' -- check "$D/truncated.docx"
expect "missing document.xml" 2 'nodocument.docx: error: not a Word document: word/document.xml is missing' -- check "$D/nodocument.docx"
expect "malformed XML" 2 'badxml.docx: error: damaged Word document: malformed XML in word/document.xml' -- check "$D/badxml.docx"
expect "encrypted" 2 'encrypted.docx: error: the Word document is password-protected' -- check "$D/encrypted.docx"
expect "zip bomb" 2 'bomb.docx: error: word/document.xml is too large uncompressed' -- timeout 60 "$KANWU" check "$D/bomb.docx"
expect "zip bomb with lying headers" 2 'lying-bomb.docx: error: word/document.xml is too large' -- timeout 60 "$KANWU" check "$D/lying-bomb.docx"
expect "others still checked" 2 'report.docx: paragraph 2, character 8' -- check "$D/corrupt.docx" "$D/report.docx"
expect "JSON lists the error" 2 '"message": "not a Word document' -- check --format json "$D/corrupt.docx" "$D/report.docx"

# libzip is opened when a Word document is first read (src/kanwu/doc/libzip.h):
# kanwu does not link it, and one that cannot be used is an input error for
# the Word documents alone (here a stand-in library with none of its functions).
expect "kanwu starts without libzip" 0 '' -- bash -c "! ldd '$KANWU' | grep -q 'libzip\.so'"
mkdir -p "$TMP/nozip"
# (ldconfig is in /sbin, not on every user's PATH)
soname="$(objdump -p "$(PATH="$PATH:/sbin:/usr/sbin" ldconfig -p | awk '/libzip\.so\./ { print $NF; exit }')" 2>/dev/null |
  awk '/SONAME/ { print $2 }')"
echo 'int kanwu_not_libzip;' > "$TMP/nozip/stub.c"
if [ -z "$soname" ] || ! command -v cc >/dev/null; then
  echo "SKIP unusable libzip: no libzip found with ldconfig, or no C compiler"
else
  expect "a stand-in libzip builds" 0 '' -- cc -shared -fPIC -Wl,-soname,"$soname" "$TMP/nozip/stub.c" -o "$TMP/nozip/$soname"
  expect "unusable libzip: the Word document is an input error" 2 \
    "report.docx: error: cannot read Word documents: $soname has no zip_error_init" -- \
    env LD_LIBRARY_PATH="$TMP/nozip" "$KANWU" check --color never "$D/report.docx"
  expect "unusable libzip: the other files are checked" 2 'doubled.txt:1:2: warning' -- \
    env LD_LIBRARY_PATH="$TMP/nozip" "$KANWU" check --color never "$D/report.docx" "$TMP/doubled.txt"
fi

# --fix and --diff refuse the whole run: nothing written, not even the text file
cp "$D/report.docx" "$TMP/before.docx"
cp "$TMP/doubled.txt" "$TMP/before.txt"
expect "--fix refused" 2 '--fix cannot change Word documents \(.*report.docx\); nothing was changed' -- \
  "$KANWU" check --fix "$D/report.docx" "$TMP/doubled.txt"
expect "docx untouched" 0 '' -- cmp "$D/report.docx" "$TMP/before.docx"
expect "other file untouched" 0 '' -- cmp "$TMP/doubled.txt" "$TMP/before.txt"
expect "--diff refused" 2 '--diff cannot change Word documents' -- "$KANWU" check --diff "$D/report.docx"
expect "--fix refused for standard input" 2 'cannot change Word documents \(x.docx\)' -- \
  bash -c "'$KANWU' check --fix --stdin-filename x.docx - < '$D/report.docx'"

# Folders, standard input, help
mkdir -p "$TMP/folder/sub"
cp "$D/report.docx" "$TMP/folder/sub/Draft.DOCX"
cp "$TMP/doubled.txt" "$TMP/folder/"
expect "folders pick up .docx" 1 'Draft.DOCX: paragraph 2, character 8.*in 2 files' -- \
  bash -o pipefail -c "'$KANWU' check --color never '$TMP/folder' | tr '\n' ' '"
expect "standard input as .docx" 1 'draft.docx: paragraph 2, character 8' -- \
  bash -c "'$KANWU' check --color never --stdin-filename draft.docx - < '$D/report.docx'"
if command -v git >/dev/null; then
  mkdir -p "$TMP/proj" && cp "$D/report.docx" "$TMP/proj/稿件.docx" && cp "$D/tracked.docx" "$TMP/proj/same.docx"
  git -C "$TMP/proj" init -q && git -C "$TMP/proj" add . &&
    git -C "$TMP/proj" -c user.email=t@t -c user.name=t commit -qm fixtures
  cp "$D/footnote.docx" "$TMP/proj/稿件.docx"
  expect "changed since: a changed .docx keeps its findings, an unchanged one has none" 1 \
    '稿件.docx: footnote 1, character 9.* 1 finding ' -- \
    bash -o pipefail -c "cd '$TMP/proj' && '$KANWU' check --color never --changed-since HEAD 稿件.docx same.docx | tr '\n' ' '"
fi
expect "help mentions Word" 0 'docx' -- "$KANWU" check --help

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
