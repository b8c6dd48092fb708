#!/usr/bin/env bash
# Prints how fast this machine runs right now, for reading the timings of
# the other bench scripts: the forbidden-material scan of the 1 MiB
# free-form document (BenchmarkCheckForbidden, three runs), a CPU-bound loop
# of the generated runtime. In the quiet hours of the 2-core machine the
# README's figures come from it ran at 525-587 MB/s; when it reads half that,
# expect every other timing to take about twice as long. (When the scan
# itself changes, so does that range: see the README.)
# Usage: scripts/machine-speed.sh [LABEL]
set -euo pipefail
cd "$(dirname "$0")/.."
mbs=$(go test ./internal/contracttest -run '^$' -bench '^BenchmarkCheckForbidden$' -count 3 2>/dev/null |
	awk '$NF == "allocs/op" { for (i = 1; i < NF; i++) if ($(i + 1) == "MB/s") print $i }' | sort -n | paste -sd' ')
echo "machine speed${1:+ ($1)}: BenchmarkCheckForbidden ${mbs:-unknown} MB/s (quiet: 525-587), load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
