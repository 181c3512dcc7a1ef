/**
 * `check --baseline REF|FILE`: judge a candidate (run now, or `--candidate` suites) against a
 * baseline and print the report. Accuracy and reproducibility: the candidate's bench runs
 * against the baseline's. Timings: paired whenever the baseline's code is reachable (timed
 * beside this tree, process pair by process pair), else against the stored baseline's
 * processes (`gate/timing/timing_mode.ts` chooses, and the report says why).
 */
import type { BackendName } from "../../core/experiment.ts";
import { idMatcher } from "../../core/discover.ts";
import { UserError } from "../../core/errors.ts";
import { REPO_ROOT } from "../../core/paths.ts";
import { Store } from "../../../results/mod.ts";
import type { RunData } from "../../../results/types.ts";
import { readRuns } from "../../../results/runs.ts";
import { planFromBaseline, runPlan } from "../../gate/candidate.ts";
import { compareRuns } from "../../gate/compare.ts";
import { declaredTolerance } from "../../gate/judge_accuracy.ts";
import { UNCALIBRATED_MARGIN } from "../../gate/margin.ts";
import { pairedTargets } from "../../gate/timing/mod.ts";
import { pairedTimingRows } from "../../gate/timing/mod.ts";
import { storedTimingRows } from "../../gate/timing/mod.ts";
import { gitProbe } from "../../gate/timing/mod.ts";
import { chooseTimingMode, type TimingMode } from "../../gate/timing/mod.ts";
import { gateOutcome, inconclusiveWarning, jsonReport, markdownReport } from "../../gate/report.ts";
import { gateJunit } from "../../gate/junit.ts";
import { resolveRuns, type RunSource } from "../../gate/sources.ts";
import type { VerdictRow } from "../../gate/types.ts";
import { intFlag } from "../args.ts";
import { EXIT } from "../exit.ts";
import { warnSplitGaps } from "../split_gaps.ts";
import type { CheckContext } from "./context.ts";

const bench = (runs: RunData[]) => runs.filter((r) => r.suiteKind === "bench");

/** Run the baseline's bench runs on this tree, now (the timing modes run their own processes). */
async function runCandidate(ctx: CheckContext, baseline: RunData[]) {
  const plan = planFromBaseline(await ctx.declared(), baseline, ctx.backends);
  plan.perf = null;
  const suites = await runPlan(new Store(ctx.db), plan, {
    progress: ctx.progress,
    argv: ["check", ...ctx.args],
  });
  return {
    runs: suites.length ? await readRuns(ctx.db, suites) : [],
    label: `this tree, run now${
      suites.length ? ` (suites ${suites.map((s) => s.slice(0, 8)).join(", ")})` : ""
    }`,
  };
}

/** The flags, checked, and the baseline's runs of this selection. */
async function baselineOf(ctx: CheckContext): Promise<RunSource> {
  const { flags, backends } = ctx;
  if (flags["paired-ref"] && flags.candidate) {
    throw new UserError("--paired-ref times the candidate now; it cannot take --candidate suites");
  }
  if (flags.timing !== "auto" && flags.timing !== "stored") {
    throw new UserError(`--timing must be auto or stored, got "${flags.timing}"`);
  }
  if (!flags.baseline) {
    throw new UserError(
      "--baseline is required (a baseline file, a suite id, a git ref or latest)",
    );
  }
  const keep = (r: { experimentId: string; backend: string }) =>
    (!backends || backends.includes(r.backend as BackendName)) &&
    (!flags.experiment || idMatcher(flags.experiment)(r.experimentId));
  const baseline = await resolveRuns(ctx.db, flags.baseline);
  baseline.runs = baseline.runs.filter(keep);
  if (baseline.runs.length === 0) {
    throw new UserError(`The baseline has no runs for this selection`);
  }
  return baseline;
}

/** Compare, print the Markdown (or JSON) report; 1 when anything regressed. */
export async function compareMode(ctx: CheckContext): Promise<number> {
  const { flags, db } = ctx;
  const deadlineS = performance.now() / 1000 + intFlag("time-budget", flags["time-budget"]);
  const log = (line: string) => flags.quiet || console.error(line);
  const baseline = await baselineOf(ctx);
  const mode: TimingMode = await chooseTimingMode({
    pairedRef: flags["paired-ref"],
    forceStored: flags.timing === "stored",
    candidateStored: flags.candidate !== undefined,
    env: Deno.env.toObject(),
    baselineCommit: baseline.gitCommit,
    baselineLabel: flags.baseline!,
  }, gitProbe(REPO_ROOT));
  log(`timings: ${mode.why}`);
  const stored = flags.candidate ? await resolveRuns(db, flags.candidate) : null;
  const candidate: Pick<RunSource, "runs" | "label"> = stored ??
    await runCandidate(ctx, bench(baseline.runs));
  const used = new Set([...baseline.runs, ...candidate.runs].map((r) => r.suiteId));
  await warnSplitGaps(db, (p) => p.shards.some((s) => used.has(s.suiteId)));

  const declared = await ctx.declared();
  const rows: VerdictRow[] = compareRuns(bench(baseline.runs), bench(candidate.runs), {
    margin: () => UNCALIBRATED_MARGIN,
    judgeTimings: false,
    accuracyTolerance: declaredTolerance(declared),
  });
  const targets = pairedTargets(baseline.runs, declared, ctx.backends);
  const timing = { db, experiments: flags.experiments, log };
  if (mode.mode === "paired") {
    rows.push(...await pairedTimingRows(mode.commit, targets, { ...timing, deadlineS }));
  } else if (baseline.runs.some((r) => r.suiteKind === "perf")) {
    rows.push(
      ...await storedTimingRows(targets, baseline, { ...timing, candidateRuns: stored?.runs }),
    );
  }
  const meta = {
    baseline: baseline.label,
    candidate: candidate.label,
    timing: { mode: mode.mode, reason: mode.why },
  };
  const md = markdownReport(rows, meta);
  if (flags.markdown) await Deno.writeTextFile(flags.markdown, md);
  if (flags.junit) await Deno.writeTextFile(flags.junit, gateJunit(rows));
  console.log(flags.json ? JSON.stringify(jsonReport(rows, meta), null, 2) : md);
  const warning = inconclusiveWarning(rows);
  if (warning) console.error(`warning: ${warning}`);
  return gateOutcome(rows) === "fail" ? EXIT.finding : EXIT.ok;
}
