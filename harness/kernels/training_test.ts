/**
 * End to end on wasm: stock tfjs cannot train a CNN or an Embedding model (the
 * `unsupported` path), and with this folder's kernels both train.
 */
import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { getKernel } from "@tensorflow/tfjs-core";
import { mulberry32, randomTensor, useBackend } from "./_backends.ts";
import {
  missingKernelFromError,
  missingKernels,
  registerTrainingKernels,
  restoreStockKernels,
  trainingKernelsFor,
} from "./mod.ts";

function smallCnn(): tf.Sequential {
  const m = tf.sequential();
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  m.add(
    tf.layers.conv2d({
      inputShape: [12, 12, 1],
      filters: 4,
      kernelSize: 3,
      activation: "relu",
      kernelInitializer: init(1),
    }),
  );
  m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  m.add(
    tf.layers.conv2d({
      filters: 6,
      kernelSize: [3, 2],
      strides: 2,
      padding: "same",
      activation: "relu",
      kernelInitializer: init(2),
    }),
  );
  m.add(tf.layers.flatten());
  m.add(tf.layers.dropout({ rate: 0.25, seed: 3 }));
  m.add(tf.layers.dense({ units: 3, activation: "softmax", kernelInitializer: init(4) }));
  m.compile({ optimizer: tf.train.adam(0.01), loss: "categoricalCrossentropy" });
  return m;
}

function textModel(cell: "simpleRNN" | "lstm"): tf.Sequential {
  const m = tf.sequential();
  m.add(
    tf.layers.embedding({
      inputDim: 20,
      outputDim: 6,
      inputLength: 7,
      embeddingsInitializer: tf.initializers.randomUniform({ minval: -0.1, maxval: 0.1, seed: 5 }),
    }),
  );
  const opts = {
    units: 5,
    kernelInitializer: tf.initializers.glorotUniform({ seed: 6 }),
    recurrentInitializer: tf.initializers.orthogonal({ seed: 7 }),
  };
  m.add(cell === "lstm" ? tf.layers.lstm(opts) : tf.layers.simpleRNN(opts));
  m.add(
    tf.layers.dense({
      units: 2,
      activation: "softmax",
      kernelInitializer: tf.initializers.glorotUniform({ seed: 8 }),
    }),
  );
  m.compile({ optimizer: tf.train.adam(0.02), loss: "categoricalCrossentropy" });
  return m;
}

function cnnBatch(): [tf.Tensor, tf.Tensor] {
  const rand = mulberry32(3);
  return [
    randomTensor(rand, [6, 12, 12, 1]),
    tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], "int32"), 3),
  ];
}

function textBatch(): [tf.Tensor, tf.Tensor] {
  const rand = mulberry32(4);
  const ids = Array.from({ length: 6 * 7 }, () => Math.floor(rand() * 20));
  return [
    tf.tensor2d(ids, [6, 7], "int32"),
    tf.oneHot(tf.tensor1d([0, 1, 0, 1, 1, 0], "int32"), 2),
  ];
}

/** Losses of `steps` training steps on one fixed batch. */
async function train(m: tf.Sequential, [x, y]: [tf.Tensor, tf.Tensor], steps: number) {
  const losses: number[] = [];
  for (let i = 0; i < steps; i++) losses.push(await m.trainOnBatch(x, y) as number);
  tf.dispose([x, y]);
  return losses;
}

Deno.test("stock wasm fails to train a CNN and an Embedding model, naming the missing kernel", async () => {
  restoreStockKernels("wasm");
  await useBackend("wasm");
  const cases = [[smallCnn, cnnBatch, "Conv2DBackpropFilter"], [
    () => textModel("simpleRNN"),
    textBatch,
    "UnsortedSegmentSum",
  ]] as const;
  for (const [build, batch, kernel] of cases) {
    const m = build();
    const classes = m.layers.map((l) => l.getClassName());
    assert.deepEqual(missingKernels("wasm", trainingKernelsFor(classes)), [kernel]);
    const err = await train(m, batch(), 1).then(() => null, (e) => e);
    assert.deepEqual(missingKernelFromError(err), { kernel, backend: "wasm" });
    m.dispose();
  }
});

Deno.test("registerTrainingKernels is idempotent and restoreStockKernels undoes it", () => {
  const first = registerTrainingKernels("wasm");
  const kernel = getKernel("Conv2DBackpropFilter", "wasm");
  assert.deepEqual(registerTrainingKernels("wasm"), first);
  assert.equal(getKernel("Conv2DBackpropFilter", "wasm"), kernel);
  assert.ok(first.includes("Conv2DBackpropFilter@wasm:matmul"));
  assert.deepEqual(registerTrainingKernels("webgpu"), []);
  assert.deepEqual(restoreStockKernels("wasm"), first);
  assert.equal(getKernel("Conv2DBackpropFilter", "wasm"), undefined);
  assert.notEqual(getKernel("Conv2DBackpropInput", "wasm"), undefined);
});

for (
  const [name, build, batch] of [
    ["a small CNN", smallCnn, cnnBatch],
    ["an Embedding + SimpleRNN model", () => textModel("simpleRNN"), textBatch],
    ["an Embedding + LSTM model", () => textModel("lstm"), textBatch],
  ] as const
) {
  Deno.test(`with the kernels, ${name} trains on wasm: finite losses that fall`, async () => {
    registerTrainingKernels("wasm");
    await useBackend("wasm");
    const m = build();
    const losses = await train(m, batch(), 15);
    m.dispose();
    assert.ok(losses.every(Number.isFinite), `losses ${losses}`);
    assert.ok(losses[14] < losses[0] * 0.8, `loss did not fall: ${losses[0]} -> ${losses[14]}`);
  });
}

Deno.test("a small CNN's losses on wasm with the kernels match stock cpu step for step", async () => {
  restoreStockKernels("cpu");
  await useBackend("cpu");
  const onCpu = smallCnn();
  const want = await train(onCpu, cnnBatch(), 4);
  onCpu.dispose();
  registerTrainingKernels("wasm");
  await useBackend("wasm");
  const onWasm = smallCnn();
  const got = await train(onWasm, cnnBatch(), 4);
  onWasm.dispose();
  // Dropout masks come from the same seed on both backends, so the paths are identical.
  for (let i = 0; i < want.length; i++) {
    assert.ok(
      Math.abs(got[i] - want[i]) <= 1e-4 * Math.abs(want[i]),
      `step ${i}: ${got[i]} vs ${want[i]}`,
    );
  }
});
