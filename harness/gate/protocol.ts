/** The timing protocol of the gate: enough windows for its statistics (see stats/METHOD.md). */
import { type Protocol, PROTOCOLS } from "../perf/mod.ts";
import { TIMING_DEFAULTS } from "../stats/mod.ts";

/**
 * 30 windows of about 0.25 s after the quick profile's warm-up (at least 3 steps and 3 s,
 * until step times settle; see perf/protocol.ts): the simulation behind the gate's
 * defaults meets its false-alarm and detection targets at 30 windows per side for the 3-5%
 * window noise of this machine. Slow backends stop after 12 windows or 20 s of timing, and
 * their verdicts are then less sensitive (the report shows n).
 */
export const GATE_PROTOCOL: Protocol = {
  ...PROTOCOLS.quick,
  windows: TIMING_DEFAULTS.windows,
  targetWindowS: 0.25,
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
