/**
 * The export layout: one folder, one file per results table named `<table>.<ext>`, and a
 * `manifest.json` saying which schema version the columns follow, each file's row count and
 * each column's DuckDB type. The Parquet variant is the layout `deno task merge` reads
 * (described once, in results/export/README.md); CSV and JSON lines are for other tools.
 */
import { schemaId } from "../../harness/core/documents.ts";

/** The manifest's file name inside an export folder. */
export const MANIFEST = "manifest.json";

/** The tables an export can hold, in the order a merge copies them (parents first). */
export const EXPORTED_TABLES = [
  "environments",
  "suites",
  "runs",
  "epochs",
  "measurements",
  "calibrations",
  "claim_verdicts",
] as const;

/** One results table. */
export type ExportedTable = typeof EXPORTED_TABLES[number];

/** The file formats, with each one's extension and DuckDB `COPY` options. */
export const EXPORT_FORMATS = {
  parquet: { ext: "parquet", copy: "FORMAT parquet" },
  csv: { ext: "csv", copy: "FORMAT csv, HEADER true" },
  // One JSON object per line: readable a row at a time, however large the table.
  json: { ext: "jsonl", copy: "FORMAT json" },
} as const;

/** An export format. */
export type ExportFormat = keyof typeof EXPORT_FORMATS;

/** `manifest.json`: what an export folder holds (schema: schemas/export-manifest.schema.json). */
export interface ExportManifest {
  $schema: string;
  format: `reprobench-${ExportFormat}`;
  /** The manifest's own version (this layout). */
  version: 1;
  /** The results schema (results/migrations.ts) the tables' columns follow. */
  schemaVersion: number;
  /** When it was written (ISO 8601). */
  createdAt: string;
  /** Each exported table: its file (a plain name inside the folder), rows and column types. */
  tables: Partial<Record<ExportedTable, ExportedFile>>;
}

/** One table's file in an export. */
export interface ExportedFile {
  file: string;
  rows: number;
  /** Column name to DuckDB type, in the table's order: what CSV and JSON cannot carry. */
  columns: Record<string, string>;
}

/** The manifest of an export of `format` at results schema `schemaVersion`, tables to come. */
export function newManifest(format: ExportFormat, schemaVersion: number): ExportManifest {
  return {
    $schema: schemaId("export-manifest"),
    format: `reprobench-${format}`,
    version: 1,
    schemaVersion,
    createdAt: new Date().toISOString(),
    tables: {},
  };
}
