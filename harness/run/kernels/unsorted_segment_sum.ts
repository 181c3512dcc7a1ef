/**
 * UnsortedSegmentSum for backends that lack it (wasm). It is the gradient of
 * Gather, so every Embedding layer needs it to train. A scatter-add is one pass
 * over the data, so plain JS over the backend's synchronous read is as fast as
 * anything the op set could compose, and it keeps TensorFlow's semantics exactly:
 * ids outside [0, numSegments) are dropped.
 */
import {
  type DataType,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
  type TypedArray,
  type UnsortedSegmentSumAttrs,
  util,
} from "@tensorflow/tfjs-core";
import { contextOf, input, type KernelContext } from "./_run.ts";

/** Sums slices of `x` that share a segment id; `segmentIds` indexes `x`'s leading dims. */
function unsortedSegmentSumJs(
  ctx: KernelContext,
  x: TensorInfo,
  segmentIds: TensorInfo,
  numSegments: number,
): TensorInfo {
  const ids = ctx.backend.readSync(segmentIds.dataId) as TypedArray;
  const values = ctx.backend.readSync(x.dataId) as TypedArray;
  const numIds = util.sizeFromShape(segmentIds.shape);
  const sliceShape = x.shape.slice(segmentIds.shape.length);
  const sliceSize = util.sizeFromShape(sliceShape);
  const dtype: DataType = x.dtype === "int32" ? "int32" : "float32";
  const out = dtype === "int32"
    ? new Int32Array(numSegments * sliceSize)
    : new Float32Array(numSegments * sliceSize);
  for (let i = 0; i < numIds; i++) {
    const id = ids[i];
    if (id < 0 || id >= numSegments) continue;
    const src = i * sliceSize;
    const dst = id * sliceSize;
    for (let k = 0; k < sliceSize; k++) out[dst + k] += values[src + k];
  }
  const shape = [numSegments, ...sliceShape];
  // `write` is the one constructor every KernelBackend has (wasm lacks makeTensorInfo).
  return { dataId: ctx.backend.write(out, shape, dtype), shape, dtype };
}

/** An UnsortedSegmentSum kernel config for `backendName`. */
export function unsortedSegmentSumConfig(backendName: string): KernelConfig {
  const kernelFunc = (({ inputs, backend, attrs }) =>
    unsortedSegmentSumJs(
      contextOf(backend, backendName),
      input(inputs, "x"),
      input(inputs, "segmentIds"),
      (attrs as unknown as UnsortedSegmentSumAttrs).numSegments,
    )) as KernelFunc;
  return { kernelName: "UnsortedSegmentSum", backendName, kernelFunc };
}
