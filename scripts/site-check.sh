#!/usr/bin/env bash
# scripts/site-check.sh builds the docs site of spec/contract.yaml the way a
# user publishes it (-docs-front-matter -mkdocs, with the JSON Schemas) into
# out/site-check/ with a strict MkDocs build (Material theme), then renders
# the index, the envelopes page, every operation page and the reference
# pages in headless Chromium at 1280 and 390 px (conformance/site-check.mjs).
# It fails when a page scrolls sideways or logs a console error, and prints
# the folder of the screenshots it takes.
#
#   scripts/site-check.sh [--build-only]
#
# Needs mkdocs with mkdocs-material, and for the render Chromium
# (Debian: chromium; another binary with CHROMIUM=...). --build-only stops
# after the strict build. SITE_CHECK_OUT chooses another output folder.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
out="${SITE_CHECK_OUT:-$repo/out/site-check}"
rm -rf "$out"
mkdir -p "$out"
go run ./cmd/gen -go-out "" -schema-out "$out/jsonschema" -docs-out "$out/docs" -docs-front-matter -mkdocs >/dev/null
(cd "$out" && mkdocs build --quiet --strict -f docs/.mkdocs/mkdocs.yml)
# The site serves its own copy of the schemas, which the pages link to.
test -f "$out/site/index.html"
test -f "$out/site/schemas/defs.schema.json"
if [ "${1:-}" = "--build-only" ]; then
  exit 0
fi
cd "$out/site"
pages=(index.html envelopes/index.html operations/*/index.html)
for p in types states forbidden; do
  if [ -f "$p/index.html" ]; then pages+=("$p/index.html"); fi
done
node "$repo/conformance/site-check.mjs" --site . --shots "$out/screenshots" "${pages[@]}"
