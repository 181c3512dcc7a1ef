/**
 * Whole gate runs for `simulate_sequential.ts --plan`: several targets, each with its own
 * spread and cost per process pair, sharing one time budget; the undecided ones get the next
 * pairs (`allocate_pairs.ts`). Scores the run as CI sees it: does it fail (any target
 * regressed, or the suite row of all targets together, `suite_verdict.ts`), and how long it
 * takes, to the end and to the first regressed target.
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
  /** The suite row's rule; null leaves it out (the targets' rows alone). */
  suite?: SuiteSpec | null;
}

/** The suite row's rule a plan runs with: its own, the default, or none (null). */
const suiteSpec = (o: PlanOptions) => (o.suite === undefined ? DEFAULT_SUITE_SPEC : o.suite);

/** θ of pair `j` of target `i`; `first` 0 when the baseline starts pair 0, else 1. */
type Draw = (i: number, j: number, first: number) => number;

interface RunResult {
  fails: boolean;
  /** Failed by a target's own row (the suite row aside). */
  targetsFail: boolean;
  suiteRegressed: boolean;
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
  }));
  let t = 0, firstFailS = NaN;
  const bias = o.checkSd ? o.checkSd * rng.normal() : 0;
  for (;;) {
    const ids = nextPairs(states, o.budgetS - t);
    if (ids.length === 0) break;
    for (const id of ids) {
      const i = Number(id), th = thetas[i];
      th.push(draw(i, th.length, first[i]) + bias);
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
  const suiteRegressed = spec !== null && n >= 2 &&
    suiteVerdict(thetas.map((x) => ({ thetas: x })), spec).decision === "regressed";
  if (suiteRegressed && Number.isNaN(firstFailS)) firstFailS = t;
  return {
    fails: regressed > 0 || suiteRegressed,
    targetsFail: regressed > 0,
    suiteRegressed,
    regressed,
    inconclusive,
    timeS: t,
    firstFailS,
  };
}

/** The share of `runs` that failed the gate. */
const failShare = (runs: RunResult[]) => runs.filter((r) => r.fails).length / runs.length;

/** `trials` gate runs with each target's θ drawn from `pools` (measured pairs), shifted. */
function empiricalRuns(
  design: SequentialDesign,
  o: PlanOptions,
  pools: number[][],
  slowdown: number,
): RunResult[] {
  const shift = -Math.log1p(slowdown);
  const draw: Draw = (i) => pools[i][o.rng.int(pools[i].length)] + shift;
  return Array.from({ length: o.trials }, () => oneRun(design, o, draw));
}

/** Resamplings of the checks asked for (only with measured pairs). */
const bootCount = (o: PlanOptions) => (o.thetas && o.checkBoot ? o.checkBoot : 0);

/** The header line of the plan's table, and what the θ are drawn from. */
function describePlan(o: PlanOptions): string {
  const pools = o.thetas ? pooledThetas(o.thetas) : [];
  const from = o.thetas
    ? `θ drawn from measured pairs (${
      o.thetas.targets.map((t, i) => `${t}: ${pools[i].length}`).join(", ")
    }; ${o.thetas.checks.length} checks)`
    : `spreads ${o.spreads.join(", ")}`;
  const spec = suiteSpec(o);
  const suite = spec === null ? "no suite row" : `suite row ${JSON.stringify(spec)}`;
  return `Plan: ${o.costs.length} targets, seconds per pair ${o.costs.join(", ")}, ${from}, ` +
    `budget ${o.budgetS} s, ${suite}${o.checkSd ? `, a bias of sd ${o.checkSd} per check` : ""}`;
}

/** Check the options that `simulatePlan` needs to agree. */
function checkPlan(o: PlanOptions): void {
  const n = o.thetas ? o.thetas.targets.length : o.spreads.length;
  if (o.costs.length !== n) {
    throw new RangeError(
      o.thetas
        ? `--costs needs one value per target of --thetas (${o.thetas.targets.join(", ")})`
        : `--costs and --plan-s need one value per target`,
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
  /** Runs failed by a target's own row, and runs whose suite row regressed. */
  targetsFail: number;
  suiteRegressed: number;
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
            (i, j, first) => drawTheta({ ...c, s: o.spreads[i] }, j, first, o.rng),
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

/** Print one Markdown table of whole gate runs under each slowdown and outlier rate. */
export function simulatePlan(design: SequentialDesign, o: PlanOptions): void {
  const rows = planRows(design, o);
  const boot = bootCount(o);
  console.log(`${describePlan(o)}\n`);
  console.log(
    "| slowdown | outliers | gate fails | by a target's row | by the suite row | " +
      "targets regressed | targets inconclusive | " +
      "median s | p90 s | max s | median s to first regressed |" +
      (boot ? ` gate fails, checks resampled ${boot} times (2.5-97.5%) |` : ""),
  );
  console.log(`| - | - | - | - | - | - | - | - | - | - | - |${boot ? " - |" : ""}`);
  const pct = (x: number) => (100 * x).toFixed(x < 0.01 && x > 0 ? 2 : 1);
  for (const r of rows) {
    const cells = [
      r.slowdown,
      r.outliers,
      pct(r.fails),
      pct(r.targetsFail),
      pct(r.suiteRegressed),
      pct(r.regressed),
      pct(r.inconclusive),
      r.medianS.toFixed(0),
      r.p90S.toFixed(0),
      r.maxS.toFixed(0),
      r.firstFailS === null ? "-" : r.firstFailS.toFixed(0),
      ...(r.failsResampled ? [r.failsResampled.map(pct).join("-")] : []),
    ];
    console.log(`| ${cells.join(" | ")} |`);
  }
}
