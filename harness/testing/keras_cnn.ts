/**
 * The Keras MNIST CNN of article 001, built from its declaration through the model registry,
 * as a run builds it: benchmarks and tests time the model the suite trains, not a copy.
 *
 * @module
 */
import type * as tf from "@tensorflow/tfjs";
import declaration from "../../experiments/keras_cnn_mnist_001.ts";
import { buildModel, compileModel } from "../../models/mod.ts";
import { validateExperiment } from "../core/validate.ts";
import { Rng } from "../core/rng.ts";

/**
 * `keras-cnn-mnist-001`'s model, initialised as a run of `seed` initialises it and compiled
 * for its training spec (adam, categorical cross-entropy).
 *
 * @example
 * ```ts
 * const model = kerasMnistCnn();
 * await model.trainOnBatch(x, y); // x [64, 28, 28, 1], y one-hot [64, 10]
 * ```
 */
export function kerasMnistCnn(seed = 1): tf.Sequential {
  const experiment = validateExperiment(declaration, "experiments/keras_cnn_mnist_001.ts");
  const model = buildModel(experiment.model!, new Rng(seed).split("init"));
  compileModel(model, experiment.training!);
  return model;
}
