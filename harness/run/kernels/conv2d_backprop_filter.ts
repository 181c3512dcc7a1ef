/**
 * Conv2DBackpropFilter as one ordinary (dilated) Conv2D, so backends whose
 * forward convolution is fast (XNNPACK on wasm) get a fast filter gradient
 * too, and backends that lack the kernel (wasm) get one at all. The kernel
 * config picks, per backend, between this and the matMul formulation.
 */
import {
  type Conv2DBackpropFilterAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { contextOf, input, type KernelContext, pair, release, runKernel } from "./_run.ts";
import { convInfo } from "./_conv_info.ts";
import { conv2dBackpropFilterViaMatMul } from "./conv2d_backprop_filter_matmul.ts";

/**
 * Backends that take the matMul formulation (NHWC). On wasm it beat the
 * dilated conv at every MNIST CNN shape once patches were gathered in JS
 * (medians on a loaded 2-core machine, conv vs matMul: 64x28x28x1 -> 3x3x1x32
 * 13.7 vs 7.2 ms; 64x13x13x32 -> 3x3x32x64 21-40 vs 16-34 ms; 64x5x5x64 ->
 * 3x3x64x64 2.8-6.8 vs 2.4 ms). cpu's matMul is slower than its conv loops at
 * every size tried, so cpu keeps the conv formulation.
 */
const MATMUL_BACKENDS = new Set(["wasm"]);

/**
 * The filter gradient dW[i,j,c,o] = sum_{n,p,q} x[n, p*s+i*d-pad, q*s+j*d-pad, c] * dy[n,p,q,o]
 * is a correlation of x with dy where batch and channels swap roles: treat Cin
 * as the batch, N as the input channels, and dy laid out [Ho, Wo, N, Cout] as
 * the filter, dilated by the original stride. The result [Cin, >=fh, >=fw, Cout]
 * is cropped to the filter window and transposed back to [fh, fw, Cin, Cout].
 */
export function conv2dBackpropFilterViaConv2d(
  ctx: KernelContext,
  x: TensorInfo,
  dy: TensorInfo,
  attrs: Conv2DBackpropFilterAttrs,
): TensorInfo {
  const nchw = attrs.dataFormat === "NCHW";
  const info = convInfo(x.shape, attrs.filterShape, attrs);
  const [fh, fw] = [info.filterHeight, info.filterWidth];
  const { top, bottom, left, right } = info.padInfo;
  // [Cin, H, W, N] and [Ho, Wo, N, Cout], from NHWC or NCHW.
  const xT = runKernel(ctx, "Transpose", { x }, { perm: nchw ? [1, 2, 3, 0] : [3, 1, 2, 0] });
  const dyT = runKernel(ctx, "Transpose", { x: dy }, { perm: nchw ? [2, 3, 0, 1] : [1, 2, 0, 3] });
  const conv = runKernel(ctx, "Conv2D", { x: xT, filter: dyT }, {
    strides: [1, 1],
    pad: [[0, 0], [top, bottom], [left, right], [0, 0]],
    dataFormat: "NHWC",
    dilations: pair(attrs.strides),
  });
  release(ctx, xT, dyT);
  // Padding can leave the correlation window wider than the filter (stride > 1).
  let cropped = conv;
  if (conv.shape[1] !== fh || conv.shape[2] !== fw) {
    cropped = runKernel(ctx, "Slice", { x: conv }, {
      begin: [0, 0, 0, 0],
      size: [conv.shape[0], fh, fw, conv.shape[3]],
    });
    release(ctx, conv);
  }
  const dw = runKernel(ctx, "Transpose", { x: cropped }, { perm: [1, 2, 0, 3] });
  release(ctx, cropped);
  return dw;
}

/**
 * A Conv2DBackpropFilter kernel config for `backendName`, built on its
 * BatchMatMul or its Conv2D, whichever is faster there (see MATMUL_BACKENDS).
 */
export function conv2dBackpropFilterConfig(backendName: string): KernelConfig {
  const matMul = MATMUL_BACKENDS.has(backendName);
  const kernelFunc = (({ inputs, backend, attrs }) => {
    const a = attrs as unknown as Conv2DBackpropFilterAttrs;
    const ctx = contextOf(backend, backendName);
    const [x, dy] = [input(inputs, "x"), input(inputs, "dy")];
    // The matMul formulation declines NCHW (null); the conv one handles both.
    return (matMul ? conv2dBackpropFilterViaMatMul(ctx, x, dy, a) : null) ??
      conv2dBackpropFilterViaConv2d(ctx, x, dy, a);
  }) as KernelFunc;
  return { kernelName: "Conv2DBackpropFilter", backendName, kernelFunc };
}
