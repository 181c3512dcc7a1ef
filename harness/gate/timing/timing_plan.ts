/**
 * The timing protocol of every process the gate times: the processes of a paired timing
 * (baseline code and candidate code taking turns), a stored-baseline check's candidate
 * processes, and `check --record`'s baseline processes. One protocol, so a stored baseline's
 * per-process throughputs and a candidate's are alike, and so the error rates measured with
 * `check --quality` (gate/METHOD.md) are those of the processes the gate runs.
 */
import { type Protocol, PROTOCOLS } from "../../perf/mod.ts";

/**
 * 15 windows of about 0.25 s (up to 128 steps each) after a warm-up of at least 3 steps and
 * 1 s; slow backends stop after 12 windows or 10 s of timing. No inference latency and no
 * peak microbenchmark: the gate judges training windows only, and those phases cost a
 * process pair seconds (the CNN on tfjs's cpu backend: ~1.1 s per large-batch prediction).
 *
 * Why 15 (gate/METHOD.md, "Windows per process"): on this project's 2-core machine much of a
 * process pair's spread is the pair's own (process start, JIT, memory layout), not its
 * windows'. Cut to their first 15 windows, the quality pools' pairs spread 1.0-1.45 times as
 * wide as with 30 and cost 0.62-0.78 times as much: about the same information per second,
 * but in twice the pairs, and the sequential t pays dearly for estimating the spread from few
 * (simulated with the spreads measured: 5% slowdowns caught on 73% of targets within the
 * budget instead of 35%).
 *
 * Why the warm-up: the first windows after a 3-step warm-up are the noisiest (the MLP on wasm
 * still climbs from ~4,000 to ~13,000 images/s over its first 6 windows), hence the 1 s; the
 * cap of 32 steps gave the MLP windows of 0.13 s. In a paired timing both sides time the same
 * steps per window, the first side's plan (`perf/turns.ts`, version 2).
 */
export const GATE_PROTOCOL: Protocol = {
  ...PROTOCOLS.quick,
  warmupBatches: 3,
  // At least 3 steps and 1 s, and "settled" as soon as that holds: early windows still
  // speeding up fall on both sides of a pair alike, and a longer warm-up costs every process.
  warmupS: { min: 1, max: 8 },
  settle: { steps: 1, tolerance: 1 },
  // The plan reads the median of the last 9 warm-up steps (the MLP's ~5 ms steps: one step
  // alone gave 38 to 97 steps per window between processes).
  planSteps: 9,
  windows: 15,
  targetWindowS: 0.25,
  maxBatchesPerWindow: 128,
  maxTimedS: 10,
  minWindows: 12,
  latency: { warmup: 0, repeats: 0 },
  peak: { n: 256, warmup: 0, repeats: 0 },
};

/**
 * The protocol each process of a paired timing follows: the gate's (`--paired-protocol` is
 * what the driver passes a baseline ref's code, which reads it with its own definition).
 */
export const PAIRED_PROTOCOL: Protocol = GATE_PROTOCOL;
