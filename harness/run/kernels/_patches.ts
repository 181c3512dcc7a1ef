/**
 * Patch (im2col) gathers and scatters in plain JS over NHWC data, for the
 * matMul formulations of the conv gradients. The wasm backend's Slice and
 * Concat kernels move data at ~6 ns per element; these loops copy contiguous
 * channel runs and cost a few ms for the MNIST CNN's largest layer.
 */
import type { backend_util } from "@tensorflow/tfjs-core";

type ConvInfo = backend_util.Conv2DInfo;

/**
 * The sizes the loops below read, under short names. The five walks share only
 * this: they are hot, and written out per layout they ran faster than one walker
 * calling back per tap (64x13x13x32 im2col 2.2 vs 4.8 ms) or taking the layout
 * as strides (col2im of 64x28x28x1 1.4 vs 3.5 ms), side by side on a loaded
 * 2-core machine.
 */
function geometry(info: ConvInfo) {
  return {
    n: info.batchSize,
    h: info.inHeight,
    w: info.inWidth,
    cin: info.inChannels,
    ho: info.outHeight,
    wo: info.outWidth,
    sh: info.strideHeight,
    sw: info.strideWidth,
    fh: info.filterHeight,
    fw: info.filterWidth,
    top: info.padInfo.top,
    left: info.padInfo.left,
  };
}

/**
 * Writes colsT [fh*fw*Cin, N*Ho*Wo] (row = filter tap, then channel; column =
 * output position) from NHWC `x`; positions in the padding stay zero, so
 * `colsT` must arrive zero-filled.
 */
export function im2colT(x: Float32Array, info: ConvInfo, colsT: Float32Array): void {
  // Few channels: walk output rows so writes are contiguous (64x28x28x1: 0.7 ms
  // vs 3 ms); many: walk positions so reads are contiguous channel runs
  // (64x13x13x32: 4 ms vs 6-12 ms; going channels-first with a tiled
  // transpose, then copying rows, measured 10 ms vs 5.8).
  if (info.inChannels < 4) im2colTByRow(x, info, colsT);
  else byPosition(x, info, colsT, "gatherT");
}

function im2colTByRow(x: Float32Array, info: ConvInfo, colsT: Float32Array): void {
  const { n, h, w, cin, ho, wo, sh, sw, fh, fw, top, left } = geometry(info);
  const step = sw * cin;
  let dst = 0;
  for (let i = 0; i < fh; i++) {
    for (let j = 0; j < fw; j++) {
      // Output columns whose tap j lands inside the row; the rest stay zero.
      const q0 = Math.max(0, Math.ceil((left - j) / sw));
      const q1 = Math.min(wo, Math.floor((w - 1 + left - j) / sw) + 1);
      for (let c = 0; c < cin; c++) {
        for (let b = 0; b < n; b++) {
          for (let p = 0; p < ho; p++, dst += wo) {
            const r = p * sh + i - top;
            if (r < 0 || r >= h) continue;
            let src = ((b * h + r) * w + q0 * sw + j - left) * cin + c;
            for (let q = q0; q < q1; q++, src += step) colsT[dst + q] = x[src];
          }
        }
      }
    }
  }
}

/**
 * Adds cols [N*Ho*Wo, fh*fw*Cin] (the product dy · Wᵀ) back onto the NHWC
 * input grid `dx`, the adjoint of the im2col gather; `dx` must arrive zeroed.
 */
export function col2im(cols: Float32Array, info: ConvInfo, dx: Float32Array): void {
  byPosition(dx, info, cols, "scatter");
}

/**
 * Writes cols [N*Ho*Wo, fh*fw*Cin] (row = output position; columns ordered tap
 * row, tap column, channel, as a filter's leading axes) from NHWC `x`: each
 * tap is one contiguous channel run. Padding stays zero, so `cols` must arrive
 * zero-filled.
 */
export function im2col(x: Float32Array, info: ConvInfo, cols: Float32Array): void {
  // As for im2colT: few channels walk output rows, many walk positions.
  if (info.inChannels < 4) im2colByRow(x, info, cols);
  else byPosition(x, info, cols, "gather");
}

function im2colByRow(x: Float32Array, info: ConvInfo, cols: Float32Array): void {
  const { n, h, w, cin, ho, wo, sh, sw, fh, fw, top, left } = geometry(info);
  const k = fh * fw * cin;
  const step = sw * cin;
  for (let i = 0; i < fh; i++) {
    for (let j = 0; j < fw; j++) {
      const q0 = Math.max(0, Math.ceil((left - j) / sw));
      const q1 = Math.min(wo, Math.floor((w - 1 + left - j) / sw) + 1);
      for (let c = 0; c < cin; c++) {
        const t = (i * fw + j) * cin + c;
        for (let b = 0; b < n; b++) {
          for (let p = 0; p < ho; p++) {
            const r = p * sh + i - top;
            if (r < 0 || r >= h) continue;
            let src = ((b * h + r) * w + q0 * sw + j - left) * cin + c;
            let dst = ((b * ho + p) * wo + q0) * k + t;
            for (let q = q0; q < q1; q++, src += step, dst += k) cols[dst] = x[src];
          }
        }
      }
    }
  }
}

/**
 * The walk over output positions and taps shared by the gathers and the scatter, one
 * contiguous channel run of the NHWC `grid` per (position, tap):
 * - `gather`: copied into `cols` [N*Ho*Wo, fh*fw*Cin];
 * - `gatherT`: copied into `cols` [fh*fw*Cin, N*Ho*Wo] (one channel per row);
 * - `scatter`: `cols` [N*Ho*Wo, fh*fw*Cin] added onto `grid` (the gather's adjoint).
 * The mode is decided per run, outside the channel loop, so the walk costs what a copy of it
 * per mode did (side by side on a loaded 2-core machine, within its noise).
 */
function byPosition(
  grid: Float32Array,
  info: ConvInfo,
  cols: Float32Array,
  mode: "gather" | "gatherT" | "scatter",
): void {
  const { n, h, w, cin, ho, wo, sh, sw, fh, fw, top, left } = geometry(info);
  const m = n * ho * wo, k = fh * fw * cin;
  // Where a position's run for tap 0 starts in `cols`, and how far apart taps are.
  const [perPosition, perTap] = mode === "gatherT" ? [1, cin * m] : [k, cin];
  let col = 0;
  for (let b = 0; b < n; b++) {
    for (let p = 0; p < ho; p++) {
      for (let q = 0; q < wo; q++, col++) {
        for (let i = 0; i < fh; i++) {
          const r = p * sh + i - top;
          if (r < 0 || r >= h) continue;
          for (let j = 0; j < fw; j++) {
            const c0 = q * sw + j - left;
            if (c0 < 0 || c0 >= w) continue;
            const g = ((b * h + r) * w + c0) * cin;
            const t = col * perPosition + (i * fw + j) * perTap;
            // Plain loops: subarray() per run allocates, and runs are short.
            if (mode === "gather") { for (let c = 0; c < cin; c++) cols[t + c] = grid[g + c]; }
            else if (mode === "scatter") {
              for (let c = 0; c < cin; c++) grid[g + c] += cols[t + c];
            } else for (let c = 0, d = t; c < cin; c++, d += m) cols[d] = grid[g + c];
          }
        }
      }
    }
  }
}
