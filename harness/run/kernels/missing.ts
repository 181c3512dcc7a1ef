/**
 * What training needs from a backend, so a run can be recorded as
 * `unsupported` with the missing kernel named instead of failing mid-epoch.
 */
import { getKernel } from "@tensorflow/tfjs-core";

/**
 * Kernels a training step runs for each Keras layer class beyond the ones
 * every model uses (BatchMatMul, elementwise ops, Sum, Softmax): forward plus
 * gradient. Verified by training these layers on wasm and reading the errors.
 */
export const TRAINING_KERNELS_BY_LAYER: Readonly<Record<string, readonly string[]>> = {
  Conv2D: ["Conv2D", "Conv2DBackpropFilter", "Conv2DBackpropInput"],
  Conv1D: ["Conv2D", "Conv2DBackpropFilter", "Conv2DBackpropInput"],
  DepthwiseConv2D: [
    "DepthwiseConv2dNative",
    "DepthwiseConv2dNativeBackpropFilter",
    "DepthwiseConv2dNativeBackpropInput",
  ],
  SeparableConv2D: [
    "DepthwiseConv2dNative",
    "DepthwiseConv2dNativeBackpropFilter",
    "DepthwiseConv2dNativeBackpropInput",
    "Conv2D",
    "Conv2DBackpropFilter",
    "Conv2DBackpropInput",
  ],
  MaxPooling2D: ["MaxPool", "MaxPoolGrad"],
  AveragePooling2D: ["AvgPool", "AvgPoolGrad"],
  Embedding: ["GatherV2", "UnsortedSegmentSum"],
};

/**
 * The kernels among `kernelNames` that `backend` has no registration for, in
 * the order given. Check after `registerTrainingKernels` to see what is still
 * missing, or before it to see what stock tfjs lacks.
 *
 * @example
 * ```ts
 * missingKernels("wasm", trainingKernelsFor(["Conv2D", "Dense"]));
 * // stock tfjs 4.22: ["Conv2DBackpropFilter"]
 * ```
 */
export function missingKernels(backend: string, kernelNames: readonly string[]): string[] {
  return [...new Set(kernelNames)].filter((k) => getKernel(k, backend) == null);
}

/** The kernels to check for a model built from these layer class names (`layer.getClassName()`). */
export function trainingKernelsFor(layerClassNames: readonly string[]): string[] {
  const out = new Set<string>();
  for (const name of layerClassNames) {
    for (const k of TRAINING_KERNELS_BY_LAYER[name] ?? []) out.add(k);
  }
  return [...out];
}

/**
 * The kernel and backend named by tfjs's "Kernel 'X' not registered for backend 'Y'"
 * error, or null for any other error, so a failed run can still be classified.
 */
export function missingKernelFromError(err: unknown): { kernel: string; backend: string } | null {
  const message = err instanceof Error ? err.message : String(err);
  const m = /Kernel '([^']+)' not registered for backend '([^']+)'/.exec(message);
  return m == null ? null : { kernel: m[1], backend: m[2] };
}
