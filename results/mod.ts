/** The results store: the only module that writes SQL. */
export { inTransaction, rows, schemaVersion, withDb } from "./db.ts";
export { LATEST_VERSION, MIGRATIONS } from "./migrations.ts";
export { Store } from "./store.ts";
export type * from "./types.ts";

/** The default database file, relative to the working directory. */
export const DEFAULT_DB = "results/reprobench.duckdb";
export { durationKey, storedDurations } from "./durations.ts";
