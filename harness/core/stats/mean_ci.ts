/**
 * Confidence interval of a mean.
 *
 * @module
 */
import { mean, sampleStd } from "./descriptive.ts";
import { checkProbability, checkSample } from "./_sample.ts";
import { tQuantile } from "./student_t.ts";

/** A mean with its confidence interval. */
export interface MeanCI {
  mean: number;
  /** Lower bound; `NaN` when `n = 1`. */
  low: number;
  /** Upper bound; `NaN` when `n = 1`. */
  high: number;
  n: number;
}

/**
 * The Student-t confidence interval of the mean: mean ± t((1 + level) / 2, n - 1) · s / √n.
 *
 * One value gives no estimate of spread, so the interval is undefined: `low` and `high` are
 * `NaN` (never a zero-width interval, which would claim certainty). Values that are all equal
 * give a zero-width interval at the mean.
 *
 * @example
 * ```ts
 * import { meanCI } from "./mod.ts";
 * meanCI([1, 2, 3]); // { mean: 2, low: 2 - 4.303 / √3, high: 2 + 4.303 / √3, n: 3 }
 * meanCI([7]); // { mean: 7, low: NaN, high: NaN, n: 1 }
 * ```
 */
export function meanCI(xs: readonly number[], level = 0.95): MeanCI {
  checkSample(xs, "meanCI");
  checkProbability(level, "Level", true);
  const m = mean(xs), n = xs.length;
  if (n === 1) return { mean: m, low: NaN, high: NaN, n };
  const half = tQuantile((1 + level) / 2, n - 1) * sampleStd(xs) / Math.sqrt(n);
  return { mean: m, low: m - half, high: m + half, n };
}
