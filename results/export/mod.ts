/**
 * Exports of the results tables: one file per table (Parquet, CSV or JSON lines) and a
 * manifest, in one folder (`deno task export`).
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
