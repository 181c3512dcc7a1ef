/**
 * Whole gate runs for `simulate_sequential.ts --plan`: several targets, each with its own
 * spread and cost per process pair, sharing one time budget; the undecided ones get the next
 * pairs (`allocate_pairs.ts`). Scores the run as CI sees it: does it fail (any target
 * regressed), and how long it takes, to the end and to the first regressed target.
 */
import type { Rng } from "../rng.ts";
import { quantile } from "./descriptive.ts";
import { nextPairs, type TargetState } from "./allocate_pairs.ts";
import type { SequentialDesign } from "./sequential_design.ts";
import { sequentialVerdict } from "./sequential_verdict.ts";
import { type Condition, drawTheta } from "./_sequential_model.ts";

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
}

interface RunResult {
  fails: boolean;
  regressed: number;
  inconclusive: number;
  timeS: number;
  firstFailS: number;
}

function oneRun(design: SequentialDesign, o: PlanOptions, c: Omit<Condition, "s">): RunResult {
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
  for (;;) {
    const ids = nextPairs(states, o.budgetS - t);
    if (ids.length === 0) break;
    for (const id of ids) {
      const i = Number(id), th = thetas[i];
      th.push(drawTheta({ ...c, s: o.spreads[i] }, th.length, first[i], rng));
      t += o.costs[i];
      const r = sequentialVerdict(th, design);
      states[i] = { ...states[i], decision: r.decision, pairs: th.length };
      if (r.decision === "regressed" && Number.isNaN(firstFailS)) firstFailS = t;
    }
  }
  const regressed = states.filter((s) => s.decision === "regressed").length;
  const inconclusive =
    states.filter((s) => s.decision === "inconclusive" || s.decision === "continue").length;
  return { fails: regressed > 0, regressed, inconclusive, timeS: t, firstFailS };
}

/** Print one Markdown table of whole gate runs under each slowdown and outlier rate. */
export function simulatePlan(design: SequentialDesign, o: PlanOptions): void {
  if (o.costs.length !== o.spreads.length) {
    throw new RangeError(`--costs and --plan-s need one value per target`);
  }
  console.log(
    `Plan: ${o.costs.length} targets, seconds per pair ${o.costs.join(", ")}, spreads ${
      o.spreads.join(", ")
    }, budget ${o.budgetS} s\n`,
  );
  console.log(
    "| slowdown | outliers | gate fails | targets regressed | targets inconclusive | " +
      "median s | p90 s | max s | median s to first regressed |",
  );
  console.log("| - | - | - | - | - | - | - | - | - |");
  for (const outliers of o.outliers) {
    for (const slowdown of o.slowdowns) {
      const runs = Array.from(
        { length: o.trials },
        () => oneRun(design, o, { ...o, slowdown, outliers }),
      );
      const times = runs.map((r) => r.timeS);
      const firsts = runs.map((r) => r.firstFailS).filter((x) => !Number.isNaN(x));
      const n = o.trials * o.costs.length;
      const pct = (x: number) => (100 * x).toFixed(x < 0.01 && x > 0 ? 2 : 1);
      console.log(
        `| ${slowdown} | ${outliers} | ${pct(runs.filter((r) => r.fails).length / o.trials)} | ${
          pct(runs.reduce((a, r) => a + r.regressed, 0) / n)
        } | ${pct(runs.reduce((a, r) => a + r.inconclusive, 0) / n)} | ${
          quantile(times, 0.5).toFixed(0)
        } | ${quantile(times, 0.9).toFixed(0)} | ${Math.max(...times).toFixed(0)} | ${
          firsts.length ? quantile(firsts, 0.5).toFixed(0) : "-"
        } |`,
      );
    }
  }
}
