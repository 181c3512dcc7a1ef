/**
 * A replica of a data-parallel run, in a module Worker: it builds the run's model from the
 * same spec, takes the main model's weights at every step and returns its shard's loss,
 * metrics and gradients. It never updates weights itself: the main thread's optimizer does.
 */
import * as tf from "@tensorflow/tfjs";
import { useBackend } from "../backends.ts";
import { oneLine } from "../../core/errors.ts";
import { takeHeld } from "../../core/diagnostics.ts";
import { prepareKernels } from "../kernel_mode.ts";
import { Rng } from "../../core/rng.ts";
import { buildModel, compileModel } from "../../../models/mod.ts";
import { shardGradients } from "./_shard.ts";
import type { FromReplica, InitMessage, StepMessage, ToReplica } from "./_messages.ts";

interface WorkerScope {
  onmessage: ((e: MessageEvent<ToReplica>) => void) | null;
  postMessage(message: FromReplica, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;
let model: tf.LayersModel | null = null;

async function init(m: InitMessage): Promise<FromReplica> {
  const status = await useBackend(m.backend);
  if (!status.available) throw new Error(status.reason);
  prepareKernels(m.backend, m.kernels);
  // The initial weights are overwritten by the main model's at the first step; the seed
  // matters for the dropout masks this replica draws.
  model = buildModel(m.model, new Rng(m.seed));
  compileModel(model, m.training);
  return { type: "ready" };
}

async function step(m: StepMessage): Promise<FromReplica> {
  if (!model) throw new Error("Replica got a step before its init");
  const weights = model.weights;
  if (weights.length !== m.weights.length) {
    throw new Error(
      `Replica has ${weights.length} weights, the main model sent ${m.weights.length}`,
    );
  }
  tf.tidy(() => {
    weights.forEach((w, i) =>
      (w.read() as tf.Variable).assign(tf.tensor(m.weights[i], w.shape as number[]))
    );
  });
  const x = tf.tensor(m.x, m.xShape), y = tf.tensor(m.y, m.yShape);
  const r = shardGradients(model, x, y);
  try {
    // Copies: on the cpu backend data() hands out the tensor's own storage, which a transfer
    // would detach.
    const grads = await Promise.all(
      r.grads.map(async (g) => (await g.data() as Float32Array).slice()),
    );
    const [loss, ...metrics] = await Promise.all([r.loss, ...r.metrics].map((s) => s.data()));
    return { type: "step", loss: loss[0], metrics: metrics.map((v) => v[0]), grads };
  } finally {
    tf.dispose([x, y, r.loss, ...r.metrics, ...r.grads]);
  }
}

scope.onmessage = async (e) => {
  try {
    const reply = e.data.type === "init" ? await init(e.data) : await step(e.data);
    scope.postMessage(
      { ...reply, held: takeHeld() },
      reply.type === "step" ? reply.grads.map((g) => g.buffer as ArrayBuffer) : [],
    );
  } catch (err) {
    scope.postMessage({ type: "error", message: oneLine(err), held: takeHeld() });
  }
};
