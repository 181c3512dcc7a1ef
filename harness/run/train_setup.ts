/**
 * What a training run (`train.ts`) and a perf run (`harness/perf/tf_runner.ts`) set up alike
 * before their first step: the dataset's slices, the input shape, the run's generator split
 * by purpose, the model built from `init` and compiled, the trainer (replicas), the batches
 * in the order `shuffle` decides, the test (and validation) tensors; and their disposal.
 * One set-up, so a perf run trains exactly what a bench run of the same seed trains.
 */
import * as tf from "@tensorflow/tfjs";
import type { ResolvedConfig } from "../core/config.ts";
import { Rng } from "../core/rng.ts";
import { loadDataset, type LoadedDataset, type Slices, takeSlices } from "./data/mod.ts";
import { BatchStream, splitTensors } from "./batches.ts";
import { MemoryTracker } from "./measure.ts";
import { makeTrainer, type Trainer } from "./parallel/mod.ts";
import { buildModel, compileModel } from "../../models/mod.ts";

/** How a run executes, apart from what it trains (an option of the run, not of the article). */
export interface Execution {
  backend: string;
  /** Data-parallel replicas (see harness/run/parallel/); 1 calls `trainOnBatch` as tfjs ships it. */
  replicas: number;
  kernels: "default" | "stock";
}

/** A run's training, set up; `dispose` (in a `finally`) ends its workers and frees its tensors. */
export interface TrainingSetup {
  dataset: LoadedDataset;
  slices: Slices;
  /** The shape examples are fed in (see `inputShapeFor`). */
  shape: number[];
  model: tf.LayersModel;
  trainer: Trainer;
  /** The training slice in the seed's order, epoch after epoch. */
  batches: BatchStream;
  test: { x: tf.Tensor; y: tf.Tensor };
  /** Null unless asked for and the configuration has validation examples. */
  validation: { x: tf.Tensor; y: tf.Tensor } | null;
  /** Live tensors counted from before the model was built: peaks and leaks. */
  memory: MemoryTracker;
  dispose(): Promise<void>;
}

/**
 * Set up the training of `config` with `seed` on the current backend. Throws (freeing what it
 * made) on a dataset that does not fit the model or a trainer that cannot start.
 */
export async function setUpTraining(
  config: ResolvedConfig,
  seed: number,
  exec: Execution,
  opts: { validation?: boolean } = {},
): Promise<TrainingSetup> {
  const training = config.training!, spec = config.model!;
  const dataset = await loadDataset(config.dataset!.key);
  const slices = takeSlices(dataset, config.dataset!);
  const shape = inputShapeFor(spec.inputShape, dataset.inputShape, dataset.key);
  const memory = new MemoryTracker();
  const rng = new Rng(seed);
  const model = buildModel(spec, rng.split("init"));
  compileModel(model, training);
  const tensors = (split: keyof Slices) =>
    splitTensors(slices[split], shape, dataset.numClasses, training.loss);
  const validation = opts.validation && slices.validation.n > 0 ? tensors("validation") : null;
  const test = tensors("test");
  const free = () => {
    tf.dispose([test.x, test.y]);
    if (validation) tf.dispose([validation.x, validation.y]);
    model.optimizer?.dispose();
    model.dispose();
  };
  let trainer: Trainer;
  try {
    trainer = await makeTrainer(model, config, exec.backend, exec.replicas, rng, exec.kernels);
  } catch (err) {
    free();
    throw err;
  }
  const batches = new BatchStream(
    slices.train,
    training.batchSize,
    shape,
    dataset.numClasses,
    training.loss,
    training.shuffle ? rng.split("shuffle") : null,
  );
  const dispose = async () => {
    await trainer.close();
    free();
  };
  return { dataset, slices, shape, model, trainer, batches, test, validation, memory, dispose };
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
