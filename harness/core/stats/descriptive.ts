/**
 * Descriptive statistics of one sample: centre and spread.
 *
 * Every function throws a `RangeError` for an empty sample or a non-finite value and a
 * `TypeError` for something that is not an array of numbers.
 *
 * @module
 */
import { checkProbability, checkSample, sortedCopy, sortedQuantile } from "./_sample.ts";

/**
 * The arithmetic mean.
 *
 * @example
 * ```ts
 * import { mean } from "./mod.ts";
 * mean([1, 2, 6]); // 3
 * ```
 */
export function mean(xs: readonly number[]): number {
  checkSample(xs, "mean");
  // Neumaier-compensated sum: window times often share many leading digits.
  let sum = 0, comp = 0;
  for (const x of xs) {
    const t = sum + x;
    comp += Math.abs(sum) >= Math.abs(x) ? (sum - t) + x : (x - t) + sum;
    sum = t;
  }
  return (sum + comp) / xs.length;
}

/**
 * The harmonic mean, n / Σ 1/x: the throughput of windows that each did the same work, timed
 * at rates `xs` (images/s), since their total time is that work times Σ 1/x. Values must be
 * positive.
 *
 * @example
 * ```ts
 * import { harmonicMean } from "./mod.ts";
 * harmonicMean([100, 50]); // 66.67: 2 units of work in 1/100 + 1/50 = 0.03 s
 * ```
 */
export function harmonicMean(xs: readonly number[]): number {
  checkSample(xs, "harmonicMean");
  for (const x of xs) {
    if (!(x > 0)) throw new RangeError(`harmonicMean: values must be positive, got ${x}`);
  }
  return 1 / mean(xs.map((x) => 1 / x));
}

/**
 * The median: the middle value, or the mean of the two middle values.
 *
 * @example
 * ```ts
 * import { median } from "./mod.ts";
 * median([3, 1, 2]); // 2
 * median([4, 1, 3, 2]); // 2.5
 * ```
 */
export function median(xs: readonly number[]): number {
  checkSample(xs, "median");
  return sortedQuantile(sortedCopy(xs), 0.5);
}

/**
 * The sample quantile of type 7 (the default of R's `quantile` and numpy's `quantile`):
 * linear interpolation between order statistics at position `(n - 1) * p`.
 *
 * @example
 * ```ts
 * import { quantile } from "./mod.ts";
 * quantile([1, 2, 3, 4], 0.25); // 1.75
 * quantile([10, 20], 1); // 20
 * ```
 */
export function quantile(xs: readonly number[], p: number): number {
  checkSample(xs, "quantile");
  checkProbability(p, "Quantile probability");
  return sortedQuantile(sortedCopy(xs), p);
}

/**
 * The sample standard deviation, with the `n - 1` (Bessel) denominator.
 *
 * One value has no spread to estimate: the result is `NaN`, as in R's `sd` and numpy's
 * `std(ddof=1)`.
 *
 * @example
 * ```ts
 * import { sampleStd } from "./mod.ts";
 * sampleStd([2, 4, 4, 4, 5, 5, 7, 9]); // sqrt(32 / 7) ≈ 2.138
 * sampleStd([5]); // NaN
 * ```
 */
export function sampleStd(xs: readonly number[]): number {
  checkSample(xs, "sampleStd");
  if (xs.length < 2) return NaN;
  const m = mean(xs);
  // Two passes: the second corrects the rounding of the mean (Chan, Golub and LeVeque).
  let ss = 0, s = 0;
  for (const x of xs) {
    ss += (x - m) ** 2;
    s += x - m;
  }
  return Math.sqrt((ss - (s * s) / xs.length) / (xs.length - 1));
}

/**
 * The median absolute deviation from the median, times `scale`.
 *
 * Unscaled by default (as scipy's `median_abs_deviation`); pass `scale = 1.4826` to estimate
 * the standard deviation of normal data (as R's `mad`).
 *
 * @example
 * ```ts
 * import { mad } from "./mod.ts";
 * mad([1, 1, 2, 2, 4, 6, 9]); // median 2, deviations [1,1,0,0,2,4,7] -> 1
 * ```
 */
export function mad(xs: readonly number[], scale = 1): number {
  checkSample(xs, "mad");
  if (!(scale > 0) || !Number.isFinite(scale)) {
    throw new RangeError(`Scale must be a positive finite number, got "${scale}"`);
  }
  const m = median(xs);
  return scale * median(xs.map((x) => Math.abs(x - m)));
}
