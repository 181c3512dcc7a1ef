/** The per-shard training computation every replica runs, and how a batch is split. */
import * as tf from "@tensorflow/tfjs";

/** Loss, metrics and gradients of one shard, gradients in `model.trainableWeights` order. */
export interface ShardResult {
  loss: tf.Scalar;
  metrics: tf.Scalar[];
  grads: tf.Tensor[];
}

/**
 * The sizes of `replicas` contiguous shards of a batch of `n`: the first `n % replicas`
 * shards get one example more, so sizes differ by at most 1.
 *
 * @example
 * ```ts
 * shardSizes(65, 2); // [33, 32]
 * ```
 */
export function shardSizes(n: number, replicas: number): number[] {
  const base = Math.floor(n / replicas), extra = n % replicas;
  return Array.from({ length: replicas }, (_, i) => base + (i < extra ? 1 : 0));
}

/**
 * What `trainOnBatch` computes before it updates weights (tfjs-layers' `makeTrainFunction`),
 * on one shard: the compiled loss's mean plus regularizer penalties, the compiled metrics'
 * means, and the loss's gradients. The caller disposes the result.
 */
export function shardGradients(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor): ShardResult {
  // A Sequential keeps its compiled loss and metric functions on the LayersModel it wraps.
  const core = (model as unknown as { model?: tf.LayersModel }).model ?? model;
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const metrics: tf.Scalar[] = [];
  const { value, grads } = tf.variableGrads(() => {
    const out = model.apply(x, { training: true }) as tf.Tensor;
    for (const [metric] of core.metricsTensors) {
      metrics.push(tf.keep(tf.mean(metric(y, out)) as tf.Scalar));
    }
    let loss = tf.mean(core.lossFunctions[0](y, out)) as tf.Scalar;
    for (const penalty of core.calculateLosses()) loss = tf.add(loss, penalty);
    return loss;
  }, vars);
  return { loss: value, metrics, grads: vars.map((v) => grads[v.name]) };
}
