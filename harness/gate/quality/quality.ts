/** Rates with honest intervals, for the gate's measured quality (`check --quality`). */

/** A rate with its counts and a Wilson 95% interval. */
export interface Rate {
  hits: number;
  checks: number;
  rate: number;
  low: number;
  high: number;
}

/**
 * Wilson score interval at 95% for `hits` of `n`: sensible at 0 and n hits.
 *
 * @example
 * ```ts
 * wilson(0, 125).high < 0.03; // true: 125 checks without a false alarm bound it below 3%
 * ```
 */
export function wilson(hits: number, n: number): Rate {
  if (!(Number.isInteger(hits) && Number.isInteger(n) && n >= 0 && hits >= 0 && hits <= n)) {
    throw new RangeError(`wilson(): need 0 <= hits <= n integers, got ${hits} of ${n}`);
  }
  if (n === 0) return { hits, checks: 0, rate: NaN, low: NaN, high: NaN };
  const z = 1.959963984540054, p = hits / n, z2 = z * z;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
  return {
    hits,
    checks: n,
    rate: p,
    low: Math.max(0, centre - half),
    high: Math.min(1, centre + half),
  };
}
