/**
 * The gate's default sequential design over process pairs, with its simulated nominal levels
 * stored so that judging never simulates (`sequential_defaults_test.ts` re-simulates them
 * with another seed). Why these numbers: `harness/gate/METHOD.md` ("The paired mode") and the
 * simulation `simulate_sequential.ts`.
 *
 * @module
 */
import type { SequentialDesign, SequentialSpec } from "./sequential_design.ts";

/**
 * Per target (experiment, backend): false alarms at most 0.25% (1% over a gate of 4
 * targets), a 5% slowdown called unchanged at most 2% of the time and a 10% one at most 0.5%,
 * whatever the spread of the process pairs; looks after every pair from 4 to 16.
 */
export const DEFAULT_SEQUENTIAL_SPEC: SequentialSpec = {
  minPairs: 4,
  maxPairs: 16,
  margin: 0,
  alpha: 0.0025,
  detect: [{ slowdown: 0.05, beta: 0.02 }, { slowdown: 0.1, beta: 0.005 }],
  statistic: "t",
};

/**
 * {@linkcode DEFAULT_SEQUENTIAL_SPEC} with its nominal levels: `designSequential(spec,
 * { sims: 2_000_000, seed: 1 })`.
 */
export const DEFAULT_SEQUENTIAL_DESIGN: SequentialDesign = {
  ...DEFAULT_SEQUENTIAL_SPEC,
  nominal: { regressed: 0.000378028, unchanged: [0.00392385, 0.000810582] },
  sims: 2_000_000,
  seed: 1,
};
