/**
 * Dropout whose masks come from the run's seed.
 *
 * tfjs's own Dropout layer takes a fixed `seed` and passes it to every call, so a seeded
 * Dropout draws the *same* mask on every batch; unseeded, it uses Math.random. Neither is
 * what the article's code does (a fresh mask per batch) with a reproducible run. This layer
 * draws a new tfjs seed per training call from a generator split off the run's seed.
 */
import * as tf from "@tensorflow/tfjs";
import type { Rng } from "../harness/core/rng.ts";

export class SeededDropout extends tf.layers.Layer {
  static className = "SeededDropout";
  readonly rate: number;
  /** Zero whole channels of an NHWC input (PyTorch's Dropout2d, Keras's SpatialDropout2D). */
  readonly spatial: boolean;
  readonly #rng: Rng;

  constructor(args: { rate: number; rng: Rng; name?: string; spatial?: boolean }) {
    super({ name: args.name });
    this.spatial = args.spatial ?? false;
    if (!(args.rate >= 0 && args.rate < 1)) {
      throw new RangeError(`Dropout rate must be in [0, 1), got ${args.rate}`);
    }
    this.rate = args.rate;
    this.#rng = args.rng;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (kwargs.training !== true || this.rate === 0) return tf.clone(x);
    // One draw per (example, channel), broadcast over height and width.
    const noiseShape = this.spatial && x.rank === 4 ? [x.shape[0]!, 1, 1, x.shape[3]!] : undefined;
    return tf.dropout(x, this.rate, noiseShape, this.#rng.tfSeed());
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, spatial: this.spatial };
  }
}
