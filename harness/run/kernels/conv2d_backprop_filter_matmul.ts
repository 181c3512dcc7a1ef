/**
 * Conv2DBackpropFilter as one matrix product over the patches of x. XNNPACK
 * packs a product's right operand anew for every new tensor, and here both
 * operands are long (N*Ho*Wo rows), so the product is oriented to pack the
 * smaller: dW = colsᵀ · dy when the patch width K = fh*fw*Cin is at least Cout,
 * else dWᵀ = dyᵀ · cols (first layer, K = 9 vs Cout = 32: packing dy took
 * ~15 ms, packing cols ~3 ms). Either way the left operand arrives untransposed
 * (the wasm backend runs a transposed matMul ~10x slower): colsᵀ is gathered
 * straight into that layout in JS, dyᵀ is a tiled JS transpose; on wasm both go
 * through the SIMD kernels of `wasm_simd/` instead.
 */
import {
  backend_util,
  type Conv2DBackpropFilterAttrs,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { type KernelContext, release, runKernel } from "./_run.ts";
import { convInfo } from "./_conv_info.ts";
import { allocFloats, readFloats } from "./_memory.ts";
import { im2col, im2colT } from "./_patches.ts";
import { transposeInto } from "./_transpose.ts";
import { im2colWasm, onWasm, transposeWasm } from "./wasm_simd/mod.ts";

/** Whether patches go through the SIMD kernels: on wasm, from four channels on (see `im2colWasm`). */
function simdPatches(ctx: KernelContext, info: backend_util.Conv2DInfo): boolean {
  return onWasm(ctx) && info.inChannels >= 4;
}

/**
 * colsT [1, K, M]. In SIMD it is gathered row-major and then transposed: the JS
 * gather writes with a stride of M, which a tall grid makes costly (32x26x26x32
 * <- 3x3: 10.7 ms vs 34 ms in JS; 32x13x13x32: 1.2 vs 1.8 ms).
 */
function patchesT(ctx: KernelContext, x: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo {
  const m = info.batchSize * info.outHeight * info.outWidth;
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  if (simdPatches(ctx, info)) {
    const cols = allocFloats(ctx, [m, k]);
    im2colWasm(ctx, x, info, cols.info);
    const colsT = allocFloats(ctx, [1, k, m], true);
    transposeWasm(ctx, cols.info, m, k, colsT.info);
    release(ctx, cols.info);
    return colsT.info;
  }
  const colsT = allocFloats(ctx, [1, k, m]);
  im2colT(readFloats(ctx, x), info, colsT.values);
  return colsT.info;
}

/** cols [1, M, K]: the patches of `x`, row-major. */
function patches(ctx: KernelContext, x: TensorInfo, info: backend_util.Conv2DInfo): TensorInfo {
  const m = info.batchSize * info.outHeight * info.outWidth;
  const k = info.filterHeight * info.filterWidth * info.inChannels;
  const cols = allocFloats(ctx, [1, m, k]);
  if (simdPatches(ctx, info)) im2colWasm(ctx, x, info, cols.info);
  else im2col(readFloats(ctx, x), info, cols.values);
  return cols.info;
}

/** Which operand a product packs: `colsT · dy` packs dy, `dyT · cols` packs the patches. */
export type FilterProduct = "colsT·dy" | "dyT·cols";

/**
 * dW [fh, fw, Cin, Cout] for NHWC `x` and `dy` (dilation 1); null for NCHW.
 * `product` overrides the orientation picked by size (for tests and benchmarks).
 */
export function conv2dBackpropFilterViaMatMul(
  ctx: KernelContext,
  x: TensorInfo,
  dy: TensorInfo,
  attrs: Conv2DBackpropFilterAttrs,
  product?: FilterProduct,
): TensorInfo | null {
  if (attrs.dataFormat === "NCHW") return null;
  const info = convInfo(x.shape, attrs.filterShape, attrs);
  const [fh, fw, cin, cout] = attrs.filterShape;
  const m = info.batchSize * info.outHeight * info.outWidth;
  const k = fh * fw * cin;
  const mm = (a: TensorInfo, b: TensorInfo) =>
    runKernel(ctx, "BatchMatMul", { a, b }, { transposeA: false, transposeB: false });
  let dwFlat: TensorInfo;
  if ((product ?? (k >= cout ? "colsT·dy" : "dyT·cols")) === "colsT·dy") {
    const colsT = patchesT(ctx, x, info);
    const dy3 = runKernel(ctx, "Reshape", { x: dy }, { shape: [1, m, cout] });
    dwFlat = mm(colsT, dy3);
    release(ctx, colsT, dy3);
  } else {
    const cols = patches(ctx, x, info);
    // Allocate before taking views: growing the wasm heap detaches older views.
    const dyT = allocFloats(ctx, [1, cout, m], true);
    if (onWasm(ctx)) transposeWasm(ctx, dy, m, cout, dyT.info);
    else transposeInto(readFloats(ctx, dy), m, cout, dyT.values);
    const dwT = mm(dyT.info, cols);
    release(ctx, cols, dyT.info);
    dwFlat = runKernel(ctx, "Transpose", { x: dwT }, { perm: [0, 2, 1] });
    release(ctx, dwT);
  }
  // Rows are ordered (tap row, tap column, Cin): exactly the filter's leading axes.
  const dw = runKernel(ctx, "Reshape", { x: dwFlat }, { shape: [fh, fw, cin, cout] });
  release(ctx, dwFlat);
  return dw;
}
