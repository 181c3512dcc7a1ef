/** Which kernels a run trains with: the project's training kernels, or tfjs as shipped. */
import type { BackendName } from "./experiment.ts";
import { registerTrainingKernels, restoreStockKernels, takeKernelUses } from "./kernels/mod.ts";

/**
 * Prepare a backend's kernels for a run: `default` registers the project's training
 * kernels, `stock` puts tfjs's own back (or leaves them missing), so a run measures the
 * backend exactly as upstream ships it. Returns the kernels registered, as
 * `Kernel@backend:method`, and starts counting which of them the run calls.
 */
export function prepareKernels(backend: BackendName, mode: "default" | "stock"): string[] {
  takeKernelUses();
  if (mode === "stock") {
    restoreStockKernels(backend);
    return [];
  }
  return registerTrainingKernels(backend);
}

/** The project's kernels the run called since `prepareKernels`, with call counts. */
export function kernelsUsed(): string[] {
  return takeKernelUses().map((u) => `${u.kernel} x${u.calls}`).sort();
}
