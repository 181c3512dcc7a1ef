/**
 * Paired differences: the Wilcoxon signed-rank test, the Hodges-Lehmann estimate of the
 * shift (the median of the Walsh averages) and its distribution-free confidence interval.
 *
 * @module
 */
import { checkSample, sortedCopy } from "./_sample.ts";
import { erfc } from "./_special.ts";

/** Largest n (after dropping zeros) for which the exact null distribution is counted. */
const SIGNED_RANK_EXACT_MAX = 50;

/** The result of {@linkcode signedRank}. */
export interface SignedRankResult {
  /** W+: the sum of the ranks of |d| over the positive differences (average ranks for ties). */
  wPlus: number;
  /** Non-zero differences: zeros are dropped (Wilcoxon's convention). */
  n: number;
  /** Two-sided p-value. */
  p: number;
  method: "exact" | "normal";
}

/**
 * Null distribution of W+ for n untied ranks: `counts[w]` of the 2^n sign patterns give
 * W+ = w. Exact in doubles up to n = 50 (2^50 < 2^53).
 */
function nullCounts(n: number): Float64Array {
  const max = (n * (n + 1)) / 2;
  const counts = new Float64Array(max + 1);
  counts[0] = 1;
  for (let r = 1; r <= n; r++) {
    for (let w = max; w >= r; w--) counts[w] += counts[w - r];
  }
  return counts;
}

/** P(W+ <= w) under the null, from {@linkcode nullCounts}. */
function cdf(counts: Float64Array, w: number): number {
  let below = 0, total = 0;
  for (let k = 0; k < counts.length; k++) {
    total += counts[k];
    if (k <= w) below += counts[k];
  }
  return below / total;
}

/** Average ranks of `xs` (1-based), and the sizes of the groups of ties. */
function averageRanks(xs: number[]): { ranks: number[]; ties: number[] } {
  const order = xs.map((x, i) => [x, i] as const).sort((a, b) => a[0] - b[0]);
  const ranks = new Array<number>(xs.length), ties: number[] = [];
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j + 1 < order.length && order[j + 1][0] === order[i][0]) j++;
    const rank = (i + j + 2) / 2;
    for (let k = i; k <= j; k++) ranks[order[k][1]] = rank;
    if (j > i) ties.push(j - i + 1);
    i = j + 1;
  }
  return { ranks, ties };
}

/**
 * Two-sided Wilcoxon signed-rank test that the differences `d` are symmetric about 0.
 *
 * - zeros are dropped; with no non-zero difference, p = 1;
 * - **exact** when no |d| are tied and n <= 50: p = 2 · min(P(W+ <= w), P(W+ >= w)), capped
 *   at 1;
 * - **normal** otherwise: z = max(0, |w - n(n+1)/4| - 1/2) / σ, σ² = n(n+1)(2n+1)/24 -
 *   Σ(t³ - t)/48 over groups of tied |d|; p = erfc(z / √2).
 *
 * @example
 * ```ts
 * import { signedRank } from "./signed_rank.ts";
 * signedRank([1, 2, 3]); // { wPlus: 6, n: 3, p: 0.25, method: "exact" } (1 of 8 patterns, twice)
 * ```
 */
export function signedRank(d: readonly number[]): SignedRankResult {
  checkSample(d, "signedRank() differences", 1);
  const nz = d.filter((x) => x !== 0);
  const n = nz.length;
  if (n === 0) return { wPlus: 0, n: 0, p: 1, method: "exact" };
  const { ranks, ties } = averageRanks(nz.map(Math.abs));
  const wPlus = nz.reduce((s, x, i) => s + (x > 0 ? ranks[i] : 0), 0);
  if (ties.length === 0 && n <= SIGNED_RANK_EXACT_MAX) {
    const counts = nullCounts(n);
    const lower = cdf(counts, wPlus), upper = 1 - cdf(counts, wPlus - 1);
    return { wPlus, n, p: Math.min(1, 2 * Math.min(lower, upper)), method: "exact" };
  }
  const mean = (n * (n + 1)) / 4;
  const variance = (n * (n + 1) * (2 * n + 1)) / 24 -
    ties.reduce((s, t) => s + t ** 3 - t, 0) / 48;
  if (variance <= 0) return { wPlus, n, p: 1, method: "normal" };
  const z = Math.max(0, Math.abs(wPlus - mean) - 0.5) / Math.sqrt(variance);
  return { wPlus, n, p: Math.min(1, erfc(z / Math.SQRT2)), method: "normal" };
}

/** The Walsh averages (d_i + d_j)/2 for i <= j, sorted. */
function walshAverages(d: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < d.length; i++) {
    for (let j = i; j < d.length; j++) out.push((d[i] + d[j]) / 2);
  }
  return out.sort((a, b) => a - b);
}

/** The result of {@linkcode hodgesLehmann}. */
export interface HodgesLehmann {
  /** The median of the Walsh averages: the shift the signed-rank test is about. */
  estimate: number;
  /** The distribution-free interval at `level` (exact order statistics of Walsh averages). */
  ci: [number, number];
  /** The interval's actual coverage under the null distribution used. */
  coverage: number;
}

/**
 * Hodges-Lehmann estimate of the centre of symmetric differences `d`, with the interval that
 * inverts the signed-rank test: [W_(k), W_(M + 1 - k)] over the M = n(n+1)/2 sorted Walsh
 * averages, with k the largest integer such that P(W+ <= k - 1) <= (1 - level)/2 (counted
 * exactly for n <= 50, ties ignored; normal approximation above). With n = 1 the interval
 * is [d, d] only if level allows it; otherwise it is the whole range of the data.
 *
 * @example
 * ```ts
 * import { hodgesLehmann } from "./signed_rank.ts";
 * hodgesLehmann([1, 2, 3]).estimate; // 2 (Walsh averages 1, 1.5, 2, 2, 2.5, 3)
 * ```
 */
export function hodgesLehmann(d: readonly number[], level = 0.95): HodgesLehmann {
  checkSample(d, "hodgesLehmann() differences", 1);
  if (!(level > 0 && level < 1)) throw new RangeError(`Level must be in (0, 1), got ${level}`);
  const w = walshAverages(d);
  const m = w.length, n = d.length;
  const sorted = sortedCopy(w);
  const estimate = m % 2 === 1 ? sorted[(m - 1) / 2] : (sorted[m / 2 - 1] + sorted[m / 2]) / 2;
  const tail = (1 - level) / 2;
  let k: number, coverage: number;
  if (n <= SIGNED_RANK_EXACT_MAX) {
    const counts = nullCounts(n);
    k = 0;
    while (cdf(counts, k) <= tail) k++; // P(W+ <= k - 1) <= tail for the final k
    coverage = k === 0 ? 1 : 1 - 2 * cdf(counts, k - 1);
  } else {
    const z = Math.SQRT2 * inverseErfc(2 * tail);
    const sd = Math.sqrt((n * (n + 1) * (2 * n + 1)) / 24);
    k = Math.max(0, Math.floor(m / 2 - z * sd));
    coverage = level;
  }
  if (k === 0) return { estimate, ci: [sorted[0], sorted[m - 1]], coverage: 1 };
  return { estimate, ci: [sorted[k - 1], sorted[m - k]], coverage };
}

/** erfc⁻¹ by bisection (only for the large-n interval; 60 halvings are plenty). */
function inverseErfc(y: number): number {
  let lo = 0, hi = 10;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (erfc(mid) > y) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
