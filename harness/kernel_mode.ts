/** Which kernels a run trains with: the project's training kernels, or tfjs as shipped. */
import type { BackendName } from "./experiment.ts";
import { registerTrainingKernels, restoreStockKernels } from "./kernels/mod.ts";

/**
 * Prepare a backend's kernels for a run and return the kernels the project provides, as
 * `Kernel@backend:method` (stored with the run). `stock` puts tfjs's own kernels back, or
 * leaves them missing, so a run measures the backend exactly as upstream ships it.
 */
export function prepareKernels(backend: BackendName, mode: "default" | "stock"): string[] {
  if (mode === "stock") {
    restoreStockKernels(backend);
    return [];
  }
  return registerTrainingKernels(backend);
}
