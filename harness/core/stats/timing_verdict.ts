/**
 * The regression gate's verdict on a timing: noise, regression or improvement.
 *
 * @module
 */
import { Rng } from "../rng.ts";
import { checkPositive, checkProbability, checkSample, sortedCopy } from "./_sample.ts";
import { sortedQuantile } from "./_sample.ts";
import { mannWhitney } from "./mann_whitney.ts";
import { bootstrapRatios, percentileInterval } from "./_resample.ts";
import { classifyTiming, smallestP, type TimingVerdict } from "./_classify_timing.ts";
import { DEFAULT_BOOTSTRAP_SEED } from "./bootstrap.ts";

export type { TimingVerdict };

/**
 * Defaults chosen by simulation (see `RULES.md` and `simulate.ts`): with `windows` timing
 * windows per side they keep A/A false alarms under 1% and detect a 10% slowdown at least 95%
 * of the time and a 5% slowdown at least half the time, for a window CV of 3-5% with
 * outliers and drift. Fewer windows or a wider margin lose the 5% target at CV 5%.
 */
export const TIMING_DEFAULTS = {
  /** Timing windows per side the gate should collect. */
  windows: 30,
  alpha: 0.01,
  margin: 0.01,
  level: 0.95,
  resamples: 2000,
} as const;

/** Input of {@linkcode timingVerdict}. */
export interface TimingVerdictInput {
  /** Per-window measurements of the baseline, all positive. */
  baseline: readonly number[];
  /** Per-window measurements of the candidate, all positive. */
  candidate: readonly number[];
  /** True for throughputs (samples/s), false for times (ms). */
  higherIsBetter: boolean;
  /** Practical margin as a fraction: changes smaller than this never fail the gate. */
  margin?: number;
  /** Significance level of the Mann-Whitney test. */
  alpha?: number;
  /** Confidence level of the bootstrap interval. */
  level?: number;
  /** Bootstrap resamples. */
  resamples?: number;
  /** Generator of the bootstrap; default a fixed seed, so the verdict is a pure function. */
  rng?: Rng;
}

/** Output of {@linkcode timingVerdict}. */
export interface TimingVerdictResult {
  verdict: TimingVerdict;
  /** median(candidate) / median(baseline). */
  ratio: number;
  /** Percentile bootstrap interval of `ratio`. */
  ci: [number, number];
  /** Two-sided Mann-Whitney p-value. */
  p: number;
  /** The tests used, for the record. */
  method: string;
  /** One line saying why, for the gate's report. */
  reason: string;
}

/**
 * Decide whether the candidate's timing regressed against the baseline's.
 *
 * The rule, in order, with s the speed ratio (the median ratio for throughputs, its inverse
 * for times; s < 1 is slower) and the practical band [1/(1 + margin), 1 + margin] for s:
 * 1. fewer than 3 windows on a side, or sizes whose smallest possible exact p-value is not
 *    below `alpha` -> **inconclusive**;
 * 2. Mann-Whitney p < alpha and the whole bootstrap CI of s below the band -> **regressed**,
 *    above the band -> **improved**;
 * 3. p >= alpha, or the whole CI inside the band -> **unchanged**;
 * 4. otherwise (significant, CI straddling a band edge) -> **inconclusive**.
 *
 * Defaults are {@linkcode TIMING_DEFAULTS}: alpha 0.01, margin 0.01, 95% CI, 2000 resamples,
 * and 30 windows per side (the simulation in core/stats/RULES.md; the dashboard's views use it).
 *
 * @example
 * ```ts
 * import { timingVerdict } from "./mod.ts";
 * const base = [100, 101, 99, 102, 100, 98, 101, 100, 99, 103];
 * const cand = base.map((t) => t * 1.2); // 20% slower
 * timingVerdict({ baseline: base, candidate: cand, higherIsBetter: false }).verdict;
 * // "regressed"
 * ```
 */
export function timingVerdict(input: TimingVerdictInput): TimingVerdictResult {
  const {
    baseline,
    candidate,
    higherIsBetter,
    margin = TIMING_DEFAULTS.margin,
    alpha = TIMING_DEFAULTS.alpha,
    level = TIMING_DEFAULTS.level,
    resamples = TIMING_DEFAULTS.resamples,
    rng = new Rng(DEFAULT_BOOTSTRAP_SEED),
  } = input;
  checkSample(baseline, "timingVerdict() baseline");
  checkSample(candidate, "timingVerdict() candidate");
  checkPositive(baseline, "timingVerdict() baseline");
  checkPositive(candidate, "timingVerdict() candidate");
  if (typeof higherIsBetter !== "boolean") {
    throw new TypeError(`HigherIsBetter must be a boolean, got "${String(higherIsBetter)}"`);
  }
  if (typeof margin !== "number" || !(margin >= 0) || !Number.isFinite(margin)) {
    throw new RangeError(`Margin must be a finite fraction >= 0, got "${String(margin)}"`);
  }
  checkProbability(alpha, "Alpha", true);
  checkProbability(level, "Level", true);

  const ratio = sortedQuantile(sortedCopy(candidate), 0.5) /
    sortedQuantile(sortedCopy(baseline), 0.5);
  const mw = mannWhitney(baseline, candidate);
  const ci = percentileInterval(bootstrapRatios(baseline, candidate, resamples, rng), level);
  const m = baseline.length, n = candidate.length;
  const tooFew = m < 3 || n < 3 || smallestP(m, n) >= alpha;
  const { verdict, reason } = classifyTiming(
    { ratio, ci, p: mw.p, higherIsBetter, tooFew },
    { alpha, margin },
  );
  const method = `Mann-Whitney U (${mw.method}) at alpha ${alpha}; ` +
    `${level * 100}% percentile bootstrap of the median ratio (${resamples} resamples); ` +
    `whole CI beyond ±${margin * 100}% margin`;
  return { verdict, ratio, ci, p: mw.p, method, reason };
}
