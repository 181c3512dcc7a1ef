/**
 * The normal and Student-t distributions: CDFs and quantiles.
 *
 * @module
 */
import { betaInc, erfc } from "./_special.ts";
import { checkProbability } from "./_sample.ts";

/**
 * The standard normal CDF, Φ(z).
 *
 * @example
 * ```ts
 * import { normalCdf } from "./mod.ts";
 * normalCdf(1.959963984540054); // 0.975
 * ```
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

function checkDf(df: number): void {
  if (typeof df !== "number" || !(df > 0)) {
    throw new RangeError(`Degrees of freedom must be positive, got "${String(df)}"`);
  }
}

/**
 * The CDF of Student's t with `df` degrees of freedom (any real `df > 0`; `Infinity` gives the
 * normal), via the regularized incomplete beta: P(T <= t) = 1 - I_x(df/2, 1/2) / 2 with
 * x = df / (df + t²) for t > 0.
 *
 * @example
 * ```ts
 * import { tCdf } from "./mod.ts";
 * tCdf(1, 1); // 0.75 (Cauchy: 1/2 + atan(1)/π)
 * ```
 */
export function tCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return NaN;
  if (df === Infinity) return normalCdf(t);
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const tail = 0.5 * betaInc(df / (df + t * t), df / 2, 0.5);
  return t > 0 ? 1 - tail : tail;
}

/**
 * The quantile (inverse CDF) of Student's t: the `t` with P(T <= t) = p.
 *
 * Found by bisection on {@linkcode tCdf}, so it is as accurate as the CDF (about 1e-12), for
 * any real `df > 0`; `df = Infinity` gives the normal quantile.
 *
 * @example
 * ```ts
 * import { tQuantile } from "./mod.ts";
 * tQuantile(0.975, 1); // 12.706
 * tQuantile(0.975, 9); // 2.262
 * tQuantile(0.975, Infinity); // 1.960
 * ```
 */
export function tQuantile(p: number, df: number): number {
  checkProbability(p, "Probability", true);
  checkDf(df);
  if (p === 0.5) return 0;
  // Solve for the upper tail and mirror: the CDF is symmetric about 0.
  const upper = p > 0.5;
  const q = upper ? p : 1 - p;
  // Closed forms for df 1 and 2 are exact and avoid bisecting a very heavy tail.
  let t: number;
  if (df === 1) t = Math.tan(Math.PI * (q - 0.5));
  else if (df === 2) t = (2 * q - 1) / Math.sqrt(2 * q * (1 - q));
  else {
    let lo = 0, hi = 1;
    while (tCdf(hi, df) < q) {
      lo = hi;
      hi *= 2;
    }
    for (let i = 0; i < 200 && hi - lo > 1e-13 * hi; i++) {
      const mid = 0.5 * (lo + hi);
      if (tCdf(mid, df) < q) lo = mid;
      else hi = mid;
    }
    t = 0.5 * (lo + hi);
  }
  return upper ? t : -t;
}
