/**
 * Whole gate runs for `simulate_sequential.ts --plan`: several targets, each with its own
 * spread and cost per process pair, sharing one time budget; the undecided ones get the next
 * pairs (`allocate_pairs.ts`). Scores the run as CI sees it: does it fail (any target
 * regressed, or a suite row of all targets or of a group of them, `suite_verdict.ts`), and how
 * long it takes, to the end and to the first regressed target.
 */
import type { Rng } from "../rng.ts";
import { quantile } from "./descriptive.ts";
import { nextPairs, type TargetState } from "./allocate_pairs.ts";
import type { SequentialDesign } from "./sequential_design.ts";
import { sequentialVerdict } from "./sequential_verdict.ts";
import { DEFAULT_SUITE_SPEC, type SuiteSpec, suiteVerdict } from "./suite_verdict.ts";
import { type Condition, drawTheta } from "./_sequential_model.ts";
import { pooledThetas, resampleChecks, type ThetaPool } from "./_theta_pool.ts";

/** What `--plan` simulates. */
export interface PlanOptions extends Omit<Condition, "s" | "slowdown" | "outliers"> {
  /** Seconds per process pair of each target. */
  costs: number[];
  /** Spread of θ of each target (same order as `costs`). */
  spreads: number[];
  budgetS: number;
  slowdowns: number[];
  outliers: number[];
  trials: number;
  rng: Rng;
  /**
   * Measured pairs to draw each target's θ from (with replacement, shifted by the slowdown)
   * instead of the normal model with `spreads`; its targets in the order of `costs`.
   */
  thetas?: ThetaPool;
  /** With `thetas`: this many resamplings of its checks, for an interval on the figures. */
  checkBoot?: number;
  /**
   * Spread of a bias shared by all targets of one gate run (a check's own: one N(0, sd²) draw
   * per run added to every θ), as `suite.md` estimates it between live checks. Default 0.
   */
  checkSd?: number;
  /** The suite rows' rule; null leaves them out (the targets' rows alone). */
  suite?: SuiteSpec | null;
  /**
   * Groups of targets (indices, 2 or more and fewer than all) read together by a suite row of
   * their own, as the gate reads each backend's and each experiment's (`suiteGroups`). Default
   * none.
   */
  groups?: number[][];
  /** False: the groups' rows are not read (their biases, `groupSd`, still drawn). */
  readGroups?: boolean;
  /** The targets a slowdown slows (indices); default all. */
  slowed?: number[];
  /**
   * Spread of a bias shared by the targets of one group in one run (one N(0, sd²) draw per
   * group of `groups` per run, added to each of its targets' θ: a target in two groups gets
   * both). Default 0.
   */
  groupSd?: number;
  /** Pairs each target gets per round while undecided (`allocate_pairs.ts`); default 1 each. */
  perRound?: number[];
}

/** The suite row's rule a plan runs with: its own, the default, or none (null). */
export const suiteSpec = (o: PlanOptions) => (o.suite === undefined ? DEFAULT_SUITE_SPEC : o.suite);

/** θ of pair `j` of target `i`; `first` 0 when the baseline starts pair 0, else 1. */
type Draw = (i: number, j: number, first: number) => number;

interface RunResult {
  fails: boolean;
  /** Failed by a target's own row (the suite rows aside). */
  targetsFail: boolean;
  suiteRegressed: boolean;
  /** A group's suite row regressed. */
  groupRegressed: boolean;
  regressed: number;
  inconclusive: number;
  timeS: number;
  firstFailS: number;
}

function oneRun(design: SequentialDesign, o: PlanOptions, draw: Draw): RunResult {
  const n = o.costs.length, rng = o.rng;
  const thetas: number[][] = Array.from({ length: n }, () => []);
  const first = Array.from({ length: n }, () => (rng.next() < 0.5 ? 0 : 1));
  const states: TargetState[] = o.costs.map((costS, i) => ({
    id: String(i),
    decision: "continue",
    pairs: 0,
    costS,
    perRound: o.perRound?.[i] ?? 1,
  }));
  let t = 0, firstFailS = NaN;
  const bias = o.checkSd ? o.checkSd * rng.normal() : 0;
  const biases = Array.from({ length: n }, () => bias);
  for (const g of o.groupSd ? o.groups ?? [] : []) {
    const b = o.groupSd! * rng.normal();
    for (const i of g) biases[i] += b;
  }
  for (;;) {
    const ids = nextPairs(states, o.budgetS - t);
    if (ids.length === 0) break;
    for (const id of ids) {
      const i = Number(id), th = thetas[i];
      // A target named twice in a round stops getting pairs once one decides it.
      if (states[i].decision !== "continue") continue;
      th.push(draw(i, th.length, first[i]) + biases[i]);
      t += o.costs[i];
      const r = sequentialVerdict(th, design);
      states[i] = { ...states[i], decision: r.decision, pairs: th.length };
      if (r.decision === "regressed" && Number.isNaN(firstFailS)) firstFailS = t;
    }
  }
  const regressed = states.filter((s) => s.decision === "regressed").length;
  const inconclusive =
    states.filter((s) => s.decision === "inconclusive" || s.decision === "continue").length;
  const spec = suiteSpec(o);
  const reads = (members: number[]) =>
    spec !== null && members.length >= 2 &&
    suiteVerdict(members.map((i) => ({ thetas: thetas[i] })), spec).decision === "regressed";
  const suiteRegressed = reads(thetas.map((_, i) => i));
  const groupRegressed = o.readGroups !== false && (o.groups ?? []).some(reads);
  if ((suiteRegressed || groupRegressed) && Number.isNaN(firstFailS)) firstFailS = t;
  return {
    fails: regressed > 0 || suiteRegressed || groupRegressed,
    targetsFail: regressed > 0,
    suiteRegressed,
    groupRegressed,
    regressed,
    inconclusive,
    timeS: t,
    firstFailS,
  };
}

/** The share of `runs` that failed the gate. */
const failShare = (runs: RunResult[]) => runs.filter((r) => r.fails).length / runs.length;

/** The slowdown target `i` gets: `slowdown` if `slowed` names it (or names none), else 0. */
const slowdownOf = (o: PlanOptions, i: number, slowdown: number) =>
  !o.slowed || o.slowed.includes(i) ? slowdown : 0;

/** `trials` gate runs with each target's θ drawn from `pools` (measured pairs), shifted. */
function empiricalRuns(
  design: SequentialDesign,
  o: PlanOptions,
  pools: number[][],
  slowdown: number,
): RunResult[] {
  const shifts = pools.map((_, i) => -Math.log1p(slowdownOf(o, i, slowdown)));
  const draw: Draw = (i) => pools[i][o.rng.int(pools[i].length)] + shifts[i];
  return Array.from({ length: o.trials }, () => oneRun(design, o, draw));
}

/** Resamplings of the checks asked for (only with measured pairs). */
export const bootCount = (o: PlanOptions) => (o.thetas && o.checkBoot ? o.checkBoot : 0);

/** Check the options that `planRows` needs to agree. */
function checkPlan(o: PlanOptions): void {
  const n = o.thetas ? o.thetas.targets.length : o.spreads.length;
  if (o.costs.length !== n) {
    throw new RangeError(
      o.thetas
        ? `--costs needs one value per target of --thetas (${o.thetas.targets.join(", ")})`
        : `--costs and --plan-s need one value per target`,
    );
  }
  const index = (what: string) => (i: number) => {
    if (!Number.isInteger(i) || i < 0 || i >= n) {
      throw new RangeError(`${what}: ${i} is not a target's index (0-${n - 1})`);
    }
  };
  (o.groups ?? []).forEach((g) => g.forEach(index("--groups")));
  (o.slowed ?? []).forEach(index("--slowed"));
  if (
    o.perRound &&
    (o.perRound.length !== n || !o.perRound.every((k) => Number.isInteger(k) && k >= 1))
  ) {
    throw new RangeError(
      `--per-round needs one whole number >= 1 per target (${n}), got ${o.perRound.join(",")}`,
    );
  }
  if (!o.thetas && o.checkBoot) {
    throw new RangeError("--check-boot resamples the checks of --thetas: give a file");
  }
  if (o.thetas && o.outliers.some((x) => x !== 0)) {
    throw new RangeError(
      "--thetas draws measured pairs: their outliers are in them (--outliers=0)",
    );
  }
  if (o.thetas && pooledThetas(o.thetas).some((pairs) => pairs.length === 0)) {
    throw new RangeError("--thetas: every target needs at least one pair");
  }
}

/** One slowdown and outlier rate of whole gate runs, as `simulatePlan` prints it. */
export interface PlanRow {
  slowdown: number;
  outliers: number;
  /** Shares of runs and of targets (0-1). */
  fails: number;
  /** Runs failed by a target's own row; whose row of all targets, or of a group, regressed. */
  targetsFail: number;
  suiteRegressed: number;
  groupRegressed: number;
  regressed: number;
  inconclusive: number;
  /** Seconds of pairs: median, 90th percentile and most of the runs. */
  medianS: number;
  p90S: number;
  maxS: number;
  /** Median seconds to the first regressed target, null when none was. */
  firstFailS: number | null;
  /** 2.5% and 97.5% quantiles of `fails` over resampled checks, with `checkBoot`. */
  failsResampled: [number, number] | null;
}

/** Whole gate runs under each slowdown and outlier rate. */
export function planRows(design: SequentialDesign, o: PlanOptions): PlanRow[] {
  checkPlan(o);
  const boot = bootCount(o);
  const pools = o.thetas ? pooledThetas(o.thetas) : null;
  return o.outliers.flatMap((outliers) =>
    o.slowdowns.map((slowdown): PlanRow => {
      const c = { ...o, slowdown, outliers };
      const runs = pools
        ? empiricalRuns(design, o, pools, slowdown)
        : Array.from({ length: o.trials }, () =>
          oneRun(
            design,
            o,
            (i, j, first) =>
              drawTheta(
                { ...c, s: o.spreads[i], slowdown: slowdownOf(o, i, slowdown) },
                j,
                first,
                o.rng,
              ),
          ));
      const times = runs.map((r) => r.timeS);
      const firsts = runs.map((r) => r.firstFailS).filter((x) => !Number.isNaN(x));
      const n = o.trials * o.costs.length;
      const resampled = Array.from(
        { length: boot },
        () => failShare(empiricalRuns(design, o, resampleChecks(o.thetas!, o.rng), slowdown)),
      );
      return {
        slowdown,
        outliers,
        fails: failShare(runs),
        targetsFail: runs.filter((r) => r.targetsFail).length / runs.length,
        suiteRegressed: runs.filter((r) => r.suiteRegressed).length / runs.length,
        groupRegressed: runs.filter((r) => r.groupRegressed).length / runs.length,
        regressed: runs.reduce((a, r) => a + r.regressed, 0) / n,
        inconclusive: runs.reduce((a, r) => a + r.inconclusive, 0) / n,
        medianS: quantile(times, 0.5),
        p90S: quantile(times, 0.9),
        maxS: Math.max(...times),
        firstFailS: firsts.length ? quantile(firsts, 0.5) : null,
        failsResampled: boot ? [quantile(resampled, 0.025), quantile(resampled, 0.975)] : null,
      };
    })
  );
}
