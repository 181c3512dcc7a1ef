/** The model registry: builds a tf.LayersModel from a model spec (plain data). */
import * as tf from "@tensorflow/tfjs";
import type { ModelSpec, OptimizerSpec, TrainingSpec } from "../harness/core/experiment.ts";
import type { Rng } from "../harness/core/rng.ts";
import { buildLayer } from "./layers.ts";

export { LAYER_TYPES } from "./layers.ts";
export { SeededDropout } from "./seeded_dropout.ts";

/** Model keys a declaration may name. */
const MODELS = {
  sequential: "a stack of layers, each declared as data ({ type, ...tfjs layer options })",
} as const;

/**
 * Build the model a spec names. `rng` must be the run's generator split for "init": the
 * same seed gives bit-identical initial weights.
 */
export function buildModel(spec: ModelSpec, rng: Rng): tf.Sequential {
  if (spec.key !== "sequential") {
    throw new TypeError(
      `Unknown model key "${spec.key}" (known: ${Object.keys(MODELS).join(", ")})`,
    );
  }
  const model = tf.sequential();
  spec.layers.forEach((layer, i) => {
    model.add(
      buildLayer(layer, rng.split(`layer${i}`), i === 0 ? { inputShape: spec.inputShape } : {}),
    );
  });
  return model;
}

/** The optimizer a training spec names, with the article's parameters. */
function buildOptimizer(spec: OptimizerSpec): tf.Optimizer {
  switch (spec.name) {
    case "adam":
      return tf.train.adam(spec.learningRate, spec.beta1, spec.beta2, spec.epsilon);
    case "sgd":
      return spec.momentum
        ? tf.train.momentum(spec.learningRate, spec.momentum)
        : tf.train.sgd(spec.learningRate);
    case "rmsprop":
      return tf.train.rmsprop(spec.learningRate, undefined, spec.momentum, spec.epsilon);
    case "adagrad":
      return tf.train.adagrad(spec.learningRate);
  }
}

/** Compile a model for a training spec: loss and the accuracy metric that fits it. */
export function compileModel(model: tf.LayersModel, training: TrainingSpec): void {
  model.compile({
    optimizer: buildOptimizer(training.optimizer),
    loss: training.loss,
    metrics: training.loss === "meanSquaredError" ? [] : ["accuracy"],
  });
}
