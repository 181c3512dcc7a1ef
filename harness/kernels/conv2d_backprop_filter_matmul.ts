/**
 * Conv2DBackpropFilter as one matrix product over the patches of x. XNNPACK
 * packs a product's right operand anew for every new tensor, and here both
 * operands are long (N*Ho*Wo rows), so the product is oriented to pack the
 * smaller: dW = colsᵀ · dy when the patch width K = fh*fw*Cin is at least Cout,
 * else dWᵀ = dyᵀ · cols (first layer, K = 9 vs Cout = 32: packing dy took
 * ~15 ms, packing cols ~3 ms). Either way the left operand arrives untransposed
 * (the wasm backend runs a transposed matMul ~10x slower): colsᵀ is gathered
 * straight into that layout in JS, dyᵀ is a tiled JS transpose.
 */
import {
  backend_util,
  type Conv2DBackpropFilterAttrs,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { type KernelContext, release, runKernel } from "./_run.ts";
import { allocFloats, readFloats } from "./_memory.ts";
import { im2col, im2colT } from "./_patches.ts";
import { transposeInto } from "./_transpose.ts";

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
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  if (dataFormat === "NCHW") return null;
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const [fh, fw, cin, cout] = filterShape;
  const m = info.batchSize * info.outHeight * info.outWidth;
  const k = fh * fw * cin;
  const mm = (a: TensorInfo, b: TensorInfo) =>
    runKernel(ctx, "BatchMatMul", { a, b }, { transposeA: false, transposeB: false });
  let dwFlat: TensorInfo;
  if ((product ?? (k >= cout ? "colsT·dy" : "dyT·cols")) === "colsT·dy") {
    // Allocate before taking views: growing the wasm heap detaches older views.
    const colsT = allocFloats(ctx, [1, k, m]);
    im2colT(readFloats(ctx, x), info, colsT.values);
    const dy3 = runKernel(ctx, "Reshape", { x: dy }, { shape: [1, m, cout] });
    dwFlat = mm(colsT.info, dy3);
    release(ctx, colsT.info, dy3);
  } else {
    const cols = allocFloats(ctx, [1, m, k]);
    const dyT = allocFloats(ctx, [1, cout, m]);
    im2col(readFloats(ctx, x), info, cols.values);
    transposeInto(readFloats(ctx, dy), m, cout, dyT.values);
    const dwT = mm(dyT.info, cols.info);
    release(ctx, cols.info, dyT.info);
    dwFlat = runKernel(ctx, "Transpose", { x: dwT }, { perm: [0, 2, 1] });
    release(ctx, dwT);
  }
  // Rows are ordered (tap row, tap column, Cin): exactly the filter's leading axes.
  const dw = runKernel(ctx, "Reshape", { x: dwFlat }, { shape: [fh, fw, cin, cout] });
  release(ctx, dwFlat);
  return dw;
}
