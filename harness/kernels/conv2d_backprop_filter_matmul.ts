/**
 * Conv2DBackpropFilter as one matrix product, dW = colsᵀ · dy, with colsᵀ
 * gathered in JS straight into the output layout. Building colsᵀ (not cols)
 * matters: the wasm backend runs a transposed matMul ~10x slower than a plain one.
 */
import {
  backend_util,
  type Conv2DBackpropFilterAttrs,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { type KernelContext, release, runKernel } from "./_run.ts";
import { allocFloats, readFloats } from "./_memory.ts";
import { im2colT } from "./_patches.ts";

/** dW [fh, fw, Cin, Cout] for NHWC `x` and `dy` (dilation 1); null for NCHW. */
export function conv2dBackpropFilterViaMatMul(
  ctx: KernelContext,
  x: TensorInfo,
  dy: TensorInfo,
  attrs: Conv2DBackpropFilterAttrs,
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
  // Allocate before taking views: growing the wasm heap detaches older views.
  const colsT = allocFloats(ctx, [1, fh * fw * cin, m]);
  im2colT(readFloats(ctx, x), info, colsT.values);
  const dy3 = runKernel(ctx, "Reshape", { x: dy }, { shape: [1, m, cout] });
  const prod = runKernel(ctx, "BatchMatMul", { a: colsT.info, b: dy3 }, {
    transposeA: false,
    transposeB: false,
  });
  release(ctx, colsT.info, dy3);
  // Rows are ordered (tap row, tap column, Cin): exactly the filter's leading axes.
  const dw = runKernel(ctx, "Reshape", { x: prod }, { shape: [fh, fw, cin, cout] });
  release(ctx, prod);
  return dw;
}
