/**
 * Calibrating the timing verdict's practical margin from A/A runs.
 *
 * @module
 */
import { checkPositive, checkProbability, checkSample, sortedCopy } from "./_sample.ts";
import { sortedQuantile } from "./_sample.ts";
import { TIMING_DEFAULTS } from "./timing_verdict.ts";

/** One A/A comparison: two runs of the same code on the same machine. */
export interface AAPair {
  a: readonly number[];
  b: readonly number[];
}

/** Options of {@linkcode calibrateMargin}. */
export interface CalibrateOptions {
  /** Share of A/A pairs the margin should cover; default 0.99. */
  quantile?: number;
  /**
   * Smallest margin returned, as a fraction; default `TIMING_DEFAULTS.margin` (0.01), the
   * smallest margin the simulation showed safe, so calibration only ever widens it.
   */
  floor?: number;
}

/** Output of {@linkcode calibrateMargin}. */
export interface Calibration {
  /** The margin as a fraction, for `timingVerdict({ margin })`. */
  margin: number;
  /** |ln(median(b) / median(a))| of each pair, in input order. */
  observed: number[];
}

/**
 * The practical margin that A/A noise stays within: for each pair the absolute log ratio of
 * medians |ln(median(b) / median(a))|, then the type 7 `quantile` of those, turned back into
 * a fraction, margin = max(floor, e^q - 1). The timing verdict's band
 * [1/(1 + margin), 1 + margin] is symmetric in log scale, so it then holds about `quantile`
 * of the A/A median ratios.
 *
 * With few pairs the quantile is close to the largest observed value (with 10 pairs the 0.99
 * quantile interpolates between the two largest); collect 20 or more pairs for a stable margin.
 *
 * @example
 * ```ts
 * import { calibrateMargin } from "./mod.ts";
 * calibrateMargin([{ a: [100, 101], b: [103, 104] }]).margin; // 103.5 / 100.5 - 1 ≈ 0.0299
 * ```
 */
export function calibrateMargin(
  aaPairs: readonly AAPair[],
  options: CalibrateOptions = {},
): Calibration {
  const { quantile = 0.99, floor = TIMING_DEFAULTS.margin } = options;
  if (!Array.isArray(aaPairs) || aaPairs.length === 0) {
    throw new RangeError(`Cannot calibrate a margin: no A/A pairs, got "${String(aaPairs)}"`);
  }
  checkProbability(quantile, "Quantile");
  if (typeof floor !== "number" || !(floor >= 0) || !Number.isFinite(floor)) {
    throw new RangeError(`Floor must be a finite fraction >= 0, got "${String(floor)}"`);
  }
  const observed = aaPairs.map(({ a, b }, i) => {
    const what = `calibrateMargin() pair ${i}`;
    checkSample(a, `${what} a`);
    checkSample(b, `${what} b`);
    checkPositive(a, `${what} a`);
    checkPositive(b, `${what} b`);
    const ma = sortedQuantile(sortedCopy(a), 0.5), mb = sortedQuantile(sortedCopy(b), 0.5);
    return Math.abs(Math.log(mb / ma));
  });
  const q = sortedQuantile(sortedCopy(observed), quantile);
  return { margin: Math.max(floor, Math.expm1(q)), observed };
}
