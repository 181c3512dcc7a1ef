/**
 * The gate's sequential decision over process pairs (paired timing: two processes, baseline
 * code and candidate code, taking turns window by window). Each process pair j yields one
 * summary θ_j, ln(candidate speed / baseline speed) from the two sides' total times over its
 * window pairs ({@linkcode processPairTheta}); the rule reads θ_1..θ_k after every pair and
 * says regressed, unchanged, continue, or (at the cap) inconclusive. Boundaries and their
 * simulation: `sequential_design.ts`; measured inputs and error rates: `harness/gate/METHOD.md`.
 *
 * @module
 */
import { checkSample } from "./_sample.ts";
import { mean } from "./descriptive.ts";
import { lookEstimate, lookT } from "./_look_statistic.ts";
import { tCdf, tQuantile } from "./student_t.ts";
import type { SequentialDesign } from "./sequential_design.ts";

/** What the rule says after k process pairs. */
export type SequentialDecision = "regressed" | "unchanged" | "continue" | "inconclusive";

/** The decision with the numbers behind it. */
export interface SequentialResult {
  decision: SequentialDecision;
  /** Process pairs read. */
  k: number;
  /**
   * exp(mean θ) (the trimmed mean with the `trimmed` statistic): candidate speed / baseline
   * speed, below 1 slower. NaN with no pair.
   */
  ratio: number;
  /**
   * exp(mean θ ± t(0.975, df) se): a plain 95% t interval, for the report. It is not adjusted
   * for the looks; the decision reads the boundaries, not this interval.
   */
  ci: [number, number];
  /**
   * One-sided p-values at this look: of "slower than the margin", then of "faster than each
   * slowdown to detect". NaN before `minPairs`.
   */
  p: { regressed: number; unchanged: number[] };
  reason: string;
}

/**
 * ln(candidate speed / baseline speed) of one process pair: the log ratio of the two sides'
 * total times over their window pairs. Both sides of a window pair do the same work (turn
 * protocol 2: the same steps per window), so for throughputs a side's total time is Σ 1/v_i
 * in units of that work and θ = ln(Σ 1/b_i / Σ 1/c_i); for times θ = ln(Σ b_i / Σ c_i).
 * `pairs` are [baseline, candidate] values timed next to each other; `higherIsBetter` is true
 * for throughputs and false for times.
 *
 * Not a robust estimate, on purpose: what a user waits for is the total. A slowdown that
 * lands on some windows only (a forward pass every 5th step when a window is one step, as the
 * CNN on tfjs's cpu backend times) is part of it; the Hodges-Lehmann estimate of the window
 * log ratios used before set those windows aside and called that change unchanged, which the
 * total reads as 6.9% slower (harness/gate/measured/estimate.md).
 *
 * @example
 * ```ts
 * import { processPairTheta } from "./sequential_verdict.ts";
 * processPairTheta([[100, 90], [100, 90], [100, 90]], true); // ln 0.9 = -0.105
 * // One window in three at half speed: 4 time units instead of 3, ln(3/4) = -0.288
 * processPairTheta([[100, 100], [100, 50], [100, 100]], true);
 * ```
 */
export function processPairTheta(
  pairs: readonly (readonly [number, number])[],
  higherIsBetter: boolean,
): number {
  if (!Array.isArray(pairs) || pairs.length === 0) {
    throw new RangeError(`processPairTheta(): needs at least one pair, got ${pairs?.length}`);
  }
  let baseTime = 0, candTime = 0;
  for (const [b, c] of pairs) {
    if (!(b > 0 && c > 0 && Number.isFinite(b) && Number.isFinite(c))) {
      throw new RangeError(`processPairTheta(): values must be positive, got [${b}, ${c}]`);
    }
    baseTime += higherIsBetter ? 1 / b : b;
    candTime += higherIsBetter ? 1 / c : c;
  }
  return Math.log(baseTime / candTime);
}

/**
 * The part of a process pair's θ variance that its windows' own noise accounts for: the
 * sample variance of the window log ratios ln(c_i / b_i) over their count (the variance of
 * their mean). The gate floors its t's spread by it (`sequentialVerdict`'s `sdFloor`); null
 * with fewer than 2 windows.
 *
 * @example
 * ```ts
 * import { pairWindowNoise } from "./sequential_verdict.ts";
 * // Log ratios ±ln 1.25: variance 2 (ln 1.25)² / 1, over 2 windows = (ln 1.25)² = 0.0498
 * pairWindowNoise([[100, 125], [100, 80]], true);
 * ```
 */
export function pairWindowNoise(
  pairs: readonly (readonly [number, number])[],
  higherIsBetter: boolean,
): number | null {
  const n = pairs.length;
  if (n < 2) return null;
  const d = pairs.map(([b, c]) => higherIsBetter ? Math.log(c / b) : Math.log(b / c));
  const m = d.reduce((a, x) => a + x, 0) / n;
  return d.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1) / n;
}

/**
 * The decision after the process pairs so far, θ_j = ln(candidate speed / baseline speed)
 * of pair j (negative: the candidate is slower), in the order they were timed.
 *
 * With k pairs, mean m, standard deviation s and df = k - 1: before `minPairs`, continue.
 * Then p_R = P(t_df <= (m + ln(1 + margin)) √k / s) and, for each slowdown Δ_i to detect,
 * p_i = P(t_df >= (m + ln(1 + Δ_i)) √k / s).
 * 1. p_R <= nominal.regressed -> **regressed** (the data say: slower than the margin);
 * 2. every p_i <= nominal.unchanged[i] -> **unchanged** (the data say: faster than each
 *    slowdown to detect, i.e. less than 5% slower with the default design);
 * 3. otherwise **continue**, or at `maxPairs` **inconclusive**: never regressed without
 *    crossing the boundary.
 * With the design's `trimmed` statistic, m, s/√k and df are the Tukey-McLaughlin trimmed
 * mean, its standard error and df (`_look_statistic.ts`). A spread of zero makes every
 * statistic ±∞ (or 0 at its target). More than `maxPairs` values is a caller's error.
 *
 * `sdFloor` (the gate passes half the root of the pairs' mean window noise, `pairWindowNoise`)
 * is the least spread s may take: a few pairs that happen to agree cannot make the t sharper
 * than their own windows allow. It only lowers |t| and widens the interval, so both designed
 * error rates stay bounds; what it costs is pairs.
 *
 * @example
 * ```ts
 * import { sequentialVerdict } from "./sequential_verdict.ts";
 * import { DEFAULT_SEQUENTIAL_DESIGN } from "./sequential_defaults.ts";
 * sequentialVerdict([-0.11, -0.09, -0.10, -0.12, -0.10], DEFAULT_SEQUENTIAL_DESIGN).decision;
 * // "regressed"
 * ```
 */
export function sequentialVerdict(
  thetas: readonly number[],
  design: SequentialDesign,
  sdFloor = 0,
): SequentialResult {
  checkSample(thetas, "sequentialVerdict() thetas", 0);
  const k = thetas.length, { minPairs, maxPairs, margin, detect, nominal } = design;
  if (k > maxPairs) {
    throw new RangeError(`sequentialVerdict(): ${k} pairs is more than the cap ${maxPairs}`);
  }
  const m = k > 0 ? mean(thetas) : NaN;
  const nan = { regressed: NaN, unchanged: detect.map(() => NaN) };
  if (k < Math.max(2, minPairs)) {
    return {
      decision: "continue",
      k,
      ratio: Math.exp(m),
      ci: [NaN, NaN],
      p: nan,
      reason: `${k} of at least ${minPairs} process pairs`,
    };
  }
  const look = lookEstimate(thetas, {
    statistic: design.statistic ?? "t",
    trimFrom: design.trimFrom,
  });
  const { center, df } = look;
  const se = Math.max(look.se, sdFloor > 0 ? sdFloor / Math.sqrt(k) : 0);
  const pR = tCdf(lookT(center, -Math.log1p(margin), se), df);
  const pU = detect.map((d) => tCdf(-lookT(center, -Math.log1p(d.slowdown), se), df));
  const half = tQuantile(0.975, df) * se;
  const ci: [number, number] = [Math.exp(center - half), Math.exp(center + half)];
  const base = { k, ratio: Math.exp(center), ci, p: { regressed: pR, unchanged: pU } };
  const pct = (x: number) => `${+(x * 100).toFixed(2)}%`;
  const slower = margin > 0 ? `more than ${pct(margin)} slower` : "slower";
  if (pR <= nominal.regressed) {
    return {
      ...base,
      decision: "regressed",
      reason: `${k} process pairs: ${slower}, p ${pR.toPrecision(2)} <= ${
        nominal.regressed.toPrecision(2)
      } per look`,
    };
  }
  if (pU.every((p, i) => p <= nominal.unchanged[i])) {
    return {
      ...base,
      decision: "unchanged",
      reason: `${k} process pairs: less than ${
        detect.map((d) => pct(d.slowdown)).join(" and ")
      } slower (p ${pU.map((p) => p.toPrecision(2)).join(", ")})`,
    };
  }
  const last = k === maxPairs;
  return {
    ...base,
    decision: last ? "inconclusive" : "continue",
    reason: `${k} process pairs${last ? " (the cap)" : ""}: neither shown ${slower} nor ` +
      `less than ${detect.map((d) => pct(d.slowdown)).join(" and ")} slower`,
  };
}
