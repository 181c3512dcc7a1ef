/**
 * The training step of a run, on one replica (`trainOnBatch`, as tfjs ships it) or on
 * several: data parallelism over module Workers, since tfjs-wasm's own threads cannot start
 * in Deno (its threaded loader hands worker_threads a blob: URL).
 */
import * as tf from "@tensorflow/tfjs";
import type { ResolvedConfig } from "../../core/config.ts";
import type { BackendName } from "../../core/experiment.ts";
import type { Rng } from "../../core/rng.ts";
import { shardGradients, shardSizes } from "./_shard.ts";
import { WorkerReplica } from "./_replica.ts";
import { singleTrainer, type Trainer } from "./single.ts";

export type { Trainer };

/**
 * A trainer for `model` (built and compiled from `config`) on `backend`. With one replica it
 * calls `model.trainOnBatch`, bit for bit what a run did before replicas existed. With R > 1
 * it starts R - 1 workers whose dropout seeds come from `rng.split("replica<i>")`.
 *
 * @example
 * ```ts
 * const trainer = await makeTrainer(model, config, "wasm", 2, rng);
 * try {
 *   const [loss, acc] = await trainer.step(x, y);
 * } finally {
 *   await trainer.close();
 * }
 * ```
 */
export async function makeTrainer(
  model: tf.LayersModel,
  config: ResolvedConfig,
  backend: BackendName | string,
  replicas: number,
  rng: Rng,
  kernels: "default" | "stock" = "default",
): Promise<Trainer> {
  if (!Number.isInteger(replicas) || replicas < 1) {
    throw new RangeError(`Replicas must be a positive integer, got ${replicas}`);
  }
  if (replicas === 1) return singleTrainer(model);
  if (backend !== "cpu" && backend !== "wasm") {
    throw new TypeError(`Replicas run on the cpu and wasm backends only, not "${backend}"`);
  }
  const workers: WorkerReplica[] = [];
  try {
    for (let i = 1; i < replicas; i++) workers.push(new WorkerReplica(i));
    await Promise.all(workers.map((w, i) =>
      w.call({
        type: "init",
        backend,
        kernels,
        model: config.model!,
        training: config.training!,
        seed: rng.split(`replica${i + 1}`).tfSeed(),
      })
    ));
  } catch (err) {
    workers.forEach((w) => w.terminate());
    throw err;
  }
  return parallelTrainer(model, workers);
}

function parallelTrainer(model: tf.LayersModel, workers: WorkerReplica[]): Trainer {
  const optimizer = model.optimizer;
  const vars = model.trainableWeights.map((w) => w.read() as tf.Variable);
  return {
    replicas: workers.length + 1,
    async step(x, y) {
      const n = x.shape[0];
      const sizes = shardSizes(n, workers.length + 1);
      const starts = sizes.map((_, i) => sizes.slice(0, i).reduce((a, b) => a + b, 0));
      const xData = x.dataSync() as Float32Array, yData = y.dataSync() as Float32Array;
      const xRow = xData.length / n, yRow = yData.length / n;
      const weights = model.weights.map((w) => w.read().dataSync() as Float32Array);
      // Workers get their shards first, so they compute while this thread does shard 0.
      const replies = workers.map((w, k) => {
        const i = k + 1;
        if (sizes[i] === 0) return null;
        const xs = xData.slice(starts[i] * xRow, (starts[i] + sizes[i]) * xRow);
        const ys = yData.slice(starts[i] * yRow, (starts[i] + sizes[i]) * yRow);
        const ws = weights.map((a) => a.slice());
        return w.call(
          {
            type: "step",
            weights: ws,
            x: xs,
            xShape: [sizes[i], ...x.shape.slice(1)],
            y: ys,
            yShape: [sizes[i], ...y.shape.slice(1)],
          },
          [xs, ys, ...ws].map((a) => a.buffer as ArrayBuffer),
        );
      });
      // A failed worker must not leave an unhandled rejection while shard 0 runs.
      const settled = Promise.allSettled(replies);
      const x0 = x.slice(0, sizes[0]), y0 = y.slice(0, sizes[0]);
      const own = shardGradients(model, x0, y0);
      const shards: Array<{ size: number; loss: number; metrics: number[]; grads: tf.Tensor[] }> =
        [];
      try {
        const [ownLoss, ...ownMetrics] = await Promise.all(
          [own.loss, ...own.metrics].map((s) => s.data()),
        );
        shards.push({
          size: sizes[0],
          loss: ownLoss[0],
          metrics: ownMetrics.map((m) => m[0]),
          grads: own.grads,
        });
        for (const [k, r] of (await settled).entries()) {
          if (r.status === "rejected") throw r.reason;
          if (r.value === null) continue;
          const reply = r.value;
          if (reply.type !== "step") throw new Error(`Replica ${k + 1} replied "${reply.type}"`);
          shards.push({
            size: sizes[k + 1],
            loss: reply.loss,
            metrics: reply.metrics,
            grads: reply.grads.map((g, j) => tf.tensor(g, vars[j].shape)),
          });
        }
        // The size-weighted mean, summed in replica order: the same bits on every run.
        const combined = vars.map((_, j) =>
          tf.tidy(() =>
            shards.reduce<tf.Tensor | null>((acc, s) => {
              const part = tf.mul(s.grads[j], s.size / n);
              return acc ? tf.add(acc, part) : part;
            }, null)!
          )
        );
        optimizer.applyGradients(vars.map((v, j) => ({ name: v.name, tensor: combined[j] })));
        tf.dispose(combined);
        const mean = (f: (s: typeof shards[number]) => number) =>
          shards.reduce((a, s) => a + f(s) * s.size, 0) / n;
        return [mean((s) => s.loss), own.metrics.length ? mean((s) => s.metrics[0]) : NaN];
      } finally {
        tf.dispose([x0, y0, own.loss, ...own.metrics, ...own.grads]);
        shards.slice(1).forEach((s) => tf.dispose(s.grads));
      }
    },
    close() {
      workers.forEach((w) => w.terminate());
      return Promise.resolve();
    },
  };
}
