/**
 * One training run: build the model from the seed, train epoch by epoch with our own seeded
 * shuffle, then evaluate, time inference and hash the weights. Reads top to bottom.
 *
 * Runtime-neutral: the examples and the trainer come in as arguments, so Deno
 * (`deno_training.ts`: the dataset registry, Worker replicas) and a browser page (examples
 * fetched from the harness, one replica) run this same loop.
 */
import * as tf from "@tensorflow/tfjs";
import type { ResolvedConfig } from "../core/config.ts";
import { median } from "../core/stats/mod.ts";
import { predictLatencies, weightsHash } from "./measure.ts";
import {
  type RunData,
  setUpTraining,
  type TrainerFactory,
  type TrainingSetup,
} from "./train_setup.ts";
import type { RunOutcome } from "./recorder.ts";
import type { EpochRecord, Measurement } from "../../results/types.ts";

/** Where a run is, for progress displays. */
export interface RunProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  /** Seconds left in this run, estimated from the batches done so far. */
  etaS: number | null;
}

/** Batches per timing window: the repeated throughput samples the regression gate tests. */
const WINDOW_BATCHES = 4;
/** Training steps before the first timing window (compilation, first allocations). */
const WARMUP_BATCHES = 3;
/** The "large batch" of the inference latency measurement. */
export const LARGE_BATCH = 256;

/**
 * Train and measure one (experiment, backend, seed) on `data` with the trainer `makeTrainer`
 * makes, on the current backend. Throws on failure; the suite classifies.
 */
export async function trainLoop(
  config: ResolvedConfig,
  seed: number,
  data: RunData,
  makeTrainer: TrainerFactory,
  onProgress: (p: RunProgress) => void = () => {},
): Promise<RunOutcome> {
  const t0 = performance.now();
  const training = config.training!;
  const run = await setUpTraining(config, seed, data, makeTrainer, { validation: true });
  const { model, test } = run;
  try {
    const loop: Loop = { dataS: 0, stepS: 0, windows: new Windows(), start: performance.now() };
    const epochs: EpochRecord[] = [];
    for (let epoch = 0; epoch < training.epochs; epoch++) {
      epochs.push(await trainEpoch(run, epoch, training.epochs, loop, onProgress));
    }
    const result = await evaluate(model, test.x, test.y, training.batchSize);
    const measurements = loop.windows.measurements();
    const latencies = await measureLatency(model, test.x, measurements);
    measurements.push(
      { name: "harness_data_s", unit: "s", idx: 0, value: loop.dataS },
      { name: "model_step_s", unit: "s", idx: 0, value: loop.stepS },
    );
    const steady = epochs.slice(1);
    return {
      epochs,
      measurements,
      end: {
        status: "ok",
        wallS: (performance.now() - t0) / 1000,
        datasetProvenance: run.data.provenance,
        trainSamples: run.slices.train.n,
        testSamples: run.slices.test.n,
        testLoss: result.loss,
        testAccuracy: result.accuracy,
        firstEpochS: epochs[0].wallS,
        // Steady state: the median timing window after warm-up; whole later epochs when a
        // run is too short for one window.
        steadySamplesPerS: loop.windows.values.length > 0
          ? median(loop.windows.values)
          : steady.length > 0
          ? median(steady.map((e) => e.samplesPerS))
          : null,
        ...latencies,
        peakTensors: run.memory.peakTensors,
        peakBytes: run.memory.peakBytes,
        weightsSha256: await weightsHash(model),
      },
    };
  } finally {
    await run.dispose();
  }
}

/** The training loop's running totals over the run. */
interface Loop {
  /** Seconds copying examples into batches, and inside the training step. */
  dataS: number;
  stepS: number;
  windows: Windows;
  /** When the first epoch started (for the ETA). */
  start: number;
}

/** One epoch over the training slice in a new seeded order, then validation and the hash. */
async function trainEpoch(
  run: TrainingSetup,
  epoch: number,
  epochs: number,
  loop: Loop,
  onProgress: (p: RunProgress) => void,
): Promise<EpochRecord> {
  const { batches, validation: val } = run;
  const n = run.slices.train.n, perEpoch = batches.batchesPerEpoch;
  batches.turnEpoch();
  const epochStart = performance.now();
  let lossSum = 0, accSum = 0;
  loop.windows.restart(epochStart);
  for (let b = 0; b < perEpoch; b++) {
    const d0 = performance.now();
    const batch = batches.next();
    const d1 = performance.now();
    const [l, a] = await run.trainer.step(batch.x, batch.y);
    loop.stepS += (performance.now() - d1) / 1000;
    loop.dataS += (d1 - d0) / 1000;
    const size = batch.x.shape[0];
    lossSum += l * size;
    accSum += a * size;
    tf.dispose([batch.x, batch.y]);
    run.memory.sample();
    const done = epoch * perEpoch + b + 1;
    loop.windows.step(done, size);
    const elapsed = (performance.now() - loop.start) / 1000;
    onProgress({
      epoch: epoch + 1,
      epochs,
      batch: b + 1,
      batches: perEpoch,
      etaS: (elapsed / done) * (perEpoch * epochs - done),
    });
  }
  const wallS = (performance.now() - epochStart) / 1000;
  const v = val ? await evaluate(run.model, val.x, val.y, batches.batchSize) : null;
  return {
    epoch: epoch + 1,
    loss: lossSum / n,
    accuracy: accSum / n,
    valLoss: v?.loss ?? null,
    valAccuracy: v?.accuracy ?? null,
    wallS,
    samplesPerS: n / wallS,
    weightsSha256: await weightsHash(run.model),
  };
}

/**
 * Timing windows of `WINDOW_BATCHES` steps after the first `WARMUP_BATCHES` (compilation,
 * first allocations); a window never spans an epoch's end (validation and hashing run there).
 */
class Windows {
  /** Samples/s of each full window. */
  readonly values: number[] = [];
  #start = 0;
  #samples = 0;
  #batches = 0;

  /** A new epoch starts at `now`: a window in progress is dropped. */
  restart(now: number): void {
    [this.#start, this.#samples, this.#batches] = [now, 0, 0];
  }

  /** Step number `done` (counted over the run) trained on `size` samples. */
  step(done: number, size: number): void {
    if (done === WARMUP_BATCHES) {
      this.#start = performance.now();
    } else if (done > WARMUP_BATCHES) {
      this.#samples += size;
      if (++this.#batches === WINDOW_BATCHES) {
        const now = performance.now();
        this.values.push(this.#samples / ((now - this.#start) / 1000));
        this.restart(now);
      }
    }
  }

  /** The windows as stored measurements. */
  measurements(): Measurement[] {
    return this.values.map((value, idx) => ({
      name: "train_window_samples_per_s",
      unit: "samples/s",
      idx,
      value,
    }));
  }
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
