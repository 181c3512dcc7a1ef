/** Turning what a run threw into a stored status and a one-line reason. */
import { oneLine } from "./errors.ts";

/** A missing kernel means the backend cannot do this work as shipped: `unsupported`. */
const MISSING_KERNEL = /Kernel '([^']+)' not registered for backend '([^']+)'/;

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
  const text = oneLine(err);
  const m = MISSING_KERNEL.exec(text);
  if (m) {
    return {
      status: "unsupported",
      reason: `kernel ${m[1]} is not registered for backend ${m[2]}`,
    };
  }
  return { status: "failed", reason: text };
}
