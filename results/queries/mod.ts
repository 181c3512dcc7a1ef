/** Read-only queries behind the dashboard. Every value is bound as a parameter. */
export * from "./runs.ts";
export * from "./run.ts";
export * from "./matrix.ts";
export * from "./history.ts";
export * from "./claims.ts";
export * from "./export.ts";
export * from "./locate.ts";
export * from "./run_index.ts";
export { checkpoint, hasTable } from "./_util.ts";
export * from "./plans.ts";
