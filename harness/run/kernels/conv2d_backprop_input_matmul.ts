/**
 * Conv2DBackpropInput as dy · Wᵀ followed by a col2im scatter. Unlike the
 * flipped-filter convolution it computes nothing over padding, which matters
 * when the output is small next to the filter (5x5 -> 3x3 with 3x3 taps: the
 * convolution does 2.8x the useful work).
 */
import { type Conv2DBackpropInputAttrs, type TensorInfo } from "@tensorflow/tfjs-core";
import { type KernelContext, release, runKernel } from "./_run.ts";
import { convInfo } from "./_conv_info.ts";
import { allocFloats, readFloats } from "./_memory.ts";
import { col2im } from "./_patches.ts";
import { col2imWasm, onWasm } from "./wasm_simd/mod.ts";

/** dx [N, H, W, Cin] for NHWC `dy` and filter [fh, fw, Cin, Cout]; null for NCHW. */
export function conv2dBackpropInputViaMatMul(
  ctx: KernelContext,
  dy: TensorInfo,
  filter: TensorInfo,
  attrs: Conv2DBackpropInputAttrs,
): TensorInfo | null {
  if (attrs.dataFormat === "NCHW") return null;
  const [fh, fw, cin, cout] = filter.shape;
  const info = convInfo(attrs.inputShape, filter.shape, attrs);
  const m = info.batchSize * info.outHeight * info.outWidth;
  const k = fh * fw * cin;
  // Wᵀ is small ([Cout, K]); transposing it beats a transposed matMul on wasm.
  const w2 = runKernel(ctx, "Reshape", { x: filter }, { shape: [k, cout] });
  const wT = runKernel(ctx, "Transpose", { x: w2 }, { perm: [1, 0] });
  const wT3 = runKernel(ctx, "Reshape", { x: wT }, { shape: [1, cout, k] });
  const dy3 = runKernel(ctx, "Reshape", { x: dy }, { shape: [1, m, cout] });
  const cols = runKernel(ctx, "BatchMatMul", { a: dy3, b: wT3 }, {
    transposeA: false,
    transposeB: false,
  });
  release(ctx, w2, wT, wT3, dy3);
  // Allocate before taking views: growing the wasm heap detaches older views.
  const dx = allocFloats(ctx, attrs.inputShape);
  if (onWasm(ctx)) col2imWasm(ctx, cols, info, dx.info);
  else col2im(readFloats(ctx, cols), info, dx.values);
  release(ctx, cols);
  return dx.info;
}
