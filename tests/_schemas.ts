/** Test helper: the JSON Schemas in schemas/, compiled once with ajv, and an assertion. */
import assert from "node:assert/strict";
import { Ajv2020 } from "ajv/dist/2020.js";
import { type DocumentName, DOCUMENTS } from "../harness/core/documents.ts";

const DIR = new URL("../schemas/", import.meta.url);

/** Each document's schema file, parsed. */
export async function schemaFiles(): Promise<Record<DocumentName, Record<string, unknown>>> {
  const out = {} as Record<DocumentName, Record<string, unknown>>;
  for (const name of Object.keys(DOCUMENTS) as DocumentName[]) {
    out[name] = JSON.parse(await Deno.readTextFile(new URL(`${name}.schema.json`, DIR)));
  }
  return out;
}

// Strict: an unknown keyword or a type mistake in a schema is an error, not a silent pass.
const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true });
const validators = Object.fromEntries(
  Object.entries(await schemaFiles()).map(([name, schema]) => [name, ajv.compile(schema)]),
);

/** Assert that `doc` is a valid `name` document, listing every violation when not. */
export function assertValid(name: DocumentName, doc: unknown): void {
  const validate = validators[name];
  const ok = validate(doc);
  assert.ok(
    ok,
    `not a valid ${name} document:\n${
      (validate.errors ?? []).map((e) =>
        `  ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`
      ).join("\n")
    }`,
  );
}
