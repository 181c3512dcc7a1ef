/** `check --record FILE`: run the gate's plan now and save the runs as a baseline file. */
import { Store } from "../../../results/mod.ts";
import { readRuns } from "../../../results/runs.ts";
import { gitState } from "../../run/provenance.ts";
import { runPlan } from "../../gate/candidate.ts";
import { baselineJson } from "../../gate/baseline_file.ts";
import { DEFAULT_GATE_BACKENDS, gateExperiments } from "../../gate/default_experiments.ts";
import { STORED_PROCESSES, timeProcesses } from "../../gate/timing/mod.ts";
import { GATE_PROTOCOL } from "../../gate/timing/mod.ts";
import { intFlag } from "../args.ts";
import { EXIT } from "../exit.ts";
import type { CheckContext } from "./context.ts";

/**
 * Bench runs (quick, `--seeds` seeds) of `--experiment` (default: the gate's default
 * experiments) on `--backend` (default cpu and wasm), then `STORED_PROCESSES` timing
 * processes of each, written as a version-2 baseline file: per-process timings, so a check
 * without the baseline's code can judge timings across processes, and the commit, so a check
 * with it pairs against that code.
 */
export async function recordMode(ctx: CheckContext, file: string): Promise<number> {
  const seeds = intFlag("seeds", ctx.flags.seeds);
  const chosen = gateExperiments(await ctx.declared(), ctx.flags.experiment);
  const tfjs = ctx.backends ?? [...DEFAULT_GATE_BACKENDS];
  const bench = await runPlan(new Store(ctx.db), {
    bench: { experiments: chosen, backends: tfjs, seeds, profile: "quick" },
    perf: null,
  }, { progress: ctx.progress, argv: ["check", ...ctx.args] });
  const targets = chosen.flatMap((d) =>
    tfjs.map((backend) => ({ experiment: d.experiment.id, backend }))
  );
  const timed = await timeProcesses(targets, STORED_PROCESSES, {
    db: ctx.db,
    experiments: ctx.flags.experiments,
    log: (line) => ctx.flags.quiet || console.error(line),
  });
  const suites = [...bench, ...timed.suites];
  const runs = await readRuns(ctx.db, suites);
  const git = await gitState();
  await Deno.writeTextFile(
    file,
    baselineJson(runs, { suites, gitCommit: git.commit }, {
      processesPerTarget: STORED_PROCESSES,
      protocol: GATE_PROTOCOL,
    }),
  );
  console.log(
    `wrote ${runs.length} runs (${timed.suites.length} timing processes) to ${file}` +
      (git.dirty
        ? ` (warning: the tree has uncommitted changes; commit ${
          git.commit?.slice(0, 10)
        } is not what ran)`
        : ""),
  );
  return EXIT.ok;
}
