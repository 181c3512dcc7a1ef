/**
 * The gate's verdict on a paired timing: baseline and candidate windows timed next to each
 * other (see `harness/gate/timing/paired.ts`), judged on the ratio within each pair.
 *
 * @module
 */
import { classifyTiming } from "./_classify_timing.ts";
import { hodgesLehmann, signedRank } from "./signed_rank.ts";
import { tCdf, tQuantile } from "./student_t.ts";
import { mean, sampleStd } from "./descriptive.ts";
import { TIMING_DEFAULTS, type TimingVerdictResult } from "./timing_verdict.ts";
import { processPairTheta } from "./sequential_verdict.ts";

/** ln(candidate / baseline) of each pair, refusing an empty list or a non-positive value. */
function logRatios(pairs: readonly (readonly [number, number])[], what: string): number[] {
  if (!Array.isArray(pairs) || pairs.length === 0) {
    throw new RangeError(`${what}: needs at least one pair, got ${pairs?.length}`);
  }
  return pairs.map(([a, b]) => {
    if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) {
      throw new RangeError(`${what}: values must be positive, got [${a}, ${b}]`);
    }
    return Math.log(b / a);
  });
}

/** The rule's margin, alpha and level, each left out taking its default. */
function settings(input: { margin?: number; alpha?: number; level?: number }) {
  const {
    margin = TIMING_DEFAULTS.margin,
    alpha = TIMING_DEFAULTS.alpha,
    level = TIMING_DEFAULTS.level,
  } = input;
  return { margin, alpha, level };
}

function checkMargin(margin: number): void {
  if (!(margin >= 0 && Number.isFinite(margin))) {
    throw new RangeError(`Margin must be a finite fraction >= 0, got "${margin}"`);
  }
}

/** Input of {@linkcode pairedTimingVerdict}. */
export interface PairedTimingInput {
  /** [baseline, candidate] of each pair of windows timed next to each other, all positive. */
  pairs: readonly (readonly [number, number])[];
  /** True for throughputs (samples/s), false for times (ms). */
  higherIsBetter: boolean;
  /** Practical margin as a fraction: changes smaller than this never fail the gate. */
  margin?: number;
  alpha?: number;
  level?: number;
}

/**
 * Decide whether the candidate's timing regressed, from paired windows.
 *
 * With d_i = ln(candidate_i / baseline_i): the ratio is exp of the Hodges-Lehmann estimate
 * of d (the median of its Walsh averages), its interval the distribution-free one that
 * inverts the Wilcoxon signed-rank test at `level`, and p the signed-rank test's. The
 * decision is the unpaired verdict's (`classifyTiming`): too few pairs for any p below
 * `alpha` (2 / 2^n >= alpha, so n < 8 at 0.01) -> inconclusive; p < alpha and the whole
 * interval below the band [1/(1 + margin), 1 + margin] of speed -> regressed, above ->
 * improved; p >= alpha or the interval inside the band -> unchanged; else inconclusive.
 *
 * @example
 * ```ts
 * import { pairedTimingVerdict } from "./paired_timing_verdict.ts";
 * const pairs = Array.from({ length: 12 }, (_, i) => [100 + i, (100 + i) * 0.8] as const);
 * pairedTimingVerdict({ pairs, higherIsBetter: true }).verdict; // "regressed"
 * ```
 */
export function pairedTimingVerdict(input: PairedTimingInput): TimingVerdictResult {
  const { pairs, higherIsBetter } = input;
  const { margin, alpha, level } = settings(input);
  checkMargin(margin);
  const d = logRatios(pairs, "pairedTimingVerdict()");
  const test = signedRank(d);
  const hl = hodgesLehmann(d, level);
  const ratio = Math.exp(hl.estimate);
  const ci: [number, number] = [Math.exp(hl.ci[0]), Math.exp(hl.ci[1])];
  const tooFew = d.length < 3 || 2 / 2 ** d.length >= alpha;
  const { verdict, reason } = classifyTiming(
    { ratio, ci, p: test.p, higherIsBetter, tooFew },
    { alpha, margin },
  );
  const method = `Wilcoxon signed-rank (${test.method}) on ${d.length} paired windows at ` +
    `alpha ${alpha}; Hodges-Lehmann ratio with its ${level * 100}% interval; ` +
    `whole CI beyond ±${margin * 100}% margin`;
  return { verdict, ratio, ci, p: test.p, method, reason: `paired: ${reason}` };
}

/** Input of {@linkcode clusteredTimingVerdict}. */
export interface ClusteredTimingInput extends Omit<PairedTimingInput, "pairs"> {
  /** The paired windows of each pair of processes: one cluster per process pair. */
  clusters: readonly (readonly (readonly [number, number])[])[];
}

/**
 * Decide from several pairs of processes, each timed as in {@linkcode pairedTimingVerdict}.
 * Two processes of the same code differ by more than their windows suggest (measured here:
 * A/A pairs of processes 0.98-1.05 apart), so the process pair is the unit: each pair's log
 * ratio of total times θ_j (`processPairTheta`, as the sequential gate's), then a one-sample
 * Student t over the k values of θ_j. The ratio is exp(mean θ), its interval
 * exp(mean ± t((1 + level)/2, k - 1) · s/√k), p the two-sided t-test of mean θ = 0 (k - 1
 * degrees of freedom). With no spread (all θ_j equal) the interval is that point and p is 1 at
 * 0, else 0. Fewer than 3 pairs are too few
 * (inconclusive); one cluster falls back to {@linkcode pairedTimingVerdict}. The decision is
 * `classifyTiming`'s.
 *
 * @example
 * ```ts
 * import { clusteredTimingVerdict } from "./paired_timing_verdict.ts";
 * const pair = (f: number) => Array.from({ length: 10 }, (_, i) => [100 + i, (100 + i) * f] as const);
 * clusteredTimingVerdict({
 *   clusters: [pair(0.8), pair(0.82), pair(0.79), pair(0.81)],
 *   higherIsBetter: true,
 * }).verdict; // "regressed"
 * ```
 */
export function clusteredTimingVerdict(input: ClusteredTimingInput): TimingVerdictResult {
  const { clusters, higherIsBetter } = input;
  const { margin, alpha, level } = settings(input);
  if (!Array.isArray(clusters) || clusters.length === 0) {
    throw new RangeError(`clusteredTimingVerdict(): needs at least one cluster of pairs`);
  }
  if (clusters.length === 1) {
    return pairedTimingVerdict({ pairs: clusters[0], higherIsBetter, margin, alpha, level });
  }
  checkMargin(margin);
  // In the values' own unit, as classifyTiming reads them: ln(candidate / baseline).
  const thetas = clusters.map((pairs) =>
    higherIsBetter ? processPairTheta(pairs, true) : -processPairTheta(pairs, false)
  );
  const k = thetas.length;
  const center = mean(thetas);
  const se = sampleStd(thetas) / Math.sqrt(k);
  let p: number, half: number;
  if (se === 0) {
    [p, half] = [center === 0 ? 1 : 0, 0];
  } else {
    p = 2 * (1 - tCdf(Math.abs(center / se), k - 1));
    half = tQuantile((1 + level) / 2, k - 1) * se;
  }
  const ratio = Math.exp(center);
  const ci: [number, number] = [Math.exp(center - half), Math.exp(center + half)];
  const { verdict, reason } = classifyTiming(
    { ratio, ci, p, higherIsBetter, tooFew: k < 3 },
    { alpha, margin },
  );
  const method = `Student t over ${k} process pairs' log ratios of total time at alpha ` +
    `${alpha}; ${level * 100}% t interval; whole CI beyond ±${margin * 100}% margin`;
  return { verdict, ratio, ci, p, method, reason: `${k} process pairs: ${reason}` };
}
