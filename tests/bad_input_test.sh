#!/usr/bin/env bash
# The bad-input matrix: one row per kind of bad input, each asserting the
# message and the exit code. Usage: bad_input_test.sh path/to/kanwu
set -u
KANWU="$1"
TMP="$(mktemp -d)"
trap 'chmod -R u+rwx "$TMP" 2>/dev/null; rm -rf "$TMP"' EXIT
source "$(dirname "${BASH_SOURCE[0]}")/expect.sh"
SEED="$(dirname "${BASH_SOURCE[0]}")/../fixtures/seeds/004_6ed63c3a093e4c62.txt"
printf '一切正常。\n' > "$TMP/ok.txt"

# Text encodings
printf '第一行。\n第二行\xe4\xb8还有。\n第三行。\n' > "$TMP/mid.txt"
expect "invalid UTF-8 mid-file" 2 'mid.txt:2:4: error: invalid UTF-8 \(byte 0xE4 at byte offset 22\)' -- "$KANWU" check "$TMP/mid.txt"
expect "other files still checked" 2 'ok.txt|1 file' -- "$KANWU" check --color never "$TMP/mid.txt" "$TMP/ok.txt"
python3 -c "import sys; open(sys.argv[2],'wb').write(open(sys.argv[1],encoding='utf-8').read().encode('gb18030'))" "$SEED" "$TMP/gb.txt"
expect "GB18030 detected" 1 'gb.txt: note: decoded as GB18030 \(detected\)' -- "$KANWU" check --color never "$TMP/gb.txt"
expect "GB18030 positions" 1 'gb.txt:7:68: warning: 疑似重复' -- "$KANWU" check --color never --enable repeated-char "$TMP/gb.txt"
printf '%s' '这是是' | iconv -f utf-8 -t gb18030 > "$TMP/gb-short.txt"
expect "short GB18030 needs --encoding" 2 'invalid UTF-8' -- "$KANWU" check "$TMP/gb-short.txt"
expect "--encoding gb18030" 1 'gb-short.txt:1:2: warning' -- "$KANWU" check --color never --encoding gb18030 "$TMP/gb-short.txt"
expect "--encoding unknown" 2 'unknown character set' -- "$KANWU" check --encoding klingon "$TMP/ok.txt"
python3 -c "import sys; open(sys.argv[1],'wb').write(b'\xff\xfe' + '第一行。\n全市这是是管网。\n'.encode('utf-16-le'))" "$TMP/u16.txt"
expect "UTF-16 with BOM" 1 'u16.txt:2:4: warning' -- "$KANWU" check --color never "$TMP/u16.txt"
# UTF-32's little-endian byte-order mark FF FE 00 00 begins with UTF-16's (issue 27)
python3 -c "import sys; open(sys.argv[1],'wb').write(b'\xff\xfe\x00\x00' + '第一行。\n全市这是是管网。\n'.encode('utf-32-le'))" "$TMP/u32le.txt"
python3 -c "import sys; open(sys.argv[1],'wb').write(b'\x00\x00\xfe\xff' + '第一行。\n全市这是是管网。\n'.encode('utf-32-be'))" "$TMP/u32be.txt"
expect "UTF-32LE with BOM is not UTF-16" 1 'u32le.txt: note: decoded as UTF-32LE' -- "$KANWU" check --color never "$TMP/u32le.txt"
expect "UTF-32LE positions" 1 'u32le.txt:2:4: warning' -- "$KANWU" check --color never "$TMP/u32le.txt"
expect "UTF-32BE with BOM" 1 'u32be.txt:2:4: warning' -- "$KANWU" check --color never "$TMP/u32be.txt"
cp "$TMP/gb.txt" "$TMP/gb-fix.txt"
expect "no fixes written to GB18030" 1 'fixes not applied: the file is not UTF-8' -- "$KANWU" check --fix --quiet "$TMP/gb-fix.txt"
expect "GB18030 file untouched" 0 '' -- cmp "$TMP/gb.txt" "$TMP/gb-fix.txt"

# --fix on files it must not, or cannot safely, change (issue 27)
printf '这是管网,已完成。\n' > "$TMP/hard.txt"
ln "$TMP/hard.txt" "$TMP/hard-2.txt"
expect "--fix refuses hard links" 2 'hard.txt: fixes not applied: it has 2 hard links' -- "$KANWU" check --fix --quiet "$TMP/hard.txt"
expect "hard-linked file untouched" 0 '^这是管网,已完成。$' -- cat "$TMP/hard-2.txt"
mkdir -p "$TMP/target"
printf '这是管网,已完成。\n' > "$TMP/target/t.txt"
ln -s target/t.txt "$TMP/link.txt"
expect "--fix through a symbolic link" 0 'applied 1 fix in 1 file' -- "$KANWU" check --fix --quiet "$TMP/link.txt"
expect "the link stays a link" 0 '^target/t.txt$' -- readlink "$TMP/link.txt"
expect "its target is fixed" 0 '^这是管网，已完成。$' -- cat "$TMP/target/t.txt"
expect "--fix on standard input" 2 'fixes not applied: the text was not read from a file' -- bash -c "printf '这是管网,已完成。' | '$KANWU' check --fix --quiet -"

# Sizes and shapes
: > "$TMP/empty.txt"
expect "empty file" 0 '0 findings .* in 1 file' -- "$KANWU" check --color never "$TMP/empty.txt"
printf ' \t\n\n\u3000\n' > "$TMP/blank.txt"
expect "whitespace only" 0 'in 1 file' -- "$KANWU" check --color never "$TMP/blank.txt"
printf '最后一行没有换行，这是是' > "$TMP/nonl.txt"
expect "no final newline" 1 'nonl.txt:1:11: warning' -- "$KANWU" check --color never "$TMP/nonl.txt"
python3 -c "
import sys
s = '今年全市经济运行总体平稳，民生保障持续加强，各项社会事业全面进步。'
n = 100_000_000 // len(s.encode())
open(sys.argv[1], 'w', encoding='utf-8').write(s * n)" "$TMP/huge.txt"
expect "100 MB without line breaks" 1 'in 1 file' -- timeout 300 "$KANWU" check --color never "$TMP/huge.txt"
python3 -c "import sys; open(sys.argv[1],'w').write('字\n\n' * 1_000_000)" "$TMP/million.txt"
expect "1,000,000 one-character paragraphs" 0 'in 1 file' -- timeout 120 "$KANWU" check --color never "$TMP/million.txt"
rm -f "$TMP/huge.txt" "$TMP/million.txt"

# Files that are not text, or not there
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$TMP/image.txt"
expect "binary file" 2 'image.txt:3:1: error: binary file \(NUL byte at byte offset 8\)' -- "$KANWU" check "$TMP/image.txt"
mkdir -p "$TMP/dir.txt"
expect "directory named like a file (an empty folder)" 2 'no files to check' -- "$KANWU" check --color never "$TMP/dir.txt"
mkdir -p "$TMP/loop/a" && ln -s .. "$TMP/loop/a/up" && cp "$TMP/ok.txt" "$TMP/loop/a/"
expect "symlink loop" 0 'in 1 file' -- timeout 20 "$KANWU" check --color never "$TMP/loop"
cp "$TMP/ok.txt" "$TMP/secret.txt" && chmod 000 "$TMP/secret.txt"
if [ "$(id -u)" -ne 0 ]; then
  expect "unreadable file" 2 'secret.txt: error: cannot open: Permission denied' -- "$KANWU" check "$TMP/secret.txt"
fi
expect "missing path" 2 'nowhere.txt: error: no such file or directory' -- "$KANWU" check "$TMP/nowhere.txt"
ln -s loop-b.txt "$TMP/loop-a.txt" && ln -s loop-a.txt "$TMP/loop-b.txt"
expect "symlink loop named on the command line" 2 'loop-a.txt: error: too many levels of symbolic links' -- "$KANWU" check "$TMP/loop-a.txt" "$TMP/ok.txt"
# An unreadable folder inside a folder is named, and the files beside it are
# still checked (as root, run as nobody: root reads every folder).
as_user() {
  if [ "$(id -u)" -eq 0 ]; then setpriv --reuid=65534 --regid=65534 --clear-groups "$@"; else "$@"; fi
}
mkdir -p "$TMP/tree/locked" "$TMP/tree/open"
cp "$TMP/ok.txt" "$TMP/tree/open/" && printf '这是是管网。\n' > "$TMP/tree/locked/hidden.txt"
chmod 000 "$TMP/tree/locked" && chmod 755 "$TMP" "$TMP/tree"
expect "unreadable subfolder named" 2 'tree/locked: error: cannot read directory: permission denied' -- as_user "$KANWU" check --color never "$TMP/tree"
expect "files beside it still checked" 2 'in 1 file' -- as_user "$KANWU" check --color never "$TMP/tree"
expect "unreadable folder named on the command line" 2 'locked: error: cannot read directory: permission denied' -- as_user "$KANWU" check --color never "$TMP/tree/locked" "$TMP/ok.txt"
chmod 700 "$TMP/tree/locked" "$TMP"
# Out of memory: the document that does not fit is named, with its own exit
# code (3, not an abort's 134), and the other files are still checked.
python3 -c "
import sys
s = '今年全市经济运行总体平稳，民生保障持续加强，各项社会事业全面进步。\n'
open(sys.argv[1], 'w', encoding='utf-8').write(s * (20_000_000 // len(s.encode())))" "$TMP/large.txt"
expect "out of memory named" 3 'large.txt: error: out of memory while checking .*large.txt' -- bash -c "ulimit -v 250000; '$KANWU' check --color never -j 1 '$TMP/large.txt' '$TMP/ok.txt'"
expect "out of memory: others still checked" 3 'in 1 file' -- bash -c "ulimit -v 250000; '$KANWU' check --color never -j 1 '$TMP/large.txt' '$TMP/ok.txt'"
expect "out of memory on two threads" 3 'out of memory while checking' -- bash -c "ulimit -v 250000; '$KANWU' check --color never -j 2 '$TMP/ok.txt' '$TMP/large.txt'"
rm -f "$TMP/large.txt"

# Rule files
printf 'rules:\n  - id: x\n    kind: [pattern\n' > "$TMP/syntax.yaml"
expect "YAML syntax error" 2 'syntax.yaml:[0-9]+:[0-9]+: error: YAML syntax error' -- "$KANWU" check --rules "$TMP/syntax.yaml" "$TMP/ok.txt"
printf 'rules:\n  - id: x\n    kind: pattern\n    severity: info\n    message: m\n    pattern: a\n    colour: red\n' > "$TMP/unknown.yaml"
expect "unknown key" 2 "unknown.yaml:7:5: error: unknown key 'colour'" -- "$KANWU" check --rules "$TMP/unknown.yaml" "$TMP/ok.txt"
printf 'rules:\n  - id: x\n    kind: duplicate-paragraph\n    severity: info\n    message: m\n    min_chars: lots\n' > "$TMP/type.yaml"
expect "wrong type" 2 "type.yaml:6:16: error: 'min_chars' must be an integer" -- "$KANWU" check --rules "$TMP/type.yaml" "$TMP/ok.txt"
printf 'rules:\n  - {id: x, kind: repetition, severity: info, message: m}\n  - {id: x, kind: repetition, severity: info, message: m}\n' > "$TMP/dup.yaml"
expect "duplicate ids" 2 "duplicate rule id 'x'" -- "$KANWU" check --rules "$TMP/dup.yaml" "$TMP/ok.txt"
printf 'rules:\n  - id: slow\n    kind: pattern\n    severity: info\n    message: m\n    pattern: %s\n    time_limit: 20\n' "'(x+x+)+y'" > "$TMP/slow.yaml"
printf '中文%s\n' "$(printf 'x%.0s' {1..40})" > "$TMP/xs.txt"
expect "catastrophic regex stopped" 2 "rule 'slow' skipped: regular expression exceeded its time limit" -- timeout 20 "$KANWU" check --rules "$TMP/slow.yaml" "$TMP/xs.txt" "$TMP/ok.txt"
python3 - "$TMP/bomb.yaml" <<'PY'
import sys
lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
for i in range(1, 12):
    lines.append(f'a{i}: &a{i} [' + ', '.join([f'*a{i-1}'] * 10) + ']')
lines.append('rules:\n  - {id: b, kind: repetition, severity: info, message: m, exceptions: *a11}')
open(sys.argv[1], 'w').write('\n'.join(lines) + '\n')
PY
expect "YAML alias bomb bounded" 2 'error' -- timeout 30 "$KANWU" check --rules "$TMP/bomb.yaml" "$TMP/ok.txt"
mkdir -p "$TMP/norules"
expect "rules folder without rules" 2 'rule folder contains no \*.yaml files' -- "$KANWU" check --rules "$TMP/norules" "$TMP/ok.txt"

# Standard input with the same
expect "stdin invalid UTF-8" 2 '<stdin>:2:4: error: invalid UTF-8' -- bash -c "'$KANWU' check - < '$TMP/mid.txt'"
expect "stdin binary" 2 '<stdin>:3:1: error: binary file' -- bash -c "'$KANWU' check - < '$TMP/image.txt'"
expect "stdin empty" 0 'in 1 file' -- bash -c "'$KANWU' check --color never - < /dev/null"
expect "stdin GB18030" 1 '<stdin>: note: decoded as GB18030' -- bash -c "'$KANWU' check --color never - < '$TMP/gb.txt'"
expect "stdin UTF-16" 1 '<stdin>:2:4: warning' -- bash -c "'$KANWU' check --color never - < '$TMP/u16.txt'"

# The editor link and the web server (tests/lsp_test.py and
# tests/serve_abuse_test.py test them further)
python3 - "$TMP" <<'PY'
import sys
deep = b'{"jsonrpc":"2.0","id":1,"method":"initialize","params":' + b'[' * 1000000 + b']' * 1000000 + b'}'
open(sys.argv[1] + '/deep.lsp', 'wb').write(b'Content-Length: %d\r\n\r\n' % len(deep) + deep)
big = b'{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.txt","text":"' + b'x' * (9 << 20) + b'"}}}'
open(sys.argv[1] + '/big.lsp', 'wb').write(b'Content-Length: %d\r\n\r\n' % len(big) + big)
PY
expect "lsp: JSON nested a million deep" 1 '"code":-32700.*more than 512 levels' -- bash -c "'$KANWU' lsp < '$TMP/deep.lsp'"
expect "lsp: a 9 MB message" 1 'message of 9437[0-9]+ bytes is over the limit' -- bash -c "'$KANWU' lsp < '$TMP/big.lsp'"
# A request to kanwu serve on 127.0.0.1; prints the answer's status and body.
serve_request() {
  python3 - "$KANWU" "$@" <<'PY'
import http.client, subprocess, sys, time, gzip
kanwu, kind = sys.argv[1], sys.argv[2]
proc = subprocess.Popen([kanwu, 'serve', '--port', '0'], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
port = int(proc.stdout.readline().rsplit(':', 1)[1].split('/')[0])
bodies = {'deep': (b'[' * 1000000 + b']' * 1000000, {}),
          'gzip': (gzip.compress(b' ' * (256 << 20)), {'Content-Encoding': 'gzip'}),
          'chunked': (iter([b'x' * 65536] * 100), {'Transfer-Encoding': 'chunked'})}
body, headers = bodies[kind]
conn = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
try:
    conn.request('POST', '/api/check', body=body, headers={'Content-Type': 'application/json', **headers})
    r = conn.getresponse()
    print(r.status, r.read().decode())
    print('alive' if proc.poll() is None else 'the server died')
finally:
    proc.kill()
PY
}
expect "serve: JSON nested a million deep" 0 '^400 .*more than 512 levels' -- serve_request deep
expect "serve: gzip body of 256 MB inflated" 0 '^413 .*uncompressed' -- serve_request gzip
expect "serve: chunked body" 0 '^413 .*Content-Length' -- serve_request chunked

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
