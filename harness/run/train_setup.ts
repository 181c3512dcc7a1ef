/**
 * What a training run (`train_loop.ts`) and a perf run (`harness/perf/tf_runner.ts`) set up
 * alike before their first step, given the run's examples and how to make its trainer: the
 * input shape, the run's generator split by purpose, the model built from `init` and
 * compiled, the trainer, the batches in the order `shuffle` decides, the test (and
 * validation) tensors; and their disposal. One set-up, so a perf run trains exactly what a
 * bench run of the same seed trains, in Deno and in a browser page alike: this file's import
 * graph is runtime-neutral (no `Deno.*`, `node:*` or Worker), and each runtime passes in its
 * data (`run_data.ts` in Deno, fetched in a page) and its trainer factory.
 */
import * as tf from "@tensorflow/tfjs";
import type { ResolvedConfig } from "../core/config.ts";
import { Rng } from "../core/rng.ts";
import type { Slices } from "./data/split.ts";
import { BatchStream, splitTensors } from "./batches.ts";
import { MemoryTracker } from "./measure.ts";
import type { Trainer } from "./parallel/single.ts";
import { buildModel, compileModel } from "../../models/mod.ts";

/** A run's examples, already sliced to the sizes its configuration asks for. */
export interface RunData {
  key: string;
  inputShape: number[];
  numClasses: number;
  /** Where the data came from (package and version, or file and SHA-256). */
  provenance: string;
  slices: Slices;
}

/**
 * Makes a run's trainer once its model is built and compiled; `rng` is the run's generator
 * (Deno's Worker replicas draw their dropout seeds from it).
 */
export type TrainerFactory = (model: tf.LayersModel, rng: Rng) => Promise<Trainer>;

/** A run's training, set up; `dispose` (in a `finally`) ends its workers and frees its tensors. */
export interface TrainingSetup {
  data: RunData;
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
 * Set up the training of `config` with `seed` on `data`, on the current backend. Throws
 * (freeing what it made) on a dataset that does not fit the model or a trainer that cannot
 * start.
 */
export async function setUpTraining(
  config: ResolvedConfig,
  seed: number,
  data: RunData,
  makeTrainer: TrainerFactory,
  opts: { validation?: boolean } = {},
): Promise<TrainingSetup> {
  const training = config.training!, spec = config.model!;
  const slices = data.slices;
  const shape = inputShapeFor(spec.inputShape, data.inputShape, data.key);
  const memory = new MemoryTracker();
  const rng = new Rng(seed);
  const model = buildModel(spec, rng.split("init"));
  compileModel(model, training);
  const tensors = (split: keyof Slices) =>
    splitTensors(slices[split], shape, data.numClasses, training.loss);
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
    trainer = await makeTrainer(model, rng);
  } catch (err) {
    free();
    throw err;
  }
  const batches = new BatchStream(
    slices.train,
    training.batchSize,
    shape,
    data.numClasses,
    training.loss,
    training.shuffle ? rng.split("shuffle") : null,
  );
  const dispose = async () => {
    await trainer.close();
    free();
  };
  return { data, slices, shape, model, trainer, batches, test, validation, memory, dispose };
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
