/**
 * The Parquet export layout of the results: one folder, a Parquet file per table and a
 * manifest (spec: results/merge/README.md).
 *
 * @module
 */
export {
  EXPORTED_TABLES,
  type ExportedTable,
  MANIFEST,
  PARQUET_FORMAT,
  type ParquetManifest,
} from "./layout.ts";
export { writeParquetFolder } from "./write.ts";
export { loadParquetFolder, readManifest } from "./read.ts";
