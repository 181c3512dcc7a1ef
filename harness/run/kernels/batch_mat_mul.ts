/**
 * BatchMatMul with transposed operands on wasm. The stock kernel hands only
 * the plain, unbatched product to XNNPACK; a transposed operand takes a naive
 * loop 10-30x slower (the Dense layer's weight gradient xᵀ · dy, [576,64]ᵀ ·
 * [64,64]: 6.4 ms vs 0.2 ms). Transposing the operand first with the Transpose
 * kernel and multiplying plainly is exact (same products and sums) and costs
 * a few ns per element of the transposed operand.
 */
import type { BatchMatMulAttrs, KernelConfig, KernelFunc, TensorInfo } from "@tensorflow/tfjs-core";
import { util } from "@tensorflow/tfjs-core";
import { contextOf, input, type KernelContext, release, runKernel } from "./_run.ts";

/** `t` with its last two axes swapped. */
function swapLast(ctx: KernelContext, t: TensorInfo): TensorInfo {
  const rank = t.shape.length;
  const perm = [...Array(rank).keys()];
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return runKernel(ctx, "Transpose", { x: t }, { perm });
}

/** A BatchMatMul kernel config for `backendName` that untransposes operands before `stock`. */
export function batchMatMulConfig(backendName: string, stock: KernelConfig): KernelConfig {
  const kernelFunc = ((args) => {
    const { inputs, backend, attrs } = args;
    const { transposeA, transposeB } = attrs as unknown as BatchMatMulAttrs;
    const [a, b] = [input(inputs, "a"), input(inputs, "b")];
    const batched = util.sizeFromShape(a.shape.slice(0, -2)) > 1 ||
      util.sizeFromShape(b.shape.slice(0, -2)) > 1;
    // Batched products take the slow loop either way; a transpose would not help.
    if ((!transposeA && !transposeB) || batched) return stock.kernelFunc(args);
    const ctx = contextOf(backend, backendName);
    const a2 = transposeA ? swapLast(ctx, a) : a;
    const b2 = transposeB ? swapLast(ctx, b) : b;
    const out = stock.kernelFunc({
      inputs: { a: a2, b: b2 },
      backend,
      attrs: { ...attrs, transposeA: false, transposeB: false },
    }) as TensorInfo;
    if (a2 !== a) release(ctx, a2);
    if (b2 !== b) release(ctx, b2);
    return out;
  }) as KernelFunc;
  return { kernelName: "BatchMatMul", backendName, kernelFunc, setupFunc: stock.setupFunc };
}
