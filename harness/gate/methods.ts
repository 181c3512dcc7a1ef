/**
 * How each verdict row was judged. A judging path builds its method here and sets it on every
 * row it makes (`judge_timing.ts`, `sequential_rows.ts`, `stored_rows.ts`, `judge_accuracy.ts`,
 * `reproducibility.ts`, `compare.ts`); the report's footer and its JSON list the methods the rows actually used,
 * so a new path only names its own. The statistics themselves: `harness/core/stats/`.
 */
import { type SequentialDesign, type SuiteSpec, TIMING_DEFAULTS } from "../core/stats/mod.ts";
import { describeQuality, PAIRED_QUALITY, STORED_QUALITY } from "./measured_quality.ts";
import type { JudgingMethod, VerdictRow } from "./types.ts";

export type { JudgingMethod };

const pct = (fraction: number) => `${Number((fraction * 100).toPrecision(4))}%`;
const level = `${TIMING_DEFAULTS.level * 100}%`;

/**
 * Timings of baseline and candidate runs timed apart, one margin for the machine and backend.
 *
 * @example
 * ```ts
 * unpairedTimingMethod(0.1).name; // "Mann-Whitney U, bootstrap interval"
 * ```
 */
export function unpairedTimingMethod(
  margin: number,
  alpha: number = TIMING_DEFAULTS.alpha,
): JudgingMethod {
  return {
    name: "Mann-Whitney U, bootstrap interval",
    rule: `a timing regresses when Mann-Whitney U over the two sides' windows gives ` +
      `p < ${alpha} and the whole ${level} percentile bootstrap interval of the ratio of ` +
      `medians lies beyond the practical margin (±${pct(margin)})`,
  };
}

/**
 * The paired mode: the sequential t over process pairs (`sequential_gate.ts`), with the
 * design's levels and this machine's measured error rates.
 *
 * @example
 * ```ts
 * import { DEFAULT_SEQUENTIAL_DESIGN } from "../core/stats/mod.ts";
 * sequentialPairedMethod(DEFAULT_SEQUENTIAL_DESIGN).name; // "sequential t over process pairs"
 * ```
 */
export function sequentialPairedMethod(design: SequentialDesign): JudgingMethod {
  const detect = design.detect.map((d) => pct(d.slowdown)).join(" and ");
  return {
    name: "sequential t over process pairs",
    rule: "baseline code and candidate code ran in pairs of processes taking turns window by " +
      "window, each pair giving the log ratio of the two sides' total times; after every pair " +
      `from ${design.minPairs} to ${design.maxPairs}, a one-sided Student t over the pairs ` +
      "(its spread never below half the pairs' own window noise): " +
      `regressed at p <= ${design.nominal.regressed.toPrecision(2)} per look (designed: at ` +
      `most ${pct(design.alpha)} false alarms per target, whatever the noise), unchanged once ` +
      `less than ${detect} slower are both shown, inconclusive at the cap or the time budget ` +
      `(never a failure); ${describeQuality(PAIRED_QUALITY)}`,
  };
}

/**
 * The paired mode's suite rows: groups of targets' process pairs together (`suiteVerdict`,
 * `suiteGroups`), read once when every target's own loop has ended.
 *
 * @example
 * ```ts
 * import { DEFAULT_SUITE_SPEC } from "../core/stats/mod.ts";
 * suitePairedMethod(DEFAULT_SUITE_SPEC).name; // "Welch t over groups of targets' process pairs"
 * ```
 */
export function suitePairedMethod(spec: SuiteSpec): JudgingMethod {
  return {
    name: "Welch t over groups of targets' process pairs",
    rule: "the same process pairs as the targets' rows, read together for all targets, for " +
      "each backend's targets and for each experiment's (where the plan has 2 or more and " +
      "fewer than all): the mean over the group's targets of each target's mean log ratio " +
      "(the geometric mean of their speed ratios), its standard error from each target's " +
      "spread (never below its floor), Welch's df; " +
      `regressed when shown more than ${pct(spec.margin)} slower at one-sided p <= ` +
      `${spec.alpha}, unchanged when shown less than ${pct(spec.unchangedBelow)} slower at the ` +
      "same level, else inconclusive (never a failure); it finds a slowdown of the whole " +
      "program, a backend or a model that each target's test alone misses within the budget; " +
      "measured with the targets' rows, as one gate (the sequential t's measured rates count " +
      "all rows)",
  };
}

/** The stored-baseline mode: per-process throughputs against the baseline's. */
export function storedBaselineMethod(alpha: number, floor: number): JudgingMethod {
  return {
    name: "per-process throughputs against a stored baseline",
    rule: "the candidate ran in several fresh processes, each judged by its throughput over " +
      "its windows, against the stored baseline's processes': a one-sided t whose standard error " +
      "carries the machine's drift between sessions and the wider session's spread; regressed " +
      `at p <= ${alpha} and more than ${pct(floor)} slower, unchanged when the ` +
      `${pct(1 - alpha)} bound clears ${pct(floor)}, else inconclusive (too few processes: ` +
      `inconclusive; another machine: not comparable); ${describeQuality(STORED_QUALITY)}`,
  };
}

/** Test accuracy when both sides ran the same seeds. */
export function accuracyBySeedMethod(tolerance: number): JudgingMethod {
  return {
    name: "t interval of per-seed differences",
    rule: "test accuracy paired by seed regresses when the 95% t interval of the per-seed " +
      `differences lies below -${tolerance} (the experiment's tolerance)`,
  };
}

/** Test accuracy when the seeds do not pair up. */
export function accuracyWelchMethod(tolerance: number): JudgingMethod {
  return {
    name: "Welch t interval",
    rule: "test accuracy regresses when the 95% Welch t interval of the difference of means " +
      `lies below -${tolerance} (the experiment's tolerance; a side with one seed takes the ` +
      "other side's spread)",
  };
}

/** Same seed, configuration, commit and machine: the weights must be bit-identical. */
export const BIT_IDENTICAL_METHOD: JudgingMethod = {
  name: "bit-identical weights",
  rule: "runs of the same seed, configuration, clean commit, machine and versions regress as " +
    "non-deterministic when their weights (or an epoch's) differ",
};

/** Whether each side's runs finished. */
export const TRAINING_STATUS_METHOD: JudgingMethod = {
  name: "run status",
  rule: "a model that trained at the baseline and no longer does is a regression; a side " +
    "with no finished run leaves nothing to compare (not comparable)",
};

/** What is not alike is not judged. */
export const LIKE_WITH_LIKE_METHOD: JudgingMethod = {
  name: "like with like",
  rule: "only the same declaration, resolved configuration and (for timings) machine and " +
    "versions are compared; anything else is not comparable, naming what differs",
};

/** A method with how many rows it judged. */
export interface MethodUse extends JudgingMethod {
  rows: number;
}

/**
 * The methods `rows` were judged by, in the order they first appear, each with its count.
 *
 * @example
 * ```ts
 * methodsUsed([]); // []
 * ```
 */
export function methodsUsed(rows: readonly Pick<VerdictRow, "method">[]): MethodUse[] {
  const used = new Map<string, MethodUse>();
  for (const { method } of rows) {
    const key = `${method.name}\u0000${method.rule}`;
    const seen = used.get(key);
    if (seen) seen.rows++;
    else used.set(key, { ...method, rows: 1 });
  }
  return [...used.values()];
}
