/**
 * The noise model and the rules that `simulate_sequential.ts` scores: process-pair summaries
 * θ_j drawn as a target's gate run would produce them, fed one at a time to each rule until it
 * stops.
 */
import type { Rng } from "../rng.ts";
import { mean, sampleStd } from "./descriptive.ts";
import { tCdf, tQuantile } from "./student_t.ts";
import type { SequentialDesign } from "./sequential_design.ts";
import { sequentialVerdict } from "./sequential_verdict.ts";
import { waldSprt } from "./_wald_sprt.ts";

/** How one target's process pairs are drawn. */
export interface Condition {
  /** Spread of θ between process pairs (ln ratio). */
  s: number;
  /** True slowdown of the candidate (0.05 = 5% more time per step). */
  slowdown: number;
  /** Share of disturbed process pairs, each shifted by a uniform 0.05-0.25 in ln ratio. */
  outliers: number;
  /** "both": a disturbance hits either side (sign at random); "candidate": always slower. */
  outlierSide: "both" | "candidate";
  /** "normal", or "t3": Student t with 3 df scaled to the same sd (heavy tails throughout). */
  noise: "normal" | "t3";
  /** From this pair on (0-based) the spread is multiplied by `shiftFactor` (load starts). */
  shiftAt: number;
  shiftFactor: number;
  /** First-starter effect: +b when the baseline starts first, -b otherwise (alternating). */
  firstEffect: number;
}

/** θ_j (0-based j) under `c`; `first` 0 when the baseline starts pair 0, else 1. */
export function drawTheta(c: Condition, j: number, first: number, rng: Rng): number {
  let z: number;
  if (c.noise === "t3") {
    // t3 = Z / sqrt(χ²₃/3) has variance 3: divide by √3 for unit variance.
    const chi = rng.normal() ** 2 + rng.normal() ** 2 + rng.normal() ** 2;
    z = rng.normal() / Math.sqrt(chi / 3) / Math.sqrt(3);
  } else z = rng.normal();
  const s = j >= c.shiftAt ? c.s * c.shiftFactor : c.s;
  let theta = -Math.log1p(c.slowdown) + s * z +
    ((j + first) % 2 === 0 ? c.firstEffect : -c.firstEffect);
  if (rng.next() < c.outliers) {
    const size = 0.05 + 0.2 * rng.next();
    theta += c.outlierSide === "candidate" || rng.next() < 0.5 ? -size : size;
  }
  return theta;
}

/** How a rule ended one target: its verdict and the pairs it used. */
export interface Outcome {
  verdict: "regressed" | "unchanged" | "inconclusive";
  pairs: number;
}

/** A rule: fed θ's one at a time, returns an outcome once it stops. */
export type Rule = (next: () => number) => Outcome;

/** The gate's sequential rule with `design`. */
export function sequentialRule(design: SequentialDesign): Rule {
  return (next) => {
    const thetas: number[] = [];
    for (;;) {
      thetas.push(next());
      const r = sequentialVerdict(thetas, design);
      if (r.decision !== "continue") {
        return { verdict: r.decision, pairs: thetas.length } as Outcome;
      }
    }
  };
}

/**
 * Today's rule (`clusteredTimingVerdict`): a fixed `k` pairs, Student t over θ, regressed when
 * p < alpha and the whole 95% interval of the ratio lies below 1/(1 + margin); unchanged when
 * p >= alpha or the interval lies inside the band; else inconclusive.
 */
export function fixedRule(k: number, margin = 0.02, alpha = 0.01): Rule {
  const q = tQuantile(0.975, k - 1), band = Math.log1p(margin);
  return (next) => {
    const t = Array.from({ length: k }, next);
    const m = mean(t), se = sampleStd(t) / Math.sqrt(k);
    const p = 2 * (1 - tCdf(Math.abs(m / se), k - 1));
    const [lo, hi] = [m - q * se, m + q * se];
    if (p < alpha && hi < -band) return { verdict: "regressed", pairs: k };
    if (p >= alpha || (lo > -band && hi < band)) return { verdict: "unchanged", pairs: k };
    return { verdict: "inconclusive", pairs: k };
  };
}

/**
 * Wald's SPRT of θ's mean 0 against -ln(1 + detect), with σ fixed at `sigma` (calibrated
 * beforehand) and a cap: "none" at the cap is inconclusive.
 */
export function sprtRule(
  sigma: number,
  opts: { alpha: number; beta: number; detect: number; minPairs: number; cap: number },
): Rule {
  const test = { mu0: 0, mu1: -Math.log1p(opts.detect), sigma, ...opts };
  return (next) => {
    const xs: number[] = [];
    for (;;) {
      xs.push(next());
      if (xs.length < opts.minPairs) continue;
      const d = waldSprt(xs, test);
      if (d === "H1") return { verdict: "regressed", pairs: xs.length };
      if (d === "H0") return { verdict: "unchanged", pairs: xs.length };
      if (d === "none") return { verdict: "inconclusive", pairs: xs.length };
    }
  };
}

/** Rates of one rule over `trials` targets drawn under `c`. */
export interface Score {
  regressed: number;
  unchanged: number;
  inconclusive: number;
  meanPairs: number;
  /** The 90th percentile of the pairs used. */
  p90Pairs: number;
}

/** Score `rule` on `trials` independent targets under `c`. */
export function score(rule: Rule, c: Condition, trials: number, rng: Rng): Score {
  const counts = { regressed: 0, unchanged: 0, inconclusive: 0 };
  const used: number[] = [];
  for (let i = 0; i < trials; i++) {
    let j = 0;
    const first = rng.next() < 0.5 ? 0 : 1; // which side starts the first pair
    const o = rule(() => drawTheta(c, j++, first, rng));
    counts[o.verdict]++;
    used.push(o.pairs);
  }
  used.sort((a, b) => a - b);
  return {
    regressed: counts.regressed / trials,
    unchanged: counts.unchanged / trials,
    inconclusive: counts.inconclusive / trials,
    meanPairs: mean(used),
    p90Pairs: used[Math.floor(0.9 * (trials - 1))],
  };
}
