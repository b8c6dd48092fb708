#!/usr/bin/env bash
# Times `go build` of the Go package gen writes for the synthetic spec of N
# operations (internal/synth), with wall time and peak RSS from
# /usr/bin/time, twice per N:
#   full   the package as generated;
#   decls  the same package with every function body outside the runtime
#          files replaced by panic(0) (cmd stubbodies): what the types,
#          signatures and tables cost alone, the floor for any
#          implementation of the same API.
# Usage: scripts/bench-build.sh [N ...]   (default: 100 1000)
# The standard library comes from the build cache; each build gets a fresh
# comment so that the package itself is always compiled. Needs about 2 GiB
# of memory at N=1000.
# ROUNDS=k (default 1) builds each package k times, one after another, and
# prints each build's wall time, the least of them, and the largest peak
# RSS: on a shared machine the least is the build others disturbed least.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000)
tmp=$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/bench-build.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
echo "go $(go env GOVERSION), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
go build -o "$tmp/gen" ./cmd/gen
go build -o "$tmp/synth" ./internal/synth/cmd/synth
go build -o "$tmp/stubbodies" ./internal/synth/cmd/stubbodies
scripts/machine-speed.sh before
rounds=${ROUNDS:-1}
printf '%-8s %-6s %8s %10s %10s %12s  %s\n' N build files lines wall_s peak_rss_MiB "builds (s)"
for n in "${sizes[@]}"; do
  "$tmp/synth" "$n" > "$tmp/spec-$n.yaml"
  for mode in full decls; do
    mod="$tmp/mod-$n-$mode"
    mkdir -p "$mod"
    printf 'module example.com/bench\n\ngo 1.24\n' > "$mod/go.mod"
    "$tmp/gen" -spec "$tmp/spec-$n.yaml" -go-out "$mod/synthetic" -schema-out "" -docs-out "" > /dev/null
    if [ "$mode" = decls ]; then
      "$tmp/stubbodies" $(ls "$mod"/synthetic/*.go | grep -v '/runtime_')
    fi
    files=$(ls "$mod"/synthetic/*.go | wc -l)
    lines=$(cat "$mod"/synthetic/*.go | wc -l)
    # The standard packages it imports, into the build cache first.
    (cd "$mod" && go build $(go list -deps ./synthetic | grep -v '^example.com/'))
    walls=() best='' peak=0
    for ((r = 0; r < rounds; r++)); do
      echo "// $(date +%s%N)" >> "$mod/synthetic/contract.go"
      (cd "$mod" && /usr/bin/time -f '%e %M' -o "$tmp/time" go build ./synthetic)
      read -r wall rss < "$tmp/time"
      walls+=("$wall")
      if [ -z "$best" ] || awk -v a="$wall" -v b="$best" 'BEGIN { exit !(a < b) }'; then best=$wall; fi
      [ "$rss" -gt "$peak" ] && peak=$rss
    done
    printf '%-8s %-6s %8d %10d %10s %12d  %s\n' "$n" "$mode" "$files" "$lines" "$best" $((peak / 1024)) "${walls[*]}"
  done
done
scripts/machine-speed.sh after
