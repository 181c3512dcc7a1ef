/**
 * Layer specs (plain data) to tfjs layers, with every initializer seeded from the run.
 */
import * as tf from "@tensorflow/tfjs";
import type { LayerSpec } from "../harness/core/experiment.ts";
import type { Rng } from "../harness/core/rng.ts";
import { SeededDropout } from "./seeded_dropout.ts";

type Factory = (options: Record<string, unknown>) => tf.layers.Layer;

const FACTORIES: Record<string, Factory> = {
  dense: (o) => tf.layers.dense(o as unknown as Parameters<typeof tf.layers.dense>[0]),
  conv2d: (o) => tf.layers.conv2d(o as unknown as Parameters<typeof tf.layers.conv2d>[0]),
  maxPooling2d: (o) =>
    tf.layers.maxPooling2d(o as unknown as Parameters<typeof tf.layers.maxPooling2d>[0]),
  averagePooling2d: (o) =>
    tf.layers.averagePooling2d(o as unknown as Parameters<typeof tf.layers.averagePooling2d>[0]),
  flatten: (o) => tf.layers.flatten(o as unknown as Parameters<typeof tf.layers.flatten>[0]),
  reshape: (o) => tf.layers.reshape(o as unknown as Parameters<typeof tf.layers.reshape>[0]),
  activation: (o) =>
    tf.layers.activation(o as unknown as Parameters<typeof tf.layers.activation>[0]),
  embedding: (o) => tf.layers.embedding(o as unknown as Parameters<typeof tf.layers.embedding>[0]),
  simpleRNN: (o) => tf.layers.simpleRNN(o as unknown as Parameters<typeof tf.layers.simpleRNN>[0]),
  lstm: (o) => tf.layers.lstm(o as unknown as Parameters<typeof tf.layers.lstm>[0]),
  gru: (o) => tf.layers.gru(o as unknown as Parameters<typeof tf.layers.gru>[0]),
};

/** The layer types a model spec may use. */
export const LAYER_TYPES = [...Object.keys(FACTORIES), "dropout", "spatialDropout2d"];

/** Options naming an initializer, and the tfjs factory behind each name a spec may use. */
const INITIALIZER_OPTIONS: Record<string, string> = {
  dense: "kernelInitializer",
  conv2d: "kernelInitializer",
  embedding: "embeddingsInitializer",
  simpleRNN: "kernelInitializer",
  lstm: "kernelInitializer",
  gru: "kernelInitializer",
};
const DEFAULT_INITIALIZER: Record<string, string> = {
  kernelInitializer: "glorotUniform",
  embeddingsInitializer: "randomUniform",
  recurrentInitializer: "orthogonal",
};

/** Initializers that take nothing but a seed: the variance-scaling family, as tfjs names them. */
const SEED_ONLY = [
  "glorotUniform",
  "glorotNormal",
  "heUniform",
  "heNormal",
  "leCunUniform",
  "leCunNormal",
] as const;

function seededInitializer(name: string, seed: number): ReturnType<typeof tf.initializers.zeros> {
  const seedOnly = SEED_ONLY.find((n) => n === name);
  if (seedOnly) return tf.initializers[seedOnly]({ seed });
  switch (name) {
    case "randomUniform":
      return tf.initializers.randomUniform({ minval: -0.05, maxval: 0.05, seed });
    case "randomNormal":
      return tf.initializers.randomNormal({ mean: 0, stddev: 0.05, seed });
    case "orthogonal":
      return tf.initializers.orthogonal({ gain: 1, seed });
    case "zeros":
      return tf.initializers.zeros();
    default:
      throw new TypeError(`Unknown initializer "${name}"`);
  }
}

/**
 * Build one layer from its spec. Every random initializer gets its own seed from `rng`,
 * in layer order, so the same seed builds the same weights on every backend.
 */
export function buildLayer(
  spec: LayerSpec,
  rng: Rng,
  first: { inputShape?: number[] },
): tf.layers.Layer {
  const { type, ...rest } = spec;
  const options: Record<string, unknown> = { ...rest, ...first };
  if (type === "dropout" || type === "spatialDropout2d") {
    return new SeededDropout({
      rate: Number(rest.rate),
      rng: rng.split("dropout"),
      name: rest.name as string | undefined,
      spatial: type === "spatialDropout2d",
    });
  }
  const factory = FACTORIES[type];
  if (!factory) {
    throw new TypeError(`Unknown layer type "${type}" (known: ${LAYER_TYPES.join(", ")})`);
  }
  for (const option of initializerOptions(type)) {
    const name = (options[option] as string | undefined) ?? DEFAULT_INITIALIZER[option];
    options[option] = seededInitializer(name, rng.tfSeed());
  }
  return factory(options);
}

function initializerOptions(type: string): string[] {
  const main = INITIALIZER_OPTIONS[type];
  if (!main) return [];
  return ["simpleRNN", "lstm", "gru"].includes(type) ? [main, "recurrentInitializer"] : [main];
}
