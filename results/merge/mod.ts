/**
 * Merging results stores (shards run on many machines, Parquet exports) into one: see
 * README.md beside this file for the keys, the conflict rule and the Parquet layout.
 *
 * @module
 */
export { type InputReport, type MergeReport, mergeStores } from "./merge.ts";
export { type Conflict, type TableCount } from "./copy.ts";
export { type MergeInput, mergeInputs } from "./inputs.ts";
export { MERGED_TABLES, type MergedTable } from "./tables.ts";
