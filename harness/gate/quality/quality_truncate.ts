/**
 * A pool as shorter processes would have timed it: every process pair cut to its first N
 * window pairs, so a protocol with fewer windows per process can be scored on pairs already
 * timed (`check --quality --windows N`). Exact for what the first N windows are (a process
 * that stops after N windows times the same first N), and for the cost within the window
 * durations the speeds give; the start-up, warm-up and exit a process spends are kept whole.
 * This is how the gate's window count was chosen (gate/METHOD.md, "Windows per process").
 */
import { harmonicMean, processPairTheta } from "../../core/stats/mod.ts";
import type { PoolPair } from "./quality_pool.ts";

/**
 * `p` cut to its first `windows` window pairs: θ and the per-process throughputs recomputed from
 * them, and its cost less the seconds of the window pairs left out (steps per window x batch
 * size / images/s, each side). Unchanged when it has no more than `windows` pairs. When the
 * steps per window or the batch size are unknown the cost stays whole (an overestimate).
 *
 * @example
 * ```ts
 * const p = { pairs: [[100, 90], [100, 90], [50, 50]], batches: 2, costS: 10 } as PoolPair;
 * truncatePair(p, 2, 25).costS; // 10 - 2 * 25 * (1/50 + 1/50) = 8
 * ```
 */
export function truncatePair(p: PoolPair, windows: number, batchSize: number | null): PoolPair {
  if (!(Number.isInteger(windows) && windows >= 1)) {
    throw new RangeError(`truncatePair(): windows must be a positive integer, got ${windows}`);
  }
  if (p.pairs.length <= windows) return p;
  const kept = p.pairs.slice(0, windows), dropped = p.pairs.slice(windows);
  const perWindow = p.batches && batchSize ? p.batches * batchSize : null;
  const droppedS = perWindow === null
    ? 0
    : dropped.reduce((s, [a, b]) => s + perWindow / a + perWindow / b, 0);
  return {
    ...p,
    pairs: kept,
    theta: processPairTheta(kept, true),
    aSpeed: harmonicMean(kept.map(([a]) => a)),
    bSpeed: harmonicMean(kept.map(([, b]) => b)),
    costS: p.costS - droppedS,
  };
}

/**
 * Every pair of `pool` cut to `windows` (`truncatePair`), the batch size from the pair's own
 * record, else `batchSizeOf(experiment)` (its declaration), else unknown.
 */
export function truncatePool(
  pool: readonly PoolPair[],
  windows: number,
  batchSizeOf: (experiment: string) => number | null,
): PoolPair[] {
  return pool.map((p) => truncatePair(p, windows, p.batchSize ?? batchSizeOf(p.experiment)));
}
