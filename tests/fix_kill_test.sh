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
  # The new text goes to an unnamed file (O_TMPFILE) where the file system
  # has it, named an instant before the rename; elsewhere (overlayfs before
  # Linux 6.6) it is named while written. A temporary file a kill leaves is
  # removed by the next --fix in the folder, which also finishes the job.
  left=$(find "$TMP" -maxdepth 1 -name '.kanwu-fix-*' | wc -l)
  swept=""
  if [ "$left" != 0 ]; then
    "$KANWU" check --fix --quiet "$TMP/draft.txt" 2>/dev/null
    again=$(find "$TMP" -maxdepth 1 -name '.kanwu-fix-*' | wc -l)
    if [ "$again" != 0 ]; then
      echo "FAIL: a temporary file left by a kill at ${delay}s was not removed by the next --fix"
      failed=$((failed + 1)); rm -f "$TMP"/.kanwu-fix-*
    elif ! cmp -s "$TMP/draft.txt" "$TMP/new.txt"; then
      echo "FAIL: the --fix after a kill at ${delay}s did not write the fixed text"; failed=$((failed + 1))
    fi
    swept=" (its temporary file removed by the next --fix)"
  fi
  echo "killed after ${delay}s: $state file$swept"
done
# A temporary file nobody holds (its writer killed) is removed by a --fix
# in its folder; one still held by a live writer is not.
cp "$TMP/old.txt" "$TMP/draft.txt"
printf 'partial' > "$TMP/.kanwu-fix-stale"
printf 'partial' > "$TMP/.kanwu-fix-held"
exec 9>>"$TMP/.kanwu-fix-held"
flock 9   # this shell is the live writer
"$KANWU" check --fix --quiet "$TMP/draft.txt" 2>/dev/null 9>&-
if [ -e "$TMP/.kanwu-fix-stale" ]; then echo "FAIL: a stale temporary file was not removed"; failed=$((failed + 1))
else echo "a stale temporary file is removed by the next --fix"; fi
if [ ! -e "$TMP/.kanwu-fix-held" ]; then echo "FAIL: a temporary file held by a live writer was removed"; failed=$((failed + 1))
else echo "a temporary file a live writer holds is left alone"; fi
exec 9>&-
echo "$((10 - failed)) passed, $failed failed"
[ "$failed" -eq 0 ]
