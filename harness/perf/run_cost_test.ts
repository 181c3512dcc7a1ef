import assert from "node:assert/strict";
import { discover, select } from "../core/discover.ts";
import { benchPlan } from "../run/plan.ts";
import { benchRunSeconds } from "./run_cost.ts";

const { experiments } = await discover();
const plan = (id: string) =>
  benchPlan(select(experiments, id), {
    profile: "full",
    overrides: { seeds: 1 },
    kernels: "default",
  });
const cost = (id: string, backend: string) =>
  benchRunSeconds(plan(id).find((r) => r.backend === backend)!);

Deno.test("benchRunSeconds() ranks backends as measured: wasm < cpu < webgpu for the CNN", () => {
  const [wasm, cpu, webgpu] = ["wasm", "cpu", "webgpu"].map((b) => cost("keras-cnn-mnist-001", b));
  assert.ok(wasm < cpu && cpu < webgpu, `${wasm} ${cpu} ${webgpu}`);
  // README figures: the CNN trains at ~1,700 images/s on wasm, ~100 on cpu: ~17x.
  assert.ok(cpu / wasm > 8 && cpu / wasm < 30, `${cpu / wasm}`);
});

Deno.test("benchRunSeconds() gives a model its data cannot feed the start-up alone: it fails at once", () => {
  assert.equal(
    cost("keras-cnn-64x64-003", "cpu"),
    cost("worked-001-backprop-sigmoid-layer", "cpu"),
  );
  assert.ok(cost("keras-cnn-003-input-28x28x1", "cpu") > 100);
});

Deno.test("benchRunSeconds() counts a model with dropout layers (they keep the shape)", () => {
  assert.ok(cost("pytorch-cnn-mnist-000", "cpu") > 100);
});
