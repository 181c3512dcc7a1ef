/**
 * Seeded random test data, drawn from the harness's own generator (`core/rng.ts`): the same
 * seed gives the same shapes and values on every machine.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { Rng } from "../core/rng.ts";

/** Values and shape of one tensor, kept as plain data so a case can be rebuilt on any backend. */
export interface TensorData {
  shape: number[];
  values: Float32Array | Int32Array;
}

/**
 * `shape`'s worth of uniform values in [-1, 1) drawn from `rng`.
 *
 * @example
 * ```ts
 * const x = randomValues(new Rng(7), [2, 3]); // { shape: [2, 3], values: Float32Array(6) }
 * ```
 */
export function randomValues(rng: Rng, shape: number[]): TensorData & { values: Float32Array } {
  const values = new Float32Array(shape.reduce((a, b) => a * b, 1));
  for (let i = 0; i < values.length; i++) values[i] = rng.next() * 2 - 1;
  return { shape, values };
}

/** A tensor of uniform values in [-1, 1) drawn from `rng`, on the active backend. */
export function randomTensor(rng: Rng, shape: number[]): tf.Tensor {
  return tf.tensor(randomValues(rng, shape).values, shape);
}

/** An integer in [lo, hi], both ends included. */
export function randomInt(rng: Rng, lo: number, hi: number): number {
  return lo + rng.int(hi - lo + 1);
}
