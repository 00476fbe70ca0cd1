# Shared by the benchmark runners (sourced): timing with /usr/bin/time.
# Needs OUT (a scratch folder) and RUNS (runs per measurement).

# median wall seconds and max RSS (KB) of RUNS runs of a command (the wall
# time read off the clock in nanoseconds: /usr/bin/time's hundredths are 8%
# of a 0.13 s run; it includes /usr/bin/time's own start, ~1 ms, the same
# for every run)
measure() {
  local walls=() rss=0 i start end wall kb
  for ((i = 0; i < RUNS; i++)); do
    start=$(date +%s%N)
    /usr/bin/time -q -f "%e %M" -o "$OUT/time.txt" "$@" >/dev/null 2>&1 || true
    end=$(date +%s%N)
    read -r wall kb < "$OUT/time.txt"
    wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", (b - a) / 1e9 }')
    walls+=("$wall")
    [ "$kb" -gt "$rss" ] && rss="$kb"
  done
  local median
  median=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "$median $rss"
}

# bytes and documents (.txt/.md) under a path
corpus_size() {
  echo "$(du -sb --apparent-size "$1" | cut -f1) $(find "$1" -name '*.txt' -o -name '*.md' | wc -l)"
}
