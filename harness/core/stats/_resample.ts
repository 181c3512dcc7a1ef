/**
 * The bootstrap distribution of the ratio of medians, shared by `bootstrapRatioCI` and the
 * simulation (which reads several interval levels off one distribution).
 */
import type { Rng } from "../rng.ts";
import { sortedQuantile } from "./_sample.ts";

/** Fill `buf` with a resample of `xs` (with replacement), sort it, return its median. */
function resampledMedian(xs: readonly number[], buf: Float64Array, rng: Rng): number {
  for (let i = 0; i < buf.length; i++) buf[i] = xs[rng.int(xs.length)];
  buf.sort();
  return sortedQuantile(buf, 0.5);
}

/**
 * `resamples` bootstrap ratios median(candidate*) / median(baseline*), ascending. Each
 * resample draws the baseline first, then the candidate, from the one `rng`, so the result
 * depends only on the inputs and the generator's state.
 */
export function bootstrapRatios(
  baseline: readonly number[],
  candidate: readonly number[],
  resamples: number,
  rng: Rng,
): Float64Array {
  const bBuf = new Float64Array(baseline.length), cBuf = new Float64Array(candidate.length);
  const ratios = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    const mb = resampledMedian(baseline, bBuf, rng);
    ratios[r] = resampledMedian(candidate, cBuf, rng) / mb;
  }
  return ratios.sort();
}

/** The percentile interval at `level` of an ascending bootstrap distribution. */
export function percentileInterval(sorted: Float64Array, level: number): [number, number] {
  const tail = (1 - level) / 2;
  return [sortedQuantile(sorted, tail), sortedQuantile(sorted, 1 - tail)];
}
