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
import addErrors from "ajv-errors";
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
  // ajv-errors turns the contract's own texts (errorMessage) into the
  // reported errors.
  addErrors(ajv);
  return ajv;
}

// Compile every schema file. The schemas of one spec go into one Ajv
// instance, so that a file's $ref to the shared definitions (or to another
// file) resolves by $id, as a validator with the folder loaded does.
const validators = new Map(); // "<spec>/<schema base>" -> validate function
const texts = new Map(); // every errorMessage text of a spec's schemas -> whether Ajv reported it
let compiled = 0;
for (const [spec, dir] of args.schemas) {
  const ajv = newAjv();
  const ids = new Map();
  for (const file of schemaFiles(dir)) {
    const schema = readJSON(path.join(dir, file));
    for (const text of errorMessages(schema)) texts.set(`${spec}\u0000${text}`, { spec, text, seen: false });
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
    for (const e of validate.errors || []) {
      const t = texts.get(`${d.spec}\u0000${e.message}`);
      if (t && e.keyword === "errorMessage") t.seen = true;
    }
    if (ok === d.valid) {
      agreed++;
      continue;
    }
    const why = ok ? "Ajv accepts it" : `Ajv rejects it: ${ajvErrors(validate.errors)}`;
    problems.push(`DISAGREE ${d.rel}: expected ${d.valid ? "valid" : "invalid"}, ${why}`);
  }
}

// errorMessages lists the texts of every errorMessage keyword in a schema.
function errorMessages(node, out = []) {
  if (Array.isArray(node)) {
    for (const v of node) errorMessages(v, out);
  } else if (node && typeof node === "object") {
    for (const [k, v] of Object.entries(node)) {
      if (k === "errorMessage") {
        collect(v, out);
      } else if (!["examples", "const", "default", "enum"].includes(k)) {
        errorMessages(v, out);
      }
    }
  }
  return out;
}

function collect(v, out) {
  if (typeof v === "string") out.push(v);
  else if (v && typeof v === "object") for (const x of Object.values(v)) collect(x, out);
}

// Reports Ajv must give word for word: the contract's text, at the member.
const expectedReports = [
  {
    rel: "contract/tenant-audit-store-operating.request/invalid/empty-list-payload.required_checks.json",
    path: "/payload/required_checks",
    message: "required_checks must include at least one tenant audit-store operating check",
  },
  {
    rel: "contract/tenant-onboarding.request/invalid/key-payload.contacts-password.json",
    path: "/payload/contacts",
    message: "sensitive field is not allowed in public SaaS contract payload",
  },
  {
    rel: "contract/entitlement-status.request/invalid/value-payload.feature_names_0_-token_in_a_list_of_the_payload.json",
    path: "/payload/feature_names/0",
    message: "sensitive value is not allowed in public SaaS contract payload",
  },
];
for (const want of expectedReports) {
  const spec = want.rel.split("/")[0];
  if (!args.corpus || args.mutants || !args.schemas.has(spec)) continue;
  const d = corpusDocs(args.corpus).find((x) => x.rel === want.rel);
  if (!d) {
    problems.push(`MESSAGE ${want.rel}: no such corpus document`);
    continue;
  }
  const validate = validators.get(`${d.spec}/${d.schema}`);
  validate(readJSON(d.file));
  const got = (validate.errors || []).filter((e) => e.instancePath === want.path).map((e) => e.message);
  if (!got.includes(want.message)) {
    problems.push(`MESSAGE ${want.rel}: Ajv reports ${JSON.stringify(got)} at ${want.path}, not "${want.message}"`);
  } else {
    console.log(`ajv-errors: ${want.rel} reports "${want.message}" at ${want.path}`);
  }
}

// Every text the contract gives a rule is reported by Ajv for at least one
// corpus document, with ajv-errors.
for (const t of texts.values()) {
  if (!t.seen && args.corpus && !args.mutants) problems.push(`MESSAGE ${t.spec}: Ajv never reported "${t.text}" for any corpus document`);
}
const reported = [...texts.values()].filter((t) => t.seen).length;

function ajvErrors(errors) {
  return (errors || [])
    .slice(0, 3)
    .map((e) => `${e.instancePath || "(root)"} ${e.message}`)
    .join("; ");
}

for (const p of problems) console.error(p);
console.log(`ajv (strict, ajv-formats, ajv-errors): ${compiled} schemas compiled; ${agreed} of ${judged} documents judged as expected; ${reported} of ${texts.size} contract messages reported`);
if (problems.length > 0) {
  console.error(`ajv: ${problems.length} problem(s)`);
  process.exit(1);
}
