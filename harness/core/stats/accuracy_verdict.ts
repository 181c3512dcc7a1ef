/**
 * The regression gate's verdict on an accuracy measured over several seeds.
 *
 * @module
 */
import { mean, sampleStd } from "./descriptive.ts";
import { checkProbability, checkSample } from "./_sample.ts";
import { tQuantile } from "./student_t.ts";
import { welchDf } from "./_welch.ts";

/** Input of {@linkcode accuracyVerdict}. */
export interface AccuracyVerdictInput {
  /** Baseline accuracy, one value per seed. */
  baseline: readonly number[];
  /** Candidate accuracy, one value per seed. */
  candidate: readonly number[];
  /** Allowed change, absolute (0.01 = one accuracy point of 100). */
  tolerance: number;
  /** Confidence level of the interval; default 0.95. */
  level?: number;
}

/** Output of {@linkcode accuracyVerdict}. */
export interface AccuracyVerdictResult {
  verdict: "improved" | "unchanged" | "regressed" | "inconclusive";
  /** mean(candidate) - mean(baseline). */
  difference: number;
  /** Confidence interval of `difference`; `[NaN, NaN]` with one seed per side. */
  ci: [number, number];
  /** Degrees of freedom of the t quantile; `NaN` when there is no spread to estimate. */
  df: number;
  reason: string;
}

/**
 * Compare accuracies across seeds: the Welch t interval of d = mean(candidate) -
 * mean(baseline), then, with tol the tolerance,
 * - **regressed** when the CI's upper bound < -tol, **improved** when its lower bound > tol,
 * - **unchanged** when the CI lies within [-tol, tol], **inconclusive** otherwise.
 *
 * Small samples:
 * - both sides >= 2 seeds: Welch, se² = s_b²/n_b + s_c²/n_c, Welch-Satterthwaite df;
 * - one side with 1 seed: its spread is taken to equal the other side's (the same training
 *   recipe, other seeds): se = s · √(1/n_b + 1/n_c), df = n - 1 of the other side;
 * - both sides with 1 seed: no spread to estimate, CI `[NaN, NaN]`, always **inconclusive**;
 * - no spread at all (every seed identical within each side): se = 0, the CI is the point
 *   `[d, d]` and `df` is `NaN`; the rules above apply to it unchanged.
 *
 * @example
 * ```ts
 * import { accuracyVerdict } from "./mod.ts";
 * accuracyVerdict({
 *   baseline: [0.90, 0.92, 0.94],
 *   candidate: [0.80, 0.82, 0.84],
 *   tolerance: 0.01,
 * }).verdict; // "regressed": d = -0.10, CI ≈ [-0.145, -0.055]
 * ```
 */
export function accuracyVerdict(input: AccuracyVerdictInput): AccuracyVerdictResult {
  const { baseline, candidate, tolerance, level = 0.95 } = input;
  checkSample(baseline, "accuracyVerdict() baseline");
  checkSample(candidate, "accuracyVerdict() candidate");
  if (typeof tolerance !== "number" || !(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new RangeError(`Tolerance must be a finite number >= 0, got "${String(tolerance)}"`);
  }
  checkProbability(level, "Level", true);

  const nb = baseline.length, nc = candidate.length;
  const d = mean(candidate) - mean(baseline);
  if (nb === 1 && nc === 1) {
    return {
      verdict: "inconclusive",
      difference: d,
      ci: [NaN, NaN],
      df: NaN,
      reason: "one seed per side gives no estimate of seed-to-seed spread",
    };
  }
  let se: number, df: number;
  if (nb === 1 || nc === 1) {
    const other = nb === 1 ? candidate : baseline;
    se = sampleStd(other) * Math.sqrt(1 / nb + 1 / nc);
    df = other.length - 1;
  } else {
    const vb = sampleStd(baseline) ** 2 / nb, vc = sampleStd(candidate) ** 2 / nc;
    se = Math.sqrt(vb + vc);
    df = welchDf([vb, vc], [nb - 1, nc - 1]);
  }
  if (se === 0) df = NaN;
  const half = se === 0 ? 0 : tQuantile((1 + level) / 2, df) * se;
  const ci: [number, number] = [d - half, d + half];

  const text = `difference ${d.toFixed(4)} (CI ${ci[0].toFixed(4)} to ${ci[1].toFixed(4)})`;
  if (ci[1] < -tolerance) {
    return { verdict: "regressed", difference: d, ci, df, reason: `${text} below -${tolerance}` };
  }
  if (ci[0] > tolerance) {
    return { verdict: "improved", difference: d, ci, df, reason: `${text} above ${tolerance}` };
  }
  if (ci[0] >= -tolerance && ci[1] <= tolerance) {
    return { verdict: "unchanged", difference: d, ci, df, reason: `${text} within ±${tolerance}` };
  }
  return {
    verdict: "inconclusive",
    difference: d,
    ci,
    df,
    reason: `${text} straddles ±${tolerance}`,
  };
}
