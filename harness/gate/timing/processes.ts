/**
 * Timing runs as processes: the stored-baseline mode's unit. Each perf suite the gate or
 * `check --record` runs is its own process (`child_runs.ts`), so a suite's windows of one
 * target are one process, summarized by its throughput over them: the harmonic mean of its
 * windows (each window of a run does the same steps), so a slowdown that lands on some windows
 * only counts, as it does for the paired mode's θ (`processPairTheta`). The median of the
 * windows was used before and read a regression on every 5th one-step window as none.
 */
import { harmonicMean } from "../../core/stats/mod.ts";
import type { RunData } from "../../../results/mod.ts";

/** The metric the gate's timing modes judge: training throughput windows. */
export const GATE_TIMING_METRIC = "perf_window_images_per_s";

/** One process's timing of one target. */
export interface ProcessSpeed {
  suiteId: string;
  envId: string;
  env: Record<string, unknown>;
  declarationHash: string;
  /** Its throughput over its windows (images/s): their harmonic mean. */
  imagesPerS: number;
}

/**
 * The processes among `runs` of `experiment` on `backend` that timed: perf runs that ended
 * ok with windows, one per suite (a suite's several runs of the target pooled).
 *
 * @example
 * ```ts
 * processSpeeds([], "mlp", "wasm"); // []
 * ```
 */
export function processSpeeds(
  runs: readonly RunData[],
  experiment: string,
  backend: string,
): ProcessSpeed[] {
  const bySuite = new Map<string, RunData[]>();
  for (const r of runs) {
    if (r.suiteKind !== "perf" || r.experimentId !== experiment || r.backend !== backend) continue;
    if (r.status !== "ok" || !(r.measurements[GATE_TIMING_METRIC]?.length > 0)) continue;
    (bySuite.get(r.suiteId) ?? bySuite.set(r.suiteId, []).get(r.suiteId)!).push(r);
  }
  return [...bySuite].map(([suiteId, rs]) => ({
    suiteId,
    envId: rs[0].envId,
    env: rs[0].env,
    declarationHash: rs[0].declarationHash,
    imagesPerS: harmonicMean(rs.flatMap((r) => r.measurements[GATE_TIMING_METRIC])),
  }));
}
