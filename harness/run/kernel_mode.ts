/** Which kernels a run trains with: the project's training kernels, or tfjs as shipped. */
import * as tf from "@tensorflow/tfjs";
import type { BackendName } from "../core/experiment.ts";
import { registerTrainingKernels, restoreStockKernels, takeKernelUses } from "./kernels/mod.ts";

/**
 * tfjs's webgpu matmul picks a split-K program for large inner dimensions (e.g. a 9216-wide
 * dense layer) that adds partial sums with atomics in whatever order the GPU runs them:
 * measured here, 6 repeats of [64,9216]x[9216,128] gave 6 different results. The packed
 * program gives every output to one thread with a fixed loop, so results repeat bit for bit.
 */
const WEBGPU_PACKED_MATMUL = 3;
const WEBGPU_DETERMINISM = "MatMul@webgpu:packed-program (split-K with atomics disabled)";

let webgpuDeterministic = false;

/**
 * Prepare a backend's kernels for a run: `default` registers the project's training
 * kernels (and makes webgpu's matmul deterministic), `stock` puts tfjs's own back (or
 * leaves them missing), so a run measures the backend exactly as upstream ships it.
 * Returns the kernels registered, as `Kernel@backend:method`, and starts counting which of
 * them the run calls.
 */
export function prepareKernels(backend: BackendName | string, mode: "default" | "stock"): string[] {
  takeKernelUses();
  if (backend === "webgpu") {
    webgpuDeterministic = mode === "default";
    tf.env().set("WEBGPU_MATMUL_PROGRAM_TYPE", webgpuDeterministic ? WEBGPU_PACKED_MATMUL : -1);
  }
  if (mode === "stock") {
    restoreStockKernels(backend);
    return [];
  }
  return [
    ...registerTrainingKernels(backend),
    ...(backend === "webgpu" ? [WEBGPU_DETERMINISM] : []),
  ];
}

/** The project's kernels the run called since `prepareKernels`, with call counts. */
export function kernelsUsed(backend?: BackendName | string): string[] {
  const used = takeKernelUses().map((u) => `${u.kernel} x${u.calls}`).sort();
  return backend === "webgpu" && webgpuDeterministic ? [...used, WEBGPU_DETERMINISM] : used;
}
