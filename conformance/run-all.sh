#!/usr/bin/env bash
# Judges the conformance corpus (testdata/conformance) with the Node and
# Python judges:
#   - conformance/ajv.mjs: Ajv 8 strict (warnings are errors) + ajv-formats;
#   - conformance/typescript.mjs: every schema through json-schema-to-typescript;
#   - conformance/judge.py: python-jsonschema Draft202012Validator, date-time
#     asserted (Debian: python3-jsonschema, python3-rfc3339).
# The Go judges (generated Go code, santhosh-tekuri/jsonschema) run in
# `go test ./internal/conformance`.
#
# Schemas: generated/jsonschema for spec/contract.yaml (the committed ones;
# `go run ./cmd/gen -check` keeps them current), and for every testdata spec
# the CLI writes them to a temporary folder.
#
# With --mutants DIR, the Ajv and Python judges also judge the mutants the Go
# tests wrote there (CONFORMANCE_MUTANTS=DIR go test ./internal/conformance),
# expecting the Go decoders' verdicts.
#
# Usage: conformance/run-all.sh [--only node|python] [--mutants DIR]
# Needs: go, node with `npm ci` done, /usr/bin/python3 with the Debian
# packages above (for the Python judge). Exits non-zero on any disagreement.
set -euo pipefail
cd "$(dirname "$0")/.."

only=all
mutants=
usage="usage: $0 [--only node|python] [--mutants DIR]"
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only="${2:-}"; shift 2 ;;
    --only=*) only="${1#--only=}"; shift ;;
    --mutants) mutants="${2:-}"; shift 2 ;;
    *) echo "$usage" >&2; exit 2 ;;
  esac
done
case "$only" in all|node|python) ;; *) echo "$usage" >&2; exit 2 ;; esac
if [ -n "$mutants" ] && [ ! -d "$mutants" ]; then
  echo "run-all.sh: --mutants $mutants is no folder" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go build -o "$tmp/gen" ./cmd/gen
# Both layouts: the shared one (message schemas refer to defs.schema.json;
# generated/jsonschema for the shipped spec) and the bundled one (every file
# self-contained, -schema-bundle).
schemas=(--schemas contract=generated/jsonschema)
bundled=(--corpus testdata/conformance)
"$tmp/gen" -spec spec/contract.yaml -go-out "" -docs-out "" -schema-out "$tmp/bundled/contract" -schema-bundle >/dev/null
bundled+=(--schemas "contract=$tmp/bundled/contract")
for spec in testdata/specs/*/spec.yaml; do
  name=$(basename "$(dirname "$spec")")
  "$tmp/gen" -spec "$spec" -go-out "" -docs-out "" -schema-out "$tmp/schemas/$name" >/dev/null
  "$tmp/gen" -spec "$spec" -go-out "" -docs-out "" -schema-out "$tmp/bundled/$name" -schema-bundle >/dev/null
  schemas+=(--schemas "$name=$tmp/schemas/$name")
  bundled+=(--schemas "$name=$tmp/bundled/$name")
done

shared=(--corpus testdata/conformance "${schemas[@]}")

status=0
for layout in shared bundled; do
  if [ "$layout" = shared ]; then args=("${shared[@]}"); else args=("${bundled[@]}"); fi
  echo "layout: $layout"
  if [ "$only" != python ]; then
    node conformance/ajv.mjs "${args[@]}" || status=1
    node conformance/typescript.mjs "${args[@]}" --out "$tmp/typescript/$layout" || status=1
  fi
  if [ "$only" != node ]; then
    /usr/bin/python3 conformance/judge.py "${args[@]}" || status=1
  fi
done
if [ -n "$mutants" ]; then
  echo "mutants (expected: the Go decoders' verdicts), layout: shared"
  if [ "$only" != python ]; then
    node conformance/ajv.mjs --mutants --corpus "$mutants" "${schemas[@]}" || status=1
  fi
  if [ "$only" != node ]; then
    /usr/bin/python3 conformance/judge.py --corpus "$mutants" "${schemas[@]}" || status=1
  fi
fi
exit $status
