import assert from "node:assert/strict";
import { discover, select } from "../core/discover.ts";
import { benchPlan } from "./plan.ts";

const { experiments } = await discover();
const chosen = select(experiments, "keras-mlp-mnist-004,keras-cnn-mnist-001");

Deno.test("benchPlan() lists experiment, then backend, then seed, before anything runs", () => {
  const plan = benchPlan(chosen, {
    profile: "quick",
    overrides: { seeds: 2, backends: ["wasm", "webgpu"] },
    kernels: "default",
    replicas: 3,
  });
  // Discovery order is by file name: keras_cnn_mnist_001 before keras_mlp_mnist_004.
  assert.deepEqual(
    plan.map((r) => `${r.declared.experiment.id} ${r.backend} ${r.seed} x${r.replicas}`),
    [
      "keras-cnn-mnist-001 wasm 1 x3",
      "keras-cnn-mnist-001 wasm 0 x3",
      "keras-cnn-mnist-001 webgpu 1 x1",
      "keras-cnn-mnist-001 webgpu 0 x1",
      "keras-mlp-mnist-004 wasm 1 x3",
      "keras-mlp-mnist-004 wasm 0 x3",
      "keras-mlp-mnist-004 webgpu 1 x1",
      "keras-mlp-mnist-004 webgpu 0 x1",
    ],
  );
  // The stored configuration is the run's own: one backend and seed, replicas only above 1.
  const [wasm, , webgpu] = plan;
  assert.equal(wasm.runConfig.backend, "wasm");
  assert.equal(wasm.runConfig.seed, 1);
  assert.equal(wasm.runConfig.replicas, 3);
  assert.equal("replicas" in webgpu.runConfig, false);
  assert.equal("seeds" in wasm.runConfig || "backends" in wasm.runConfig, false);
  assert.equal(wasm.config.profile, "quick");
});

Deno.test("benchPlan() of stock kernels trains on one replica", () => {
  const plan = benchPlan(chosen, { profile: "quick", overrides: {}, kernels: "stock" });
  assert.ok(plan.length > 0);
  assert.deepEqual([...new Set(plan.map((r) => r.replicas))], [1]);
});
