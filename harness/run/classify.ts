/** Turning what a run threw into a stored status and a one-line reason. */
import { oneLine } from "../core/errors.ts";
import { missingKernelFromError } from "./kernels/mod.ts";

/**
 * Classify a run's error.
 *
 * @example
 * ```ts
 * classifyError(new Error("Kernel 'Conv2DBackpropFilter' not registered for backend 'wasm'"));
 * // { status: "unsupported", reason: "kernel Conv2DBackpropFilter is not registered for backend wasm" }
 * ```
 */
export function classifyError(err: unknown): { status: "failed" | "unsupported"; reason: string } {
  // A missing kernel means the backend cannot do this work as shipped: `unsupported`.
  const missing = missingKernelFromError(err);
  if (missing) {
    return {
      status: "unsupported",
      reason: `kernel ${missing.kernel} is not registered for backend ${missing.backend}`,
    };
  }
  return { status: "failed", reason: oneLine(err) };
}
