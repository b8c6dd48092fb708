#!/usr/bin/env bash
# Times the gen CLI on the synthetic specs of N operations (internal/synth):
# all outputs, and Go only, with wall time and peak RSS from /usr/bin/time.
# Usage: scripts/bench-gen.sh [N ...]   (default: 100 1000 5000)
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 5000)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/gen" ./cmd/gen
go build -o "$tmp/synth" ./internal/synth/cmd/synth
printf '%-8s %-6s %10s %12s\n' N outputs wall_s peak_rss_MiB
for n in "${sizes[@]}"; do
  "$tmp/synth" "$n" > "$tmp/spec-$n.yaml"
  for mode in all go; do
    out="$tmp/out-$n-$mode"
    rm -rf "$out"
    args=(-spec "$tmp/spec-$n.yaml" -go-out "$out/go" -schema-out "$out/schemas" -docs-out "$out/docs")
    [ "$mode" = go ] && args=(-spec "$tmp/spec-$n.yaml" -go-out "$out/go" -schema-out "" -docs-out "")
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$tmp/gen" "${args[@]}" > /dev/null
    read -r wall rss < "$tmp/time"
    printf '%-8s %-6s %10s %12d\n' "$n" "$mode" "$wall" $((rss / 1024))
  done
done
