// Shared by the Node conformance scripts: command-line arguments, the
// schema folders of each spec, and the corpus documents.
//
// Arguments (the same as conformance/judge.py takes):
//   --corpus DIR          the corpus root (testdata/conformance)
//   --schemas NAME=DIR    the emitted schemas of spec NAME (repeatable)
//   --out DIR             where typescript.mjs writes its .ts files (optional)

import fs from "node:fs";
import path from "node:path";

export function parseArgs(argv) {
  const out = { corpus: "", schemas: new Map(), out: "", mutants: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) usage(`${a} needs a value`);
      return argv[++i];
    };
    if (a === "--corpus") out.corpus = next();
    else if (a === "--out") out.out = next();
    // --mutants: the corpus holds mutants whose verdicts are the Go
    // decoders'; the checks of the contract's own messages do not apply.
    else if (a === "--mutants") out.mutants = true;
    else if (a === "--schemas") {
      const v = next();
      const eq = v.indexOf("=");
      if (eq <= 0) usage(`--schemas wants NAME=DIR, got ${v}`);
      out.schemas.set(v.slice(0, eq), v.slice(eq + 1));
    } else usage(`unknown argument ${a}`);
  }
  if (out.schemas.size === 0) usage("give at least one --schemas NAME=DIR");
  return out;
}

function usage(msg) {
  console.error(`${msg}\nusage: node ${path.basename(process.argv[1])} --corpus DIR --schemas NAME=DIR [--schemas NAME=DIR ...] [--out DIR] [--mutants]`);
  process.exit(2);
}

// schemaFiles lists the *.schema.json files of a folder, sorted.
export function schemaFiles(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".schema.json")).sort();
  if (files.length === 0) throw new Error(`no *.schema.json files in ${dir}`);
  return files;
}

export function readJSON(file) {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

// corpusDocs lists every document of the corpus: spec, schema file base,
// expected verdict, path.
export function corpusDocs(root) {
  const docs = [];
  for (const spec of fs.readdirSync(root).sort()) {
    const specDir = path.join(root, spec);
    if (!fs.statSync(specDir).isDirectory()) continue;
    for (const schema of fs.readdirSync(specDir).sort()) {
      const schemaDir = path.join(specDir, schema);
      if (!fs.statSync(schemaDir).isDirectory()) continue;
      for (const verdict of fs.readdirSync(schemaDir).sort()) {
        if (verdict !== "valid" && verdict !== "invalid") {
          throw new Error(`${spec}/${schema}/${verdict}: a corpus folder must be valid or invalid`);
        }
        for (const f of fs.readdirSync(path.join(schemaDir, verdict)).sort()) {
          if (!f.endsWith(".json")) continue;
          docs.push({
            spec,
            schema,
            valid: verdict === "valid",
            rel: `${spec}/${schema}/${verdict}/${f}`,
            file: path.join(schemaDir, verdict, f),
          });
        }
      }
    }
  }
  if (docs.length === 0) throw new Error(`no corpus documents under ${root}`);
  return docs;
}
