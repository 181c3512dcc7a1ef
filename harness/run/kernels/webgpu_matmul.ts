/**
 * Matrix products on WebGPU with a software adapter, through the direct convolution
 * shader: [M, K] x [K, N] is a 1x1 convolution of a [1, 1, M, K] image with a [1, 1, K, N]
 * filter, which keeps a 4-row x 16-column tile of the product in registers. On lavapipe
 * that ran the dense layers' shapes 1.1-2.1x faster than tfjs's packed program (e.g.
 * [64,9216]x[9216,128]: 177 vs 350 ms, [64,784]x[784,512]: 77 vs 130 ms, identical
 * values). Unbatched products only (a batch of 1 counts); a transposed operand is
 * transposed first. Batched products, other activations and small products go to the
 * stock kernel: below about a million multiply-adds the extra dispatches (reshapes,
 * transposes) cost more than the shader saves, and an RNN's per-step products are small
 * (the spam-assassin RNN's quick run took 56 s with every product direct, 34 s without).
 */
import type { BatchMatMulAttrs, KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs-core";
import { util } from "@tensorflow/tfjs-core";
import { contextOf, input, type KernelContext, release, runKernel } from "./_run.ts";
import { directConv2d, supportsActivation } from "./webgpu_conv2d.ts";

/** Products with fewer multiply-adds than this stay on the stock kernel. */
const MIN_MACS = 1 << 20;

/** `x` as a row-major [rows, cols] matrix, transposed first when `transposed` says so. */
function asMatrix(ctx: KernelContext, x: TensorInfo, transposed: boolean): TensorInfo {
  const r = x.shape.length;
  const [rows, cols] = [x.shape[r - 2], x.shape[r - 1]];
  const flat = runKernel(ctx, "Reshape", { x }, { shape: [rows, cols] });
  if (!transposed) return flat;
  const t = runKernel(ctx, "Transpose", { x: flat }, { perm: [1, 0] });
  release(ctx, flat);
  return t;
}

/** How {@linkcode directMatMul} multiplies: transposes, what it adds, when it declines. */
export interface MatMulOptions {
  transposeA?: boolean;
  transposeB?: boolean;
  /** One value per output column, or null. */
  bias?: TensorInfo | null;
  activation?: string | null;
  /** Products with fewer multiply-adds are declined (default: about a million). */
  minMacs?: number;
}

/**
 * a x b (each optionally transposed) plus bias and activation, or null where this does not
 * apply: batched operands, non-float inputs, a bias that is not one value per column, an
 * activation the shader does not apply, fewer than `minMacs` multiply-adds.
 */
export function directMatMul(
  ctx: KernelContext,
  a: TensorInfo,
  b: TensorInfo,
  opts: MatMulOptions = {},
): TensorInfo | null {
  const { transposeA = false, transposeB = false, bias = null, activation = null } = opts;
  const minMacs = opts.minMacs ?? MIN_MACS;
  if (a.shape.length < 2 || b.shape.length < 2) return null;
  if (util.sizeFromShape(a.shape.slice(0, -2)) !== 1) return null;
  if (util.sizeFromShape(b.shape.slice(0, -2)) !== 1) return null;
  if (a.dtype !== "float32" || b.dtype !== "float32" || !supportsActivation(activation)) {
    return null;
  }
  const [ra, rb] = [a.shape.length, b.shape.length];
  const m = transposeA ? a.shape[ra - 1] : a.shape[ra - 2];
  const n = transposeB ? b.shape[rb - 2] : b.shape[rb - 1];
  const k = transposeA ? a.shape[ra - 2] : a.shape[ra - 1];
  if (m * n * k < minMacs) return null;
  if (bias != null && (bias.shape.length !== 1 || bias.shape[0] !== n)) return null;
  const a2 = asMatrix(ctx, a, transposeA), b2 = asMatrix(ctx, b, transposeB);
  const x = runKernel(ctx, "Reshape", { x: a2 }, { shape: [1, 1, m, k] });
  const w = runKernel(ctx, "Reshape", { x: b2 }, { shape: [1, 1, k, n] });
  release(ctx, a2, b2);
  const attrs = { strides: 1, pad: "valid", dataFormat: "NHWC", dilations: 1 } as const;
  const out = directConv2d(ctx.backend, x, w, attrs, bias, activation);
  release(ctx, x, w);
  if (out == null) return null;
  // The product keeps the operands' leading (size 1) dims, as tfjs's BatchMatMul does.
  const lead = (ra >= rb ? a : b).shape.slice(0, -2);
  const shaped = runKernel(ctx, "Reshape", { x: out }, { shape: [...lead, m, n] });
  release(ctx, out);
  return shaped;
}

/** BatchMatMul on webgpu through the direct shader; `stock` serves batched products. */
export function webgpuBatchMatMulConfig(stock: KernelConfig): KernelConfig {
  const kernelFunc = ((args) => {
    const { transposeA, transposeB } = args.attrs as unknown as BatchMatMulAttrs;
    const ctx = contextOf(args.backend, "webgpu");
    const [a, b] = [input(args.inputs, "a"), input(args.inputs, "b")];
    return directMatMul(ctx, a, b, { transposeA, transposeB }) ?? stock.kernelFunc(args);
  }) as KernelFunc;
  return { kernelName: "BatchMatMul", backendName: "webgpu", kernelFunc };
}

/**
 * _FusedMatMul (a dense layer's inference: product + bias + activation) on webgpu through
 * the direct shader, for linear and relu without prelu weights; `stock` serves the rest.
 */
export function webgpuFusedMatMulConfig(stock: KernelConfig): KernelConfig {
  const kernelFunc = ((args) => {
    const a = args.attrs as unknown as BatchMatMulAttrs & { activation?: string };
    const { a: x, b: w, bias, preluActivationWeights } = args.inputs;
    if (x == null || w == null || preluActivationWeights != null) return stock.kernelFunc(args);
    const ctx = contextOf(args.backend, "webgpu");
    const { transposeA, transposeB, activation } = a;
    return directMatMul(ctx, x, w, { transposeA, transposeB, bias, activation }) ??
      stock.kernelFunc(args);
  }) as KernelFunc;
  return { kernelName: "_FusedMatMul", backendName: "webgpu", kernelFunc };
}
