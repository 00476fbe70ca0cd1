# The `kanwu ledger` scenarios every backend must pass, sourced by
# cli_test.sh (an SQLite file) and ledger_pg_test.sh (a PostgreSQL URL).
# Needs expect.sh. Usage: ledger_scenarios KANWU LEDGER WORK_FOLDER
ledger_scenarios() {
  local K="$1" L="$2" W="$3"
  mkdir -p "$W/archive" "$W/many"
  printf '通辽市民政局2024年5月6日发布\n\n“十四五”以来，全市民政事业发展资金70.4亿元，较“十三五”时期增加9.4亿元，增长16.4%%。这些资金用于养老服务、社会救助和儿童福利。\n' > "$W/archive/release.txt"
  printf '全市养老工作综述\n\n2023年，全市新建社区养老服务中心128个，农村互助幸福院达到1021所。各旗县市区普遍建立了困难老年人探访关爱制度，每月至少探访一次。\n' > "$W/archive/review.md"

  expect "ledger add: documents" 0 '2 added, 0 replaced, 0 unchanged' -- "$K" ledger add --ledger "$L" --source 日报 "$W/archive"
  expect "ledger add: the date read from the document" 0 'release.txt  2024-05-06 \(document\)' -- "$K" ledger add --ledger "$L" "$W/archive/release.txt"
  expect "ledger add: unchanged is a no-op" 0 '0 added, 0 replaced, 2 unchanged' -- "$K" ledger add --ledger "$L" "$W/archive"
  expect "ledger list" 0 '2024-05-06 .*release.txt \[日报\] +通辽市民政局2024年5月6日发布' -- "$K" ledger list --ledger "$L"
  expect "ledger list --format json" 0 '^2$' -- bash -c "'$K' ledger list --ledger '$L' --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)[\"documents\"]))'"
  sed -i 's/16.4%/15.4%/' "$W/archive/release.txt"
  expect "ledger add: a changed document is replaced" 0 '^replaced +.*release.txt' -- "$K" ledger add --ledger "$L" --published 2024-05-07 "$W/archive/release.txt"
  expect "ledger list: the new date" 0 '2024-05-07 .*release.txt' -- "$K" ledger list --ledger "$L"
  expect "ledger correct" 0 'the figure: 事业\|发展\|民政\|资金#rate 通辽' -- "$K" ledger correct --ledger "$L" --document "$W/archive/release.txt" --was 15.4% --now 16.4% --date 2024-05-08
  expect "ledger correct: text that is no figure is kept as text" 0 'kept as text' -- "$K" ledger correct --ledger "$L" --document "$W/archive/release.txt" --was 养老服务 --now 养老服务体系
  expect "ledger correct: no such document" 2 'no document named nope.txt' -- "$K" ledger correct --ledger "$L" --document nope.txt --was 1 --now 2
  expect "ledger correct: a bad date" 2 'not a date' -- "$K" ledger correct --ledger "$L" --document "$W/archive/release.txt" --was 1 --now 2 --date 2024-02-30
  expect "ledger add: a bad date" 2 '--published 5月6日: not a date' -- "$K" ledger add --ledger "$L" --published 5月6日 "$W/archive"
  expect "ledger stats" 0 'documents +2, published 2024-05-07 to 20' -- "$K" ledger stats --ledger "$L"
  expect "ledger stats: a new version keeps its source" 0 'source +日报: 2' -- "$K" ledger stats --ledger "$L"
  expect "ledger stats --format json" 0 '"corrections": 2' -- "$K" ledger stats --ledger "$L" --format json
  expect "ledger add: a missing file is named, the others added" 2 'nope.txt: error: no such file' -- "$K" ledger add --ledger "$L" "$W/nope.txt" "$W/archive"
  expect "ledger add: standard input needs a name" 2 'give --name' -- "$K" ledger add --ledger "$L" -
  expect "ledger add: standard input with --name" 0 'added +stdin-story  2024-01-02' -- bash -c "printf '全年新增养老床位1200张。\n' | '$K' ledger add --ledger '$L' --name stdin-story --published 2024-01-02 -"
  expect "ledger remove" 0 'removed stdin-story' -- "$K" ledger remove --ledger "$L" stdin-story
  expect "ledger remove: no such document" 2 'no document named stdin-story' -- "$K" ledger remove --ledger "$L" stdin-story

  # Two writers at once (30 documents each, some named by both): nothing
  # lost, nothing doubled.
  for i in $(seq 1 40); do
    printf '第%s期简报\n\n2024年，全市新建社区养老服务中心%s个，农村互助幸福院达到%s所。各旗县市区普遍建立了困难老年人探访关爱制度。\n' "$i" "$((100 + i))" "$((1000 + i))" > "$W/many/$i.txt"
  done
  local first=() second=()
  for i in $(seq 1 30); do first+=("$W/many/$i.txt"); done
  for i in $(seq 11 40); do second+=("$W/many/$i.txt"); done
  "$K" ledger add --ledger "$L" "${first[@]}" > "$W/writer1.out" 2>&1 &
  local one=$!
  "$K" ledger add --ledger "$L" "${second[@]}" > "$W/writer2.out" 2>&1 &
  local two=$!
  wait $one; local rc1=$?
  wait $two; local rc2=$?
  expect "ledger: two writers at once both succeed" 0 '^0 0$' -- echo "$rc1 $rc2"
  expect "ledger: two writers at once lose nothing" 0 '^42$' -- bash -c "'$K' ledger list --ledger '$L' --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)[\"documents\"]))'"
  expect "ledger: what both wrote was added once" 0 '^40 20$' -- bash -c "cat '$W/writer1.out' '$W/writer2.out' | grep -cE '^(added|replaced) ' | tr '\\n' ' '; cat '$W/writer1.out' '$W/writer2.out' | grep -c '^unchanged '"

  # A writer killed mid-way (750 copies of the seed pages, a few seconds'
  # work: commits come in batches of up to 0.5 s, so fewer can all be done
  # before the first is seen): each document is in the ledger whole or not at all — adding them
  # again adds the rest, and every document then holds exactly the rows a
  # ledger written without interruption holds.
  mkdir -p "$W/big"
  for i in $(seq 1 150); do
    for f in fixtures/seeds/*.txt; do
      { cat "$f"; printf '\n本文为第%s份存档。\n' "$i"; } > "$W/big/$(basename "$f" .txt)-$i.txt"
    done
  done
  "$K" ledger add --ledger "$W/reference.ledger" "$W/big" > /dev/null 2>&1
  local big_count="import json, sys; print(sum('/big/' in d['name'] for d in json.load(sys.stdin)['documents']))"
  "$K" ledger add --ledger "$L" "$W/big" > /dev/null 2>&1 &
  local writer=$!
  # Killed once it has committed a few documents (or after 10 s).
  for _ in $(seq 1 200); do
    [ "$("$K" ledger list --ledger "$L" --format json 2> /dev/null | python3 -c "$big_count" 2> /dev/null || echo 0)" -ge 3 ] && break
    sleep 0.05
  done
  kill -9 $writer 2> /dev/null
  wait $writer 2> /dev/null
  expect "ledger: a writer killed mid-way (it had added some, not all)" 0 '^([3-9]|[1-9][0-9]|[1-6][0-9][0-9]|7[0-4][0-9])$' -- bash -c "'$K' ledger list --ledger '$L' --format json | python3 -c \"$big_count\""
  expect "ledger: after a killed writer, adding again completes it" 0 ' 0 replaced, [1-9][0-9]* unchanged' -- "$K" ledger add --ledger "$L" "$W/big"
  local rows='import json, subprocess, sys
def rows(ledger):
    out = subprocess.run([sys.argv[1], "ledger", "list", "--ledger", ledger, "--format", "json"], capture_output=True, check=True, text=True).stdout
    return {d["name"]: (d["figures"], d["paragraphs"]) for d in json.loads(out)["documents"] if "/big/" in d["name"]}
a, b = rows(sys.argv[2]), rows(sys.argv[3])
print(len(a), "same" if a == b else "different")'
  expect "ledger: after a killed writer, every document whole" 0 '^750 same$' -- python3 -c "$rows" "$K" "$L" "$W/reference.ledger"
}

# `kanwu check --ledger` on every backend: a draft restating a published
# figure differently is told which article (title, date) in every format; a
# draft that agrees is quiet; a published correction is what a draft is
# compared with; the draft itself is not added. Usage as ledger_scenarios.
ledger_check_scenarios() {
  local K="$1" L="$2" W="$3"
  mkdir -p "$W/check"
  printf '赤峰市统计局2024年3月1日发布\n\n2023年，赤峰市城镇新增就业3.52万人，全市地区生产总值增长6.1%%。\n' > "$W/check/published.txt"
  printf '本报讯\n\n2023年，赤峰市城镇新增就业3.25万人，全市地区生产总值增长6.1%%。\n' > "$W/check/draft.txt"
  printf '本报讯\n\n2023年，赤峰市城镇新增就业3.52万人，全市地区生产总值增长6.1%%。\n' > "$W/check/repeats.txt"
  printf '本报讯\n\n2023年，赤峰市城镇新增就业3.62万人，全市地区生产总值增长6.1%%。\n' > "$W/check/corrected.txt"
  "$K" ledger add --ledger "$L" "$W/check/published.txt" > /dev/null
  local documents
  documents=$("$K" ledger list --ledger "$L" --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["documents"]))')
  expect "check --ledger: a draft against a published article" 1 'draft.txt:3:16: error: 数据不一致：城镇新增就业此处为3.25万人，已发布的《赤峰市统计局2024年3月1日发布》（2024-03-01）为3.52万人' -- "$K" check --color never --ledger "$L" "$W/check/draft.txt"
  expect "check --ledger: the archived place in JSON" 0 "^$W/check/published.txt 3 16 已发布的《赤峰市统计局2024年3月1日发布》（2024-03-01）此处为3.52万人$" -- bash -c "'$K' check --ledger '$L' --format json '$W/check/draft.txt' | python3 -c 'import json,sys; r = json.load(sys.stdin)[\"findings\"][0][\"related\"][0]; print(r[\"file\"], r[\"line\"], r[\"column\"], r[\"message\"])'"
  expect "check --ledger: the archived place in SARIF" 0 'published.txt 已发布的《赤峰市统计局' -- bash -c "'$K' check --ledger '$L' --format sarif '$W/check/draft.txt' | python3 -c 'import json,sys; r = json.load(sys.stdin)[\"runs\"][0][\"results\"][0][\"relatedLocations\"][0]; print(r[\"physicalLocation\"][\"artifactLocation\"][\"uri\"].rsplit(\"/\", 1)[-1], r[\"message\"][\"text\"])'"
  expect "check --ledger: a draft that agrees is quiet" 0 '0 findings' -- "$K" check --color never --disable duplicate-across-files --ledger "$L" "$W/check/repeats.txt"
  expect "check --ledger: a paragraph copied from a published article" 1 'repeats.txt:3:1: warning: 重复段落：与已发布的《赤峰市统计局2024年3月1日发布》（2024-03-01）的段落相似度100%' -- "$K" check --color never --ledger "$L" "$W/check/repeats.txt"
  expect "check --ledger: without the ledger, nothing to compare" 0 '0 findings' -- "$K" check --color never "$W/check/draft.txt"
  expect "check --ledger: the draft is not added" 0 "^$documents\$" -- bash -c "'$K' ledger list --ledger '$L' --format json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)[\"documents\"]))'"
  "$K" ledger correct --ledger "$L" --document "$W/check/published.txt" --was 3.52万人 --now 3.62万人 --date 2024-03-05 > /dev/null
  expect "check --ledger: a draft repeating a corrected figure" 1 '此处为3.52万人，.*为3.62万人（原为“3.52万人”，已于2024-03-05更正为3.62万人' -- "$K" check --color never --ledger "$L" "$W/check/repeats.txt"
  expect "check --ledger: a draft with the corrected figure" 0 '0 findings' -- "$K" check --color never --disable duplicate-across-files --ledger "$L" "$W/check/corrected.txt"
}
