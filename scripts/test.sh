#!/usr/bin/env bash
# scripts/test.sh is `make test`: every test of the repository, in an order
# where each step has what it needs. It checks the tools first and stops
# with a message naming what is missing; it ends with one summary line.
#
# Needs: go, node and npm (the Node tools are installed from
# package-lock.json when missing or stale). Optional: /usr/bin/python3 with
# Debian's python3-jsonschema and python3-rfc3339 (the Python conformance
# judge), mkdocs with mkdocs-material (a strict build of the generated
# docs in the Material theme) and chromium (the site check, which renders
# the built site at a desktop and a phone width); without them
# those steps are skipped and the summary says so, unless
# CONTRACTGEN_REQUIRE_TOOLS=1, which makes a missing tool an error (CI).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
for tool in go node npm; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "make test: missing ${missing[*]}; install Go and Node.js with npm, then run make test again" >&2
  exit 1
fi
require="${CONTRACTGEN_REQUIRE_TOOLS:-}"
ran=()
skipped=()
optional() { # optional NAME WHY: skip a step, or fail under CONTRACTGEN_REQUIRE_TOOLS
  if [ -n "$require" ]; then
    echo "make test: $1 needs $2 (CONTRACTGEN_REQUIRE_TOOLS is set)" >&2
    exit 1
  fi
  skipped+=("$1 (needs $2)")
}

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund
fi
export MARKDOWNLINT_CLI2="$PWD/node_modules/.bin/markdownlint-cli2"

echo "== go vet"
go vet ./...
ran+=("go vet")
# The conformance tests write the mutants of the corpus they derive to
# $mutants, for the Ajv and Python judges below.
mutants=$(mktemp -d)
trap 'rm -rf "$mutants"' EXIT
echo "== go test"
CONFORMANCE_MUTANTS="$mutants" go test ./...
ran+=("go test ($(go list ./... | wc -l) packages)")
# The runtime reads and writes struct members through unsafe offsets;
# checkptr fails a test whose pointer arithmetic leaves its object.
echo "== go test -d=checkptr (runtime and shipped package)"
go test -count=1 -gcflags=all=-d=checkptr ./internal/emit/golang/rt ./internal/contracttest
ran+=("checkptr")
echo "== drift check"
go run ./cmd/gen check
ran+=("gen check")
echo "== fuzz"
make --no-print-directory fuzz-short
ran+=("fuzz ($(grep -c '(FUZZ) -fuzz ' Makefile) targets)")
echo "== Ajv conformance and TypeScript"
npm run --silent conformance -- --mutants "$mutants"
ran+=("Ajv judge")
echo "== markdownlint"
node_modules/.bin/markdownlint-cli2 --config .markdownlint-cli2.jsonc "generated/docs/**/*.md" >/dev/null
# The repository's own Markdown (README, docs/, notes beside the code) too.
git ls-files -z '*.md' ':!:generated/**' ':!:testdata/golden/**' |
  xargs -0 node_modules/.bin/markdownlint-cli2 --config .markdownlint-cli2.jsonc >/dev/null
ran+=("markdownlint")

if /usr/bin/python3 -c 'import jsonschema, pyrfc3339' 2>/dev/null; then
  echo "== Python conformance judge"
  bash conformance/run-all.sh --only python --mutants "$mutants"
  ran+=("Python judge")
else
  optional "Python judge" "python3-jsonschema and python3-rfc3339"
fi

if command -v mkdocs >/dev/null && /usr/bin/python3 -c "from mkdocs.theme import Theme; Theme(name='material')" 2>/dev/null; then
  chromium="${CHROMIUM:-/usr/bin/chromium}"
  if [ -x "$chromium" ]; then
    echo "== MkDocs strict build and site check (headless Chromium)"
    scripts/site-check.sh
    ran+=("MkDocs build" "site check")
  else
    echo "== MkDocs strict build"
    scripts/site-check.sh --build-only
    ran+=("MkDocs build")
    optional "site check" "chromium"
  fi
else
  optional "MkDocs build and site check" "mkdocs and mkdocs-material"
fi

summary="make test: passed: $(IFS=,; echo "${ran[*]}" | sed 's/,/, /g')"
if [ ${#skipped[@]} -gt 0 ]; then
  summary+="; skipped: $(IFS=,; echo "${skipped[*]}" | sed 's/,/, /g')"
fi
echo "$summary"
