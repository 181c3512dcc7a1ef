/** Turning flat arrays into batch tensors, in the order the run's seed decides. */
import * as tf from "@tensorflow/tfjs";
import type { Split } from "./data/mod.ts";

/** Labels as the loss expects them: one-hot for categorical, class ids otherwise. */
export function labelTensor(y: Int32Array, numClasses: number, loss: string): tf.Tensor {
  if (loss === "categoricalCrossentropy") {
    return tf.tidy(() => tf.oneHot(tf.tensor1d(y, "int32"), numClasses).toFloat());
  }
  return tf.tensor2d(Float32Array.from(y), [y.length, 1]);
}

/** A whole split as tensors (for evaluation). */
export function splitTensors(
  split: Split,
  inputShape: number[],
  numClasses: number,
  loss: string,
): { x: tf.Tensor; y: tf.Tensor } {
  return {
    x: tf.tensor(split.x, [split.n, ...inputShape]),
    y: labelTensor(split.y, numClasses, loss),
  };
}

/**
 * Copy the examples `order[start..end)` into one batch. The copy is plain TypeScript so
 * its cost is visible as harness overhead, apart from the model's step.
 */
export function batchTensors(
  split: Split,
  order: Int32Array,
  start: number,
  end: number,
  inputShape: number[],
  numClasses: number,
  loss: string,
): { x: tf.Tensor; y: tf.Tensor } {
  const size = inputShape.reduce((a, b) => a * b, 1);
  const n = end - start;
  const x = new Float32Array(n * size);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const j = order[start + i];
    x.set(split.x.subarray(j * size, (j + 1) * size), i * size);
    y[i] = split.y[j];
  }
  return { x: tf.tensor(x, [n, ...inputShape]), y: labelTensor(y, numClasses, loss) };
}
