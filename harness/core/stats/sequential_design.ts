/**
 * Boundaries of the gate's group-sequential t-test over process pairs
 * ({@linkcode sequentialVerdict}): how small a one-sided p-value must be at each look so that
 * the chance of ever crossing, over all looks, is the designed error rate.
 *
 * The test statistic at look k is Student's t of the k process-pair summaries θ_1..θ_k
 * (T_k = √k (mean - μ)/s; or a trimmed t, `_look_statistic.ts`). For normal θ its joint law
 * over the looks does not depend on the spread σ, whatever σ is (scale invariance: T_k is
 * unchanged when every θ - μ is multiplied by the same factor). So one simulation of standard normal sequences gives boundaries that
 * hold on a quiet machine (σ = 0.01) and on a loaded one (σ = 0.08) alike, with σ never
 * estimated beforehand or calibrated.
 *
 * The boundary is a constant nominal level per look (Pocock's shape, applied to exact t
 * p-values): at look k the p-value P(t_{k-1} <= T_k) is compared with the same `nominal`
 * for every k. With M = min over the looks of the p-values of a null sequence, the overall
 * crossing probability at nominal level c is P(M <= c), so the nominal level for an overall
 * error `level` is the `level`-quantile of M: one simulation, no bisection.
 *
 * @module
 */
import { Rng } from "../rng.ts";
import { normalCdf, tCdf } from "./student_t.ts";
import { lookEstimate, type LookStatisticSpec, lookT } from "./_look_statistic.ts";

/** Which looks a sequential test takes, and the statistic it reads (default `t`). */
export interface LookSchedule extends Partial<LookStatisticSpec> {
  /** The first look (at least 2: a t statistic needs a spread). */
  minPairs: number;
  /** The last look: the cap. Every k from `minPairs` to `maxPairs` is a look. */
  maxPairs: number;
  /**
   * True for a z statistic with σ known (= 1): the textbook case, to check this simulation
   * against published group-sequential constants. The gate uses t (σ unknown).
   */
  knownScale?: boolean;
}

function checkSchedule(s: LookSchedule): void {
  const { minPairs, maxPairs } = s;
  if (!(Number.isInteger(minPairs) && Number.isInteger(maxPairs))) {
    throw new RangeError(`Looks must be integers, got ${minPairs}..${maxPairs}`);
  }
  const lowest = s.knownScale ? 1 : 2;
  if (minPairs < lowest || maxPairs < minPairs) {
    throw new RangeError(
      `Looks need ${lowest} <= minPairs <= maxPairs, got ${minPairs}..${maxPairs}`,
    );
  }
}

/**
 * For each of `sims` sequences of `maxPairs` independent standard normal values, the smallest
 * lower-tail p-value over the looks `minPairs..maxPairs`: P(t_df <= T_k) with T_k and df
 * those of the schedule's statistic (`_look_statistic.ts`; `t`: df = k - 1), or Φ(√k mean)
 * with `knownScale`. Draws come from `rng` only.
 *
 * @example
 * ```ts
 * import { Rng } from "../rng.ts";
 * import { minPValues } from "./sequential_design.ts";
 * // One look: M is the p-value of one t-test, uniform under the null.
 * const m = minPValues({ minPairs: 5, maxPairs: 5 }, 1000, new Rng(1));
 * m.filter((p) => p <= 0.1).length / 1000; // about 0.1
 * ```
 */
export function minPValues(schedule: LookSchedule, sims: number, rng: Rng): Float64Array {
  checkSchedule(schedule);
  if (!(Number.isInteger(sims) && sims >= 1)) {
    throw new RangeError(`Simulations must be a positive integer, got ${sims}`);
  }
  const { minPairs, maxPairs, knownScale = false } = schedule;
  const stat = { statistic: schedule.statistic ?? "t", trimFrom: schedule.trimFrom };
  const out = new Float64Array(sims);
  const xs: number[] = [];
  for (let i = 0; i < sims; i++) {
    let sum = 0, min = 1;
    xs.length = 0;
    for (let k = 1; k <= maxPairs; k++) {
      const x = rng.normal();
      xs.push(x);
      sum += x;
      if (k < minPairs) continue;
      let p: number;
      if (knownScale) p = normalCdf(Math.sqrt(k) * (sum / k));
      else {
        const e = lookEstimate(xs, stat);
        p = tCdf(lookT(e.center, 0, e.se), e.df);
      }
      if (p < min) min = p;
    }
    out[i] = min;
  }
  return out;
}

/**
 * The nominal per-look level that gives an overall one-sided error of `level` over the looks
 * of `schedule`: the `level`-quantile (type 7) of {@linkcode minPValues}. Monte-Carlo: with
 * `sims` sequences the overall error of the returned level has a standard error of about
 * √(level (1 - level) / sims).
 *
 * @example
 * ```ts
 * import { Rng } from "../rng.ts";
 * import { nominalLevel } from "./sequential_design.ts";
 * // Pocock's two-look z test at one-sided 0.025: each look at 2.178 (p 0.0147).
 * nominalLevel({ minPairs: 1, maxPairs: 2, knownScale: true }, 0.025, 200000, new Rng(1));
 * // about 0.0147
 * ```
 */
export function nominalLevel(
  schedule: LookSchedule,
  level: number,
  sims: number,
  rng: Rng,
): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`Level must be in (0, 1), got ${level}`);
  return nominalLevels(schedule, [level], sims, rng)[0];
}

/** {@linkcode nominalLevel} for several levels from the same simulated sequences. */
export function nominalLevels(
  schedule: LookSchedule,
  levels: readonly number[],
  sims: number,
  rng: Rng,
): number[] {
  const m = minPValues(schedule, sims, rng).sort();
  return levels.map((level) => {
    if (!(level > 0 && level < 1)) throw new RangeError(`Level must be in (0, 1), got ${level}`);
    const h = (m.length - 1) * level, lo = Math.floor(h);
    return lo + 1 < m.length ? m[lo] + (h - lo) * (m[lo + 1] - m[lo]) : m[lo];
  });
}

/** What a sequential test over process pairs must achieve: the error rates it is designed for. */
export interface SequentialSpec extends LookSchedule {
  /** "Regressed" means slower by more than this fraction (0: slower at all). */
  margin: number;
  /** The most P(regressed) may be when the candidate is exactly `margin` slower (0: A/A). */
  alpha: number;
  /**
   * Slowdowns the test must not call unchanged, each with the most P(unchanged) may be when
   * the candidate is exactly that much slower (every larger slowdown is then caught as often).
   */
  detect: readonly { slowdown: number; beta: number }[];
}

/** A {@linkcode SequentialSpec} with its simulated per-look nominal levels. */
export interface SequentialDesign extends SequentialSpec {
  /** One-sided p-value thresholds, the same at every look: regressed, then one per `detect`. */
  nominal: { regressed: number; unchanged: number[] };
  /** How the levels were simulated (sequences and seed), for the record. */
  sims: number;
  seed: number;
}

function checkSpec(spec: SequentialSpec): void {
  checkSchedule(spec);
  if (spec.knownScale) throw new RangeError("The gate's design is for an unknown scale");
  if (!(spec.margin >= 0 && spec.margin < 1)) {
    throw new RangeError(`Margin must be in [0, 1), got ${spec.margin}`);
  }
  for (const { slowdown, beta } of spec.detect) {
    if (!(slowdown > spec.margin && beta > 0 && beta < 1)) {
      throw new RangeError(
        `A slowdown to detect must exceed the margin ${spec.margin} with beta in (0, 1), ` +
          `got ${slowdown} with beta ${beta}`,
      );
    }
  }
}

/**
 * Simulate the nominal levels of `spec` (see the module note): the regressed boundary's at
 * `alpha`, each unchanged boundary's at its `beta`, all from one set of `sims` standard
 * normal sequences drawn from `new Rng(seed)`. The unchanged test of slowdown Δ is the mirror
 * of the regressed test (T = √k (mean + ln(1 + Δ))/s against the upper tail), so under its
 * own null its min p-value has the same law, and one simulation serves all boundaries. Each
 * boundary is designed as if the others were absent; a look that stops on another boundary
 * first can only lower its error, so the designed rates are upper bounds.
 *
 * @example
 * ```ts
 * import { designSequential } from "./sequential_design.ts";
 * const d = designSequential(
 *   { minPairs: 3, maxPairs: 10, margin: 0, alpha: 0.0025, detect: [{ slowdown: 0.05, beta: 0.02 }] },
 *   { sims: 20000 },
 * );
 * d.nominal.regressed < 0.0025; // true: ten looks share the error
 * ```
 */
export function designSequential(
  spec: SequentialSpec,
  { sims = 200_000, seed = 1 }: { sims?: number; seed?: number } = {},
): SequentialDesign {
  checkSpec(spec);
  const levels = nominalLevels(
    spec,
    [spec.alpha, ...spec.detect.map((d) => d.beta)],
    sims,
    new Rng(seed).split("sequential design"),
  );
  return {
    ...spec,
    detect: spec.detect.map((d) => ({ ...d })),
    nominal: { regressed: levels[0], unchanged: levels.slice(1) },
    sims,
    seed,
  };
}
