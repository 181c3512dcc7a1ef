/**
 * The exact null distribution of the Mann-Whitney U statistic for samples without ties.
 *
 * Under the null every arrangement of the m + n ranks is equally likely; the number of
 * arrangements giving U = k is the coefficient of q^k in the Gaussian binomial
 * [m + n choose m]_q = prod_{i=1..m} (1 - q^(n+i)) / (1 - q^i). Building that product one
 * factor at a time is a dynamic programme over counts: O(m · m · n) additions.
 */

const cache = new Map<string, Float64Array>();

/** Counts of arrangements for U = 0..m·n; cached because the gate reuses a few sizes. */
function uCounts(m: number, n: number): Float64Array {
  if (m > n) [m, n] = [n, m];
  const key = `${m},${n}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const c = new Float64Array(m * n + 1);
  c[0] = 1;
  for (let i = 1; i <= m; i++) {
    // Multiply by (1 - q^(n+i)): descending, so each coefficient reads the old value.
    for (let k = m * n; k >= n + i; k--) c[k] -= c[k - n - i];
    // Divide by (1 - q^i), i.e. multiply by 1 + q^i + q^2i + ...: ascending.
    for (let k = i; k <= m * n; k++) c[k] += c[k - i];
  }
  cache.set(key, c);
  return c;
}

/** Two-sided exact p-value of an integer U: twice the smaller tail, at most 1. */
export function exactTwoSidedP(u: number, m: number, n: number): number {
  const c = uCounts(m, n);
  let total = 0, below = 0, above = 0;
  for (let k = 0; k < c.length; k++) {
    total += c[k];
    if (k <= u) below += c[k];
    if (k >= u) above += c[k];
  }
  return Math.min(1, (2 * Math.min(below, above)) / total);
}
