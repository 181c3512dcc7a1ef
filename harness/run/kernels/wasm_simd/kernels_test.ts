/**
 * The SIMD kernels against two oracles: the JS loops they replace (the same bits,
 * on the same wasm heap) and tfjs's stock cpu kernels (relative error 1e-4), on
 * seeded geometries whose channel counts leave SIMD tails (1-9 channels), with
 * strides 1/2, valid/same padding and non-square windows. The shipped bytes are
 * checked against a fresh compile of `kernels.wat` and its parts (`wat/`).
 */
import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { backend_util } from "@tensorflow/tfjs-core";
import { Rng } from "../../../core/rng.ts";
import {
  assertClose,
  captureKernels,
  randomInt,
  randomTensor,
  requireBackend,
} from "../../../testing/mod.ts";
import { contextOf } from "../_run.ts";
import { allocFloats } from "../_memory.ts";
import { col2im, im2col } from "../_patches.ts";
import { transposeInto } from "../_transpose.ts";
import { maxPoolGradJs, maxPoolGradSimd } from "../max_pool_grad.ts";
import { sumLeading, sumLeadingJs } from "../sum.ts";
import { conv2dBackpropInputViaMatMul } from "../conv2d_backprop_input_matmul.ts";
import { conv2dBackpropFilterViaMatMul } from "../conv2d_backprop_filter_matmul.ts";
import { restoreStockKernels } from "../mod.ts";
import { col2imWasm, im2colWasm, transposeWasm } from "./mod.ts";
import { KERNELS_WASM_BASE64 } from "./_bytes.ts";
import { bytesModule, compileKernels } from "./build.ts";

restoreStockKernels("cpu");
const STOCK_CPU = captureKernels(
  ["Conv2DBackpropFilter", "Conv2DBackpropInput", "MaxPoolGrad", "Sum"],
  "cpu",
);

/** A seeded geometry; channel counts 1-9 so most cases have a SIMD part and a tail. */
function geometryCase(rng: Rng, i: number) {
  const pick = (lo: number, hi: number) => randomInt(rng, lo, hi);
  const fh = pick(1, 4);
  const fw = i % 3 === 0 ? fh : pick(1, 4);
  const s = i % 2 === 0 ? 1 : 2;
  return {
    n: pick(1, 3),
    h: pick(fh + 1, 12),
    w: pick(fw + 1, 12),
    c: i < 3 ? [4, 8, 9][i] : pick(1, 9),
    cout: pick(1, 9),
    fh,
    fw,
    strides: (i % 5 === 4 ? [1, 2] : [s, s]) as [number, number],
    pad: (i % 4 < 2 ? "valid" : "same") as "valid" | "same",
  };
}

const CASES = 14;

function stockCpu(name: string, inputs: Record<string, tf.Tensor>, attrs: object): Float32Array {
  const info = STOCK_CPU.get(name)!.kernelFunc({
    inputs,
    backend: tf.backend(),
    attrs: attrs as never,
  });
  const out = tf.engine().makeTensorFromTensorInfo(Array.isArray(info) ? info[0] : info);
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}

/** Values of a tensor made on cpu, to rebuild on wasm. */
const valuesOf = (t: tf.Tensor) => t.dataSync() as Float32Array;

/** The values of a kernel output on the active backend, freed after reading. */
function readInfo(info: tf.TensorInfo): Float32Array {
  const out = tf.engine().makeTensorFromTensorInfo(info);
  const values = out.dataSync() as Float32Array;
  out.dispose();
  return values;
}

Deno.test("the shipped kernel bytes are a fresh compile of kernels.wat and its parts", async () => {
  const bytes = await compileKernels();
  const shipped = await Deno.readTextFile(new URL("./_bytes.ts", import.meta.url));
  assert.equal(
    shipped,
    bytesModule(bytes),
    "run: deno run -A harness/run/kernels/wasm_simd/build.ts",
  );
  assert.ok(KERNELS_WASM_BASE64.length > 0);
});

Deno.test("SIMD MaxPoolGrad gives the JS kernel's bits and matches stock cpu", async () => {
  const rng = new Rng(23);
  for (let i = 0; i < CASES; i++) {
    const g = geometryCase(rng, i);
    await requireBackend("cpu");
    const shape = [g.n, g.h, g.w, g.c];
    // Ties at 0 (relu), or every value below 0.
    const x = tf.relu(randomTensor(rng, shape)).sub(i % 2 === 0 ? 0 : 0.5);
    const y = tf.maxPool(x as tf.Tensor4D, [g.fh, g.fw], g.strides, g.pad);
    const dy = randomTensor(rng, y.shape);
    const attrs = { filterSize: [g.fh, g.fw], strides: g.strides, pad: g.pad };
    const want = stockCpu("MaxPoolGrad", { dy, input: x, output: y }, attrs);
    const [xv, dyv] = [valuesOf(x), valuesOf(dy)];
    tf.dispose([x, y, dy]);
    await requireBackend("wasm");
    const ctx = contextOf(tf.backend(), "wasm");
    const [xw, dyw] = [tf.tensor(xv, shape), tf.tensor(dyv, y.shape)];
    const label = `case ${i} ${JSON.stringify(g)}`;
    const before = tf.backend().numDataIds();
    const simd = readInfo(maxPoolGradSimd(ctx, dyw, xw, attrs as never));
    const js = readInfo(maxPoolGradJs(ctx, dyw, xw, attrs as never));
    assert.equal(tf.backend().numDataIds(), before, `${label}: leaked data`);
    assert.deepEqual(simd, js, `${label}: SIMD and JS differ`);
    assertClose(simd, want, label);
    tf.dispose([xw, dyw]);
  }
});

Deno.test("SIMD im2col and col2im give the JS loops' bits", async () => {
  await requireBackend("wasm");
  const ctx = contextOf(tf.backend(), "wasm");
  const rng = new Rng(29);
  for (let i = 0; i < CASES; i++) {
    const g = geometryCase(rng, i);
    const info = backend_util.computeConv2DInfo(
      [g.n, g.h, g.w, g.c],
      [g.fh, g.fw, g.c, g.cout],
      g.strides,
      1,
      g.pad,
    );
    const m = g.n * info.outHeight * info.outWidth, k = g.fh * g.fw * g.c;
    const label = `case ${i} ${JSON.stringify(g)}`;
    const x = randomTensor(rng, [g.n, g.h, g.w, g.c]);
    const colsIn = randomTensor(rng, [m, k]);
    const cols = allocFloats(ctx, [m, k]);
    im2colWasm(ctx, x, info, cols.info);
    const wantCols = new Float32Array(m * k);
    im2col(x.dataSync() as Float32Array, info, wantCols);
    assert.deepEqual(readInfo(cols.info), wantCols, `${label}: im2col`);
    const dx = allocFloats(ctx, x.shape);
    col2imWasm(ctx, colsIn, info, dx.info);
    const wantDx = new Float32Array(x.size);
    col2im(colsIn.dataSync() as Float32Array, info, wantDx);
    assert.deepEqual(readInfo(dx.info), wantDx, `${label}: col2im`);
    tf.dispose([x, colsIn]);
  }
});

Deno.test("SIMD transpose gives the JS transpose for shapes off and on multiples of 4", async () => {
  await requireBackend("wasm");
  const ctx = contextOf(tf.backend(), "wasm");
  const rng = new Rng(31);
  for (const [rows, cols] of [[1, 1], [3, 5], [4, 4], [7, 9], [8, 12], [13, 4], [64, 33]]) {
    const src = randomTensor(rng, [rows, cols]);
    const dst = allocFloats(ctx, [cols, rows]);
    transposeWasm(ctx, src, rows, cols, dst.info);
    const want = new Float32Array(rows * cols);
    transposeInto(src.dataSync() as Float32Array, rows, cols, want);
    const got = readInfo(dst.info);
    assert.deepEqual(got, want, `[${rows}, ${cols}]`);
    // An independent check of one element, so a shared mistake cannot pass.
    assert.equal(got[(cols - 1) * rows], src.dataSync()[cols - 1]);
    src.dispose();
  }
});

Deno.test("wasm conv gradients through the SIMD patches match stock cpu from 4 channels up", async () => {
  const rng = new Rng(37);
  for (let i = 0; i < CASES; i++) {
    const g = geometryCase(rng, i);
    await requireBackend("cpu");
    const xShape: [number, number, number, number] = [g.n, g.h, g.w, g.c];
    const fShape: [number, number, number, number] = [g.fh, g.fw, g.c, g.cout];
    const yShape = backend_util.computeConv2DInfo(xShape, fShape, g.strides, 1, g.pad).outShape;
    const [x, f, dy] = [xShape, fShape, yShape].map((s) => randomTensor(rng, s));
    const base = { strides: g.strides, pad: g.pad, dataFormat: "NHWC" };
    const fAttrs = { ...base, filterShape: fShape };
    const iAttrs = { ...base, inputShape: xShape };
    const wantW = stockCpu("Conv2DBackpropFilter", { x, dy }, fAttrs);
    const wantX = stockCpu("Conv2DBackpropInput", { dy, filter: f }, iAttrs);
    const vals = [x, f, dy].map(valuesOf);
    tf.dispose([x, f, dy]);
    await requireBackend("wasm");
    const ctx = contextOf(tf.backend(), "wasm");
    const [xw, fw, dyw] = [xShape, fShape, yShape].map((s, j) => tf.tensor(vals[j], s));
    const label = `case ${i} ${JSON.stringify(g)}`;
    for (const product of ["colsT·dy", "dyT·cols"] as const) {
      const dw = conv2dBackpropFilterViaMatMul(ctx, xw, dyw, fAttrs as never, product);
      assertClose(readInfo(dw!), wantW, `dW ${product} ${label}`);
    }
    const dx = conv2dBackpropInputViaMatMul(ctx, dyw, fw, iAttrs as never);
    assertClose(readInfo(dx!), wantX, `dX ${label}`);
    tf.dispose([xw, fw, dyw]);
  }
});

Deno.test("SIMD bias-gradient sums give the JS loop's bits and match stock cpu", async () => {
  const rng = new Rng(41);
  // Odd channel counts leave a one-channel tail after the f64x2 lanes.
  for (const shape of [[2, 3, 3, 1], [3, 5, 5, 7], [4, 6, 6, 32], [9, 64], [1, 2, 2, 3]]) {
    const r = shape.length - 1;
    await requireBackend("cpu");
    const xc = randomTensor(rng, shape).mul(100);
    const want = stockCpu("Sum", { x: xc }, { axis: [...Array(r).keys()], keepDims: false });
    const values = valuesOf(xc);
    xc.dispose();
    await requireBackend("wasm");
    const ctx = contextOf(tf.backend(), "wasm");
    const x = tf.tensor(values, shape);
    const simd = readInfo(sumLeading(ctx, x, r, false));
    assert.deepEqual(simd, readInfo(sumLeadingJs(ctx, x, r, false)), JSON.stringify(shape));
    assertClose(simd, want, JSON.stringify(shape));
    const kept = sumLeading(ctx, x, r, true);
    assert.deepEqual(kept.shape, [...shape.slice(0, r).map(() => 1), shape[r]]);
    assert.deepEqual(readInfo(kept), simd, `keepDims ${shape}`);
    x.dispose();
  }
});
