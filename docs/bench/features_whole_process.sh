#!/usr/bin/env bash
# Whole-process benchmark of `bin/patchmap features` as a user runs it: one call on a folder of
# 90 recordings (the nine reference cells below, each ten times as symlinks), timed from outside
# with /usr/bin/time -v, RUNS times after one untimed warm-up run (which also writes the
# class-data-sharing archive after a build). Prints each run and the medians.
# usage (from the repository root): docs/bench/features_whole_process.sh [RUNS] [SHARED]
set -euo pipefail
runs=${1:-5}
shared=${2:-../shared}
cells=(19926019.nwb LantyerEtAl2018_180817_ME_9_CC.nwb FergusonEtAl2015_PYR5_rebound.nwb 171116sh_0018.abf
       File_axon_5.abf FergusonEtAl2015_PYR2.nwb 2019_07_24_0055_fsi.abf PYR2.abf PYR5_rebound.abf)
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for f in "${cells[@]}"; do
  p=$(ls "$shared"/data/cells/*/"$f")
  for r in 0 1 2 3 4 5 6 7 8 9; do ln -s "$(cd "$(dirname "$p")" && pwd)/$f" "$dir/r${r}_$f"; done
done
bin/patchmap features "$dir" > /dev/null
walls=(); rss=()
for i in $(seq "$runs"); do
  /usr/bin/time -v bin/patchmap features "$dir" 2> "$dir/time.txt" > /dev/null
  w=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (k = 1; k <= n; k++) s = s * 60 + t[k]; print s}' "$dir/time.txt")
  m=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
  u=$(awk -F': ' '/User time/ {print $2}' "$dir/time.txt")
  s=$(awk -F': ' '/System time/ {print $2}' "$dir/time.txt")
  echo "run $i: wall ${w} s, user ${u} s, sys ${s} s, peak ${m} KB"
  walls+=("$w"); rss+=("$m")
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
wall=$(median "${walls[@]}")
echo "median wall ${wall} s for 90 files = $(awk -v w="$wall" 'BEGIN {printf "%.1f", 1000 * w / 90}') ms per cell; median peak $(median "${rss[@]}") KB"
