/**
 * A suite whose runs are scripted, for tests of the recorder and the suite loop: three
 * planned runs of a real declaration, each "executed" by handing back a canned outcome.
 *
 * Run as a script (`deno run -A scripted_suite.ts DB`), it records such a suite in DB and
 * holds its second run until it is killed, after printing `holding` on stdout: a test sends
 * it Ctrl-C there.
 */
import { discover, select } from "../core/discover.ts";
import { benchPlan, type PlannedRun } from "../run/plan.ts";
import { Progress } from "../run/progress.ts";
import type { RunOutcome } from "../run/recorder.ts";
import { type Executor, runSuitePlan } from "../run/suite.ts";
import { Store } from "../../results/mod.ts";

/** Three runs (seeds 1-3) of the Keras MLP on cpu, in the quick profile. */
export async function scriptedPlan(): Promise<PlannedRun[]> {
  const { experiments } = await discover();
  return benchPlan(select(experiments, "keras-mlp-mnist-004"), {
    profile: "quick",
    overrides: { seeds: 3, backends: ["cpu"] },
    kernels: "default",
  });
}

/** The outcome each run of the scripted plan hands to the store: ok, failed, skipped. */
export const SCRIPTED_OUTCOMES: RunOutcome[] = [
  {
    end: {
      status: "ok",
      wallS: 1.5,
      testAccuracy: 0.875,
      weightsSha256: "ab12",
      kernels: ["Adam@cpu:js"],
      backendInfo: { name: "cpu", replicas: 2 },
    },
    epochs: [1, 2].map((epoch) => ({
      epoch,
      loss: 1 / epoch,
      accuracy: 0.5 + epoch / 10,
      valLoss: null,
      valAccuracy: null,
      wallS: 0.5,
      samplesPerS: 512,
      weightsSha256: `w${epoch}`,
    })),
    measurements: [0, 1].map((idx) => ({
      name: "window",
      unit: "samples/s",
      idx,
      value: 500 + idx,
    })),
  },
  { end: { status: "failed", reason: "Error: boom", wallS: 0.25 }, epochs: [], measurements: [] },
  { end: { status: "skipped", reason: "no webgpu here", wallS: 0 }, epochs: [], measurements: [] },
];

/**
 * An executor that hands back `SCRIPTED_OUTCOMES` in order; after each run's write it carries
 * one measurement (`after_write`, valued the run's index). With `hold`, the run of that index
 * prints `holding` and never ends.
 */
export function scriptedExecutor(hold?: number): Executor<string, number> {
  let i = 0;
  return {
    async execute() {
      const index = i++;
      if (index === hold) {
        console.log("holding");
        // A timer, not a bare promise: a process with nothing pending would end by itself.
        await new Promise((resolve) => setTimeout(resolve, 3_600_000));
      }
      return { outcome: structuredClone(SCRIPTED_OUTCOMES[index]), report: index, detail: "" };
    },
    afterWrite: (done) => [{ name: "after_write", unit: "n", idx: 0, value: done.report }],
  };
}

if (import.meta.main) {
  const plan = await scriptedPlan();
  await runSuitePlan(
    new Store(Deno.args[0]),
    { kind: "bench", profile: "quick", argv: ["scripted"] },
    plan,
    scriptedExecutor(1),
    { progress: new Progress(false, null, true) },
  );
}
