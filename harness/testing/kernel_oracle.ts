/**
 * Running one kernel on plain-data inputs, for the oracle tests of `harness/run/kernels/`: the
 * stock kernel called outside the registry (the oracle, whatever is registered), or the
 * registered one through the engine, checked to free every intermediate it made.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { getKernel, type KernelConfig, type NamedAttrMap } from "@tensorflow/tfjs-core";
import type { TensorData } from "./random.ts";

/** Named kernel inputs as plain data. */
export type KernelInputs = Record<string, TensorData>;

/**
 * The kernels `names` of `backend` as registered now: capture them before a test registers
 * the project's own, to keep the stock ones as the oracle.
 */
export function captureKernels(names: string[], backend: string): Map<string, KernelConfig> {
  return new Map(names.map((k) => [k, getKernel(k, backend) as KernelConfig]));
}

function tensorsOf(inputs: KernelInputs): Record<string, tf.Tensor> {
  return Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [k, tf.tensor(v.values, v.shape)]),
  );
}

/**
 * Runs `kernel` directly on the active backend, outside the registry and the engine.
 *
 * @example
 * ```ts
 * const stock = captureKernels(["Sum"], "cpu");
 * await runKernelConfig(stock.get("Sum")!, { x }, { axis: [0], keepDims: false });
 * ```
 */
export async function runKernelConfig(
  kernel: KernelConfig,
  inputs: KernelInputs,
  attrs: NamedAttrMap,
): Promise<Float32Array> {
  const ts = tensorsOf(inputs);
  const info = kernel.kernelFunc({ inputs: ts, backend: tf.backend(), attrs });
  const out = tf.engine().makeTensorFromTensorInfo(Array.isArray(info) ? info[0] : info);
  const values = (await out.data()) as Float32Array;
  tf.dispose([out, ...Object.values(ts)]);
  return values;
}

/**
 * Runs the kernel registered as `name` for the active backend, through the engine, and
 * asserts that it leaves exactly one new data id behind: its output.
 */
export async function runRegisteredKernel(
  name: string,
  inputs: KernelInputs,
  attrs: NamedAttrMap,
): Promise<Float32Array> {
  const ts = tensorsOf(inputs);
  const before = tf.backend().numDataIds();
  const out = tf.engine().runKernel(name, ts, attrs) as tf.Tensor;
  assert.equal(
    tf.backend().numDataIds(),
    before + 1,
    `${name} on ${tf.getBackend()} leaked data`,
  );
  const values = (await out.data()) as Float32Array;
  tf.dispose([out, ...Object.values(ts)]);
  return values;
}
