/**
 * The gate's rules, as the dashboard applies them: runs as the dashboard reads them turned
 * into what the gate compares, and the margins stored for this database. The judging itself
 * is the gate's (`harness/gate/run_pair.ts`, `judge_timing.ts`, `judge_accuracy.ts`).
 */
import type { RunData } from "../results/types.ts";
import { CalibratedMargins, latestMargins } from "../results/calibrations.ts";
import type { Connection } from "../results/db.ts";
import { hasTable, type RunRow } from "../results/queries/mod.ts";
import type { CompareOptions } from "../harness/gate/compare.ts";
import { gateMargin } from "../harness/gate/margin.ts";
import { backendLabel } from "../harness/core/runtime.ts";

export { type MeasurementVerdict, measurementVerdicts } from "../harness/gate/run_pair.ts";

/** A run row of the dashboard's queries as the gate's `RunData` (its timing fields). */
export function runData(
  row: RunRow,
  measurements: Map<string, number[]>,
  fingerprint: unknown,
): RunData {
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v));
  return {
    runId: row.run_id,
    suiteId: String(row.suite_id ?? ""),
    // Not read by the dashboard; reproducibility (bench suites only) is the command's to judge.
    suiteKind: "",
    experimentId: row.experiment_id,
    runtime: String(row.runtime ?? "deno"),
    // The gate compares like with like: Deno's wasm and a browser's are two targets.
    backend: backendLabel(str(row.runtime), row.backend),
    seed: Number(row.seed),
    profile: String(row.profile ?? ""),
    status: row.status,
    declarationHash: String(row.declaration_hash ?? ""),
    configHash: String(row.config_hash ?? ""),
    envId: String(row.env_id ?? ""),
    env: typeof fingerprint === "object" && fingerprint !== null
      ? fingerprint as Record<string, unknown>
      : {},
    gitCommit: str(row.git_commit),
    gitDirty: typeof row.git_dirty === "boolean" ? row.git_dirty : null,
    testAccuracy: typeof row.test_accuracy === "number" ? row.test_accuracy : null,
    weightsSha256: str(row.weights_sha256),
    epochs: [],
    measurements: Object.fromEntries(measurements),
  };
}

/** The margins calibrated in this database (none in a database without the table). */
export async function storedMargins(conn: Connection): Promise<CalibratedMargins> {
  return await hasTable(conn, "calibrations") ? await latestMargins(conn) : new CalibratedMargins();
}

/** The gate's rules over `margins`, with the declared accuracy tolerances. */
export function gateRules(
  margins: CalibratedMargins,
  accuracyTolerance: (experimentId: string) => number,
): CompareOptions {
  return { margin: gateMargin(margins), accuracyTolerance };
}
