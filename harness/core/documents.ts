/**
 * The JSON documents reprobench prints (`--json`) or writes for scripts and CI, each with a
 * version and a JSON Schema in the repository (`schemas/<name>.schema.json`). A document
 * starts with `$schema` (its schema's `$id`) and `schemaVersion`; a consumer checks the
 * version it knows. Adding a field keeps the version (the schema gains the field); removing,
 * renaming or retyping one raises it. `schemas/README.md` lists the documents.
 *
 * @module
 */

/** Each document's current version. */
export const DOCUMENTS = {
  bench: 1,
  perf: 1,
  check: 2,
  claims: 1,
  list: 1,
  version: 1,
  "export-manifest": 1,
} as const;

/** The name of a versioned document. */
export type DocumentName = keyof typeof DOCUMENTS;

/**
 * The `$id` of a document's schema, which the document names as its `$schema`.
 *
 * @example
 * ```ts
 * schemaId("bench"); // "urn:reprobench:schema:bench:1"
 * ```
 */
export function schemaId(name: DocumentName): string {
  return `urn:reprobench:schema:${name}:${DOCUMENTS[name]}`;
}

/**
 * The two fields a document starts with.
 *
 * @example
 * ```ts
 * ({ ...documentHeader("check"), outcome: "pass" });
 * // { $schema: "urn:reprobench:schema:check:2", schemaVersion: 2, outcome: "pass" }
 * ```
 */
export function documentHeader(
  name: DocumentName,
): { $schema: string; schemaVersion: number } {
  return { $schema: schemaId(name), schemaVersion: DOCUMENTS[name] };
}
