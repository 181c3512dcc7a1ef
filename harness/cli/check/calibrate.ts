/** `check --calibrate`: A/A timings in fresh processes, and the margin they support. */
import { UserError } from "../../core/errors.ts";
import { fmt, table } from "../../core/table.ts";
import { gitState } from "../../run/provenance.ts";
import { SESSION_METRIC, storeCalibrations } from "../../../results/calibrations.ts";
import type { RunData } from "../../../results/mod.ts";
import { sampleStd } from "../../core/stats/mod.ts";
import { processSpeeds } from "../../gate/timing/mod.ts";
import { readRuns } from "../../../results/runs.ts";
import { calibrate, type CalibrationResult } from "../../gate/calibrate.ts";
import { perfInChild } from "../../gate/timing/mod.ts";
import { DEFAULT_GATE_BACKENDS, gateExperiments } from "../../gate/default_experiments.ts";
import { intFlag } from "../args.ts";
import { EXIT } from "../exit.ts";
import type { CheckContext } from "./context.ts";

/** Time the current code `--repeats` times, then store and print the calibrated margins. */
export async function calibrateMode(ctx: CheckContext): Promise<number> {
  const repeats = intFlag("repeats", ctx.flags.repeats);
  if (repeats < 2) {
    throw new UserError(`--repeats must be at least 2 for A/A pairs, got ${repeats}`);
  }
  const chosen = gateExperiments(await ctx.declared(), ctx.flags.experiment);
  // Each repeat in a fresh process, as the gate meets a stored baseline: medians move more
  // between processes than between the windows of one.
  const suites: string[] = [];
  const targets = chosen.flatMap((d) =>
    (ctx.backends ?? DEFAULT_GATE_BACKENDS).map((b) => [d.experiment.id, b] as const)
  );
  for (let i = 0; i < repeats; i++) {
    for (const [experiment, backend] of targets) {
      const r = await perfInChild({
        experiment,
        backend,
        db: ctx.db,
        experiments: ctx.flags.experiments,
      });
      suites.push(r.suiteId);
      ctx.progress.note(
        `calibrate ${i + 1}/${repeats}: ${experiment} on ${backend}: ${
          r.imagesPerS === null ? r.status : `${fmt(r.imagesPerS, 1)} images/s`
        }`,
      );
    }
  }
  const runs = await readRuns(ctx.db, suites);
  const results = calibrate(runs);
  const git = await gitState();
  await storeCalibrations(ctx.db, [
    ...results.map((c) => ({ ...c, quantile: 0.99, gitCommit: git.commit })),
    ...sessionRecords(runs, targets, git.commit),
  ]);
  console.log(calibrationTable(results));
  console.log(
    `\nstored in ${ctx.db} (table calibrations); suites ${
      suites.map((s) => s.slice(0, 8)).join(", ")
    }`,
  );
  return EXIT.ok;
}

/**
 * This invocation as one session of the stored-baseline mode's calibration: per machine,
 * backend and experiment, each process's throughput, and their spread (sd of the logs) in
 * the margin column.
 */
function sessionRecords(
  runs: RunData[],
  targets: (readonly [string, string])[],
  gitCommit: string | null,
) {
  return targets.flatMap(([experiment, backend]) => {
    const processes = processSpeeds(runs, experiment, backend);
    if (processes.length < 2) return [];
    const speeds = processes.map((p) => p.imagesPerS);
    return [{
      envId: processes[0].envId,
      backend,
      metric: `${SESSION_METRIC}${experiment}`,
      margin: sampleStd(speeds.map(Math.log)),
      quantile: 0,
      pairs: speeds.length,
      observed: speeds,
      gitCommit,
    }];
  });
}

function calibrationTable(results: CalibrationResult[]): string {
  return table(
    ["backend", "A/A pairs", "margin", "false alarms", "5% slowdown caught", "10% slowdown caught"],
    results.map((c) => [
      c.backend,
      String(c.pairs),
      `${fmt(c.margin * 100, 2)}%`,
      `${fmt(c.falseAlarms * 100, 1)}%`,
      `${fmt(c.detected5 * 100, 1)}%`,
      `${fmt(c.detected10 * 100, 1)}%`,
    ]),
  );
}
