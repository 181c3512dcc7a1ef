/**
 * Data-parallel steps against an independent oracle: tfjs's own `trainOnBatch` on the whole
 * batch (one replica), on the cpu and wasm backends.
 */
import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import type { ResolvedConfig } from "../../core/config.ts";
import type { BackendName, LayerSpec } from "../../core/experiment.ts";
import { useBackend } from "../backends.ts";
import { prepareKernels } from "../kernel_mode.ts";
import { Rng } from "../../core/rng.ts";
import { buildModel, compileModel } from "../../../models/mod.ts";
import { makeTrainer } from "./trainer.ts";
import { shardSizes } from "./_shard.ts";
import { defaultReplicas, resolveReplicas } from "./replicas.ts";

const CONV: LayerSpec[] = [
  { type: "conv2d", filters: 4, kernelSize: 3, activation: "relu" },
  { type: "maxPooling2d", poolSize: 2 },
  { type: "flatten" },
  { type: "dense", units: 3, activation: "softmax" },
];

function config(layers: LayerSpec[]): ResolvedConfig {
  return {
    experimentId: "tiny",
    profile: "quick",
    kind: "train",
    model: { key: "sequential", inputShape: [8, 8, 1], layers },
    training: {
      optimizer: { name: "adam", learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
      loss: "categoricalCrossentropy",
      epochs: 1,
      batchSize: 8,
      shuffle: false,
    },
    seeds: [1],
    backends: ["cpu"],
  };
}

function batch(n: number, seed: number): [tf.Tensor, tf.Tensor] {
  const rng = new Rng(seed);
  const x = Float32Array.from({ length: n * 64 }, () => rng.next());
  const labels = Int32Array.from({ length: n }, () => rng.int(3));
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(labels, "int32"), 3).toFloat());
  return [tf.tensor(x, [n, 8, 8, 1]), y];
}

/** Train `steps` batches of `n` with `replicas`; the weights after, and each step's metrics. */
async function train(
  backend: BackendName,
  c: ResolvedConfig,
  replicas: number,
  n: number,
  steps = 1,
) {
  await useBackend(backend);
  prepareKernels(backend, "default");
  const tensorsBefore = tf.memory().numTensors;
  const rng = new Rng(7);
  const model = buildModel(c.model!, rng.split("init"));
  compileModel(model, c.training!);
  const trainer = await makeTrainer(model, c, backend, replicas, rng);
  const metrics: number[][] = [];
  try {
    for (let s = 0; s < steps; s++) {
      const [x, y] = batch(n, 100 + s);
      metrics.push(await trainer.step(x, y));
      tf.dispose([x, y]);
    }
    return { weights: model.getWeights().map((w) => Float32Array.from(w.dataSync())), metrics };
  } finally {
    await trainer.close();
    model.optimizer.dispose();
    model.dispose();
    assert.equal(tf.memory().numTensors, tensorsBefore, "the trainer leaked tensors");
  }
}

function assertClose(a: Float32Array[], b: Float32Array[], rtol: number) {
  assert.equal(a.length, b.length);
  a.forEach((wa, i) =>
    wa.forEach((v, j) => {
      const w = b[i][j], tol = rtol * Math.max(Math.abs(v), Math.abs(w), 1e-2);
      assert.ok(Math.abs(v - w) <= tol, `weight ${i}[${j}]: ${v} vs ${w}`);
    })
  );
}

for (const backend of ["cpu", "wasm"] as const) {
  Deno.test(`a 2-replica step on ${backend} matches trainOnBatch on the whole batch`, async () => {
    const one = await train(backend, config(CONV), 1, 8);
    const two = await train(backend, config(CONV), 2, 8);
    assertClose(two.weights, one.weights, 1e-5);
    assert.ok(Math.abs(two.metrics[0][0] - one.metrics[0][0]) <= 1e-6 * one.metrics[0][0]);
    assert.equal(two.metrics[0][1], one.metrics[0][1]);
  });
}

Deno.test("an odd batch of 7 splits 4 + 3 and still matches trainOnBatch", async () => {
  assert.deepEqual(shardSizes(7, 2), [4, 3]);
  const one = await train("wasm", config(CONV), 1, 7, 2);
  const two = await train("wasm", config(CONV), 2, 7, 2);
  assertClose(two.weights, one.weights, 1e-5);
  // 4/7 and 3/7 of the shards' accuracies is the batch's accuracy.
  two.metrics.forEach((m, s) => assert.ok(Math.abs(m[1] - one.metrics[s][1]) < 1e-6));
});

Deno.test("two 2-replica runs with dropout give bit-identical weights", async () => {
  const c = config([...CONV.slice(0, 3), { type: "dropout", rate: 0.5 }, CONV[3]]);
  const a = await train("wasm", c, 2, 8, 3);
  const b = await train("wasm", c, 2, 8, 3);
  assert.deepEqual(a.weights, b.weights);
  assert.deepEqual(a.metrics, b.metrics);
});

Deno.test("a replica that cannot start fails the trainer with the worker's message", async () => {
  await useBackend("wasm");
  const c = config(CONV);
  const model = buildModel(c.model!, new Rng(1));
  compileModel(model, c.training!);
  const bad = { ...c, model: { ...c.model!, key: "nosuch" } };
  await assert.rejects(
    () => makeTrainer(model, bad, "wasm", 2, new Rng(1)),
    /Replica 1 \(worker\) failed: Unknown model key "nosuch"/,
  );
  model.dispose();
});

Deno.test("shardSizes() splits contiguously, sizes differing by at most 1", () => {
  assert.deepEqual(shardSizes(64, 2), [32, 32]);
  assert.deepEqual(shardSizes(65, 2), [33, 32]);
  assert.deepEqual(shardSizes(10, 3), [4, 3, 3]);
  assert.deepEqual(shardSizes(1, 2), [1, 0]);
});

Deno.test("replicas default to 2 on cpu and wasm with 2 cores, 1 elsewhere", () => {
  assert.equal(defaultReplicas("wasm", "default", 2), 2);
  assert.equal(defaultReplicas("cpu", "default", 4), 2);
  assert.equal(defaultReplicas("wasm", "default", 1), 1);
  assert.equal(defaultReplicas("wasm", "stock", 2), 1);
  assert.equal(defaultReplicas("webgpu", "default", 2), 1);
  assert.equal(resolveReplicas("wasm", "train", "default", 3, 2), 3);
  assert.equal(resolveReplicas("webgpu", "train", "default", 3, 2), 1);
  assert.equal(resolveReplicas("wasm", "worked", "default", 3, 2), 1);
});
