/**
 * The static report: the dashboard pre-rendered into files, with its results as Parquet and
 * an SQL console over them.
 *
 * @module
 */
export { type ReportOptions, type ReportSummary, writeReport } from "./report.tsx";
export { type Budget, SEEDS } from "./crawl.ts";
