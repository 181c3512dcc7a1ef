/**
 * Oracle tests: every kernel this folder provides, on wasm and cpu, against
 * tfjs's stock cpu kernel on seeded random shapes (strides 1/2, valid/same,
 * non-square filters, batch 1 and >1).
 */
import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import type { NamedAttrMap } from "@tensorflow/tfjs-core";
import type { BackendName } from "../../core/experiment.ts";
import { Rng } from "../../core/rng.ts";
import {
  assertClose,
  captureKernels,
  type KernelInputs,
  randomInt,
  randomTensor,
  randomValues,
  requireBackend,
  runKernelConfig,
  runRegisteredKernel,
} from "../../testing/mod.ts";
import { registerTrainingKernels, restoreStockKernels } from "./mod.ts";
import { conv2dBackpropFilterViaConv2d } from "./conv2d_backprop_filter.ts";
import { conv2dBackpropFilterViaMatMul } from "./conv2d_backprop_filter_matmul.ts";
import { conv2dBackpropInputViaConv2d } from "./conv2d_backprop_input.ts";
import { conv2dBackpropInputViaMatMul } from "./conv2d_backprop_input_matmul.ts";

const BACKENDS: BackendName[] = ["wasm", "cpu"];
// Captured after a restore so another test module's registration cannot leak in.
restoreStockKernels("cpu");
const STOCK_CPU = captureKernels([
  "Conv2DBackpropFilter",
  "Conv2DBackpropInput",
  "MaxPoolGrad",
  "UnsortedSegmentSum",
  "Sum",
  "BatchMatMul",
], "cpu");

/** Runs the stock cpu kernel outside the registry, so it is the oracle whatever is registered. */
async function stockCpu(name: string, inputs: KernelInputs, attrs: NamedAttrMap) {
  await requireBackend("cpu");
  return await runKernelConfig(STOCK_CPU.get(name)!, inputs, attrs);
}

/** Runs the registered kernel on `backend` and checks it frees every intermediate. */
async function ours(backend: BackendName, name: string, inputs: KernelInputs, attrs: NamedAttrMap) {
  await requireBackend(backend);
  registerTrainingKernels(backend);
  return await runRegisteredKernel(name, inputs, attrs);
}

/** One random conv/pool case; the first few pin batch 1, stride 2 and both paddings. */
function convCase(rng: Rng, i: number) {
  const pick = (lo: number, hi: number) => randomInt(rng, lo, hi);
  const fh = pick(1, 4);
  const fw = i % 3 === 0 ? fh : pick(1, 4);
  const stride = i % 2 === 0 ? 1 : 2;
  const strides: [number, number] = i % 5 === 4 ? [1, 2] : [stride, stride];
  const pad = i % 4 < 2 ? "valid" : "same";
  const n = i % 3 === 1 ? 1 : pick(2, 3);
  return {
    n,
    h: pick(fh + 1, 11),
    w: pick(fw + 1, 11),
    cin: pick(1, 4),
    cout: pick(1, 5),
    fh,
    fw,
    strides,
    pad,
  };
}

const CASES = 12;

for (const backend of BACKENDS) {
  Deno.test(`Conv2DBackpropFilter and Conv2DBackpropInput on ${backend} match stock cpu`, async () => {
    const rng = new Rng(7);
    for (let i = 0; i < CASES; i++) {
      const c = convCase(rng, i);
      await requireBackend("cpu");
      const xShape: [number, number, number, number] = [c.n, c.h, c.w, c.cin];
      const fShape: [number, number, number, number] = [c.fh, c.fw, c.cin, c.cout];
      const yShape =
        tf.backend_util.computeConv2DInfo(xShape, fShape, c.strides, 1, c.pad as "same")
          .outShape;
      const x = randomValues(rng, xShape);
      const filter = randomValues(rng, fShape);
      const dy = randomValues(rng, yShape);
      const label = `${backend} case ${i} ${JSON.stringify(c)}`;
      const base = { strides: c.strides, pad: c.pad, dataFormat: "NHWC" };
      const fIn = { x, dy };
      const fAttrs = { ...base, filterShape: fShape };
      assertClose(
        await ours(backend, "Conv2DBackpropFilter", fIn, fAttrs),
        await stockCpu("Conv2DBackpropFilter", fIn, fAttrs),
        `dW ${label}`,
      );
      const iIn = { dy, filter };
      const iAttrs = { ...base, inputShape: xShape };
      assertClose(
        await ours(backend, "Conv2DBackpropInput", iIn, iAttrs),
        await stockCpu("Conv2DBackpropInput", iIn, iAttrs),
        `dX ${label}`,
      );
    }
  });

  Deno.test(`MaxPoolGrad on ${backend} matches stock cpu, ties and all-negative windows included`, async () => {
    const rng = new Rng(11);
    for (let i = 0; i < CASES; i++) {
      const c = convCase(rng, i);
      await requireBackend("cpu");
      const xShape = [c.n, c.h, c.w, c.cin];
      const xt = tf.relu(randomTensor(rng, xShape)).sub(i % 2 === 0 ? 0 : 0.5); // ties at 0, or all < 0
      const attrs = { filterSize: [c.fh, c.fw], strides: c.strides, pad: c.pad };
      const y = tf.maxPool(
        xt as tf.Tensor4D,
        attrs.filterSize as [number, number],
        c.strides,
        c.pad as "same",
      );
      const inputs = {
        dy: randomValues(rng, y.shape),
        input: { shape: xShape, values: xt.dataSync() as Float32Array },
        output: { shape: y.shape, values: y.dataSync() as Float32Array },
      };
      assertClose(
        await ours(backend, "MaxPoolGrad", inputs, attrs),
        await stockCpu("MaxPoolGrad", inputs, attrs),
        `${backend} case ${i} ${JSON.stringify(c)}`,
      );
    }
  });
}

for (const backend of BACKENDS) {
  Deno.test(`every conv gradient formulation on ${backend} matches stock cpu`, async () => {
    const rng = new Rng(17);
    for (let i = 0; i < 8; i++) {
      const c = convCase(rng, i);
      await requireBackend("cpu");
      const xShape: [number, number, number, number] = [c.n, c.h, c.w, c.cin];
      const fShape: [number, number, number, number] = [c.fh, c.fw, c.cin, c.cout];
      const yShape =
        tf.backend_util.computeConv2DInfo(xShape, fShape, c.strides, 1, c.pad as "same")
          .outShape;
      const v = {
        x: randomValues(rng, xShape),
        filter: randomValues(rng, fShape),
        dy: randomValues(rng, yShape),
      };
      const base = { strides: c.strides, pad: c.pad, dataFormat: "NHWC" };
      const fAttrs = { ...base, filterShape: fShape };
      const iAttrs = { ...base, inputShape: xShape };
      const wantW = await stockCpu("Conv2DBackpropFilter", { x: v.x, dy: v.dy }, fAttrs);
      const wantX = await stockCpu("Conv2DBackpropInput", { dy: v.dy, filter: v.filter }, iAttrs);
      await requireBackend(backend);
      const [x, filter, dy] = [v.x, v.filter, v.dy].map((t) => tf.tensor(t.values, t.shape));
      const ctx = { backend: tf.backend(), backendName: backend };
      const results = [
        [conv2dBackpropFilterViaConv2d(ctx, x, dy, fAttrs as never), wantW, "dW via conv2d"],
        [
          conv2dBackpropFilterViaMatMul(ctx, x, dy, fAttrs as never, "colsT·dy"),
          wantW,
          "dW colsT·dy",
        ],
        [
          conv2dBackpropFilterViaMatMul(ctx, x, dy, fAttrs as never, "dyT·cols"),
          wantW,
          "dW dyT·cols",
        ],
        [conv2dBackpropInputViaConv2d(ctx, dy, filter, iAttrs as never), wantX, "dX via conv2d"],
        [conv2dBackpropInputViaMatMul(ctx, dy, filter, iAttrs as never), wantX, "dX via matMul"],
      ] as const;
      for (const [info, want, label] of results) {
        assert.ok(info != null, `${label} declined NHWC`);
        const out = tf.engine().makeTensorFromTensorInfo(info);
        assertClose(
          out.dataSync() as Float32Array,
          want,
          `${label} case ${i} ${JSON.stringify(c)}`,
        );
        out.dispose();
      }
      tf.dispose([x, filter, dy]);
    }
  });
}

Deno.test("UnsortedSegmentSum on wasm matches stock cpu and drops out-of-range ids", async () => {
  const rng = new Rng(13);
  for (let i = 0; i < 6; i++) {
    const numIds = 1 + rng.int(20);
    const numSegments = 1 + rng.int(8);
    const slice = i % 2 === 0 ? [3] : [2, 4];
    const ids = Int32Array.from(
      { length: numIds },
      () => rng.int(numSegments + 2) - 1,
    );
    const inputs = {
      x: randomValues(rng, [numIds, ...slice]),
      segmentIds: { shape: [numIds], values: ids },
    };
    const attrs = { numSegments };
    assertClose(
      await ours("wasm", "UnsortedSegmentSum", inputs, attrs),
      await stockCpu("UnsortedSegmentSum", inputs, attrs),
      `case ${i}`,
    );
  }
});

Deno.test("Sum on wasm matches stock cpu over leading axes, other axes, keepDims and int32", async () => {
  const rng = new Rng(19);
  const pick = (lo: number, hi: number) => randomInt(rng, lo, hi);
  for (let i = 0; i < 12; i++) {
    const rank = pick(2, 4);
    const shape = Array.from({ length: rank }, () => pick(1, 7));
    // Mostly leading axes (the fast path); every fourth case a middle or full reduction (stock).
    const r = pick(1, rank - 1);
    const axis = i % 4 === 3
      ? (i % 8 === 3 ? [...Array(rank).keys()] : [rank - 1])
      : [...Array(r).keys()];
    const values = randomValues(rng, shape).values;
    const x = i === 5
      ? { shape, values: Int32Array.from(values, (v) => Math.round(v * 10)) }
      : { shape, values };
    const attrs = { axis, keepDims: i % 2 === 0 };
    const got = await ours("wasm", "Sum", { x }, attrs);
    assertClose(
      Float32Array.from(got),
      Float32Array.from(await stockCpu("Sum", { x }, attrs)),
      `case ${i} ${JSON.stringify({ shape, ...attrs })}`,
    );
  }
  // Shapes as well as values: keepDims and dropped axes as in the stock kernel.
  await requireBackend("wasm");
  registerTrainingKernels("wasm");
  const x = tf.ones([2, 3, 4, 5]);
  assert.deepEqual(tf.sum(x, [0, 1, 2], true).shape, [1, 1, 1, 5]);
  assert.deepEqual(tf.sum(x, [0, 1]).shape, [4, 5]);
  tf.dispose(x);
});

Deno.test("BatchMatMul on wasm matches stock cpu with every transpose, batched or not", async () => {
  const rng = new Rng(23);
  const pick = (lo: number, hi: number) => randomInt(rng, lo, hi);
  for (let i = 0; i < 12; i++) {
    const [transposeA, transposeB] = [(i & 1) === 1, (i & 2) === 2];
    const [m, k, n] = [pick(1, 9), pick(1, 9), pick(1, 9)];
    // Rank 2, rank 3 with batch 1, then batch 2 (the stock path).
    const batch = i < 4 ? [] : i < 8 ? [1] : [2];
    const aShape = [...batch, ...(transposeA ? [k, m] : [m, k])];
    const bShape = [...batch, ...(transposeB ? [n, k] : [k, n])];
    const inputs = {
      a: randomValues(rng, aShape),
      b: randomValues(rng, bShape),
    };
    const attrs = { transposeA, transposeB };
    assertClose(
      await ours("wasm", "BatchMatMul", inputs, attrs),
      await stockCpu("BatchMatMul", inputs, attrs),
      `case ${i} ${JSON.stringify({ aShape, bShape, ...attrs })}`,
    );
  }
});

Deno.test("Identity on wasm shares memory safely: values kept after the input is disposed", async () => {
  await requireBackend("wasm");
  registerTrainingKernels("wasm");
  const before = tf.backend().numDataIds();
  const x = tf.tensor([1, -2, 3.5, 4], [2, 2]);
  const y = tf.engine().runKernel("Identity", { x }) as tf.Tensor;
  assert.equal(tf.backend().numDataIds(), before + 1, "Identity allocated instead of sharing");
  x.dispose();
  assert.deepEqual(Array.from(await y.data()), [1, -2, 3.5, 4]);
  y.dispose();
  assert.equal(tf.backend().numDataIds(), before, "Identity leaked data");
});
