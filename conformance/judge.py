#!/usr/bin/python3
"""Python judge of the conformance corpus.

Checks every emitted schema of every spec given with --schemas against the
draft 2020-12 meta-schema with python-jsonschema (Debian's
python3-jsonschema), then validates every corpus document against its
schema with Draft202012Validator and a FormatChecker, and compares the
result with the verdict of the document's folder. Exits 1 naming every
disagreement.

    /usr/bin/python3 conformance/judge.py --corpus testdata/conformance \
        --schemas contract=generated/jsonschema --schemas feature_flags=DIR ...

format date-time: python-jsonschema asserts it only with the
rfc3339-validator package, which Debian does not ship. This judge registers
its own check instead: the RFC 3339 section 5.6 grammar, matched in full
(Python's $ would also accept a final line feed), and pyrfc3339 (Debian's
python3-rfc3339) to check that the date and time exist. Every schema format
must have a checker, or the judge stops: an unknown format would silently
pass. Formats uuid, date, email, ipv4 and ipv6 use python-jsonschema's own
checks; time, hostname and uri restate the pattern the schemas carry.
"""

import argparse
import importlib.metadata
import json
import os
import re
import sys

import jsonschema
from jsonschema import Draft202012Validator, FormatChecker

try:
    import pyrfc3339
except ImportError:  # pragma: no cover - reported below
    pyrfc3339 = None

# RFC 3339, section 5.6: full-date "T" full-time, "T" and "Z" in either case.
RFC3339 = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?"
    r"(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])",
    re.ASCII,
)


LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
FALLBACK_FORMATS = {
    "time": re.compile(
        r"(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])",
        re.ASCII,
    ),
    "hostname": re.compile(LABEL + r"(?:\." + LABEL + r")*", re.ASCII),
    "uri": re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9._~!$&'()*+,;=:@/?#\[\]-]|%[0-9A-Fa-f]{2})*", re.ASCII),
}


def is_date_time(instance):
    if not isinstance(instance, str):
        return True
    if not RFC3339.fullmatch(instance):
        return False
    # pyrfc3339 checks that the date and the time exist (days per month,
    # hours, minutes and seconds in range); it raises ValueError otherwise.
    pyrfc3339.parse(instance)
    return True


def format_checker():
    # uuid: python-jsonschema's own checker (uuid.UUID plus the hyphen
    # positions); the schemas also carry the plain-form pattern.
    checker = FormatChecker(formats=("uuid", "date", "email", "ipv4", "ipv6"))
    checker.checks("date-time", raises=(ValueError, OverflowError))(is_date_time)
    # time, hostname, uri: python-jsonschema asserts them only with packages
    # Debian does not ship (rfc3339-validator, fqdn, rfc3987). The schemas
    # carry each one's pattern, which this check restates.
    for name, pattern in FALLBACK_FORMATS.items():
        checker.checks(name)(lambda s, p=pattern: not isinstance(s, str) or bool(p.fullmatch(s)))
    return checker


# Keywords whose values are instances or texts, not schemas: a member named
# "format" in an example or an errorMessage is no format.
INSTANCE_KEYWORDS = {"examples", "const", "default", "enum", "errorMessage"}


def formats_in(node, found):
    if isinstance(node, dict):
        f = node.get("format")
        if isinstance(f, str):
            found.add(f)
        for k, v in node.items():
            if k not in INSTANCE_KEYWORDS:
                formats_in(v, found)
    elif isinstance(node, list):
        for v in node:
            formats_in(v, found)
    return found


def corpus_docs(root):
    for spec in sorted(os.listdir(root)):
        spec_dir = os.path.join(root, spec)
        if not os.path.isdir(spec_dir):
            continue
        for schema in sorted(os.listdir(spec_dir)):
            schema_dir = os.path.join(spec_dir, schema)
            if not os.path.isdir(schema_dir):
                continue
            for verdict in sorted(os.listdir(schema_dir)):
                if verdict not in ("valid", "invalid"):
                    raise SystemExit(f"{spec}/{schema}/{verdict}: a corpus folder must be valid or invalid")
                for name in sorted(os.listdir(os.path.join(schema_dir, verdict))):
                    if name.endswith(".json"):
                        yield (spec, schema, verdict == "valid",
                               f"{spec}/{schema}/{verdict}/{name}",
                               os.path.join(schema_dir, verdict, name))


def first_errors(validator, instance, n=3):
    out = []
    for e in validator.iter_errors(instance):
        where = "/".join(str(p) for p in e.absolute_path) or "(root)"
        msg = e.message
        if len(msg) > 160:
            msg = msg[:160] + "..."
        out.append(f"{where}: {msg}")
        if len(out) >= n:
            break
    return "; ".join(out)


def validator_for(schema, store, checker):
    """A validator whose references resolve among the folder's schemas:
    with a referencing.Registry where python-jsonschema has one (4.18 and
    later), else with a RefResolver and a store (earlier releases)."""
    try:
        from referencing import Registry, Resource
        from referencing.jsonschema import DRAFT202012
    except ImportError:
        resolver = jsonschema.RefResolver.from_schema(schema, store=store)
        return Draft202012Validator(schema, resolver=resolver, format_checker=checker)
    registry = Registry().with_resources(
        (uri, Resource.from_contents(doc, default_specification=DRAFT202012)) for uri, doc in store.items())
    return Draft202012Validator(schema, registry=registry, format_checker=checker)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", default="", help="corpus root (testdata/conformance)")
    ap.add_argument("--schemas", action="append", default=[], metavar="NAME=DIR",
                    help="the emitted schemas of spec NAME (repeatable)")
    args = ap.parse_args()
    if not args.schemas:
        ap.error("give at least one --schemas NAME=DIR")
    if pyrfc3339 is None:
        raise SystemExit("judge.py needs pyrfc3339: apt-get install python3-rfc3339")

    checker = format_checker()
    problems = []
    validators = {}
    compiled = 0
    for item in args.schemas:
        spec, sep, folder = item.partition("=")
        if not sep or not spec:
            ap.error(f"--schemas wants NAME=DIR, got {item}")
        names = sorted(f for f in os.listdir(folder) if f.endswith(".schema.json"))
        if not names:
            problems.append(f"NO SCHEMAS in {folder}")
        # Every schema of the folder, by $id, so that references to the
        # shared definitions (or another file) resolve without fetching.
        store = {}
        for name in names:
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                doc = json.load(fh)
            store[doc.get("$id", name)] = doc
        for name in names:
            with open(os.path.join(folder, name), encoding="utf-8") as fh:
                schema = json.load(fh)
            try:
                Draft202012Validator.check_schema(schema)
            except jsonschema.exceptions.SchemaError as e:
                problems.append(f"SCHEMA {spec}/{name}: {e.message}")
                continue
            unknown = formats_in(schema, set()) - set(checker.checkers)
            if unknown:
                problems.append(f"SCHEMA {spec}/{name}: no checker for format(s) {sorted(unknown)}")
                continue
            validators[(spec, name[: -len(".schema.json")])] = validator_for(schema, store, checker)
            compiled += 1

    judged = agreed = 0
    if args.corpus:
        for spec, schema, valid, rel, path in corpus_docs(args.corpus):
            v = validators.get((spec, schema))
            if v is None:
                problems.append(f"NO SCHEMA {spec}/{schema}.schema.json for {rel}")
                continue
            with open(path, encoding="utf-8") as fh:
                instance = json.load(fh)
            judged += 1
            ok = v.is_valid(instance)
            if ok == valid:
                agreed += 1
                continue
            why = "jsonschema accepts it" if ok else "jsonschema rejects it: " + first_errors(v, instance)
            problems.append(f"DISAGREE {rel}: expected {'valid' if valid else 'invalid'}, {why}")

    for p in problems:
        print(p, file=sys.stderr)
    version = importlib.metadata.version("jsonschema")
    print(f"python-jsonschema {version} (Draft202012Validator, date-time asserted): "
          f"{compiled} schemas checked; {agreed} of {judged} documents judged as expected")
    if problems:
        print(f"judge.py: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
