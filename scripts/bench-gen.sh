#!/usr/bin/env bash
# Times the gen CLI on the synthetic specs of N operations (internal/synth):
# all outputs, and Go only, with wall time and peak RSS from /usr/bin/time.
# Usage: scripts/bench-gen.sh [N ...]   (default: 100 1000 5000)
# The outputs go to a new folder under BENCH_DIR (default: the system's
# temporary folder); creating thousands of files takes what the file system
# takes, so BENCH_DIR=/dev/shm times the generator without the disk.
# ROUNDS=k (default 1) runs every size and mode k times, one after another,
# and prints each run's wall time, the least of them, and the largest peak
# RSS: on a shared machine the least is the run others disturbed least.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 5000)
tmp=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/bench-gen.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "outputs in $tmp ($(df -PT "$tmp" | awk 'NR == 2 { print $2 }')), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
go build -o "$tmp/gen" ./cmd/gen
go build -o "$tmp/synth" ./internal/synth/cmd/synth
scripts/machine-speed.sh before
rounds=${ROUNDS:-1}
printf '%-8s %-6s %10s %12s  %s\n' N outputs wall_s peak_rss_MiB "runs (s)"
for n in "${sizes[@]}"; do
  "$tmp/synth" "$n" > "$tmp/spec-$n.yaml"
  for mode in all go; do
    out="$tmp/out-$n-$mode"
    args=(-spec "$tmp/spec-$n.yaml" -go-out "$out/go" -schema-out "$out/schemas" -docs-out "$out/docs")
    [ "$mode" = go ] && args=(-spec "$tmp/spec-$n.yaml" -go-out "$out/go" -schema-out "" -docs-out "")
    walls=() best='' peak=0
    for ((r = 0; r < rounds; r++)); do
      rm -rf "$out"
      /usr/bin/time -f '%e %M' -o "$tmp/time" "$tmp/gen" "${args[@]}" > /dev/null
      read -r wall rss < "$tmp/time"
      walls+=("$wall")
      if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
      [ "$rss" -gt "$peak" ] && peak=$rss
    done
    printf '%-8s %-6s %10s %12d  %s\n' "$n" "$mode" "$best" $((peak / 1024)) "${walls[*]}"
  done
done
scripts/machine-speed.sh after
