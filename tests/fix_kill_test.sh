#!/usr/bin/env bash
# A kill during --fix leaves either the old file or the new one, never a mix:
# kanwu --fix runs on a large file with many fixes and is killed (SIGKILL)
# at different moments; each time the file must equal the old bytes or the
# fully fixed bytes, with its mode kept. Usage: fix_kill_test.sh path/to/kanwu
set -u
KANWU="$1"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
SEED="$(dirname "${BASH_SOURCE[0]}")/../fixtures/seeds/004_6ed63c3a093e4c62.txt"
for i in $(seq 300); do cat "$SEED"; echo; done > "$TMP/old.txt"   # ~10 MB, ~150k fixes
cp "$TMP/old.txt" "$TMP/new.txt"
"$KANWU" check --fix --quiet "$TMP/new.txt" 2>/dev/null
cmp -s "$TMP/old.txt" "$TMP/new.txt" && { echo "FAIL: nothing was fixed"; exit 1; }
failed=0
for delay in 0.05 0.2 0.5 1 1.5 2 3 4; do
  cp "$TMP/old.txt" "$TMP/draft.txt"
  chmod 640 "$TMP/draft.txt"
  "$KANWU" check --fix --quiet "$TMP/draft.txt" 2>/dev/null &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  if cmp -s "$TMP/draft.txt" "$TMP/old.txt"; then state=old
  elif cmp -s "$TMP/draft.txt" "$TMP/new.txt"; then state=new
  else state=MIXED; failed=$((failed + 1)); fi
  mode=$(stat -c %a "$TMP/draft.txt")
  [ "$mode" = 640 ] || { echo "FAIL: mode $mode after kill at ${delay}s"; failed=$((failed + 1)); }
  # The new text is written to an unnamed file (O_TMPFILE): a kill leaves nothing.
  left=$(find "$TMP" -maxdepth 1 -name '.kanwu-fix-*' | wc -l)
  [ "$left" = 0 ] || { echo "FAIL: a temporary file was left after a kill at ${delay}s"; failed=$((failed + 1)); rm -f "$TMP"/.kanwu-fix-*; }
  echo "killed after ${delay}s: $state file"
done
echo "$((8 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
