/**
 * One perf measurement on the current tfjs backend: the training loop of `harness/run/train.ts`
 * (the same batch copy, `trainOnBatch`, seeded shuffle), timed by the protocol's warm-up and
 * windows instead of epochs, then inference latency. Throws on failure; the suite classifies.
 */
import * as tf from "@tensorflow/tfjs";
import type { ResolvedConfig } from "../core/config.ts";
import { loadDataset, takeSlices } from "../run/data/mod.ts";
import { batchTensors, splitTensors } from "../run/batches.ts";
import { predictLatencies } from "../run/measure.ts";
import { Rng } from "../core/rng.ts";
import { inputShapeFor, LARGE_BATCH, type RunProgress } from "../run/train.ts";
import { buildModel, compileModel } from "../../models/mod.ts";
import { makeTrainer, type Trainer } from "../run/parallel/mod.ts";
import {
  budgetNote,
  planWindows,
  type Protocol,
  type WarmupEnd,
  warmupEnd,
  warmupNote,
} from "./protocol.ts";
import type { LoopTimes, Measured } from "./types.ts";
import { type ExtraWork, planExtraWork } from "./extra_work.ts";
import { turns } from "./turns.ts";

/** Train `config`'s model on the current backend under the protocol and time it. */
export async function measureTfjs(
  config: ResolvedConfig,
  seed: number,
  p: Protocol,
  stock: boolean,
  onProgress: (p: RunProgress) => void,
  slowdown: number | null = null,
  replicas = 1,
): Promise<Measured> {
  const training = config.training!, spec = config.model!;
  const ds = await loadDataset(config.dataset!.key);
  const slices = takeSlices(ds, config.dataset!);
  const shape = inputShapeFor(spec.inputShape, ds.inputShape, ds.key);
  const tensorsBefore = tf.memory().numTensors;
  const rng = new Rng(seed);
  const model = buildModel(spec, rng.split("init"));
  compileModel(model, training);
  const train = slices.train, bs = training.batchSize, n = train.n;
  const batchesPerEpoch = Math.ceil(n / bs);
  const shuffler = rng.split("shuffle");
  let order = shuffler.permutation(n), b = 0;
  const loop: LoopTimes = { dataS: 0, stepS: 0, metricsS: 0, progressS: 0, loopS: 0 };
  let planned = p.warmupBatches, done = 0, yieldedS = 0;
  // Extra work for the gate's quality measurement only (see extra_work.ts): set after warm-up.
  let extra: ExtraWork | null = null;
  // On the cpu and wasm backends a training step resolves through microtasks only, so a run
  // never lets the event loop turn and Ctrl-C would wait for its end: yield between windows.
  const yieldToEventLoop = async () => {
    const t0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 0));
    yieldedS += (performance.now() - t0) / 1000;
  };
  // One training step over the next batch of the (reshuffled every epoch) training slice,
  // each part of the loop timed apart. Returns the images it trained on.
  const step = async (): Promise<number> => {
    if (b === batchesPerEpoch) [order, b] = [shuffler.permutation(n), 0];
    const t0 = performance.now();
    const batch = batchTensors(
      train,
      order,
      b * bs,
      Math.min(n, (b + 1) * bs),
      shape,
      ds.numClasses,
      training.loss,
    );
    const t1 = performance.now();
    const out = await trainer!.step(batch.x, batch.y);
    await extra?.run((performance.now() - t1) / 1000);
    const t2 = performance.now();
    const loss = Array.isArray(out) ? out[0] : out;
    if (!Number.isFinite(loss)) throw new Error(`Training loss is ${loss} at step ${done + 1}`);
    const size = batch.x.shape[0];
    tf.dispose([batch.x, batch.y]);
    const t3 = performance.now();
    b++;
    done++;
    onProgress({ epoch: 1, epochs: 1, batch: done, batches: planned, etaS: null });
    const t4 = performance.now();
    loop.dataS += (t1 - t0) / 1000;
    loop.stepS += (t2 - t1) / 1000;
    loop.metricsS += (t3 - t2) / 1000;
    loop.progressS += (t4 - t3) / 1000;
    return size;
  };
  const test = splitTensors(slices.test, shape, ds.numClasses, training.loss);
  let result: Measured;
  let trainer: Trainer | undefined;
  try {
    const kernels = stock ? "stock" : "default";
    trainer = await makeTrainer(model, config, tf.getBackend(), replicas, rng, kernels);
    const loopStart = performance.now();
    const waitedAtStart = turns?.waitedS ?? 0;
    const warmupStepS: number[] = [];
    let warmup: WarmupEnd | null = null;
    while (warmup === null) {
      // The warm-up's length is not known until it ends: one more step is always planned
      // (a step that reached `planned` would read as the run's end to the progress display).
      planned = done + 2;
      const t0 = performance.now();
      await step();
      warmupStepS.push((performance.now() - t0) / 1000);
      await yieldToEventLoop();
      warmup = warmupEnd(warmupStepS, p, stock);
    }
    const plan = planWindows(warmupStepS, p, stock);
    if (slowdown) extra = await planExtraWork(slowdown);
    turns?.done("warmup");
    planned = done + plan.windows * plan.batchesPerWindow;
    const windowImagesPerS: number[] = [];
    const timedStart = performance.now();
    const waitedAtTimed = turns?.waitedS ?? 0;
    let note: string | null = null;
    for (let w = 0; w < plan.windows; w++) {
      await yieldToEventLoop();
      // Time spent waiting for the other run's turns is not this run's timing budget.
      const timedS = (performance.now() - timedStart) / 1000 -
        ((turns?.waitedS ?? 0) - waitedAtTimed);
      note = budgetNote(w, timedS, plan, p);
      if (note) break;
      await turns?.take("window");
      const t0 = performance.now();
      let images = 0;
      for (let i = 0; i < plan.batchesPerWindow; i++) images += await step();
      windowImagesPerS.push(images / ((performance.now() - t0) / 1000));
      turns?.done("window", windowImagesPerS[windowImagesPerS.length - 1]);
    }
    await turns?.take("rest");
    // The yields between windows are untimed idle turns, not harness work.
    loop.loopS = (performance.now() - loopStart) / 1000 - yieldedS -
      ((turns?.waitedS ?? 0) - waitedAtStart);
    const large = Math.min(LARGE_BATCH, test.x.shape[0]);
    const one = test.x.slice(0, 1), many = test.x.slice(0, large);
    // A bounded (slow) run times inference less too: its large batch can take seconds.
    const [lw, lr] = plan.bounded
      ? [1, Math.min(2, p.latency.repeats)]
      : [p.latency.warmup, p.latency.repeats];
    const latencyB1Ms = await predictLatencies(model, one, lw, lr);
    const latencyLargeMs = await predictLatencies(model, many, lw, lr);
    tf.dispose([one, many]);
    result = {
      warmupStepS,
      windowImagesPerS,
      batchesPerWindow: plan.batchesPerWindow,
      batchSize: bs,
      bounded: [plan.bounded ?? note, warmupNote(warmup, p)].filter(Boolean).join("; ") || null,
      latencyB1Ms,
      latencyLargeMs,
      largeBatch: large,
      peakGflops: [],
      peakN: p.peak.n,
      params: model.countParams(),
      loop,
      info: { datasetProvenance: ds.provenance },
      extraWorkUnits: extra?.units,
    };
  } finally {
    await trainer?.close();
    extra?.dispose();
    tf.dispose([test.x, test.y]);
    model.optimizer?.dispose();
    model.dispose();
  }
  result.leakedTensors = tf.memory().numTensors - tensorsBefore;
  return result;
}
