/**
 * The small network article 004 §3 is run on. The article gives no sizes or numbers, so these
 * are declared here (see {@link SCRATCH_004_NOTES}).
 *
 * @module
 */
import type { Layer } from "./scratch_mlp.ts";

/** A network, one sample, and the descent settings: everything a comparison run needs. */
export interface ScratchNetwork {
  /** Neurons per layer, input first. */
  sizes: number[];
  layers: Layer[];
  input: number[];
  target: number[];
  learningRate: number;
  steps: number;
}

/**
 * 3 inputs → 4 sigmoid hidden → 2 sigmoid outputs. Weights are small hand-picked values of both
 * signs, chosen so no unit saturates and every gradient is well away from zero (a relative
 * comparison of near-zero gradients would measure float32 rounding, not the algorithm).
 */
export const SCRATCH_NETWORK_004: ScratchNetwork = {
  sizes: [3, 4, 2],
  layers: [
    {
      weights: [[0.2, -0.4, 0.1], [0.5, 0.3, -0.2], [-0.3, 0.8, 0.4], [0.1, -0.1, 0.6]],
      biases: [0.1, -0.2, 0.05, -0.15],
    },
    { weights: [[0.3, -0.6, 0.2, 0.5], [-0.4, 0.7, 0.1, -0.3]], biases: [0.05, -0.1] },
  ],
  input: [0.5, -1.0, 2.0],
  target: [0.1, 0.9],
  learningRate: 0.5,
  steps: 5,
};

/** How the from-scratch code reads article 004 §3's pseudo-code, and what it had to repair. */
export const SCRATCH_004_NOTES: string[] = [
  "004 gives no network sizes or numbers (its §4 lists formulas only: sigmoid, ReLU, tanh, " +
  "MSE = 1/2 Σ (y − ŷ)^2, cross-entropy, θ ← θ − α∇J); the 3-4-2 sigmoid network, its weights, " +
  "the sample and α = 0.5 are declared in scratch_network_004.ts.",
  "§3.1.1's neuron has no bias while §3.1.2's forward propagation adds one; the bias is kept.",
  "§3.1.2 zips the previous layer's outputs element-wise with the weight rows, which is not a " +
  "layer; read as z_j = Σ_i w_ji a_i + b_j for every neuron j.",
  "§3.2 as written cannot run: `i` is unbound in the deltas comprehension, `deltas` is a flat " +
  "list indexed as deltas[layer][neuron], biases[layer − 1][neuron] is a number passed to zip, " +
  "and `error += error * weight * input` is not the chain rule. Read as standard " +
  "backpropagation of J = 1/2 Σ (y − ŷ)^2 with f' taken from the outputs, a(1 − a).",
  "§3.2's errors are (expected − output) and it then subtracts learning_rate·error, which " +
  "climbs the loss; the update here uses ∂J/∂θ = (ŷ − y)·…, so θ ← θ − α∂J/∂θ descends (§4.3).",
  "§3.3 applies one gradient to both weights and biases; here each parameter gets its own.",
];
