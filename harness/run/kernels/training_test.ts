/**
 * End to end on wasm: stock tfjs cannot train a CNN or an Embedding model (the
 * `unsupported` path), and with this folder's kernels both train.
 */
import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { getKernel } from "@tensorflow/tfjs-core";
import { Rng } from "../../core/rng.ts";
import { randomTensor, requireBackend } from "../../testing/mod.ts";
import {
  missingKernelFromError,
  missingKernels,
  registerTrainingKernels,
  restoreStockKernels,
  takeKernelUses,
  trainingKernelsFor,
} from "./mod.ts";
import { repoUrl } from "../../core/paths.ts";

function smallCnn(): tf.Sequential {
  const m = tf.sequential();
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  m.add(
    tf.layers.conv2d({
      inputShape: [12, 12, 1],
      // More filters than taps (12 > 3*3*1), so dW takes the dyᵀ · cols product.
      filters: 12,
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
  const rng = new Rng(3);
  return [
    randomTensor(rng, [6, 12, 12, 1]),
    tf.oneHot(tf.tensor1d([0, 1, 2, 0, 1, 2], "int32"), 3),
  ];
}

function textBatch(): [tf.Tensor, tf.Tensor] {
  const rng = new Rng(4);
  const ids = Array.from({ length: 6 * 7 }, () => rng.int(20));
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
  await requireBackend("wasm");
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

Deno.test("Adam's one-pass update comes and goes with the kernels, and runs record it", async () => {
  await requireBackend("wasm");
  registerTrainingKernels("wasm");
  takeKernelUses();
  const v = tf.variable(tf.ones([5]));
  const opt = tf.train.adam(0.1);
  const step = () => tf.tidy(() => opt.applyGradients([{ name: v.name, tensor: tf.ones([5]) }]));
  step();
  assert.deepEqual(takeKernelUses(), [{ kernel: "Adam@wasm:simd", calls: 1 }]);
  restoreStockKernels("wasm");
  step();
  assert.deepEqual(takeKernelUses(), [], "stock Adam after restoreStockKernels");
  // Both updates moved the weights: 1 - 0.1 per step, as Adam's first steps do.
  assert.ok(Math.abs(v.dataSync()[0] - 0.8) < 1e-5);
  tf.dispose(v);
  opt.dispose();
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
    await requireBackend("wasm");
    const m = build();
    const losses = await train(m, batch(), 15);
    m.dispose();
    assert.ok(losses.every(Number.isFinite), `losses ${losses}`);
    assert.ok(losses[14] < losses[0] * 0.8, `loss did not fall: ${losses[0]} -> ${losses[14]}`);
  });
}

Deno.test("a small CNN's losses on wasm with the kernels match stock cpu step for step", async () => {
  restoreStockKernels("cpu");
  await requireBackend("cpu");
  const onCpu = smallCnn();
  const want = await train(onCpu, cnnBatch(), 4);
  onCpu.dispose();
  registerTrainingKernels("wasm");
  await requireBackend("wasm");
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

Deno.test("training a small CNN on wasm with the kernels is bit-for-bit repeatable and leak-free", async () => {
  registerTrainingKernels("wasm");
  await requireBackend("wasm");
  const run = async () => {
    const m = smallCnn();
    const [x, y] = cnnBatch();
    // Step 1 creates the optimizer's slots; after that each step must free all it allocates.
    await m.trainOnBatch(x, y);
    const held = [tf.memory().numTensors, tf.backend().numDataIds()];
    for (let i = 0; i < 2; i++) await m.trainOnBatch(x, y);
    assert.deepEqual([tf.memory().numTensors, tf.backend().numDataIds()], held, "a step leaked");
    const weights = m.getWeights().map((w) => w.dataSync().slice());
    tf.dispose([x, y]);
    m.dispose();
    return weights;
  };
  const [first, second] = [await run(), await run()];
  assert.equal(first.length, second.length);
  for (let i = 0; i < first.length; i++) {
    assert.ok(
      first[i].every((v, j) => Object.is(v, second[i][j])),
      `weight ${i} differs between runs`,
    );
  }
});

Deno.test("kernels registered before wasm starts still fall back to working stock kernels", async () => {
  // The engine starts a backend once per process, so this needs a fresh one.
  const code = `
    import * as tf from "@tensorflow/tfjs";
    import { registerTrainingKernels } from "${new URL("./mod.ts", import.meta.url)}";
    import { requireBackend } from "${new URL("../../testing/mod.ts", import.meta.url)}";
    registerTrainingKernels("wasm");
    await requireBackend("wasm");
    // NCHW takes the stock Conv2DBackpropInput; a last-axis Sum the stock Sum.
    const dx = tf.engine().runKernel("Conv2DBackpropInput",
      { dy: tf.ones([1, 2, 2, 2]), filter: tf.ones([2, 2, 1, 2]) },
      { strides: 1, pad: "valid", dataFormat: "NCHW", inputShape: [1, 1, 3, 3] });
    console.log(JSON.stringify([dx.shape, Array.from(tf.sum(tf.ones([2, 3]), 1).dataSync())]));
  `;
  const config = repoUrl("deno.json").pathname;
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["eval", "--config", config, code],
    stdout: "piped",
    stderr: "piped",
  }).output();
  const stderr = new TextDecoder().decode(out.stderr);
  assert.equal(out.code, 0, stderr);
  const lines = new TextDecoder().decode(out.stdout).trim().split("\n");
  assert.deepEqual(JSON.parse(lines[lines.length - 1]), [[1, 1, 3, 3], [3, 3]]);
});
