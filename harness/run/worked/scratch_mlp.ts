/**
 * Article 004 §3, from scratch in plain TypeScript: a neuron (weighted sum + activation), forward
 * propagation, backward propagation and a gradient-descent update, with the §4.2 loss
 * J = 1/2 Σ (y − ŷ)^2 and the §4.3 update θ ← θ − α∇J.
 *
 * The article's pseudo-code cannot run as written (see {@link SCRATCH_004_NOTES}); this is the
 * procedure it describes, written so every step is visible.
 *
 * @module
 */

/** An activation and its derivative written in terms of its output, as §3.2 evaluates it. */
export interface Activation {
  f(z: number): number;
  /** f'(z) expressed through a = f(z); for the sigmoid, a(1 − a). */
  derivativeFromOutput(a: number): number;
}

/** The logistic sigmoid of 004 §4.1. */
export const sigmoid: Activation = {
  f: (z) => 1 / (1 + Math.exp(-z)),
  derivativeFromOutput: (a) => a * (1 - a),
};

/** One fully connected layer: `weights[j][i]` joins input i to neuron j. */
export interface Layer {
  weights: number[][];
  biases: number[];
}

/**
 * §3.1.1: one neuron: the weighted sum of its inputs plus its bias, through the activation.
 *
 * @example
 * ```ts
 * neuron([1, 2], [0.5, -0.25], 0, sigmoid); // σ(0) = 0.5
 * ```
 */
export function neuron(
  inputs: readonly number[],
  weights: readonly number[],
  bias: number,
  act: Activation,
): number {
  if (inputs.length !== weights.length) {
    throw new RangeError(`Neuron has ${weights.length} weights but got ${inputs.length} inputs`);
  }
  let z = bias;
  for (let i = 0; i < inputs.length; i++) z += inputs[i] * weights[i];
  return act.f(z);
}

/**
 * §3.1.2: every layer's output, starting with the input itself (backward propagation needs all).
 *
 * @example
 * ```ts
 * const outs = forwardPropagation([1], [{ weights: [[0]], biases: [0] }], sigmoid);
 * outs.at(-1); // [0.5]
 * ```
 */
export function forwardPropagation(
  input: readonly number[],
  layers: readonly Layer[],
  act: Activation,
): number[][] {
  const outputs = [input.slice()];
  for (const layer of layers) {
    const previous = outputs[outputs.length - 1];
    outputs.push(layer.weights.map((w, j) => neuron(previous, w, layer.biases[j], act)));
  }
  return outputs;
}

/** J = 1/2 Σ (y − ŷ)^2, the loss of 004 §4.2. */
export function halfSquaredError(output: readonly number[], target: readonly number[]): number {
  return output.reduce((sum, o, i) => sum + 0.5 * (target[i] - o) ** 2, 0);
}

/**
 * §3.2: gradients of J = 1/2 Σ (y − ŷ)^2 for every weight and bias, layer by layer from the
 * output back. The delta of a neuron is ∂J/∂z; it starts as (ŷ − y)·f'(z) at the output.
 *
 * @example
 * ```ts
 * const layers = [{ weights: [[0]], biases: [0] }];
 * const grads = backwardPropagation(forwardPropagation([1], layers, sigmoid), [1], layers, sigmoid);
 * grads[0].biases[0]; // (0.5 − 1)·0.25 = −0.125
 * ```
 */
export function backwardPropagation(
  outputs: readonly number[][],
  target: readonly number[],
  layers: readonly Layer[],
  act: Activation,
): Layer[] {
  const grads: Layer[] = new Array(layers.length);
  let delta = outputs[layers.length].map((o, j) => (o - target[j]) * act.derivativeFromOutput(o));
  for (let l = layers.length - 1; l >= 0; l--) {
    const input = outputs[l];
    grads[l] = { weights: delta.map((d) => input.map((a) => d * a)), biases: delta.slice() };
    if (l === 0) break;
    // Push the delta through this layer's weights to the previous layer's pre-activations.
    const below = delta;
    delta = input.map((a, i) =>
      below.reduce((s, d, j) => s + d * layers[l].weights[j][i], 0) * act.derivativeFromOutput(a)
    );
  }
  return grads;
}

/**
 * §3.3 / §4.3: θ ← θ − α·∂J/∂θ for every weight and bias; returns new layers.
 *
 * @example
 * ```ts
 * gradientDescentStep([{ weights: [[1]], biases: [0] }], [{ weights: [[2]], biases: [1] }], 0.5);
 * // [{ weights: [[0]], biases: [-0.5] }]
 * ```
 */
export function gradientDescentStep(
  layers: readonly Layer[],
  grads: readonly Layer[],
  learningRate: number,
): Layer[] {
  return layers.map((layer, l) => ({
    weights: layer.weights.map((row, j) =>
      row.map((w, i) => w - learningRate * grads[l].weights[j][i])
    ),
    biases: layer.biases.map((b, j) => b - learningRate * grads[l].biases[j]),
  }));
}
