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
import type { BackendName } from "../core/experiment.ts";
import { requireBackend } from "./backend.ts";
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

/** Runs `run` on tensors made from `inputs` and reads its output; frees them all after. */
async function onTensors(
  inputs: KernelInputs,
  run: (ts: Record<string, tf.Tensor>) => tf.Tensor,
): Promise<Float32Array> {
  const ts = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [k, tf.tensor(v.values, v.shape)]),
  );
  const out = run(ts);
  const values = (await out.data()) as Float32Array;
  tf.dispose([out, ...Object.values(ts)]);
  return values;
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
export function runKernelConfig(
  kernel: KernelConfig,
  inputs: KernelInputs,
  attrs: NamedAttrMap,
): Promise<Float32Array> {
  return onTensors(inputs, (ts) => {
    const info = kernel.kernelFunc({ inputs: ts, backend: tf.backend(), attrs });
    return tf.engine().makeTensorFromTensorInfo(Array.isArray(info) ? info[0] : info);
  });
}

/**
 * Runs the kernel registered as `name` for the active backend, through the engine, and
 * asserts that it leaves exactly one new data id behind: its output.
 */
export function runRegisteredKernel(
  name: string,
  inputs: KernelInputs,
  attrs: NamedAttrMap,
): Promise<Float32Array> {
  return onTensors(inputs, (ts) => {
    const before = tf.backend().numDataIds();
    const out = tf.engine().runKernel(name, ts, attrs) as tf.Tensor;
    const leaked = `${name} on ${tf.getBackend()} leaked data`;
    assert.equal(tf.backend().numDataIds(), before + 1, leaked);
    return out;
  });
}

/**
 * Kernel `name` on `backend`: on cpu the `oracle`'s config for it (stock kernels captured
 * before any registration), elsewhere the registered kernel, checked for leaks.
 */
export async function runOnBackend(
  backend: BackendName,
  name: string,
  inputs: KernelInputs,
  attrs: NamedAttrMap,
  oracle: Map<string, KernelConfig>,
): Promise<Float32Array> {
  await requireBackend(backend);
  return backend === "cpu"
    ? await runKernelConfig(oracle.get(name)!, inputs, attrs)
    : await runRegisteredKernel(name, inputs, attrs);
}
