/**
 * Whether a browser backend promises the same bits for the same seed, and why: stored with
 * each browser run (`backend_info.deterministic`, `.determinism`), so the gate's
 * reproducibility check treats differing weights on a backend that documents
 * non-determinism as documented, not as a regression.
 */

/** A backend's documented determinism. */
export interface Determinism {
  deterministic: boolean;
  determinism: string;
}

/**
 * The determinism of browser `backend`, on a software implementation or not, with the
 * project's kernels (`default`) or tfjs's as shipped (`stock`).
 *
 * @example
 * ```ts
 * determinismOf("webgl", false, "default").deterministic; // false: a hardware GPU
 * determinismOf("wasm", false, "default").deterministic; // true
 * ```
 */
export function determinismOf(
  backend: string,
  software: boolean,
  kernels: "default" | "stock",
): Determinism {
  if (backend === "cpu" || backend === "wasm") {
    return {
      deterministic: true,
      determinism: "CPU kernels in a fixed order; wasm threads split work by output, never one sum",
    };
  }
  if (backend === "webgpu" && kernels === "stock") {
    return {
      deterministic: false,
      determinism:
        "tfjs's stock webgpu matmul adds split-K partial sums with atomics, in the order the GPU runs them",
    };
  }
  if (software) {
    return {
      deterministic: true,
      determinism: "a software GPU (SwiftShader) runs each shader in a fixed order",
    };
  }
  return {
    deterministic: false,
    determinism:
      `${backend} on a hardware GPU: the driver does not promise the same float order from run to run`,
  };
}
