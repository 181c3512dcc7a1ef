/** What a merge copies, table by table, and how it knows a row it already has. */
import type { ExportedTable } from "../export/mod.ts";

/** How one table is merged. */
export interface MergedTable {
  name: ExportedTable;
  /**
   * The row's identity: ids where the table has them (UUIDs for runs and suites, a hash for
   * environments), else a natural key. Two rows with one key are the same row; if their other
   * columns differ, that is a conflict.
   */
  key: string[];
  /** Columns not compared: they say when this file saw the row, not what the row is. */
  ignore: string[];
  /** Rows of a run that conflicted are held back with it (they hang on `run_id`). */
  ofRun: boolean;
}

/** Every table, parents first. */
export const MERGED_TABLES: MergedTable[] = [
  { name: "environments", key: ["env_id"], ignore: ["first_seen"], ofRun: false },
  { name: "suites", key: ["suite_id"], ignore: [], ofRun: false },
  { name: "runs", key: ["run_id"], ignore: [], ofRun: false },
  { name: "epochs", key: ["run_id", "epoch"], ignore: [], ofRun: true },
  { name: "measurements", key: ["run_id", "name", "idx"], ignore: [], ofRun: true },
  // Rows without ids: a calibration is one (machine, backend, metric) at one time, a verdict
  // one claim on one backend for one profile at one time.
  {
    name: "calibrations",
    key: ["env_id", "backend", "metric", "created_at"],
    ignore: [],
    ofRun: false,
  },
  {
    name: "claim_verdicts",
    key: ["article", "experiment_id", "claim_id", "backend", "profile", "created_at"],
    ignore: [],
    ofRun: false,
  },
];
