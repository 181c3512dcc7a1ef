/**
 * Wald's sequential probability ratio test for the mean of normal values with a known scale,
 * kept as the comparison in `simulate_sequential.ts`: it is the fastest test when σ is right,
 * and the simulation shows what its error rates become when σ was calibrated on a quiet
 * machine and the gate then runs on a loaded one. The gate itself uses the t-based design.
 */

/** Wald's boundaries on the log likelihood ratio of H1 over H0. */
export interface WaldBounds {
  /** Accept H1 at or above: ln((1 - beta) / alpha). */
  upper: number;
  /** Accept H0 at or below: ln(beta / (1 - alpha)). */
  lower: number;
}

/** Wald's approximate boundaries for error rates `alpha` (P(accept H1 | H0)) and `beta`. */
export function waldBounds(alpha: number, beta: number): WaldBounds {
  if (!(alpha > 0 && beta > 0 && alpha + beta < 1)) {
    throw new RangeError(`Wald bounds need alpha, beta > 0 with alpha + beta < 1`);
  }
  return { upper: Math.log((1 - beta) / alpha), lower: Math.log(beta / (1 - alpha)) };
}

/**
 * The log likelihood ratio of N(mu1, σ²) over N(mu0, σ²) for the values `xs`:
 * Σ ((mu1 - mu0)/σ²)(x - (mu0 + mu1)/2).
 */
export function normalLlr(xs: readonly number[], mu0: number, mu1: number, sigma: number): number {
  const slope = (mu1 - mu0) / (sigma * sigma), mid = (mu0 + mu1) / 2;
  let llr = 0;
  for (const x of xs) llr += slope * (x - mid);
  return llr;
}

/** The SPRT's decision after the values so far: H1, H0, or continue (or none at the cap). */
export function waldSprt(
  xs: readonly number[],
  test: { mu0: number; mu1: number; sigma: number; alpha: number; beta: number; cap: number },
): "H0" | "H1" | "continue" | "none" {
  const { upper, lower } = waldBounds(test.alpha, test.beta);
  const llr = normalLlr(xs, test.mu0, test.mu1, test.sigma);
  if (llr >= upper) return "H1";
  if (llr <= lower) return "H0";
  return xs.length >= test.cap ? "none" : "continue";
}
