/** The timing protocol of the gate: enough windows for its statistics (see gate/METHOD.md). */
import { type Protocol, PROTOCOLS } from "../perf/mod.ts";
import { TIMING_DEFAULTS } from "../core/stats/mod.ts";

/**
 * 30 windows of about 0.25 s after 3 warm-up steps: the simulation behind the gate's
 * defaults meets its false-alarm and detection targets at 30 windows per side for the 3-5%
 * window noise of this machine. Slow backends stop after 12 windows or 20 s of timing, and
 * their verdicts are then less sensitive (the report shows n).
 *
 * The gate keeps the 3-step warm-up rather than the perf suite's settled one: its measured
 * false-alarm and detection rates (METHOD.md) and `results/baseline.json` were taken with
 * it, and in a paired timing early windows that are still speeding up fall on both sides of
 * each pair alike. With the settled warm-up an unchanged-tree paired gate took 859 s
 * instead of 565 s (the cpu CNN's warm-up alone runs to its 8 s cap in each of 12 processes).
 */
export const GATE_PROTOCOL: Protocol = {
  ...PROTOCOLS.quick,
  // Exactly `warmupBatches` steps: no time minimum, and "settled" as soon as it can be judged.
  warmupS: { min: 0, max: Infinity },
  settle: { steps: 1, tolerance: 1 },
  windows: TIMING_DEFAULTS.windows,
  targetWindowS: 0.25,
  // As measured for METHOD.md and the baseline (the quick profile's cap before it rose to 128).
  maxBatchesPerWindow: 32,
  maxTimedS: 20,
  minWindows: 12,
  latency: { warmup: 2, repeats: 10 },
  peak: { n: 256, warmup: 1, repeats: 3 },
};

/**
 * The protocol of each process of a paired timing: the gate's 30 windows, with a shorter
 * latency measurement (paired timing judges the training windows only), and slow backends
 * stop after 12 windows or 10 s of timing (a gate of 4 experiment-backend pairs took 12 min
 * with the gate's 20 s, half of it the CNN on tfjs's cpu backend, ~0.7 s per window). Measured with
 * `check --quality` (CNN on wasm): with 12 windows per process, A/A pairs of processes
 * spread about twice as wide (median window ratios 0.96-1.08) as with 30 (0.98-1.05).
 */
export const PAIRED_PROTOCOL: Protocol = {
  ...GATE_PROTOCOL,
  maxTimedS: 10,
  latency: { warmup: 1, repeats: 3 },
};
