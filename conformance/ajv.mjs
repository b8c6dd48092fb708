// Ajv judge of the conformance corpus.
//
// Compiles every emitted schema of every spec given with --schemas with Ajv
// 8 (draft 2020-12) in strict mode, where any warning is an error, plus
// ajv-formats so that format date-time is asserted; then validates every
// corpus document against its schema and compares the result with the
// verdict of the document's folder. Exits 1 naming every disagreement and
// every schema Ajv will not compile cleanly.
//
//   node conformance/ajv.mjs --corpus testdata/conformance \
//     --schemas contract=generated/jsonschema --schemas feature_flags=DIR ...

import path from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { corpusDocs, parseArgs, readJSON, schemaFiles } from "./corpus.mjs";

const args = parseArgs(process.argv.slice(2));
const problems = [];

// A logger that turns every warning into an error, so that strict mode
// leaves nothing unreported.
const strictLogger = {
  log() {},
  warn(...msg) {
    throw new Error(`Ajv warning: ${msg.join(" ")}`);
  },
  error(...msg) {
    throw new Error(`Ajv error: ${msg.join(" ")}`);
  },
};

function newAjv() {
  const ajv = new Ajv2020({ strict: true, allErrors: true, logger: strictLogger });
  addFormats(ajv);
  return ajv;
}

// Compile every schema file. The schemas of one spec go into one Ajv
// instance, so that a file's $ref to the shared definitions (or to another
// file) resolves by $id, as a validator with the folder loaded does.
const validators = new Map(); // "<spec>/<schema base>" -> validate function
let compiled = 0;
for (const [spec, dir] of args.schemas) {
  const ajv = newAjv();
  const ids = new Map();
  for (const file of schemaFiles(dir)) {
    const schema = readJSON(path.join(dir, file));
    try {
      ajv.addSchema(schema);
      ids.set(file, schema.$id);
    } catch (e) {
      problems.push(`COMPILE ${spec}/${file}: ${e.message}`);
    }
  }
  for (const [file, id] of ids) {
    const base = file.replace(/\.schema\.json$/, "");
    try {
      validators.set(`${spec}/${base}`, ajv.getSchema(id));
      compiled++;
    } catch (e) {
      problems.push(`COMPILE ${spec}/${file}: ${e.message}`);
    }
  }
}

let judged = 0;
let agreed = 0;
if (args.corpus) {
  for (const d of corpusDocs(args.corpus)) {
    if (!args.schemas.has(d.spec)) {
      problems.push(`NO SCHEMAS for spec ${d.spec} (${d.rel}); pass --schemas ${d.spec}=DIR`);
      continue;
    }
    const validate = validators.get(`${d.spec}/${d.schema}`);
    if (!validate) {
      problems.push(`NO SCHEMA ${d.spec}/${d.schema}.schema.json for ${d.rel}`);
      continue;
    }
    judged++;
    let ok;
    try {
      ok = validate(readJSON(d.file));
    } catch (e) {
      problems.push(`ERROR ${d.rel}: ${e.message}`);
      continue;
    }
    if (ok === d.valid) {
      agreed++;
      continue;
    }
    const why = ok ? "Ajv accepts it" : `Ajv rejects it: ${ajvErrors(validate.errors)}`;
    problems.push(`DISAGREE ${d.rel}: expected ${d.valid ? "valid" : "invalid"}, ${why}`);
  }
}

function ajvErrors(errors) {
  return (errors || [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || "(root)"} ${e.message}`)
    .join("; ");
}

for (const p of problems) console.error(p);
console.log(`ajv (strict, ajv-formats): ${compiled} schemas compiled; ${agreed} of ${judged} documents judged as expected`);
if (problems.length > 0) {
  console.error(`ajv: ${problems.length} problem(s)`);
  process.exit(1);
}
