/**
 * The Mann-Whitney U (Wilcoxon rank-sum) test, two-sided.
 *
 * @module
 */
import { checkSample } from "./_sample.ts";
import { erfc } from "./_special.ts";
import { exactTwoSidedP } from "./_mann_whitney_exact.ts";

/** The result of {@linkcode mannWhitney}. */
export interface MannWhitneyResult {
  /** U of the first sample: pairs (a_i, b_j) with a_i > b_j, plus half of the ties. */
  u: number;
  /** Two-sided p-value. */
  p: number;
  /** Which null distribution gave `p`. */
  method: "exact" | "normal";
}

/** Largest m·n for which the exact distribution is enumerated (20 × 20). */
export const EXACT_MAX_PAIRS = 400;

/**
 * Two-sided Mann-Whitney U test of whether `a` and `b` come from the same distribution.
 *
 * - `u` is the statistic of `a`: R_a - m(m + 1)/2 with average ranks for ties (m = |a|).
 * - **exact** when the combined sample has no ties and m·n <= 400 (e.g. both sides <= 20):
 *   p = 2 · min(P(U <= u), P(U >= u)), capped at 1, from the enumerated null distribution.
 * - **normal** otherwise: z = (|u - mn/2| - 1/2) / σ with the continuity correction (floored
 *   at 0) and the tie-corrected σ² = mn/12 · ((N + 1) - Σ(t³ - t) / (N(N - 1))), N = m + n,
 *   t the size of each group of tied values; p = erfc(z / √2). When every value is tied,
 *   σ = 0 and p = 1.
 *
 * Identical samples give p = 1, and so does 1 value against 1 (it can never be significant).
 *
 * @example
 * ```ts
 * import { mannWhitney } from "./mod.ts";
 * mannWhitney([1, 2, 3], [4, 5, 6]); // { u: 0, p: 0.1, method: "exact" } (2 of 20 orders)
 * ```
 */
export function mannWhitney(a: readonly number[], b: readonly number[]): MannWhitneyResult {
  checkSample(a, "mannWhitney() first sample");
  checkSample(b, "mannWhitney() second sample");
  const m = a.length, n = b.length, N = m + n;
  const all = [...a.map((x) => ({ x, inA: true })), ...b.map((x) => ({ x, inA: false }))];
  all.sort((p, q) => p.x - q.x);

  let rankSumA = 0, tieTerm = 0;
  for (let i = 0; i < N;) {
    let j = i;
    while (j + 1 < N && all[j + 1].x === all[i].x) j++;
    const avgRank = (i + j) / 2 + 1; // ranks are 1-based
    for (let k = i; k <= j; k++) if (all[k].inA) rankSumA += avgRank;
    const t = j - i + 1;
    tieTerm += t * t * t - t;
    i = j + 1;
  }
  const u = rankSumA - (m * (m + 1)) / 2;

  if (tieTerm === 0 && m * n <= EXACT_MAX_PAIRS) {
    return { u, p: exactTwoSidedP(u, m, n), method: "exact" };
  }
  const variance = ((m * n) / 12) * (N + 1 - tieTerm / (N * (N - 1)));
  if (!(variance > 0)) return { u, p: 1, method: "normal" };
  const z = Math.max(0, Math.abs(u - (m * n) / 2) - 0.5) / Math.sqrt(variance);
  return { u, p: Math.min(1, erfc(z / Math.SQRT2)), method: "normal" };
}
