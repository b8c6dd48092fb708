#!/usr/bin/env bash
# Compares the Go packages that the generator at REV and the generator of
# the working tree write, by behaviour: for the shipped contract and every
# spec with a conformance corpus (testdata/conformance/<spec>), each corpus
# document is decoded by both packages with and without
# AllowUnknownFields, and each valid document's mutants (every member and
# item replaced by edge values, removed, its key upper-cased, unknown and
# sensitive keys added) by both without; the error texts, or json.Marshal,
# AppendJSON, Validate and String of the decoded value, must be equal.
# Meant for refactors of the Go emitter and its runtime, which must not
# change what the generated code does.
# Usage: scripts/gendiff.sh [REV]   (default: HEAD)
# GENDIFF_MUTANTS caps the mutants per document (default 400; 0: all, which
# takes about 20 minutes on 2 cores).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
rev=${1:-HEAD}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/gendiff.XXXXXX")
trap 'git -C "$root" worktree remove --force "$tmp/old" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach -q "$tmp/old" "$rev"
(cd "$tmp/old" && go build -o "$tmp/gen-old" ./cmd/gen)
go build -o "$tmp/gen-new" ./cmd/gen
mod=$tmp/mod
mkdir -p "$mod"
printf 'module example.com/gendiff\n\ngo 1.24\n' > "$mod/go.mod"
cp scripts/gendiff/common_test.go.txt "$mod/common_test.go"
for dir in testdata/conformance/*/; do
  d=$(basename "$dir")
  spec=testdata/specs/$d/spec.yaml
  [ "$d" = contract ] && spec=spec/contract.yaml
  [ -f "$spec" ] || continue
  "$tmp/gen-old" -spec "$spec" -go-out "$mod/${d}_old" -schema-out "" -docs-out "" > /dev/null
  "$tmp/gen-new" -spec "$spec" -go-out "$mod/${d}_new" -schema-out "" -docs-out "" > /dev/null
  python3 scripts/gendiff/harness.py "$mod" "$d" > "$mod/${d}_test.go"
done
cd "$mod"
gofmt -w .
GENDIFF_CORPUS=$root/testdata/conformance GENDIFF_MUTANTS=${GENDIFF_MUTANTS:-400} \
  go test -count=1 -timeout 0 -v . 2>&1 | grep -Ev '^(=== (RUN|PAUSE|CONT)|    --- )'
