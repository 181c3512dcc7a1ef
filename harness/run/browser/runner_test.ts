import assert from "node:assert/strict";
import { discover, select } from "../../core/discover.ts";
import { benchPlan } from "../plan.ts";
import { Progress } from "../progress.ts";
import { CHROMIUM_ENV, NO_CHROMIUM } from "./launch.ts";
import { browserTraining } from "./train_runs.ts";

const { experiments } = await discover();

function plan(id: string) {
  return benchPlan(select(experiments, id), {
    profile: "quick",
    overrides: { backends: ["wasm"] },
    kernels: "default",
    runtimes: ["chromium"],
  });
}

Deno.test("without Chromium a browser run is skipped, saying how to install it", async () => {
  const before = Deno.env.get(CHROMIUM_ENV);
  Deno.env.set(CHROMIUM_ENV, "/nonexistent/chromium");
  const training = browserTraining({
    kernels: "default",
    progress: new Progress(false, null, true),
    timeoutS: 5,
  });
  try {
    const [run] = plan("keras-mlp-mnist-004");
    assert.equal(run.runtime, "chromium");
    const outcome = await training.train(run);
    assert.equal(outcome.end.status, "skipped");
    assert.equal(outcome.end.reason, NO_CHROMIUM);
    assert.match(outcome.end.reason!, /apt-get install chromium/);
  } finally {
    await training.close();
    if (before === undefined) Deno.env.delete(CHROMIUM_ENV);
    else Deno.env.set(CHROMIUM_ENV, before);
  }
});

Deno.test("a worked example is skipped in the browser before any page opens", async () => {
  const training = browserTraining({
    kernels: "default",
    progress: new Progress(false, null, true),
    timeoutS: 5,
  });
  try {
    const worked = experiments.find((d) => d.experiment.kind === "worked")!;
    const [run] = plan(worked.experiment.id);
    const outcome = await training.train(run);
    assert.equal(outcome.end.status, "skipped");
    assert.match(outcome.end.reason!, /worked examples are computed in Deno only/);
  } finally {
    await training.close();
  }
});

Deno.test("a browser run's configuration records its runtime and threads; Deno's does not", () => {
  const [browser] = plan("keras-mlp-mnist-004");
  assert.equal(browser.runConfig.runtime, "chromium");
  assert.equal(browser.runConfig.threads, browser.threads);
  assert.equal(browser.replicas, 1);
  const [deno] = benchPlan(select(experiments, "keras-mlp-mnist-004"), {
    profile: "quick",
    overrides: { backends: ["wasm"] },
    kernels: "default",
  });
  assert.equal("runtime" in deno.runConfig || "threads" in deno.runConfig, false);
});
