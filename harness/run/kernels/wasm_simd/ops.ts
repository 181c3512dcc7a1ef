/**
 * The SIMD kernels called on tensors: each takes the wasm backend's context and
 * TensorInfos, and passes their places in its memory to `kernels.wat`.
 */
import type { backend_util, TensorInfo } from "@tensorflow/tfjs-core";
import type { KernelContext } from "../_run.ts";
import { allocFloats, heapOffset } from "../_memory.ts";
import { type Geometry, simdKernels } from "./load.ts";

/** Whether `ctx` is the wasm backend, where these kernels run. */
export function onWasm(ctx: KernelContext): boolean {
  return ctx.backendName === "wasm";
}

/** The geometry of a convolution or pooling, in the kernels' argument order. */
function geometry(info: backend_util.Conv2DInfo): Geometry {
  return [
    info.batchSize,
    info.inHeight,
    info.inWidth,
    info.inChannels,
    info.outHeight,
    info.outWidth,
    info.filterHeight,
    info.filterWidth,
    info.strideHeight,
    info.strideWidth,
    info.padInfo.top,
    info.padInfo.left,
  ];
}

/**
 * Adds `cols` [N*Ho*Wo, fh*fw*Cin] back onto the zeroed NHWC grid `dx` (the
 * adjoint of im2col), as `col2im` in `_patches.ts` does, with the same bits
 * (64x13x13x32 <- 3x3: 0.34 ms vs 1.6 ms in JS).
 */
export function col2imWasm(
  ctx: KernelContext,
  cols: TensorInfo,
  info: backend_util.Conv2DInfo,
  dx: TensorInfo,
): void {
  simdKernels(ctx).col2im(heapOffset(ctx, cols), heapOffset(ctx, dx), ...geometry(info));
}

/**
 * Writes the patches of NHWC `x` into the zeroed `cols` [N*Ho*Wo, fh*fw*Cin], as
 * `im2col` in `_patches.ts` does. Channel runs are copied four at a time, so it
 * pays from about four channels on (32x13x13x32: 0.35 ms vs 1.4 ms in JS; with one
 * channel, 0.73 ms vs 0.31 ms).
 */
export function im2colWasm(
  ctx: KernelContext,
  x: TensorInfo,
  info: backend_util.Conv2DInfo,
  cols: TensorInfo,
): void {
  simdKernels(ctx).im2col(heapOffset(ctx, cols), heapOffset(ctx, x), ...geometry(info));
}

/** Writes the transpose of `src` [rows, cols] into `dst` [cols, rows] ([21632, 32]: 0.35 ms vs 1.1 in JS). */
export function transposeWasm(
  ctx: KernelContext,
  src: TensorInfo,
  rows: number,
  cols: number,
  dst: TensorInfo,
): void {
  simdKernels(ctx).transpose(heapOffset(ctx, src), heapOffset(ctx, dst), rows, cols);
}

/**
 * `out` [c] = the sums over the m rows of `x` [m, c], accumulated in float64 in row order,
 * as `sumLeadingJs` computes them, with the same bits ([32,26,26,32]: 0.73 ms in JS).
 */
export function sumRowsWasm(
  ctx: KernelContext,
  x: TensorInfo,
  m: number,
  c: number,
  out: TensorInfo,
): void {
  // Zeroed scratch for c float64 sums: 2c float32 slots.
  const acc = allocFloats(ctx, [2 * c]);
  simdKernels(ctx).sumRows(
    heapOffset(ctx, x),
    heapOffset(ctx, acc.info),
    heapOffset(ctx, out),
    m,
    c,
  );
  ctx.backend.disposeData(acc.info.dataId);
}

/**
 * dx for a 2-D max pool over NHWC `input` given upstream `dy`, into the zeroed
 * `dx`, as `maxPoolGradJs` computes it, with the same bits.
 */
export function maxPoolGradWasm(
  ctx: KernelContext,
  dy: TensorInfo,
  input: TensorInfo,
  info: backend_util.Conv2DInfo,
  dx: TensorInfo,
): void {
  simdKernels(ctx).maxPoolGrad(
    heapOffset(ctx, input),
    heapOffset(ctx, dy),
    heapOffset(ctx, dx),
    ...geometry(info),
  );
}

/** Adam's constants for one step, as float32 values (see `adam.ts`). */
export interface AdamConstants {
  b1: number;
  b2: number;
  c1: number;
  c2: number;
  om1: number;
  om2: number;
  eps: number;
  negLr: number;
}

/**
 * One Adam step for one variable into the fresh `next` [m, v, w], as tfjs computes it,
 * with the same bits; `now` holds the variable's value, gradient and moments [w, g, m, v].
 */
export function adamWasm(
  ctx: KernelContext,
  now: [w: TensorInfo, g: TensorInfo, m: TensorInfo, v: TensorInfo],
  next: [m: TensorInfo, v: TensorInfo, w: TensorInfo],
  c: AdamConstants,
): void {
  const [w, g, m, v] = now.map((t) => heapOffset(ctx, t));
  const [nm, nv, nw] = next.map((t) => heapOffset(ctx, t));
  const n = now[0].shape.reduce((a, b) => a * b, 1);
  simdKernels(ctx).adam(
    w,
    g,
    m,
    v,
    nw,
    nm,
    nv,
    n,
    c.b1,
    c.b2,
    c.c1,
    c.c2,
    c.om1,
    c.om2,
    c.eps,
    c.negLr,
  );
}
