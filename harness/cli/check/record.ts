/** `check --record FILE`: run the gate's plan now and save the runs as a baseline file. */
import { Store } from "../../../results/mod.ts";
import { runPlan } from "../../gate/candidate.ts";
import { gateExperiments } from "../../gate/default_experiments.ts";
import { intFlag } from "../args.ts";
import type { CheckContext } from "./context.ts";
import { exportBaseline } from "./export_baseline.ts";

/**
 * Bench runs (quick, `--seeds` seeds) and perf runs of `--experiment` (default: the gate's
 * default experiments) on `--backend` (default every TensorFlow.js backend), then exported.
 */
export async function recordMode(ctx: CheckContext, file: string): Promise<number> {
  const seeds = intFlag("seeds", ctx.flags.seeds);
  const chosen = gateExperiments(await ctx.declared(), ctx.flags.experiment);
  const tfjs = ctx.backends ?? ["cpu", "wasm", "webgpu"];
  const suites = await runPlan(new Store(ctx.db), {
    bench: { experiments: chosen, backends: tfjs, seeds, profile: "quick" },
    perf: { experiments: chosen, backends: tfjs },
  }, { progress: ctx.progress, argv: ["check", ...ctx.args] });
  return await exportBaseline(ctx.db, suites.join(","), file);
}
