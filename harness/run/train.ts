/**
 * One training run: build the model from the seed, train epoch by epoch with our own seeded
 * shuffle, then evaluate, time inference and hash the weights. Reads top to bottom.
 */
import * as tf from "@tensorflow/tfjs";
import type { ResolvedConfig } from "../core/config.ts";
import { loadDataset, takeSlices } from "./data/mod.ts";
import { batchTensors, splitTensors } from "./batches.ts";
import { median, MemoryTracker, predictLatencies, weightsHash } from "./measure.ts";
import { Rng } from "../core/rng.ts";
import { buildModel, compileModel } from "../../models/mod.ts";
import { makeTrainer, type Trainer } from "./parallel/mod.ts";
import type { EpochRecord, Measurement, RunEnd } from "../../results/types.ts";

/** Where a run is, for progress displays. */
export interface RunProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  /** Seconds left in this run, estimated from the batches done so far. */
  etaS: number | null;
}

/** What a finished (or failed) run hands to the store. */
export interface RunOutcome {
  end: RunEnd;
  epochs: EpochRecord[];
  measurements: Measurement[];
}

/** Batches per timing window: the repeated throughput samples the regression gate tests. */
export const WINDOW_BATCHES = 4;
/** Training steps before the first timing window (compilation, first allocations). */
export const WARMUP_BATCHES = 3;
/** The "large batch" of the inference latency measurement. */
export const LARGE_BATCH = 256;

/** How a run executes, apart from what it trains (an option of the run, not of the article). */
export interface Execution {
  backend: string;
  /** Data-parallel replicas (see harness/run/parallel/); 1 calls `trainOnBatch` as tfjs ships it. */
  replicas: number;
  kernels: "default" | "stock";
}

/** Train and measure one (experiment, backend, seed). Throws on failure; the suite classifies. */
export async function trainRun(
  config: ResolvedConfig,
  seed: number,
  onProgress: (p: RunProgress) => void = () => {},
  exec: Execution = { backend: tf.getBackend(), replicas: 1, kernels: "default" },
): Promise<RunOutcome> {
  const t0 = performance.now();
  const training = config.training!, spec = config.model!;
  const ds = await loadDataset(config.dataset!.key);
  const slices = takeSlices(ds, config.dataset!);
  const shape = inputShapeFor(spec.inputShape, ds.inputShape, ds.key);
  const classes = ds.numClasses, loss = training.loss;
  const memory = new MemoryTracker();
  const rng = new Rng(seed);
  const model = buildModel(spec, rng.split("init"));
  compileModel(model, training);
  const measurements: Measurement[] = [];
  const epochs: EpochRecord[] = [];
  const val = slices.validation.n > 0
    ? splitTensors(slices.validation, shape, classes, loss)
    : null;
  const test = splitTensors(slices.test, shape, classes, loss);
  let dataS = 0, stepS = 0;
  let trainer: Trainer | undefined;
  try {
    trainer = await makeTrainer(model, config, exec.backend, exec.replicas, rng, exec.kernels);
    const n = slices.train.n, bs = training.batchSize;
    const batches = Math.ceil(n / bs);
    const totalBatches = batches * training.epochs;
    const shuffler = rng.split("shuffle");
    const trainStart = performance.now();
    for (let epoch = 0; epoch < training.epochs; epoch++) {
      const order = training.shuffle
        ? shuffler.permutation(n)
        : Int32Array.from({ length: n }, (_, i) => i);
      const epochStart = performance.now();
      let lossSum = 0, accSum = 0;
      // Windows never span an epoch's end (validation and hashing run there).
      let windowStart = epochStart, windowSamples = 0, windowBatches = 0;
      for (let b = 0; b < batches; b++) {
        const d0 = performance.now();
        const batch = batchTensors(
          slices.train,
          order,
          b * bs,
          Math.min(n, (b + 1) * bs),
          shape,
          classes,
          loss,
        );
        const d1 = performance.now();
        const [l, a] = await trainer.step(batch.x, batch.y);
        stepS += (performance.now() - d1) / 1000;
        dataS += (d1 - d0) / 1000;
        const size = batch.x.shape[0];
        lossSum += l * size;
        accSum += a * size;
        tf.dispose([batch.x, batch.y]);
        memory.sample();
        const done = epoch * batches + b + 1;
        if (done === WARMUP_BATCHES) {
          // The first steps compile shaders and allocate: timing windows start after them.
          windowStart = performance.now();
        } else if (done > WARMUP_BATCHES) {
          windowSamples += size;
          if (++windowBatches === WINDOW_BATCHES) {
            const now = performance.now();
            measurements.push({
              name: "train_window_samples_per_s",
              unit: "samples/s",
              idx: measurements.length,
              value: windowSamples / ((now - windowStart) / 1000),
            });
            [windowStart, windowSamples, windowBatches] = [now, 0, 0];
          }
        }
        const elapsed = (performance.now() - trainStart) / 1000;
        onProgress({
          epoch: epoch + 1,
          epochs: training.epochs,
          batch: b + 1,
          batches,
          etaS: (elapsed / done) * (totalBatches - done),
        });
      }
      const wallS = (performance.now() - epochStart) / 1000;
      const v = val ? await evaluate(model, val.x, val.y, bs) : null;
      epochs.push({
        epoch: epoch + 1,
        loss: lossSum / n,
        accuracy: accSum / n,
        valLoss: v?.loss ?? null,
        valAccuracy: v?.accuracy ?? null,
        wallS,
        samplesPerS: n / wallS,
        weightsSha256: await weightsHash(model),
      });
    }
    const result = await evaluate(model, test.x, test.y, training.batchSize);
    const latencies = await measureLatency(model, test.x, measurements);
    measurements.push(
      { name: "harness_data_s", unit: "s", idx: 0, value: dataS },
      { name: "model_step_s", unit: "s", idx: 0, value: stepS },
    );
    const windows = measurements.filter((m) => m.name === "train_window_samples_per_s");
    const steady = epochs.slice(1);
    return {
      epochs,
      measurements,
      end: {
        status: "ok",
        wallS: (performance.now() - t0) / 1000,
        datasetProvenance: ds.provenance,
        trainSamples: n,
        testSamples: slices.test.n,
        testLoss: result.loss,
        testAccuracy: result.accuracy,
        firstEpochS: epochs[0].wallS,
        // Steady state: the median timing window after warm-up; whole later epochs when a
        // run is too short for one window.
        steadySamplesPerS: windows.length > 0
          ? median(windows.map((w) => w.value))
          : steady.length > 0
          ? median(steady.map((e) => e.samplesPerS))
          : null,
        ...latencies,
        peakTensors: memory.peakTensors,
        peakBytes: memory.peakBytes,
        weightsSha256: await weightsHash(model),
      },
    };
  } finally {
    await trainer?.close();
    tf.dispose([test.x, test.y]);
    if (val) tf.dispose([val.x, val.y]);
    model.optimizer?.dispose();
    model.dispose();
  }
}

/**
 * The shape examples are fed in: the model's declared input shape when it holds the same
 * values as the dataset's (a reshape, like the articles' `reshape(-1, 784)`), otherwise an
 * error naming both shapes: the data cannot be fed to that model as written.
 */
export function inputShapeFor(model: number[], data: number[], key: string): number[] {
  const size = (s: number[]) => s.reduce((a, b) => a * b, 1);
  if (size(model) !== size(data)) {
    throw new Error(
      `Model input shape [${model.join(",")}] (${
        size(model)
      } values per example) does not fit dataset "${key}" examples of shape [${data.join(",")}] (${
        size(data)
      } values)`,
    );
  }
  return model;
}

async function evaluate(model: tf.LayersModel, x: tf.Tensor, y: tf.Tensor, batchSize: number) {
  const out = model.evaluate(x, y, { batchSize }) as tf.Scalar | tf.Scalar[];
  const list = Array.isArray(out) ? out : [out];
  const values = await Promise.all(list.map((t) => t.data()));
  tf.dispose(list);
  return { loss: values[0][0], accuracy: values.length > 1 ? values[1][0] : NaN };
}

async function measureLatency(model: tf.LayersModel, x: tf.Tensor, into: Measurement[]) {
  const large = Math.min(LARGE_BATCH, x.shape[0]);
  const one = x.slice(0, 1), many = x.slice(0, large);
  try {
    const b1 = await predictLatencies(model, one);
    const bl = await predictLatencies(model, many);
    b1.forEach((value, idx) => into.push({ name: "latency_b1_ms", unit: "ms", idx, value }));
    bl.forEach((value, idx) => into.push({ name: "latency_large_ms", unit: "ms", idx, value }));
    return { latencyB1Ms: median(b1), latencyLargeMs: median(bl), largeBatch: large };
  } finally {
    tf.dispose([one, many]);
  }
}
