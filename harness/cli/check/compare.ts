/**
 * `check --baseline REF|FILE`: judge a candidate (run now, or `--candidate` suites) against a
 * baseline, optionally timing it beside the code at `--paired-ref`, and print the report.
 */
import type { BackendName } from "../../core/experiment.ts";
import { idMatcher } from "../../core/discover.ts";
import { UserError } from "../../core/errors.ts";
import { Store } from "../../../results/mod.ts";
import type { RunData } from "../../../results/types.ts";
import { readRuns } from "../../../results/runs.ts";
import { readMargins } from "../../../results/calibrations.ts";
import { planFromBaseline, runPlan } from "../../gate/candidate.ts";
import { compareRuns } from "../../gate/compare.ts";
import { declaredTolerance } from "../../gate/judge_accuracy.ts";
import { describeMargins, gateMargin } from "../../gate/margin.ts";
import { pairedRows } from "../../gate/paired_rows.ts";
import { pairedTargets } from "../../gate/paired_targets.ts";
import { gateOutcome, jsonReport, markdownReport } from "../../gate/report.ts";
import { gateJunit } from "../../gate/junit.ts";
import { resolveRuns, type RunSource } from "../../gate/sources.ts";
import { intFlag } from "../args.ts";
import { EXIT } from "../exit.ts";
import { warnSplitGaps } from "../split_gaps.ts";
import type { CheckContext } from "./context.ts";

/** Run what the baseline ran, on this tree, now (without perf runs when timing paired). */
async function runCandidate(ctx: CheckContext, baseline: RunData[], paired: boolean) {
  const plan = planFromBaseline(await ctx.declared(), baseline, ctx.backends);
  // Paired timing runs the candidate's perf runs itself, beside the baseline's code.
  if (paired) plan.perf = null;
  const suites = await runPlan(new Store(ctx.db), plan, {
    progress: ctx.progress,
    argv: ["check", ...ctx.args],
  });
  return {
    runs: await readRuns(ctx.db, suites),
    label: `this tree, run now (suites ${suites.map((s) => s.slice(0, 8)).join(", ")})`,
  };
}

/** Compare, print the Markdown (or JSON) report; 1 when anything regressed. */
export async function compareMode(ctx: CheckContext): Promise<number> {
  const { flags, db, backends } = ctx;
  const ref = flags["paired-ref"];
  if (ref && flags.candidate) {
    throw new UserError("--paired-ref times the candidate now; it cannot take --candidate suites");
  }
  if (!flags.baseline) {
    throw new UserError(
      "--baseline is required (a baseline file, a suite id, a git ref or latest)",
    );
  }
  const pairs = ref ? intFlag("pairs", flags.pairs) : 0;
  const keep = (r: { experimentId: string; backend: string }) =>
    (!backends || backends.includes(r.backend as BackendName)) &&
    (!flags.experiment || idMatcher(flags.experiment)(r.experimentId));
  const baseline = await resolveRuns(db, flags.baseline);
  baseline.runs = baseline.runs.filter(keep);
  if (baseline.runs.length === 0) {
    throw new UserError(`The baseline has no runs for this selection`);
  }
  const candidate: Pick<RunSource, "runs" | "label"> = flags.candidate
    ? await resolveRuns(db, flags.candidate)
    : await runCandidate(ctx, baseline.runs, ref !== undefined);
  candidate.runs = candidate.runs.filter(keep);
  const used = new Set([...baseline.runs, ...candidate.runs].map((r) => r.suiteId));
  await warnSplitGaps(db, (p) => p.shards.some((s) => used.has(s.suiteId)));

  const calibrated = await readMargins(db);
  const declared = await ctx.declared();
  let rows = compareRuns(baseline.runs, candidate.runs, {
    margin: gateMargin(calibrated),
    accuracyTolerance: declaredTolerance(declared),
  });
  if (ref) {
    // Timings come from the paired runs only: the stored baseline's were timed elsewhere.
    const paired = await pairedRows(ref, pairedTargets(baseline.runs, declared, backends), {
      db,
      experiments: flags.experiments,
      pairs,
      log: (line) => flags.quiet || console.error(line),
    });
    rows = [...rows.filter((r) => r.kind !== "timing"), ...paired];
  }
  const meta = {
    baseline: baseline.label,
    candidate: candidate.label,
    margins: describeMargins(calibrated, ref),
  };
  const md = markdownReport(rows, meta);
  if (flags.markdown) await Deno.writeTextFile(flags.markdown, md);
  if (flags.junit) await Deno.writeTextFile(flags.junit, gateJunit(rows));
  console.log(flags.json ? JSON.stringify(jsonReport(rows, meta), null, 2) : md);
  return gateOutcome(rows) === "fail" ? EXIT.finding : EXIT.ok;
}
