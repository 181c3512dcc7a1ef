/**
 * The oracle test for article 004 §3: the from-scratch gradients and descent steps against
 * tfjs's own (tf.variableGrads, tf.train.sgd) on the same network with the same weights.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import {
  backwardPropagation,
  forwardPropagation,
  gradientDescentStep,
  halfSquaredError,
  type Layer,
  sigmoid,
} from "./scratch_mlp.ts";
import { SCRATCH_NETWORK_004, type ScratchNetwork } from "./scratch_network_004.ts";

/** Largest differences between two flat lists of numbers, and the verdict. */
export interface Difference {
  maxAbs: number;
  /** max |a − b| / max(|a|, |b|); 0 where both are 0. */
  maxRel: number;
  pass: boolean;
}

/** The result of {@link compareScratchWithTfjs}. */
export interface ScratchComparison {
  backend: string;
  relativeTolerance: number;
  /** Gradients at the initial weights. */
  gradients: Difference;
  /** Weights and biases after `steps` descent steps. */
  weightsAfterDescent: Difference;
  /** Loss before each step and after the last, from each side. */
  lossScratch: number[];
  lossTfjs: number[];
  network: ScratchNetwork;
}

const flat = (layers: readonly Layer[]) =>
  layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);

/** Compares two equal-length lists; passes when every relative difference is within `tol`. */
export function difference(a: readonly number[], b: readonly number[], tol: number): Difference {
  if (a.length !== b.length) {
    throw new RangeError(`Cannot compare ${a.length} values with ${b.length}`);
  }
  let maxAbs = 0, maxRel = 0;
  a.forEach((x, i) => {
    const abs = Math.abs(x - b[i]);
    const scale = Math.max(Math.abs(x), Math.abs(b[i]));
    maxAbs = Math.max(maxAbs, abs);
    maxRel = Math.max(maxRel, scale === 0 ? 0 : abs / scale);
  });
  return { maxAbs, maxRel, pass: maxRel <= tol };
}

/** Runs the network in tfjs: gradients at the start, then `steps` of plain SGD. */
async function runTfjs(net: ScratchNetwork) {
  // tfjs wants weights as [in, out]; the scratch layers hold [out][in].
  const vars = tf.tidy(() =>
    net.layers.flatMap((l) => [
      tf.variable(tf.transpose(tf.tensor2d(l.weights))),
      tf.variable(tf.tensor1d(l.biases)),
    ])
  );
  const x = tf.tensor2d([net.input]);
  const y = tf.tensor2d([net.target]);
  const loss = () =>
    tf.tidy(() => {
      let a: tf.Tensor = x;
      for (let l = 0; l < vars.length; l += 2) {
        a = tf.sigmoid(tf.add(tf.matMul(a, vars[l]), vars[l + 1]));
      }
      return tf.mul(0.5, tf.sum(tf.square(tf.sub(y, a)))) as tf.Scalar;
    });
  const read = async (ts: tf.Tensor[]) => {
    const ordered = tf.tidy(() => ts.map((t, k) => (k % 2 === 0 ? tf.transpose(t) : tf.clone(t))));
    const data = await Promise.all(ordered.map((t) => t.data()));
    tf.dispose(ordered);
    return data.flatMap((d) => Array.from(d));
  };
  // Flatten in the scratch order: each layer's weights row by row ([out][in]), then its biases.
  const { grads, value } = tf.variableGrads(loss, vars);
  const gradients = await read(vars.map((v) => grads[v.name]));
  tf.dispose([value, ...Object.values(grads)]);

  const sgd = tf.train.sgd(net.learningRate);
  const losses: number[] = [];
  for (let s = 0; s < net.steps; s++) {
    const step = tf.variableGrads(loss, vars);
    losses.push((await step.value.data())[0]);
    sgd.applyGradients(step.grads);
    tf.dispose([step.value, ...Object.values(step.grads)]);
  }
  const last = loss();
  losses.push((await last.data())[0]);
  const weights = await read(vars);
  tf.dispose([last, x, y, ...vars]);
  sgd.dispose();
  return { gradients, losses, weights };
}

/**
 * Checks the from-scratch backpropagation of article 004 §3 against tfjs on the current backend.
 *
 * @example
 * ```ts
 * const result = await compareScratchWithTfjs();
 * result.gradients.pass; // true: max relative difference ≤ 1e-5
 * ```
 */
export async function compareScratchWithTfjs(
  net: ScratchNetwork = SCRATCH_NETWORK_004,
  relativeTolerance = 1e-5,
): Promise<ScratchComparison> {
  let layers: Layer[] = net.layers;
  const scratchGrads = flat(
    backwardPropagation(
      forwardPropagation(net.input, layers, sigmoid),
      net.target,
      layers,
      sigmoid,
    ),
  );
  const lossScratch: number[] = [];
  for (let s = 0; s <= net.steps; s++) {
    const outputs = forwardPropagation(net.input, layers, sigmoid);
    lossScratch.push(halfSquaredError(outputs[outputs.length - 1], net.target));
    if (s === net.steps) break;
    layers = gradientDescentStep(
      layers,
      backwardPropagation(outputs, net.target, layers, sigmoid),
      net.learningRate,
    );
  }
  const tfjs = await runTfjs(net);
  return {
    backend: tf.getBackend(),
    relativeTolerance,
    gradients: difference(scratchGrads, tfjs.gradients, relativeTolerance),
    weightsAfterDescent: difference(flat(layers), tfjs.weights, relativeTolerance),
    lossScratch,
    lossTfjs: tfjs.losses,
    network: net,
  };
}
