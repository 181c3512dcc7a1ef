/**
 * The gate's timing verdict when only a stored baseline exists (no baseline code to pair
 * with): several candidate processes against the baseline's processes, one value per
 * process (the gate's: its throughput over its windows), judged across processes. Windows of
 * one process are not independent samples of the code's speed (a process's level moves by far
 * more between processes than its windows suggest), and a baseline recorded in another session
 * differs again by the machine's drift between sessions; this rule models both and never reads
 * windows as independent.
 *
 * @module
 */
import { checkPositive, checkSample } from "./_sample.ts";
import { mean, sampleStd } from "./descriptive.ts";
import { tCdf, tQuantile } from "./student_t.ts";

/** Input of {@linkcode storedBaselineVerdict}. */
export interface StoredBaselineInput {
  /** The baseline's per-process values, as stored (throughputs or times, all positive). */
  baseline: readonly number[];
  /** The candidate's per-process values, each from its own fresh process. */
  candidate: readonly number[];
  /** True for throughputs (samples/s), false for times. */
  higherIsBetter: boolean;
  /** Why the two were timed on different machines (fingerprints differ); null when equal. */
  notComparable?: string | null;
  /**
   * ρ = τ/σ of this machine and backend: the spread of a whole session's level (τ, drift
   * between sessions) over the spread of one process's value within a session (σ). Measured
   * on the project's 2-core machine under shared load: about 1 (see `gate/METHOD.md`).
   */
  sessionRatio?: number;
  /**
   * σ of ln(per-process value) measured on this machine and backend by a calibration (A/A
   * sessions, `sessionRatio()`); the rule never assumes less spread than this.
   */
  sigma?: number;
  /** Smallest slowdown worth failing for, as a fraction (a floor under the noise margin). */
  floor?: number;
  /** One-sided false-alarm rate per target; default 0.0025 (1% over a 4-target gate). */
  alpha?: number;
  /** Fewest baseline processes to judge at all; default 5. */
  minBaseline?: number;
  /** Fewest candidate processes; default 5. */
  minCandidate?: number;
}

/** What the stored-baseline rule says, with the numbers behind it. */
export interface StoredBaselineResult {
  verdict: "regressed" | "unchanged" | "inconclusive" | "not comparable";
  /** exp(mean ln candidate speed - mean ln baseline speed); below 1 is slower. */
  ratio: number;
  /** The slowdown (fraction) the speed ratio must fall below to count: the noise margin. */
  margin: number;
  p: number;
  reason: string;
}

/** Defaults of {@linkcode storedBaselineVerdict}. */
export const STORED_BASELINE_DEFAULTS = {
  sessionRatio: 1,
  floor: 0.02,
  alpha: 0.0025,
  minBaseline: 5,
  minCandidate: 5,
} as const;

/**
 * Judge candidate processes against a stored baseline's processes.
 *
 * With x_i = ln speed of baseline process i (B of them), y_j of candidate process j (K),
 * d = mean(y) - mean(x), ρ the session ratio and s the largest of the two sessions'
 * standard deviations and the calibrated `sigma`: under "same code" d ~ N(0, σ²(2ρ² + 1/B +
 * 1/K)) (each session's level drifts by τ = ρσ, two sessions differ by √2 τ), and the rule
 * reads T = d / (s √(2ρ² + 1/B + 1/K)) as Student's t on min(B, K) - 1 df.
 * 1. fingerprints differ -> **not comparable**;
 * 2. fewer than `minBaseline` or `minCandidate` processes -> **inconclusive** (an old
 *    baseline file with one run per target lands here);
 * 3. P(t <= T) <= alpha and the ratio below 1/(1 + floor) -> **regressed**;
 * 4. the one-sided (1 - alpha) lower bound of d above -ln(1 + floor) -> **unchanged**;
 * 5. otherwise **inconclusive**, with the slowdown the data could still hide.
 * `margin` reports the noise margin e^(t(1 - alpha) s √(...)) - 1 (at least `floor`).
 *
 * @example
 * ```ts
 * import { storedBaselineVerdict } from "./stored_baseline_verdict.ts";
 * const base = [1000, 1010, 990, 1005, 995];
 * storedBaselineVerdict({ baseline: base, candidate: base.map((x) => x / 2), higherIsBetter: true })
 *   .verdict; // "regressed"
 * ```
 */
export function storedBaselineVerdict(input: StoredBaselineInput): StoredBaselineResult {
  const o = { ...STORED_BASELINE_DEFAULTS, ...input };
  checkSample(o.baseline, "storedBaselineVerdict() baseline", 1);
  checkSample(o.candidate, "storedBaselineVerdict() candidate", 1);
  checkPositive(o.baseline, "storedBaselineVerdict() baseline");
  checkPositive(o.candidate, "storedBaselineVerdict() candidate");
  if (!(o.alpha > 0 && o.alpha < 0.5 && o.sessionRatio >= 0 && o.floor >= 0)) {
    throw new RangeError(`storedBaselineVerdict(): need 0 < alpha < 0.5, ρ >= 0, floor >= 0`);
  }
  const speed = (v: number) => (o.higherIsBetter ? Math.log(v) : -Math.log(v));
  const x = o.baseline.map(speed), y = o.candidate.map(speed);
  const B = x.length, K = y.length, d = mean(y) - mean(x);
  const none = { ratio: Math.exp(d), margin: NaN, p: NaN };
  if (o.notComparable) {
    return { ...none, verdict: "not comparable", reason: `machines differ: ${o.notComparable}` };
  }
  if (B < o.minBaseline || K < o.minCandidate) {
    return {
      ...none,
      verdict: "inconclusive",
      reason: `${B} baseline and ${K} candidate processes; judging needs at least ` +
        `${o.minBaseline} and ${o.minCandidate} (one value per process)`,
    };
  }
  // The larger of the two sessions' spreads (and of a calibrated one): with heavy-tailed
  // process medians a pooled small-sample spread is too often small by chance, and the
  // session term, scaled by it, then under-covers the drift (simulated: 0.9% false alarms
  // per target with t3 process effects instead of 0.25%).
  const s = Math.max(sampleStd(x), sampleStd(y), o.sigma ?? 0), df = Math.min(B, K) - 1;
  const se = s * Math.sqrt(2 * o.sessionRatio ** 2 + 1 / B + 1 / K);
  const p = se > 0 ? tCdf(d / se, df) : d < 0 ? 0 : d > 0 ? 1 : 0.5;
  const q = tQuantile(1 - o.alpha, df) * se, floor = Math.log1p(o.floor);
  const margin = Math.exp(Math.max(q, floor)) - 1;
  const pct = (z: number) => `${(100 * z).toFixed(1)}%`;
  const base = { ratio: Math.exp(d), margin, p };
  if (p <= o.alpha && d < -floor) {
    return {
      ...base,
      verdict: "regressed",
      reason: `${K} vs ${B} processes: ${pct(1 - Math.exp(d))} slower, beyond the ` +
        `${pct(margin)} noise margin of this machine (p ${p.toPrecision(2)})`,
    };
  }
  if (d - q > -floor) {
    return {
      ...base,
      verdict: "unchanged",
      reason: `${K} vs ${B} processes: within ${pct(o.floor)} (p ${p.toPrecision(2)})`,
    };
  }
  return {
    ...base,
    verdict: "inconclusive",
    reason: `${K} vs ${B} processes: ratio ${Math.exp(d).toFixed(3)}; a slowdown up to ` +
      `${pct(Math.exp(q - d) - 1)} cannot be ruled out across processes and sessions`,
  };
}
