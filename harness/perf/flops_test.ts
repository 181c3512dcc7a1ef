import assert from "node:assert/strict";
import { modelFlops, TRAIN_FACTOR } from "./flops.ts";
import cnn from "../../experiments/keras_cnn_mnist_001.ts";
import mlp from "../../experiments/keras_mlp_mnist_004.ts";
import type { ModelSpec } from "../core/experiment.ts";

Deno.test("modelFlops() counts the Keras CNN's layers as computed by hand", () => {
  const f = modelFlops(cnn.model as ModelSpec);
  // 28x28x1 -3x3 valid-> 26x26x32 -pool-> 13x13x32 -> 11x11x64 -> 5x5x64 -> 3x3x64 -> 576
  assert.deepEqual(f.layers.map((l) => l.outputShape), [
    [26, 26, 32],
    [13, 13, 32],
    [11, 11, 64],
    [5, 5, 64],
    [3, 3, 64],
    [576],
    [64],
    [10],
  ]);
  assert.deepEqual(f.layers.map((l) => l.matmul), [
    2 * 9 * 1 * 32 * 676, // 389,376
    0,
    2 * 9 * 32 * 64 * 121, // 4,460,544
    0,
    2 * 9 * 64 * 64 * 9, // 663,552
    0,
    2 * 576 * 64, // 73,728
    2 * 64 * 10, // 1,280
  ]);
  assert.equal(f.layers[0].matmul, 389_376);
  assert.equal(f.forward, 5_588_480);
  assert.equal(f.train, 3 * 5_588_480);
  // bias + relu on conv1's 21,632 outputs; the pool reads 2x2 per each of 5,408 outputs
  assert.equal(f.layers[0].elementwise, 2 * 21_632);
  assert.equal(f.layers[1].elementwise, 4 * 5_408);
});

Deno.test("modelFlops() counts the Keras MLP as 2*784*128 + 2*128*10 per image", () => {
  const f = modelFlops(mlp.model as ModelSpec);
  assert.equal(f.forward, 200_704 + 2_560);
  assert.equal(f.train, TRAIN_FACTOR * 203_264);
  assert.equal(f.forwardAll, 203_264 + 2 * 128 + 2 * 10);
});

Deno.test("modelFlops() follows Keras's 'same' padding and strides", () => {
  const f = modelFlops({
    key: "sequential",
    inputShape: [28, 28, 3],
    layers: [{ type: "conv2d", filters: 8, kernelSize: 5, strides: 2, padding: "same" }],
  });
  assert.deepEqual(f.layers[0].outputShape, [14, 14, 8]);
  assert.equal(f.forward, 2 * 25 * 3 * 8 * 196);
});

Deno.test("modelFlops() refuses a layer type it cannot count", () => {
  assert.throws(
    () => modelFlops({ key: "sequential", inputShape: [10], layers: [{ type: "lstm", units: 4 }] }),
    /Cannot count FLOPs of layer type "lstm"/,
  );
});
