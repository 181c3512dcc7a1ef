/**
 * The statistic a sequential look reads, shared by the design's simulation and the verdict so
 * both compute exactly the same number.
 *
 * - `t`: Student's t, (mean - target) √k / s on k - 1 df.
 * - `trimmed`: the Tukey-McLaughlin trimmed t. From `trimFrom` values on, the largest and the
 *   smallest value are trimmed: the location is the mean of the middle h = k - 2 values, its
 *   standard error s_w / ((h/k) √k) with s_w the standard deviation of the sample winsorized
 *   at the same points (each extreme replaced by its neighbour), on h - 1 df. One disturbed
 *   process pair then moves neither the location nor the spread by more than its neighbour
 *   would, where with the plain t it widens the spread and stalls the decision.
 *
 * Both are location and scale equivariant, so under normal θ the law of the statistic (and so
 * the simulated boundaries) does not depend on σ. The p-values are exact per look for `t`;
 * for `trimmed` they are the usual approximation, and the design's simulation of the whole
 * sequence calibrates the overall error exactly either way.
 */

/** Which statistic, and from how many pairs `trimmed` trims one value at each end. */
export interface LookStatisticSpec {
  statistic: "t" | "trimmed";
  /** `trimmed` only: the fewest pairs at which the two extremes are trimmed (at least 5). */
  trimFrom?: number;
}

/** Location, standard error and degrees of freedom of `xs` under `spec` (at least 2 values). */
export function lookEstimate(
  xs: readonly number[],
  spec: LookStatisticSpec,
): { center: number; se: number; df: number } {
  const k = xs.length;
  const g = spec.statistic === "trimmed" && k >= Math.max(5, spec.trimFrom ?? 5) ? 1 : 0;
  if (g === 0) {
    let sum = 0;
    for (const x of xs) sum += x;
    const m = sum / k;
    let ss = 0;
    for (const x of xs) ss += (x - m) * (x - m);
    return { center: m, se: Math.sqrt(ss / (k - 1) / k), df: k - 1 };
  }
  const s = [...xs].sort((a, b) => a - b), h = k - 2 * g;
  let trimmed = 0;
  for (let i = g; i < k - g; i++) trimmed += s[i];
  const center = trimmed / h;
  const w = s.map((x, i) => (i < g ? s[g] : i >= k - g ? s[k - g - 1] : x));
  const wm = w.reduce((a, b) => a + b, 0) / k;
  let ss = 0;
  for (const x of w) ss += (x - wm) * (x - wm);
  const sw = Math.sqrt(ss / (k - 1));
  return { center, se: sw / ((h / k) * Math.sqrt(k)), df: h - 1 };
}

/** (center - target)/se, a zero spread read as an infinitely sharp estimate. */
export function lookT(center: number, target: number, se: number): number {
  const diff = center - target;
  if (se > 0) return diff / se;
  return diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
}
