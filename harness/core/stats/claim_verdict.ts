/**
 * Whether measurements reproduce a number claimed in an article.
 *
 * @module
 */
import { sampleStd } from "./descriptive.ts";
import { meanCI } from "./mean_ci.ts";
import { checkProbability, checkSample } from "./_sample.ts";

/** The shape of a claim. */
export type ClaimKind = "at_least" | "at_most" | "approximately" | "qualitative";

/** Input of {@linkcode claimVerdict}. */
export interface ClaimInput {
  kind: ClaimKind;
  /** The claimed number (for "qualitative": the caller's threshold for its interpretation). */
  value: number;
  /** Slack around `value`; default 0, required for "approximately". */
  tolerance?: number;
  /** One measurement per run (seed). */
  measured: readonly number[];
  /** Confidence level of the interval; default 0.95. */
  level?: number;
}

/** Output of {@linkcode claimVerdict}. */
export interface ClaimVerdictResult {
  verdict: "reproduced" | "not_reproduced" | "inconclusive";
  mean: number;
  /** Sample standard deviation; `NaN` for one run. */
  std: number;
  /** Student-t interval of the mean; `[NaN, NaN]` for one run. */
  ci: [number, number];
  n: number;
  reason: string;
}

/**
 * Judge a claim against measurements, from their mean and its Student-t interval. With
 * tol = tolerance (default 0):
 * - **at_least** (and **qualitative**, which the caller has turned into "higher is the claim
 *   holding, at least `value`"): reproduced when mean >= value - tol; not reproduced when the
 *   whole CI is below value - tol; inconclusive otherwise.
 * - **at_most**: reproduced when mean <= value + tol; not reproduced when the whole CI is
 *   above value + tol; inconclusive otherwise.
 * - **approximately** (tolerance required): reproduced when the mean lies in
 *   [value - tol, value + tol]; not reproduced when the whole CI lies outside that band;
 *   inconclusive otherwise.
 *
 * So "reproduced" needs the point estimate to meet the claim, and "not reproduced" needs the
 * data to contradict it at the CI's level. With one run there is no interval: it either meets
 * the claim (reproduced) or is inconclusive, never "not reproduced".
 *
 * @example
 * ```ts
 * import { claimVerdict } from "./mod.ts";
 * claimVerdict({ kind: "at_least", value: 0.97, measured: [0.975, 0.98, 0.985] }).verdict;
 * // "reproduced": mean 0.98 >= 0.97
 * ```
 */
export function claimVerdict(input: ClaimInput): ClaimVerdictResult {
  const { kind, value, tolerance = 0, measured, level = 0.95 } = input;
  checkSample(measured, "claimVerdict() measured");
  checkProbability(level, "Level", true);
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TypeError(`Claim value must be a finite number, got "${String(value)}"`);
  }
  if (typeof tolerance !== "number" || !(tolerance >= 0) || !Number.isFinite(tolerance)) {
    throw new RangeError(`Tolerance must be a finite number >= 0, got "${String(tolerance)}"`);
  }
  if (kind === "approximately" && input.tolerance === undefined) {
    throw new TypeError(`Claim kind "approximately" needs a tolerance, got "undefined"`);
  }

  const { mean, low, high, n } = meanCI(measured, level);
  const base = { mean, std: sampleStd(measured), ci: [low, high] as [number, number], n };
  const ciText = n > 1 ? `CI ${low.toPrecision(4)} to ${high.toPrecision(4)}` : "one run, no CI";
  const about = `mean ${mean.toPrecision(4)} (${ciText})`;
  const verdict = (v: ClaimVerdictResult["verdict"], why: string): ClaimVerdictResult => ({
    verdict: v,
    ...base,
    reason: `${about} ${why}`,
  });

  switch (kind) {
    case "at_least":
    case "qualitative": {
      const t = value - tolerance;
      if (mean >= t) return verdict("reproduced", `meets >= ${t}`);
      if (high < t) return verdict("not_reproduced", `entirely below ${t}`);
      return verdict("inconclusive", `below ${t}, CI reaches it`);
    }
    case "at_most": {
      const t = value + tolerance;
      if (mean <= t) return verdict("reproduced", `meets <= ${t}`);
      if (low > t) return verdict("not_reproduced", `entirely above ${t}`);
      return verdict("inconclusive", `above ${t}, CI reaches it`);
    }
    case "approximately": {
      const lo = value - tolerance, hi = value + tolerance;
      if (mean >= lo && mean <= hi) return verdict("reproduced", `within [${lo}, ${hi}]`);
      if (high < lo || low > hi) {
        return verdict("not_reproduced", `entirely outside [${lo}, ${hi}]`);
      }
      return verdict("inconclusive", `outside [${lo}, ${hi}], CI reaches it`);
    }
    default:
      throw new TypeError(`Unknown claim kind "${String(kind)}"`);
  }
}
