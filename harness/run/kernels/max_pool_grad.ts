/**
 * MaxPoolGrad in one pass over the pooling windows. The stock wasm and cpu
 * kernels walk every input position and rescan all windows covering it
 * (45 ms per MNIST CNN step on wasm); routing each window's gradient to its
 * arg-max directly is O(output x window) and needs only synchronous reads.
 * Ties go to the first maximum in row-major window order, as in the stock kernels.
 *
 * On wasm the same pass runs in WebAssembly SIMD (`wasm_simd/kernels.wat`): in JS
 * the arg-max compares are branches the CPU mispredicts on real activations
 * ([32,26,26,32] pool 2: 3.3 ms in JS, 0.97 ms in SIMD, the same bits).
 */
import {
  backend_util,
  type KernelConfig,
  type KernelFunc,
  type MaxPoolGradAttrs,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { contextOf, input, type KernelContext } from "./_run.ts";
import { allocFloats, readFloats } from "./_memory.ts";
import { maxPoolGradWasm } from "./wasm_simd/mod.ts";

function poolInfo(input: TensorInfo, attrs: MaxPoolGradAttrs): backend_util.Conv2DInfo {
  const { filterSize, strides, pad, dimRoundingMode } = attrs;
  return backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
}

/** dx for a 2-D max pool over NHWC `input`, given upstream `dy`, in WebAssembly SIMD (wasm only). */
export function maxPoolGradSimd(
  ctx: KernelContext,
  dy: TensorInfo,
  input: TensorInfo,
  attrs: MaxPoolGradAttrs,
): TensorInfo {
  const out = allocFloats(ctx, input.shape);
  maxPoolGradWasm(ctx, dy, input, poolInfo(input, attrs), out.info);
  return out.info;
}

/** dx for a 2-D max pool over NHWC `input`, given upstream `dy`. */
export function maxPoolGradJs(
  ctx: KernelContext,
  dy: TensorInfo,
  input: TensorInfo,
  attrs: MaxPoolGradAttrs,
): TensorInfo {
  const info = poolInfo(input, attrs);
  // Allocate before taking views: growing the wasm heap detaches older views.
  const out = allocFloats(ctx, input.shape);
  const dx = out.values;
  const x = readFloats(ctx, input);
  const g = readFloats(ctx, dy);
  const { batchSize, inHeight: h, inWidth: w, inChannels: c, outHeight: ho, outWidth: wo } = info;
  const { strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw } = info;
  const { top, left } = info.padInfo;
  // Per-channel running max, so the innermost loop walks contiguous channels.
  const best = new Float32Array(c);
  const where = new Int32Array(c);
  for (let n = 0; n < batchSize; n++) {
    for (let p = 0; p < ho; p++) {
      const r0 = Math.max(0, p * sh - top);
      const r1 = Math.min(h, p * sh - top + fh);
      for (let q = 0; q < wo; q++) {
        const c0 = Math.max(0, q * sw - left);
        const c1 = Math.min(w, q * sw - left + fw);
        const first = ((n * h + r0) * w + c0) * c;
        for (let k = 0; k < c; k++) {
          best[k] = x[first + k];
          where[k] = first + k;
        }
        for (let r = r0; r < r1; r++) {
          for (let col = r === r0 ? c0 + 1 : c0; col < c1; col++) {
            const base = ((n * h + r) * w + col) * c;
            for (let k = 0; k < c; k++) {
              const v = x[base + k];
              if (v > best[k]) {
                best[k] = v;
                where[k] = base + k;
              }
            }
          }
        }
        const o = ((n * ho + p) * wo + q) * c;
        for (let k = 0; k < c; k++) dx[where[k]] += g[o + k];
      }
    }
  }
  return out.info;
}

/** A MaxPoolGrad kernel config for `backendName`: SIMD on wasm, JS elsewhere. */
export function maxPoolGradConfig(backendName: string): KernelConfig {
  const run = backendName === "wasm" ? maxPoolGradSimd : maxPoolGradJs;
  const kernelFunc = (({ inputs, backend, attrs }) =>
    run(
      contextOf(backend, backendName),
      input(inputs, "dy"),
      input(inputs, "input"),
      attrs as unknown as MaxPoolGradAttrs,
    )) as KernelFunc;
  return { kernelName: "MaxPoolGrad", backendName, kernelFunc };
}
