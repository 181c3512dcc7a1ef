/**
 * Exports of the results tables: one file per table (Parquet, CSV or JSON lines) and a
 * manifest, in one folder (`deno task export`, the static report's data); a Parquet export is
 * read back into a DuckDB file by `deno task merge` (layout: results/export/README.md).
 *
 * @module
 */
export {
  EXPORT_FORMATS,
  EXPORTED_TABLES,
  type ExportedFile,
  type ExportedTable,
  type ExportFormat,
  type ExportManifest,
  MANIFEST,
} from "./layout.ts";
export { type ExportOptions, exportTables } from "./write.ts";
export { loadParquetFolder, readManifest } from "./read.ts";
