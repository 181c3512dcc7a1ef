/**
 * Conv2DBackpropInput as one stride-1 Conv2D of the (zero-dilated) upstream
 * gradient with the spatially flipped filter, so it runs on the backend's
 * forward convolution (XNNPACK on wasm) instead of the stock kernels, which
 * are direct loops (wasm: 170 ms for the MNIST CNN step; cpu: seconds).
 */
import {
  type Conv2DBackpropInputAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { contextOf, input, type KernelContext, pair, release, runKernel } from "./_run.ts";
import { convInfo } from "./_conv_info.ts";
import { conv2dBackpropInputViaMatMul } from "./conv2d_backprop_input_matmul.ts";

/**
 * Backends that take the dy · Wᵀ + col2im formulation for every NHWC shape. On
 * wasm, with col2im in SIMD, it beat the flipped convolution at every shape of the
 * suite's CNNs (medians, batch 32, conv vs matMul: 26x26x32 <- 3x3x64 33.9 vs
 * 30.8 ms; 13x13x32 9.0 vs 6.6; 12x12x10 <- 5x5x20 3.2 vs 1.3; 5x5x64 4.2 vs 1.1):
 * the convolution multiplies the zero border as well. cpu's matMul is slow.
 */
const MATMUL_BACKENDS = new Set(["wasm"]);

/** Whether the input grid is at least twice the output grid (stride 2, or small outputs). */
function mostlyPadding(a: Conv2DBackpropInputAttrs, dy: TensorInfo): boolean {
  const [, h, w] = a.inputShape;
  const [, ho, wo] = dy.shape;
  return h * w >= 2 * ho * wo;
}

/**
 * webgpu keeps its stock kernel (a loop per input element) where the flipped convolution
 * would mostly multiply padding: on lavapipe, the CNN's [64,3,3,64] -> [64,5,5,64] took
 * 72-86 ms stock against 74-164 ms through the direct shader; [64,11,11,64] -> [64,13,13,32]
 * took 406-420 ms stock against 235-378 ms.
 */
function preferStock(backendName: string, a: Conv2DBackpropInputAttrs, dy: TensorInfo): boolean {
  return backendName === "webgpu" && mostlyPadding(a, dy);
}

/**
 * Spreads `dy` [N, Ho, Wo, C] to [N, Ho*sh, Wo*sw, C] with zeros between rows
 * and columns (the trailing sh-1 rows and sw-1 columns are zeros too), using
 * only 4-D reshapes and pads, one axis at a time.
 */
function dilate(ctx: KernelContext, dy: TensorInfo, sh: number, sw: number): TensorInfo {
  const [n, ho, wo, c] = dy.shape;
  let cur = dy;
  const step = (shape: number[], after: number, outShape: number[]) => {
    const r = runKernel(ctx, "Reshape", { x: cur }, { shape });
    const p = runKernel(ctx, "PadV2", { x: r }, {
      paddings: [[0, 0], [0, 0], [0, after], [0, 0]],
      constantValue: 0,
    });
    const o = runKernel(ctx, "Reshape", { x: p }, { shape: outShape });
    release(ctx, r, p);
    if (cur !== dy) release(ctx, cur);
    cur = o;
  };
  if (sw > 1) step([n * ho, wo, 1, c], sw - 1, [n, ho, wo * sw, c]);
  if (sh > 1) step([n, ho, 1, wo * sw * c], sh - 1, [n, ho * sh, wo * sw, c]);
  return cur;
}

/**
 * dx = conv2d(dilate(dy, stride), flip(W) with in/out channels swapped), padded
 * so the "full" correlation lands exactly on the input grid. Returns null when
 * the layout or padding is outside this formulation (NCHW, explicit padding
 * wider than the filter) so the caller can use the stock kernel.
 */
export function conv2dBackpropInputViaConv2d(
  ctx: KernelContext,
  dy: TensorInfo,
  filter: TensorInfo,
  attrs: Conv2DBackpropInputAttrs,
): TensorInfo | null {
  const { strides, dataFormat, inputShape } = attrs;
  if (dataFormat === "NCHW") return null;
  const info = convInfo(inputShape, filter.shape, attrs);
  const [sh, sw] = pair(strides);
  const { filterHeight: fh, filterWidth: fw, inHeight: h, inWidth: w } = info;
  const { top, left } = info.padInfo;
  const pt = fh - 1 - top;
  const pl = fw - 1 - left;
  // Rows/columns of the dilated dy are Ho*sh; the last sh-1 are padding already.
  const pb = h + fh - 1 - info.outHeight * sh - pt;
  const pr = w + fw - 1 - info.outWidth * sw - pl;
  // Explicit padding wider than the filter has no "full" correlation here.
  if (pt < 0 || pl < 0) return null;
  const reversed = runKernel(ctx, "Reverse", { x: filter }, { dims: [0, 1] });
  const flipped = runKernel(ctx, "Transpose", { x: reversed }, { perm: [0, 1, 3, 2] });
  release(ctx, reversed);
  let spread = sh > 1 || sw > 1 ? dilate(ctx, dy, sh, sw) : dy;
  // A negative bottom/right pad only ever cuts inserted trailing zeros (at most s-1).
  if (pb < 0 || pr < 0) {
    const [n, hs, ws, c] = spread.shape;
    const cut = runKernel(ctx, "Slice", { x: spread }, {
      begin: [0, 0, 0, 0],
      size: [n, hs + Math.min(pb, 0), ws + Math.min(pr, 0), c],
    });
    if (spread !== dy) release(ctx, spread);
    spread = cut;
  }
  const dx = runKernel(ctx, "Conv2D", { x: spread, filter: flipped }, {
    strides: [1, 1],
    pad: [[0, 0], [pt, Math.max(pb, 0)], [pl, Math.max(pr, 0)], [0, 0]],
    dataFormat: "NHWC",
    dilations: [1, 1],
  });
  release(ctx, flipped);
  if (spread !== dy) release(ctx, spread);
  return dx;
}

/**
 * A Conv2DBackpropInput kernel config for `backendName` built on its Conv2D;
 * `stock` (the kernel it replaces) serves the cases the formulation skips.
 */
export function conv2dBackpropInputConfig(backendName: string, stock?: KernelConfig): KernelConfig {
  const kernelFunc = ((args) => {
    const { inputs, backend, attrs } = args;
    const ctx = contextOf(backend, backendName);
    const [dy, filter] = [input(inputs, "dy"), input(inputs, "filter")];
    const a = attrs as unknown as Conv2DBackpropInputAttrs;
    if (stock != null && preferStock(backendName, a, dy)) return stock.kernelFunc(args);
    const dx =
      (MATMUL_BACKENDS.has(backendName)
        ? conv2dBackpropInputViaMatMul(ctx, dy, filter, a)
        : null) ??
        conv2dBackpropInputViaConv2d(ctx, dy, filter, a);
    if (dx != null) return dx;
    if (stock == null) {
      throw new RangeError(`Conv2DBackpropInput on "${backendName}" has no kernel for these attrs`);
    }
    return stock.kernelFunc(args);
  }) as KernelFunc;
  return { kernelName: "Conv2DBackpropInput", backendName, kernelFunc };
}
