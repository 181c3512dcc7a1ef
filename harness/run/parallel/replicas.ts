/** How many replicas a run trains on: an execution option, never part of a declaration. */

/**
 * The default: 2 on the cpu and wasm backends when this machine has at least 2 cores,
 * otherwise 1 (webgpu runs on one device; stock kernels measure tfjs as shipped).
 */
export function defaultReplicas(
  backend: string,
  kernels: "default" | "stock",
  cores: number = navigator.hardwareConcurrency,
): number {
  if (kernels === "stock" || !(backend === "cpu" || backend === "wasm")) return 1;
  return cores >= 2 ? 2 : 1;
}

/**
 * The replicas a run of `kind` on `backend` uses: `requested` (a `--replicas` flag) where
 * replicas apply, the default when none was requested, and 1 for what has no replicas
 * (worked examples, webgpu, the PyTorch reference).
 *
 * @example
 * ```ts
 * resolveReplicas("wasm", "train", "default", 3); // 3
 * resolveReplicas("webgpu", "train", "default", 3); // 1
 * ```
 */
export function resolveReplicas(
  backend: string,
  kind: string,
  kernels: "default" | "stock",
  requested?: number,
  cores?: number,
): number {
  if (kind !== "train" || !(backend === "cpu" || backend === "wasm")) return 1;
  return requested ?? defaultReplicas(backend, kernels, cores);
}
