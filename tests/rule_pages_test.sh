#!/usr/bin/env bash
# Every bundled rule's kind has its page in docs/rules/ (KIND.md), and every
# rule id is named on some page there: a rule nobody can look up is not done.
# Usage: rule_pages_test.sh path/to/kanwu
set -u
KANWU="$1"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
failed=0 count=0
while read -r id kind _; do
  [ -n "$id" ] || continue
  count=$((count + 1))
  [ -f "$ROOT/docs/rules/$kind.md" ] || { echo "FAIL: kind $kind (rule $id) has no docs/rules/$kind.md"; failed=$((failed + 1)); }
  grep -rqF -- "$id" "$ROOT/docs/rules/" || { echo "FAIL: rule $id is named on no page of docs/rules/"; failed=$((failed + 1)); }
done < <(cd / && "$KANWU" rules 2>/dev/null)
[ "$count" -gt 20 ] || { echo "FAIL: kanwu rules listed $count rules"; exit 1; }
echo "$count rules, $failed problems"
[ "$failed" -eq 0 ]
