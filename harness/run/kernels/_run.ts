/**
 * Calls other kernels of the same backend from inside a kernel, the way the
 * stock backends compose their own kernels: no engine bookkeeping, no tape,
 * and every intermediate is freed by the caller.
 */
import {
  getKernel,
  type KernelBackend,
  type NamedAttrMap,
  type TensorInfo,
} from "@tensorflow/tfjs-core";

/** One backend plus its registry name: what a composite kernel needs to dispatch. */
export interface KernelContext {
  backend: KernelBackend;
  backendName: string;
}

/** The context for a kernel function's `backend` argument (typed `{}` by tfjs-core). */
export function contextOf(backend: unknown, backendName: string): KernelContext {
  return { backend: backend as KernelBackend, backendName };
}

/** Input `name` of a kernel call; tfjs-core types every input as possibly undefined. */
export function input(inputs: Record<string, TensorInfo | undefined>, name: string): TensorInfo {
  const info = inputs[name];
  if (info == null) throw new TypeError(`Kernel input "${name}" is missing`);
  return info;
}

/** Runs kernel `name` of the context's backend and returns its single output. */
export function runKernel(
  ctx: KernelContext,
  name: string,
  inputs: Record<string, TensorInfo> | TensorInfo[],
  attrs: NamedAttrMap = {},
): TensorInfo {
  const config = getKernel(name, ctx.backendName);
  if (config == null) {
    throw new Error(`Kernel "${name}" is not registered for backend "${ctx.backendName}"`);
  }
  // Concat takes its inputs as an array, as tfjs-core's concat op passes them.
  const out = config.kernelFunc({
    inputs: inputs as Record<string, TensorInfo>,
    backend: ctx.backend,
    attrs,
  });
  return Array.isArray(out) ? out[0] : out;
}

/** Releases intermediates produced by `runKernel` (reference counted on every backend). */
export function release(ctx: KernelContext, ...infos: TensorInfo[]): void {
  for (const info of infos) ctx.backend.disposeData(info.dataId);
}

/** Normalizes a `[h, w] | n` attribute to a pair. */
export function pair(v: number | [number, number]): [number, number] {
  return typeof v === "number" ? [v, v] : v;
}
