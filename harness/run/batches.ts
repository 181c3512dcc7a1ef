/** Turning flat arrays into batch tensors, in the order the run's seed decides. */
import * as tf from "@tensorflow/tfjs";
import type { Split } from "./data/types.ts";
import type { Rng } from "../core/rng.ts";

/**
 * The wasm backend copies a tensor's values into its own heap when the tensor is made, so
 * one buffer can stage every batch there; cpu and webgpu keep the array they are given, so
 * they get a fresh one. A fresh 100 KB array per step (the MLP's batch of 32) cost the perf
 * loop ~60 us of allocation and garbage collection on wasm, against ~14 us staged.
 */
let staging = new Float32Array(0);

function stagingFor(length: number): Float32Array {
  if (tf.getBackend() !== "wasm") return new Float32Array(length);
  if (staging.length < length) staging = new Float32Array(length);
  return length === staging.length ? staging : staging.subarray(0, length);
}

/** Labels as the loss expects them: one-hot for categorical, class ids otherwise. */
export function labelTensor(y: Int32Array, numClasses: number, loss: string): tf.Tensor {
  if (loss === "categoricalCrossentropy") {
    // The rows tf.oneHot would give (a label outside [0, numClasses) gives zeros), built
    // here in one tensor rather than three kernel calls per batch.
    const hot = new Float32Array(y.length * numClasses);
    for (let i = 0; i < y.length; i++) {
      if (y[i] >= 0 && y[i] < numClasses) hot[i * numClasses + y[i]] = 1;
    }
    return tf.tensor2d(hot, [y.length, numClasses]);
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
  const x = stagingFor(n * size);
  const y = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const j = order[start + i];
    x.set(split.x.subarray(j * size, (j + 1) * size), i * size);
    y[i] = split.y[j];
  }
  return { x: tf.tensor(x, [n, ...inputShape]), y: labelTensor(y, numClasses, loss) };
}

/**
 * The training slice as an endless stream of batches in the order the run's seed decides:
 * each epoch a new permutation from `shuffler`, or the slice's own order without one. A
 * training run and a perf run draw the same batches for the same seed.
 *
 * @example
 * ```ts
 * const batches = new BatchStream(slices.train, 32, [784], 10, "sparseCategoricalCrossentropy", rng.split("shuffle"));
 * const { x, y } = batches.next();
 * ```
 */
export class BatchStream {
  /** Batches per epoch (the last may be smaller). */
  readonly batchesPerEpoch: number;
  #order: Int32Array | null = null;
  #b = 0;

  constructor(
    readonly split: Split,
    readonly batchSize: number,
    readonly inputShape: number[],
    readonly numClasses: number,
    readonly loss: string,
    readonly shuffler: Rng | null,
  ) {
    this.batchesPerEpoch = Math.ceil(split.n / batchSize);
  }

  /**
   * Start a new epoch (draw its order) when this one's batches are all taken, or before the
   * first batch. `next` does it too; call it first to keep the draw out of a timed region.
   */
  turnEpoch(): void {
    if (this.#order && this.#b < this.batchesPerEpoch) return;
    const n = this.split.n;
    this.#order = this.shuffler
      ? this.shuffler.permutation(n)
      : Int32Array.from({ length: n }, (_, i) => i);
    this.#b = 0;
  }

  /** The next batch of the current epoch (starting a new one when it is used up). */
  next(): { x: tf.Tensor; y: tf.Tensor } {
    this.turnEpoch();
    const n = this.split.n, bs = this.batchSize, b = this.#b++;
    return batchTensors(
      this.split,
      this.#order!,
      b * bs,
      Math.min(n, (b + 1) * bs),
      this.inputShape,
      this.numClasses,
      this.loss,
    );
  }
}
