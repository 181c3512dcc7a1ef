/** Which kernels a run trains with: the project's training kernels, or tfjs as shipped. */
import type { BackendName } from "./experiment.ts";

/**
 * Prepare a backend's kernels for a run and return the names of the kernels the project
 * provides (stored with the run). Placeholder until the training kernels land: returns [].
 */
export function prepareKernels(_backend: BackendName, _mode: "default" | "stock"): string[] {
  return [];
}
