/**
 * Adam's update in one pass per variable, on the backends whose tensors JS can read
 * (cpu, wasm). tfjs's `AdamOptimizer.applyGradients` runs 12 kernels per variable: on
 * wasm, 1.4 ms a step for the Keras CNN's 93k parameters, most of it per-kernel
 * overhead, and in a data-parallel run the Worker replicas wait for it every step.
 *
 * The pass repeats tfjs's arithmetic operation by operation in float32 (each product,
 * sum, quotient and square root of two float32 values, computed in float64 and rounded
 * once with `Math.fround`, is the float32 operation's correctly rounded result), so the
 * weights and moments come out bit for bit as tfjs's own; the tests compare the two.
 * It is installed by patching `AdamOptimizer.prototype.applyGradients`, like a kernel
 * registration process-wide, and only takes over on the backends it was installed for.
 */
import * as tf from "@tensorflow/tfjs";
import { contextOf } from "./_run.ts";
import { allocFloats } from "./_memory.ts";
import { type AdamConstants, adamWasm } from "./wasm_simd/mod.ts";

/** tfjs's private Adam state, as the update reads and writes it. */
interface AdamState {
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  accBeta1: tf.Variable;
  accBeta2: tf.Variable;
  accumulatedFirstMoment: { originalName: string; variable: tf.Variable }[];
  accumulatedSecondMoment: { originalName: string; variable: tf.Variable }[];
  incrementIterations(): void;
}

type Gradients = tf.NamedTensorMap | { name: string; tensor: tf.Tensor }[];

const proto = tf.AdamOptimizer.prototype as unknown as {
  applyGradients(this: tf.AdamOptimizer, g: Gradients): void;
};
const stockApply = proto.applyGradients;
const fusedOn = new Set<string>();
let onUse: ((backend: string) => void) | null = null;

const f = Math.fround;

/** One variable's update in JS (cpu): the new moments and value. */
function updateJs(now: tf.Tensor[], c: AdamConstants): tf.Tensor[] {
  const [w, g, m, v] = now.map((t) => t.dataSync() as Float32Array);
  const n = w.length;
  const nm = new Float32Array(n), nv = new Float32Array(n), nw = new Float32Array(n);
  for (let k = 0; k < n; k++) {
    const gk = g[k];
    // add(mul(m, beta1), mul(g, 1 - beta1)), and the same with square(g) for v.
    const mk = f(f(m[k] * c.b1) + f(gk * c.c1));
    const vk = f(f(v[k] * c.b2) + f(f(gk * gk) * c.c2));
    // add(mul(div(m / (1 - accBeta1), add(sqrt(v / (1 - accBeta2)), eps)), -lr), value)
    const denom = f(f(Math.sqrt(f(vk / c.om2))) + c.eps);
    nw[k] = f(f(f(f(mk / c.om1) / denom) * c.negLr) + w[k]);
    nm[k] = mk;
    nv[k] = vk;
  }
  return [nm, nv, nw].map((a) => tf.tensor(a, now[0].shape));
}

/**
 * One variable's update in WebAssembly SIMD on the wasm heap (0.3 ms a step for the Keras
 * CNN's 93k parameters, where the JS loop took about as long as tfjs's kernels).
 */
function updateWasm(now: tf.Tensor[], c: AdamConstants): tf.Tensor[] {
  const ctx = contextOf(tf.backend(), "wasm");
  const next = [0, 1, 2].map(() => allocFloats(ctx, now[0].shape, true).info);
  adamWasm(ctx, now as [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor], next as never, c);
  return next.map((info) => tf.engine().makeTensorFromTensorInfo(info));
}

function fusedApply(this: tf.AdamOptimizer, gradients: Gradients): void {
  const s = this as unknown as AdamState;
  const names = Array.isArray(gradients) ? gradients.map((g) => g.name) : Object.keys(gradients);
  const [a1] = s.accBeta1.dataSync(), [a2] = s.accBeta2.dataSync();
  const c: AdamConstants = {
    b1: f(s.beta1),
    b2: f(s.beta2),
    c1: f(1 - s.beta1),
    c2: f(1 - s.beta2),
    om1: f(1 - a1),
    om2: f(1 - a2),
    eps: f(s.epsilon),
    negLr: f(-s.learningRate),
  };
  const update = tf.getBackend() === "wasm" ? updateWasm : updateJs;
  names.forEach((name, i) => {
    const value = tf.engine().registeredVariables[name];
    // Moments are made as tfjs makes them, so saving and restoring the optimizer still works.
    s.accumulatedFirstMoment[i] ??= {
      originalName: `${name}/m`,
      variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
    };
    s.accumulatedSecondMoment[i] ??= {
      originalName: `${name}/v`,
      variable: tf.tidy(() => tf.zerosLike(value).variable(false)),
    };
    const gradient = Array.isArray(gradients) ? gradients[i].tensor : gradients[name];
    if (gradient == null) return;
    const first = s.accumulatedFirstMoment[i].variable;
    const second = s.accumulatedSecondMoment[i].variable;
    tf.tidy(() => {
      const [nm, nv, nw] = update([value, gradient, first, second], c);
      first.assign(nm);
      second.assign(nv);
      value.assign(nw);
    });
  });
  tf.tidy(() => {
    s.accBeta1.assign(tf.scalar(f(a1 * c.b1)));
    s.accBeta2.assign(tf.scalar(f(a2 * c.b2)));
  });
  s.incrementIterations();
  onUse?.(tf.getBackend());
}

proto.applyGradients = function (this: tf.AdamOptimizer, gradients: Gradients): void {
  const fused = fusedOn.has(tf.getBackend());
  return (fused ? fusedApply : stockApply).call(this, gradients);
};

/**
 * Use the one-pass Adam update on `backend` ("cpu" or "wasm"); `counted` is called with the
 * backend once per update, so runs can record it as they record kernels.
 *
 * @example
 * ```ts
 * enableFusedAdam("wasm", () => {});
 * ```
 */
export function enableFusedAdam(backend: string, counted: (backend: string) => void): void {
  if (backend !== "cpu" && backend !== "wasm") {
    throw new RangeError(`The fused Adam update reads tensors in JS: not on "${backend}"`);
  }
  fusedOn.add(backend);
  onUse = counted;
}

/** Put tfjs's own Adam update back on `backend`; whether the fused one was in use there. */
export function disableFusedAdam(backend: string): boolean {
  return fusedOn.delete(backend);
}
