// Converts every emitted schema of every spec given with --schemas into
// TypeScript declarations with json-schema-to-typescript, and fails on any
// error. With --out DIR the declarations are written to DIR/<spec>/.
//
//   node conformance/typescript.mjs --schemas contract=generated/jsonschema \
//     --schemas feature_flags=DIR ... [--out DIR]

import fs from "node:fs";
import path from "node:path";
import { compile } from "json-schema-to-typescript";
import { parseArgs, readJSON, schemaFiles } from "./corpus.mjs";

const args = parseArgs(process.argv.slice(2));
const problems = [];
let converted = 0;

for (const [spec, dir] of args.schemas) {
  for (const file of schemaFiles(dir)) {
    const base = file.replace(/\.schema\.json$/, "");
    try {
      const ts = await compile(readJSON(path.join(dir, file)), base, {
        bannerComment: "",
        // References to the shared definitions resolve to the file beside
        // it in the folder; nothing is fetched.
        cwd: path.resolve(dir) + path.sep,
        $refOptions: { resolve: { external: true, http: false } },
        strictIndexSignatures: true,
      });
      if (!/\bexport (interface|type) /.test(ts)) {
        throw new Error("no exported type in the output");
      }
      if (args.out) {
        const outDir = path.join(args.out, spec);
        fs.mkdirSync(outDir, { recursive: true });
        fs.writeFileSync(path.join(outDir, `${base}.ts`), ts);
      }
      converted++;
    } catch (e) {
      problems.push(`TYPESCRIPT ${spec}/${file}: ${e.message}`);
    }
  }
}

for (const p of problems) console.error(p);
console.log(`json-schema-to-typescript: ${converted} schemas converted`);
if (problems.length > 0) {
  console.error(`typescript: ${problems.length} problem(s)`);
  process.exit(1);
}
