"""Writes the test of one domain for scripts/gendiff.sh.

Usage: harness.py MODULE_DIR DOMAIN > MODULE_DIR/DOMAIN_test.go
It lists the Decode functions of MODULE_DIR/DOMAIN_new and maps each name
to a call of the old and the new package, with and without
AllowUnknownFields.
"""
import glob
import re
import sys

mod, d = sys.argv[1], sys.argv[2]
names = set()
for f in glob.glob(f"{mod}/{d}_new/*.go"):
    with open(f, encoding="utf-8") as fh:
        names.update(re.findall(r"^func (Decode[A-Za-z0-9_]+)\(", fh.read(), re.M))


def table(pkg):
    rows = []
    for n in sorted(names):
        rows.append(
            f'\t\t"{n}": func(b []byte, u bool) string {{\n'
            f"\t\t\tif u {{\n\t\t\t\treturn res({pkg}.{n}(b, {pkg}.AllowUnknownFields()))\n\t\t\t}}\n"
            f"\t\t\treturn res({pkg}.{n}(b))\n\t\t}},"
        )
    return "\n".join(rows)


print(f"""package diff

import (
	"testing"

	old "example.com/gendiff/{d}_old"
	nw "example.com/gendiff/{d}_new"
)

func Test_{d}(t *testing.T) {{
	oldF := map[string]fn{{
{table("old")}
	}}
	newF := map[string]fn{{
{table("nw")}
	}}
	runDomain(t, "{d}", oldF, newF)
}}""")
