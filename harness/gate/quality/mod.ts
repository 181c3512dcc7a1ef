/**
 * `check --quality`: a pool of process pairs (A/A and slowed), collected with or without a
 * bounded background load, scored by independent gate checks with Wilson intervals. The
 * method: `../METHOD.md`, "Measuring the gate".
 *
 * @module
 */
export * from "./quality_checks.ts";
export * from "./quality_collect.ts";
export * from "./quality_pool.ts";
export * from "./quality_report.ts";
export * from "./quality_stats.ts";
export * from "./quality_truncate.ts";
