/**
 * Zero-copy access to tensor memory for kernels written in plain JS. The wasm
 * backend keeps tensors in its heap and exposes views of it; copying through
 * readSync/write instead costs ~4 ms per 7 MB, as much as the kernel itself.
 * Other backends (cpu) hand back their own arrays, also without copies.
 */
import { type TensorInfo, util } from "@tensorflow/tfjs-core";
import type { KernelContext } from "./_run.ts";

/** The wasm backend's heap accessors (not part of the KernelBackend interface). */
interface HeapBackend {
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
  makeOutput(shape: number[], dtype: string): TensorInfo;
  dataIdMap: { get(dataId: object): { memoryOffset: number } | undefined };
}

function heap(ctx: KernelContext): HeapBackend | null {
  const b = ctx.backend as unknown as Partial<HeapBackend>;
  return typeof b.typedArrayFromHeap === "function" && typeof b.makeOutput === "function"
    ? b as HeapBackend
    : null;
}

/**
 * The values of a float32 tensor as a Float32Array. Do not keep it: a wasm
 * heap view is invalidated when the heap grows (any allocation).
 */
export function readFloats(ctx: KernelContext, info: TensorInfo): Float32Array {
  const h = heap(ctx);
  const values = h != null ? h.typedArrayFromHeap(info) : ctx.backend.readSync(info.dataId);
  return values instanceof Float32Array ? values : Float32Array.from(values as ArrayLike<number>);
}

/**
 * Where a tensor's values start in the wasm backend's memory (a byte offset), for
 * kernels that run in WebAssembly on that memory; it stays valid while the tensor lives.
 */
export function heapOffset(ctx: KernelContext, info: TensorInfo): number {
  const data = heap(ctx)?.dataIdMap?.get(info.dataId);
  if (data == null) throw new TypeError(`Tensor data is not in the "${ctx.backendName}" heap`);
  return data.memoryOffset;
}

/**
 * A zero-filled float32 output and a writable view of it. On wasm the view is
 * the heap itself; elsewhere the array is handed to the backend with `write`
 * up front, which keeps a reference (cpu) rather than a copy. `overwritten`
 * skips zeroing the wasm heap for a caller that writes every element anyway (a
 * transpose, Adam's update); fresh arrays elsewhere are zero regardless.
 */
export function allocFloats(
  ctx: KernelContext,
  shape: number[],
  overwritten = false,
): { info: TensorInfo; values: Float32Array } {
  const h = heap(ctx);
  if (h != null) {
    const info = h.makeOutput(shape, "float32");
    const values = h.typedArrayFromHeap(info) as Float32Array;
    if (!overwritten) values.fill(0);
    return { info, values };
  }
  const values = new Float32Array(util.sizeFromShape(shape));
  return {
    info: { dataId: ctx.backend.write(values, shape, "float32"), shape, dtype: "float32" },
    values,
  };
}
