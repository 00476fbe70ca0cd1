#!/usr/bin/env bash
# End-to-end tests of the kanwu command line: exit codes, error messages,
# formats and standard input. Usage: cli_test.sh path/to/kanwu (run from the
# source root).
set -u
KANWU="$1"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
passed=0
failed=0

# expect NAME EXPECTED_EXIT GREP_PATTERN -- command...: runs the command,
# checks its exit code and that its combined output matches the pattern.
expect() {
  local name="$1" want="$2" pattern="$3"
  shift 4
  local out rc
  out="$("$@" 2>&1)"
  rc=$?
  if [ "$rc" -ne "$want" ]; then
    echo "FAIL $name: exit $rc, expected $want"; echo "$out" | head -20; failed=$((failed + 1)); return
  fi
  if [ -n "$pattern" ] && ! grep -qE -- "$pattern" <<<"$out"; then
    echo "FAIL $name: output does not match /$pattern/"; echo "$out" | head -20; failed=$((failed + 1)); return
  fi
  passed=$((passed + 1))
}

printf '新建建各类管网。\n' > "$TMP/doubled.txt"
printf '一切正常。\n' > "$TMP/clean.txt"
printf '第一行。\n第二\xff行。\n' > "$TMP/invalid.txt"
printf 'PK\x03\x04\x00\x00binary' > "$TMP/binary.txt"
: > "$TMP/empty.txt"
printf '   \n\n\t\n' > "$TMP/blank.txt"
printf '没有结尾换行的文件。' > "$TMP/nonl.txt"
printf 'rules:\n  - id: x\n    kind: pattern\n    severity: warning\n    message: m\n    pattern: "(unclosed"\n' > "$TMP/badregex.yaml"
printf 'rules:\n  - id: x\n    kind: pattern\n    severity: [warning\n' > "$TMP/syntax.yaml"
printf 'rules:\n  - id: info-rule\n    kind: pattern\n    severity: info\n    message: 注意{match}\n    pattern: 正常\n' > "$TMP/info.yaml"

expect "findings exit 1" 1 'doubled.txt:1:2: warning: 疑似重复：“建建”' -- "$KANWU" check --color never "$TMP/doubled.txt"
expect "clean exit 0" 0 '0 findings' -- "$KANWU" check "$TMP/clean.txt"
expect "fail-on error" 0 '' -- "$KANWU" check --fail-on error "$TMP/doubled.txt"
expect "fail-on info" 1 '' -- "$KANWU" check --rules "$TMP/info.yaml" --fail-on info "$TMP/clean.txt"
expect "info below warning" 0 'info: 注意正常' -- "$KANWU" check --rules "$TMP/info.yaml" "$TMP/clean.txt"
expect "disable" 0 '0 findings' -- "$KANWU" check --disable repeated-word "$TMP/doubled.txt"
expect "disable before paths" 0 '0 findings' -- "$KANWU" check --disable repeated-word --disable paired-marks "$TMP/doubled.txt"
expect "unknown rule id" 2 'no such rule' -- "$KANWU" check --disable no-such-rule "$TMP/doubled.txt"
expect "quiet prints nothing" 1 '^$' -- "$KANWU" check --quiet "$TMP/doubled.txt"
expect "missing path" 2 'nope.txt: error: no such file' -- "$KANWU" check "$TMP/nope.txt"
expect "invalid utf-8" 2 'invalid.txt:2:3: error: invalid UTF-8 \(byte 0xFF at byte offset 19\)' -- "$KANWU" check "$TMP/invalid.txt"
expect "binary" 2 'binary file' -- "$KANWU" check "$TMP/binary.txt"
expect "bad file does not stop others" 2 'doubled.txt:1:2' -- "$KANWU" check "$TMP/invalid.txt" "$TMP/doubled.txt"
expect "empty file" 0 'in 1 file' -- "$KANWU" check "$TMP/empty.txt"
expect "blank file" 0 '' -- "$KANWU" check "$TMP/blank.txt"
expect "no final newline" 0 '' -- "$KANWU" check "$TMP/nonl.txt"
expect "directory recursion" 2 'in 5 files' -- "$KANWU" check --color never "$TMP"
expect "stdin" 1 '<stdin>:1:2: warning' -- bash -c "printf '新建建管网。' | '$KANWU' check --color never -"
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

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
