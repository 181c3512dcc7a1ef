/**
 * The trainer interface and its one-replica form, apart from the Worker replicas: this file's
 * import graph is runtime-neutral, so a browser page trains through it too.
 */
import type * as tf from "@tensorflow/tfjs";

/** Trains a model one batch at a time; `close` ends its workers (call it in `finally`). */
export interface Trainer {
  readonly replicas: number;
  /** Train on one batch; the batch's loss and accuracy (NaN without an accuracy metric). */
  step(x: tf.Tensor, y: tf.Tensor): Promise<[number, number]>;
  close(): Promise<void>;
}

/**
 * One replica: `model.trainOnBatch`, as tfjs ships it.
 *
 * @example
 * ```ts
 * const trainer = singleTrainer(model);
 * const [loss, acc] = await trainer.step(x, y);
 * ```
 */
export function singleTrainer(model: tf.LayersModel): Trainer {
  return {
    replicas: 1,
    async step(x, y) {
      const out = await model.trainOnBatch(x, y);
      return Array.isArray(out) ? [out[0], out[1] ?? NaN] : [out, NaN];
    },
    close: () => Promise.resolve(),
  };
}
