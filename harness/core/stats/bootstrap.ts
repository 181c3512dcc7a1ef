/**
 * Bootstrap confidence interval of a ratio of medians.
 *
 * @module
 */
import { Rng } from "../rng.ts";
import { checkPositive, checkProbability, checkSample } from "./_sample.ts";
import { bootstrapRatios, percentileInterval } from "./_resample.ts";

/** Options of {@linkcode bootstrapRatioCI}. */
export interface BootstrapOptions {
  /** Number of bootstrap resamples; default 2000. */
  resamples?: number;
  /** Confidence level of the interval; default 0.95. */
  level?: number;
  /** Generator the resamples draw from; default `new Rng(DEFAULT_BOOTSTRAP_SEED)`. */
  rng?: Rng;
}

/** Seed used when no generator is given, so that the same data always give the same interval. */
export const DEFAULT_BOOTSTRAP_SEED = 20240917;

/**
 * Percentile bootstrap interval of median(candidate) / median(baseline).
 *
 * Each of `resamples` rounds resamples both samples with replacement (independently, each at
 * its own size) and takes the ratio of their medians; the interval is the type 7 quantiles
 * (1 - level)/2 and (1 + level)/2 of those ratios. Values must be positive (times or
 * throughputs). The draws come from `rng` only, so a generator with the same seed (and
 * position) gives the same interval; without one a fixed seed is used.
 *
 * @example
 * ```ts
 * import { bootstrapRatioCI } from "./mod.ts";
 * import { Rng } from "../rng.ts";
 * const [lo, hi] = bootstrapRatioCI([10, 11, 10.5, 9.8], [12, 13.2, 12.6, 11.8], {
 *   rng: new Rng(1),
 * }); // an interval around 1.2
 * ```
 */
export function bootstrapRatioCI(
  baseline: readonly number[],
  candidate: readonly number[],
  options: BootstrapOptions = {},
): [number, number] {
  const { resamples = 2000, level = 0.95, rng = new Rng(DEFAULT_BOOTSTRAP_SEED) } = options;
  checkSample(baseline, "bootstrapRatioCI() baseline");
  checkSample(candidate, "bootstrapRatioCI() candidate");
  checkPositive(baseline, "bootstrapRatioCI() baseline");
  checkPositive(candidate, "bootstrapRatioCI() candidate");
  checkProbability(level, "Level", true);
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`Resamples must be a positive integer, got "${resamples}"`);
  }
  return percentileInterval(bootstrapRatios(baseline, candidate, resamples, rng), level);
}
