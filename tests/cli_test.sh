#!/usr/bin/env bash
# End-to-end tests of the kanwu command line: exit codes, error messages,
# formats and standard input. Usage: cli_test.sh path/to/kanwu (run from the
# source root).
set -u
KANWU="$1"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"

printf '这是是各类管网。\n' > "$TMP/doubled.txt"
printf '一切正常。\n' > "$TMP/clean.txt"
printf '第一行。\n第二\xff行。\n' > "$TMP/invalid.txt"
printf 'PK\x03\x04\x00\x00binary' > "$TMP/binary.txt"
: > "$TMP/empty.txt"
printf '   \n\n\t\n' > "$TMP/blank.txt"
printf '没有结尾换行的文件。' > "$TMP/nonl.txt"
printf 'rules:\n  - id: x\n    kind: pattern\n    severity: warning\n    message: m\n    pattern: "(unclosed"\n' > "$TMP/badregex.yaml"
printf 'rules:\n  - id: x\n    kind: pattern\n    severity: [warning\n' > "$TMP/syntax.yaml"
printf 'rules:\n  - id: info-rule\n    kind: pattern\n    severity: info\n    message: 注意{match}\n    pattern: 正常\n' > "$TMP/info.yaml"

expect "findings exit 1" 1 'doubled.txt:1:2: warning: 疑似重复：“是是”' -- "$KANWU" check --color never "$TMP/doubled.txt"
expect "clean exit 0" 0 '0 findings' -- "$KANWU" check "$TMP/clean.txt"
expect "fail-on error" 0 '' -- "$KANWU" check --fail-on error "$TMP/doubled.txt"
expect "fail-on info" 1 '' -- "$KANWU" check --rules "$TMP/info.yaml" --fail-on info "$TMP/clean.txt"
expect "info below warning" 0 'info: 注意正常' -- "$KANWU" check --rules "$TMP/info.yaml" "$TMP/clean.txt"
expect "disable" 0 '0 findings' -- "$KANWU" check --disable repeated-word "$TMP/doubled.txt"
expect "disable before paths" 0 '0 findings' -- "$KANWU" check --disable repeated-word --disable paired-marks "$TMP/doubled.txt"
expect "unknown rule id" 2 'no such rule' -- "$KANWU" check --disable no-such-rule "$TMP/doubled.txt"
expect "quiet prints nothing" 1 '^$' -- "$KANWU" check --quiet "$TMP/doubled.txt"
expect "quiet json prints nothing" 1 '^$' -- "$KANWU" check --quiet --format json "$TMP/doubled.txt"
expect "missing path" 2 'nope.txt: error: no such file' -- "$KANWU" check "$TMP/nope.txt"
expect "invalid utf-8" 2 'invalid.txt:2:3: error: invalid UTF-8 \(byte 0xFF at byte offset 19\)' -- "$KANWU" check "$TMP/invalid.txt"
expect "binary" 2 'binary file' -- "$KANWU" check "$TMP/binary.txt"
printf '\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00old' > "$TMP/old.doc"
expect "a Word 97-2003 .doc: save it as .docx, not binary" 2 'old.doc: error: a Word 97-2003 document .*另存为 .docx' -- "$KANWU" check "$TMP/old.doc"
rm -f "$TMP/old.doc"
expect "bad file does not stop others" 2 'doubled.txt:1:2' -- "$KANWU" check "$TMP/invalid.txt" "$TMP/doubled.txt"
expect "empty file" 0 'in 1 file' -- "$KANWU" check "$TMP/empty.txt"
expect "blank file" 0 '' -- "$KANWU" check "$TMP/blank.txt"
expect "no final newline" 0 '' -- "$KANWU" check "$TMP/nonl.txt"
expect "directory recursion" 2 'in 5 files' -- "$KANWU" check --color never "$TMP"
expect "a file named twice is read once" 1 '1 finding .* in 1 file' -- "$KANWU" check --color never "$TMP/doubled.txt" "$TMP/doubled.txt" "$TMP/../$(basename "$TMP")/doubled.txt"
expect "kanwu FILE is kanwu check FILE" 1 'doubled.txt:1:2: warning' -- "$KANWU" --color never "$TMP/doubled.txt"
expect "options before the file" 1 '"rule": "repeated-word"' -- "$KANWU" --format json "$TMP/doubled.txt"
expect "mistyped subcommand" 2 "unknown command 'chek'; did you mean 'check'\\?" -- "$KANWU" chek "$TMP/doubled.txt"
expect "init writes a starter config" 0 'wrote' -- bash -c "cd '$TMP' && '$KANWU' init"
expect "init does not overwrite" 2 'already exists' -- bash -c "cd '$TMP' && '$KANWU' init"
expect "the starter config loads" 0 'config: ' -- "$KANWU" config --config "$TMP/.kanwu.yaml" "$TMP"
rm -f "$TMP/.kanwu.yaml"
awk 'BEGIN { for (i = 0; i < 30; i++) printf "全县新建管网32公里,改造18公里。\n\n" }' > "$TMP/many.txt"
expect "a systemic defect is summarised" 1 '… and 20 more \[punctuation-width\] in this file \(fix all with --fix\)' -- "$KANWU" check --color never "$TMP/many.txt"
expect "per-rule counts end the report" 1 'by rule: punctuation-width 30' -- "$KANWU" check --color never "$TMP/many.txt"
expect "json keeps every finding" 0 '^30$' -- bash -c "'$KANWU' check --format json '$TMP/many.txt' | python3 -c 'import json,sys; print(len(json.load(sys.stdin)[\"findings\"]))'"
expect "max-per-file 0 shows all" 1 'many.txt:59:' -- "$KANWU" check --color never --max-per-file 0 "$TMP/many.txt"
rm -f "$TMP/many.txt"
# Configuration (issue 10): the file's own folder, errors located in the
# configuration, did-you-mean, ignore files, upper-case extensions.
mkdir -p "$TMP/cfg/sub" "$TMP/cfg/drafts"
printf 'disable: [repeated-word]\n' > "$TMP/cfg/.kanwu.yaml"
printf '这是是管网。\n' > "$TMP/cfg/y.txt"
printf 'enable: []\n' > "$TMP/cfg/sub/.kanwu.yaml"
expect "config of the file's own folder for ../y.txt" 0 '0 findings' -- bash -c "cd '$TMP/cfg/sub' && '$KANWU' check ../y.txt"
printf 'params:\n  duplicate-paragraph:\n    min_sentence: 3\n' > "$TMP/cfg/params.yaml"
expect "a params mistake is located in the configuration" 2 'params.yaml:3:5: error: unknown key .min_sentence.*did you mean .min_sentences.' -- "$KANWU" check --config "$TMP/cfg/params.yaml" "$TMP/cfg/y.txt"
printf 'disabel: [x]\n' > "$TMP/cfg/typo.yaml"
expect "a folder given as the configuration is an error, not a crash" 2 'error: cannot read the configuration file' -- "$KANWU" check --config "$TMP/cfg" "$TMP/cfg/y.txt"
expect "did you mean in the configuration" 2 "typo.yaml:1:1: error: unknown key 'disabel' in the configuration; did you mean 'disable'" -- "$KANWU" check --config "$TMP/cfg/typo.yaml" "$TMP/cfg/y.txt"
# The file's folder has no configuration of its own, the current folder has:
# the one above the file's folder applies (walking up from "sub/.." once
# reached sub's).
mkdir -p "$TMP/cfg/a/sub"
printf '这是是管网。\n' > "$TMP/cfg/a/y.txt"
printf 'severity: {repeated-word: error}\n' > "$TMP/cfg/a/sub/.kanwu.yaml"
expect "../y.txt without a configuration beside it: the one above it" 0 '0 findings' -- bash -c "cd '$TMP/cfg/a/sub' && '$KANWU' check ../y.txt"
expect "kanwu config ../y.txt names it" 0 "^config: $TMP/cfg/\.kanwu\.yaml\$" -- bash -c "cd '$TMP/cfg/a/sub' && '$KANWU' config ../y.txt"
rm -rf "$TMP/cfg/a"
rm -f "$TMP/cfg/.kanwu.yaml" "$TMP/cfg/sub/.kanwu.yaml" "$TMP/cfg/params.yaml" "$TMP/cfg/typo.yaml"
printf 'drafts/\n' > "$TMP/cfg/.gitignore"
printf 'y.txt\n' > "$TMP/cfg/.kanwuignore"
printf '这是是管网。\n' > "$TMP/cfg/drafts/d.txt"
printf '这是是管网。\n' > "$TMP/cfg/sub/UPPER.MD"
expect ".gitignore, .kanwuignore and *.MD" 1 'UPPER.MD:1:2: .* in 1 file' -- bash -c "set -o pipefail; '$KANWU' check --color never '$TMP/cfg' | tr '\\n' ' '"
rm -rf "$TMP/cfg"
mkdir -p "$TMP/proj2/hr"
printf 'rules: [hr/]\n' > "$TMP/proj2/.kanwu.yaml"
printf 'rules:\n  - id: common-typos\n    kind: substitution\n    severity: warning\n    message: "{match}→{replacement}"\n    swap: {再接再励: 再接再厉}\n    examples:\n      bad: [再接再励]\n' > "$TMP/proj2/hr/typos.yaml"
expect "kanwu rules lists the project's rules" 0 'common-typos' -- bash -c "cd '$TMP/proj2' && '$KANWU' rules"
expect "kanwu test-rules runs them" 0 ' 0 failed' -- bash -c "cd '$TMP/proj2' && '$KANWU' test-rules"
rm -rf "$TMP/proj2"

# Exit codes and messages scripts rely on (issue 10).
mkdir -p "$TMP/empty-folder"
expect "no files to check" 2 'no files to check' -- "$KANWU" check "$TMP/empty-folder"
rmdir "$TMP/empty-folder"
expect "write-baseline exits 0" 0 'wrote .*accepted' -- "$KANWU" check --write-baseline "$TMP/b0.json" "$TMP/doubled.txt"
rm -f "$TMP/b0.json"
expect "-o into a missing folder" 2 'the folder .*no-such-dir does not exist' -- "$KANWU" check -o "$TMP/no-such-dir/r.json" "$TMP/doubled.txt"
expect "-o onto a full disk" 2 "cannot write /dev/full" -- "$KANWU" check -o /dev/full "$TMP/doubled.txt"
expect "--diff with --format" 2 'cannot be combined with --format json' -- "$KANWU" check --diff --format json "$TMP/doubled.txt"
printf '\xd5\xe2\xca\xc7\xca\xc7\xb9\xdc\xcd\xf8\xa1\xa3\n' > "$TMP/short-gb.txt"
expect "a short GB18030 file suggests --encoding" 2 'reads as GB18030 \(GBK\): check it with --encoding GB18030' -- "$KANWU" check "$TMP/short-gb.txt"
expect "figures --encoding" 0 '' -- "$KANWU" figures --encoding GB18030 "$TMP/short-gb.txt"
rm -f "$TMP/short-gb.txt"
expect "stdin as Markdown (inline code is not checked)" 1 'draft.md:1:11: warning.* 1 finding' -- bash -c "set -o pipefail; printf '代码\`是是\`不算。这是是管网。\n' | '$KANWU' check --color never --stdin-filename draft.md - | tr '\\n' ' '"
printf '这是是管网。<!-- kanwu-disable-line repeated-word -->\n' > "$TMP/trailing.md"
expect "trailing disable-line comment" 0 '0 findings' -- "$KANWU" check "$TMP/trailing.md"
printf '%s\n' '<!-- kanwu-disable-next-line no-such-rule -->' '一切正常。' > "$TMP/unknown.md"
expect "unknown rule in a directive" 1 'unknown-rule-in-directive' -- "$KANWU" check --color never "$TMP/unknown.md"
rm -f "$TMP/trailing.md" "$TMP/unknown.md"
expect "stdin" 1 '<stdin>:1:2: warning' -- bash -c "printf '这是是管网。' | '$KANWU' check --color never -"
expect "stdin invalid" 2 '<stdin>:1:2: error: invalid UTF-8' -- bash -c "printf 'a\xc3(' | '$KANWU' check -"
expect "bad regex" 2 'badregex.yaml:6:14: error: invalid regular expression' -- "$KANWU" check --rules "$TMP/badregex.yaml" "$TMP/clean.txt"
expect "yaml syntax" 2 'syntax.yaml:[0-9]+:[0-9]+: error: YAML syntax error' -- "$KANWU" check --rules "$TMP/syntax.yaml" "$TMP/clean.txt"
expect "missing rules path" 2 'rule path does not exist' -- "$KANWU" check --rules "$TMP/none.yaml" "$TMP/clean.txt"
expect "usage error" 2 '' -- "$KANWU" check --format xml "$TMP/clean.txt"
expect "no subcommand" 2 '' -- "$KANWU"
expect "rules list" 0 'repeated-word +repetition +warning' -- "$KANWU" rules
expect "test-rules" 0 '0 failed' -- "$KANWU" test-rules
expect "json is valid" 1 '' -- bash -c "'$KANWU' check --format json fixtures/seeds/ > '$TMP/out.json'"
expect "json parses" 0 '"version": 1' -- python3 -c "import json,sys; d=json.load(open('$TMP/out.json')); assert d['summary']['findings']==len(d['findings'])>0; print('\"version\": %d' % d['version'])"
expect "color always" 1 $'\x1b\\[' -- "$KANWU" check --color always "$TMP/doubled.txt"
expect "no color in pipes" 0 '' -- bash -c "'$KANWU' check '$TMP/doubled.txt' > '$TMP/plain.txt'; ! grep -q $'\x1b' '$TMP/plain.txt'"

# Issue 4: formats, output file, fixes, configuration, baselines, changed lines.
for f in sarif github rdjson junit checkstyle codequality markdown html; do
  expect "format $f" 1 '' -- "$KANWU" check --format "$f" -o "$TMP/out.$f" "$TMP/doubled.txt"
  [ -s "$TMP/out.$f" ] || { echo "FAIL format $f: empty output"; failed=$((failed + 1)); }
done
expect "github format" 1 '::warning file=.*doubled.txt,line=1,col=2' -- "$KANWU" check --format github "$TMP/doubled.txt"
printf '这是是管网,已完成。\n' > "$TMP/fixme.txt"
chmod 640 "$TMP/fixme.txt"
expect "diff" 1 '^\+这是管网，已完成。' -- "$KANWU" check --diff "$TMP/fixme.txt"
expect "diff leaves the file" 0 '这是是管网,已完成' -- cat "$TMP/fixme.txt"
# Plain --fix writes only what cannot change the meaning (the width fix);
# the deletion of a doubled character is a suggestion.
expect "fix writes safe fixes only" 1 'applied 1 fix in 1 file' -- "$KANWU" check --fix "$TMP/fixme.txt"
expect "safe-fixed text" 0 '^这是是管网，已完成。$' -- cat "$TMP/fixme.txt"
expect "fix keeps mode" 0 '^640$' -- stat -c %a "$TMP/fixme.txt"
expect "suggestions need asking" 2 'needs --fix' -- "$KANWU" check --fix-suggestions "$TMP/fixme.txt"
expect "fix suggestions" 0 'applied 1 fix in 1 file' -- "$KANWU" check --fix --fix-suggestions "$TMP/fixme.txt"
expect "fixed text" 0 '^这是管网，已完成。$' -- cat "$TMP/fixme.txt"
expect "second fix is a no-op" 0 'applied 0 fixes in 0 files' -- "$KANWU" check --fix --fix-suggestions "$TMP/fixme.txt"
mkdir -p "$TMP/proj/drafts"
printf 'disable: [punctuation-width]\noverrides:\n  - files: "drafts/**"\n    severity: {repeated-word: info}\n' > "$TMP/proj/.kanwu.yaml"
printf '这是是管网,已完成。\n' > "$TMP/proj/a.txt"
cp "$TMP/proj/a.txt" "$TMP/proj/drafts/b.txt"
expect "config discovery" 1 'a.txt:1:2: warning' -- "$KANWU" check --color never "$TMP/proj"
expect "config override" 1 'drafts/b.txt:1:2: info' -- "$KANWU" check --color never "$TMP/proj"
expect "config disables" 1 '2 findings' -- "$KANWU" check --color never "$TMP/proj"
expect "kanwu config" 0 'severity: repeated-word = info' -- "$KANWU" config "$TMP/proj/drafts/b.txt"
printf 'disable: [x]\nbogus: 1\n' > "$TMP/bad.yaml"
expect "bad config" 2 'bad.yaml:2:1: error: unknown key' -- "$KANWU" check --config "$TMP/bad.yaml" "$TMP/clean.txt"
expect "write baseline" 0 '' -- "$KANWU" check --write-baseline "$TMP/base.json" "$TMP/proj/a.txt"
printf '新加一段。\n\n这是是管网,已完成。\n\n又这是是道路。\n' > "$TMP/proj/a.txt"
expect "baseline" 1 'a.txt:5:3: warning' -- "$KANWU" check --color never --baseline "$TMP/base.json" "$TMP/proj/a.txt"
expect "baseline hides old" 1 '1 finding' -- "$KANWU" check --color never --baseline "$TMP/base.json" "$TMP/proj/a.txt"
printf '%s\n' '%% kanwu-disable-next-line repeated-word' '这是是管网。' > "$TMP/sup.txt"
expect "suppressed" 0 '0 findings' -- "$KANWU" check "$TMP/sup.txt"
expect "unused disable" 1 'unused-disable' -- "$KANWU" check --report-unused-disables --disable repeated-word "$TMP/sup.txt"
if command -v git >/dev/null; then
  (cd "$TMP/proj" && git init -q && git add a.txt && git -c user.email=t@t -c user.name=t commit -qm base)
  printf '新加一段。\n\n这是是管网,已完成。\n\n又这是是道路。\n第三这是是桥。\n' > "$TMP/proj/a.txt"
  expect "changed since" 1 'a.txt:6:4: warning' -- bash -c "cd '$TMP/proj' && '$KANWU' check --color never --changed-since HEAD a.txt"
  expect "changed since hides old" 1 '1 finding' -- bash -c "cd '$TMP/proj' && '$KANWU' check --color never --changed-since HEAD a.txt"
  expect "changed since bad rev" 2 "'nope' is not a revision of the git repository" -- bash -c "cd '$TMP/proj' && '$KANWU' check --changed-since nope a.txt"
  # Chinese folder and file names, checked from outside the repository.
  mkdir -p "$TMP/稿件库/新闻"
  printf '第一段。\n\n这是是管网。\n' > "$TMP/稿件库/新闻/科技大会.txt"
  (cd "$TMP/稿件库" && git init -q && git add . && git -c user.email=t@t -c user.name=t commit -qm base)
  printf '第一段。\n\n这是是管网。\n\n新加这是是一段。\n' > "$TMP/稿件库/新闻/科技大会.txt"
  printf '这是是新稿。\n' > "$TMP/稿件库/新闻/新稿.txt"
  expect "changed since, Chinese paths: only the changed line" 1 '科技大会.txt:5:4: warning' -- bash -c "cd '$TMP' && '$KANWU' check --color never --changed-since HEAD 稿件库/新闻/科技大会.txt"
  expect "changed since, Chinese paths: old lines hidden" 1 '^1 finding' -- bash -c "cd '$TMP' && '$KANWU' check --color never --changed-since HEAD 稿件库/新闻/科技大会.txt"
  expect "changed since, a new Chinese-named file is all new" 1 '新稿.txt:1:2: warning' -- bash -c "cd '$TMP' && '$KANWU' check --color never --changed-since HEAD 稿件库/新闻/新稿.txt"
  expect "changed since outside any repository" 2 'none of the checked files is inside a git repository' -- "$KANWU" check --changed-since HEAD "$TMP/doubled.txt"
  rm -rf "$TMP/稿件库"
  # A pull request's branch in folders and files named with spaces and
  # Chinese (「体育 新闻/」, Windows' 「新建 文本文档.txt」), compared with a main
  # that moved on after the branch left it: only the branch's own lines count.
  G=(git -c user.email=t@t -c user.name=t)
  mkdir -p "$TMP/pr/体育 新闻"
  printf '旧稿这是是一句。\n\n第二段。\n' > "$TMP/pr/体育 新闻/比赛 报道.txt"
  printf '这是是旧的。\n' > "$TMP/pr/新建 文本文档.txt"
  (cd "$TMP/pr" && git init -q -b main && git add . && "${G[@]}" commit -qm base && git checkout -q -b draft \
    && printf '旧稿这是是一句。\n\n第二段。\n\n新段这是是一句。\n' > "体育 新闻/比赛 报道.txt" \
    && printf '这是是旧的。\n\n新加这是是。\n' > "新建 文本文档.txt" && "${G[@]}" commit -qam draft \
    && git checkout -q main && printf '这是改的。\n' > "新建 文本文档.txt" && "${G[@]}" commit -qam main-moved \
    && git checkout -q draft)
  expect "changed since, a folder with a space and Chinese" 1 '体育 新闻/比赛 报道.txt:5:4: warning' -- bash -c "cd '$TMP/pr' && '$KANWU' check --color never --changed-since main ."
  expect "changed since, 新建 文本文档.txt" 1 '新建 文本文档.txt:3:4: warning' -- bash -c "cd '$TMP/pr' && '$KANWU' check --color never --changed-since main ."
  expect "changed since, from the merge-base: lines main changed are not the branch's" 1 '^2 findings' -- bash -c "cd '$TMP/pr' && '$KANWU' check --color never --changed-since main ."
  rm -rf "$TMP/pr"
fi

expect "timings: every rule that ran, and a total" 1 'repeated-word +[0-9.]+ +[0-9.]+%' -- "$KANWU" check --quiet --timings "$TMP/doubled.txt"
expect "timings: a disabled rule is not timed" 0 '^total' -- bash -c "'$KANWU' check --quiet --timings --disable repeated-word '$TMP/doubled.txt' 2>&1 | grep -c '^repeated-word' | grep -qx 0 && echo total"

# A rule switched off in .kanwu.yaml is not run (issue 26): globally, per
# glob, on standard input; and a cross-document rule off for a file does not
# compare the other files with it, whichever comes first.
mkdir -p "$TMP/off/drafts"
printf 'disable: [repeated-word]\noverrides:\n  - files: "drafts/**"\n    disable: [punctuation-width, figure-conflict]\n' > "$TMP/off/.kanwu.yaml"
printf '这是是管网,已完成。\n' > "$TMP/off/drafts/b.txt"
not_timed() { "$KANWU" check --quiet --timings "$@" 2>&1 | grep -cE '^(repeated-word|punctuation-width) ' | grep -qx 0 && echo 'not timed'; }
expect "off in .kanwu.yaml: not run, globally or by glob" 0 '^not timed$' -- bash -c "$(declare -f not_timed); KANWU='$KANWU' not_timed '$TMP/off/drafts/b.txt'"
printf '这是是管网,已完成。\n' > "$TMP/off/a.txt"
expect "off by glob: still runs on the other files" 1 'punctuation-width +[0-9.]+' -- "$KANWU" check --quiet --timings "$TMP/off"
expect "off by glob: findings only where on" 1 '^1 finding' -- "$KANWU" check --color never "$TMP/off"
expect "standard input: the configuration's disable applies" 1 '<stdin>:1:6: warning.*\[punctuation-width\]' -- bash -c "set -o pipefail; cd '$TMP/off' && printf '这是是管网,已完成。\n' | '$KANWU' check --color never - | tr '\\n' ' '"
expect "standard input: and nothing else is off" 1 '^1 finding' -- bash -c "cd '$TMP/off' && printf '这是是管网,已完成。\n' | '$KANWU' check --color never -"
printf '2024年，全市地区生产总值增长5.2%%，居全省第一。\n' > "$TMP/off/a.txt"
printf '2024年，全市地区生产总值增长6.1%%，居全省第一。\n' > "$TMP/off/b.txt"
expect "cross-document rule on for both files: a conflict" 1 'b.txt:1:17: error.*figure-conflict' -- "$KANWU" check --color never "$TMP/off/a.txt" "$TMP/off/b.txt"
cp "$TMP/off/a.txt" "$TMP/off/drafts/a.txt"
expect "cross-document rule off for the first file: not compared" 0 '^0 findings' -- "$KANWU" check --color never "$TMP/off/drafts/a.txt" "$TMP/off/b.txt"
expect "cross-document rule off for the second file: not compared" 0 '^0 findings' -- "$KANWU" check --color never "$TMP/off/b.txt" "$TMP/off/drafts/a.txt"
printf '%s\n' '%% kanwu-disable-next-line punctuation-width' '这是是管网,已完成。' > "$TMP/off/drafts/sup.txt"
expect "unused disable: not reported for a rule off for the file" 0 '^0 findings' -- "$KANWU" check --color never --report-unused-disables "$TMP/off/drafts/sup.txt"
rm -rf "$TMP/off"

# The start-up caches (word index, compiled sentence rules): the same report
# with an empty cache folder, a filled one, a damaged one and none writable.
printf '他说。“我们来了。”这是是一个句子。\n\n规模以上工业增加值增长5%%，增加值增长6%%。\n' > "$TMP/cache-draft.txt"
CACHE="$TMP/cache"
reference=$(KANWU_CACHE_DIR="$CACHE" "$KANWU" check --color never "$TMP/cache-draft.txt" 2>&1 || true)
expect "cache: files written" 0 'sentence-rules-.*words-.*yaml-' -- bash -c "ls '$CACHE' | sort | tr '\n' ' '"
expect "cache: same report from a filled cache" 1 "$(printf '%s' "$reference" | head -1 | sed 's/[][\\.*^$()|+?{}]/\\&/g')" -- env KANWU_CACHE_DIR="$CACHE" "$KANWU" check --color never "$TMP/cache-draft.txt"
for f in "$CACHE"/*.bin; do head -c 100 /dev/urandom > "$f"; done
damaged=$(KANWU_CACHE_DIR="$CACHE" "$KANWU" check --color never "$TMP/cache-draft.txt" 2>&1 || true)
expect "cache: damaged files are rebuilt, same report" 0 '^same$' -- bash -c "[ '$(printf '%s' "$reference" | md5sum)' = '$(printf '%s' "$damaged" | md5sum)' ] && echo same"
unwritable=$(KANWU_CACHE_DIR=/proc/kanwu-no-cache "$KANWU" check --color never "$TMP/cache-draft.txt" 2>&1 || true)
expect "cache: no writable folder, same report" 0 '^same$' -- bash -c "[ '$(printf '%s' "$reference" | md5sum)' = '$(printf '%s' "$unwritable" | md5sum)' ] && echo same"
rm -rf "$CACHE"
# A rule file edited between two runs: the second run reads the edit (the
# parsed YAML is cached per file and text).
printf '%s\n' 'rules:' '  - id: own-term' '    kind: pattern' '    severity: warning' \
  "    message: '“{match}”：用“新词”'" "    pattern: '老词'" > "$TMP/own-rules.yaml"
printf '这是老词。\n' > "$TMP/own.txt"
expect "cache: own rule file" 1 '“老词”：用“新词”' -- env KANWU_CACHE_DIR="$CACHE" "$KANWU" check --color never --rules "$TMP/own-rules.yaml" "$TMP/own.txt"
sed -i 's/用“新词”/请改用“新词”/' "$TMP/own-rules.yaml"
expect "cache: own rule file edited" 1 '“老词”：请改用“新词”' -- env KANWU_CACHE_DIR="$CACHE" "$KANWU" check --color never --rules "$TMP/own-rules.yaml" "$TMP/own.txt"
rm -rf "$CACHE"

# The archive ledger (issue 23) in an SQLite file: the scenarios every
# backend passes (tests/ledger_scenarios.sh; ledger_pg_test.sh runs them on
# PostgreSQL), then what only a file can be.
source "$(dirname "${BASH_SOURCE[0]}")/ledger_scenarios.sh"
mkdir -p "$TMP/ledger"
ledger_scenarios "$KANWU" "$TMP/ledger/archive.ledger" "$TMP/ledger"
ledger_check_scenarios "$KANWU" "$TMP/ledger/archive.ledger" "$TMP/ledger"
expect "ledger: the file is in WAL mode and intact" 0 '^wal ok$' -- python3 -c "import sqlite3; c = sqlite3.connect('$TMP/ledger/archive.ledger'); print(c.execute('PRAGMA journal_mode').fetchone()[0], c.execute('PRAGMA integrity_check').fetchone()[0])"
expect "ledger: no ledger given" 2 'no ledger: give --ledger' -- bash -c "cd '$TMP/ledger' && '$KANWU' ledger list"
expect "ledger: reading a missing ledger does not create it" 2 'no such ledger' -- "$KANWU" ledger list --ledger "$TMP/ledger/missing.ledger"
expect "ledger: ... and leaves no file" 1 '' -- test -e "$TMP/ledger/missing.ledger"
printf 'ledger: archive.ledger\n' > "$TMP/ledger/.kanwu.yaml"
expect "ledger: ledger: in .kanwu.yaml, relative to it" 0 '^793 documents$' -- bash -c "cd '$TMP/ledger/many' && '$KANWU' ledger list | tail -1"
expect "ledger: kanwu config shows it" 0 "ledger: $TMP/ledger/archive.ledger" -- "$KANWU" config --config "$TMP/ledger/.kanwu.yaml"
printf 'ledger: [a, b]\n' > "$TMP/ledger/.kanwu.yaml"
expect "ledger: a ledger: that is no string" 2 ".kanwu.yaml:1:9: error: 'ledger' must be a string" -- bash -c "cd '$TMP/ledger' && '$KANWU' ledger list"
rm -f "$TMP/ledger/.kanwu.yaml"
printf 'ledger: ../archive.ledger\n' > "$TMP/ledger/check/.kanwu.yaml"
expect "check: ledger: of .kanwu.yaml is used" 1 '已发布的《赤峰市统计局' -- "$KANWU" check --color never "$TMP/ledger/check/draft.txt"
expect "check --no-ledger: ... unless told not to" 0 '0 findings' -- "$KANWU" check --color never --no-ledger "$TMP/ledger/check/draft.txt"
expect "check --ledger: a missing ledger is an error" 2 'no such ledger' -- "$KANWU" check --ledger "$TMP/ledger/missing.ledger" "$TMP/ledger/check/draft.txt"
expect "check --ledger: ... and is not created" 1 '' -- test -e "$TMP/ledger/missing.ledger"
rm -f "$TMP/ledger/check/.kanwu.yaml"
printf 'PK\x03\x04 not a database but a zip, or anything else: 这不是账本。%.0s' $(seq 1 40) > "$TMP/ledger/corrupt.ledger"
sum_before=$(md5sum < "$TMP/ledger/corrupt.ledger")
expect "check --ledger: a file that is no database" 2 'corrupt.ledger: not a kanwu ledger' -- "$KANWU" check --ledger "$TMP/ledger/corrupt.ledger" "$TMP/ledger/check/draft.txt"
expect "ledger: a file that is no database" 2 'corrupt.ledger: not a kanwu ledger: the file is not an SQLite database' -- "$KANWU" ledger add --ledger "$TMP/ledger/corrupt.ledger" "$TMP/ledger/archive"
expect "ledger: ... is left untouched" 0 '^same$' -- bash -c "[ '$sum_before' = \"\$(md5sum < '$TMP/ledger/corrupt.ledger')\" ] && [ ! -e '$TMP/ledger/corrupt.ledger-wal' ] && echo same"
python3 -c "import sqlite3; c = sqlite3.connect('$TMP/ledger/other.db'); c.execute('CREATE TABLE customers (id INTEGER PRIMARY KEY)'); c.commit()"
sum_before=$(md5sum < "$TMP/ledger/other.db")
expect "ledger: another application's database" 2 'other.db: not a kanwu ledger: an SQLite database with other tables' -- "$KANWU" ledger add --ledger "$TMP/ledger/other.db" "$TMP/ledger/archive"
expect "ledger: ... is left untouched" 0 '^same$' -- bash -c "[ '$sum_before' = \"\$(md5sum < '$TMP/ledger/other.db')\" ] && echo same"
cp "$TMP/ledger/archive.ledger" "$TMP/ledger/newer.ledger"
python3 -c "import sqlite3; c = sqlite3.connect('$TMP/ledger/newer.ledger'); c.execute(\"INSERT INTO ledger_schema VALUES (99, 'later')\"); c.commit()"
expect "check --ledger: a ledger of a newer schema" 2 'schema version 99, newer than this kanwu' -- "$KANWU" check --ledger "$TMP/ledger/newer.ledger" "$TMP/ledger/check/draft.txt"
expect "ledger: a ledger of a newer schema" 2 'newer.ledger: the ledger has schema version 99, newer than this kanwu' -- "$KANWU" ledger list --ledger "$TMP/ledger/newer.ledger"
expect "ledger: a folder" 2 'is a folder, not a ledger file' -- "$KANWU" ledger list --ledger "$TMP/ledger"
expect "ledger: no such folder" 2 'cannot create the ledger: no folder' -- "$KANWU" ledger add --ledger "$TMP/ledger/no/such/x.ledger" "$TMP/ledger/archive"
expect "ledger: a mistyped subcommand" 2 '' -- "$KANWU" ledger ad --ledger "$TMP/ledger/archive.ledger" "$TMP/ledger/archive"
rm -rf "$TMP/ledger"

# Regression inputs found by fuzzing (tests/fuzz/regressions).
expect "fuzz: NUL in a rule example" 2 'rules-nul-in-example.yaml:14:11: error: examples.good must be text' -- "$KANWU" test-rules --rules tests/fuzz/regressions/rules-nul-in-example.yaml

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
