/**
 * The Parquet export layout: one folder, one Parquet file per results table, and a manifest
 * that says which schema version the columns follow. Written by `writeParquetFolder` (the
 * static report, `deno task export --format parquet`), read by `deno task merge` and by the
 * report's SQL console. Spec: results/merge/README.md.
 */

/** The manifest's file name inside an export folder. */
export const MANIFEST = "manifest.json";

/** The manifest's `format` value. */
export const PARQUET_FORMAT = "reprobench-parquet";

/** The tables an export holds, in the order a merge copies them (parents first). */
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

/** `manifest.json`: what the folder holds. */
export interface ParquetManifest {
  format: typeof PARQUET_FORMAT;
  /** The layout's own version (this file's rules). */
  version: 1;
  /** The results schema (results/migrations.ts) the tables' columns follow. */
  schemaVersion: number;
  /** When it was written (ISO 8601). */
  createdAt: string;
  /** Each table present: its file (relative to the folder) and row count. */
  tables: Partial<Record<ExportedTable, { file: string; rows: number }>>;
}
