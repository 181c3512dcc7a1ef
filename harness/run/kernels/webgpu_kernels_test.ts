/**
 * Oracle tests for the webgpu kernels (direct convolution and the gradients built on it)
 * against tfjs's stock cpu kernels, on seeded random shapes: strides 1 and 2, dilation,
 * valid/same/explicit padding, output channels that are and are not multiples of 4 and 16,
 * bias and relu. They run where WebGPU has a software adapter (CI installs Mesa's lavapipe);
 * elsewhere they are reported as ignored.
 */
import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { getKernel, type KernelConfig, type NamedAttrMap } from "@tensorflow/tfjs-core";
import { backendStatus } from "../backends.ts";
import { assertClose, mulberry32, randomTensor } from "../../testing/tf_backends.ts";
import { registerTrainingKernels, restoreStockKernels, takeKernelUses } from "./mod.ts";
import { directMatMul } from "./webgpu_matmul.ts";
import { directConv2d } from "./webgpu_conv2d.ts";

const status = await backendStatus("webgpu");
const software = status.available && status.info.software === true;
const ignore = !software;
if (ignore) {
  console.warn(
    `webgpu kernel tests ignored: ${
      status.available ? "the adapter is a hardware GPU" : status.reason
    }`,
  );
}

const STOCK_CPU = new Map<string, KernelConfig>();
for (
  const k of [
    "Conv2D",
    "FusedConv2D",
    "Conv2DBackpropFilter",
    "Conv2DBackpropInput",
    "BatchMatMul",
    "_FusedMatMul",
  ]
) {
  STOCK_CPU.set(k, getKernel(k, "cpu") as KernelConfig);
}

type Inputs = Record<string, { shape: number[]; values: Float32Array }>;

async function run(backend: string, name: string, inputs: Inputs, attrs: NamedAttrMap) {
  await tf.setBackend(backend);
  const ts = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [k, tf.tensor(v.values, v.shape)]),
  );
  const before = tf.backend().numDataIds();
  let out: tf.Tensor;
  if (backend === "cpu") {
    const info = STOCK_CPU.get(name)!.kernelFunc({ inputs: ts, backend: tf.backend(), attrs });
    out = tf.engine().makeTensorFromTensorInfo(Array.isArray(info) ? info[0] : info);
  } else {
    out = tf.engine().runKernel(name, ts, attrs) as tf.Tensor;
    assert.equal(tf.backend().numDataIds(), before + 1, `${name} on ${backend} leaked data`);
  }
  const values = (await out.data()) as Float32Array;
  tf.dispose([out, ...Object.values(ts)]);
  return values;
}

/** One random case; the first few pin batch 1, stride 2, dilation, both paddings. */
function convCase(rand: () => number, i: number) {
  const pick = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const fh = pick(1, 4);
  const fw = i % 3 === 0 ? fh : pick(1, 4);
  const strides: [number, number] = i % 5 === 4 ? [1, 2] : i % 2 === 0 ? [1, 1] : [2, 2];
  // Dilation only with stride 1 (tfjs refuses both above 1).
  const dilations: [number, number] = strides[0] === 1 && strides[1] === 1 && i % 4 === 2
    ? [2, 1]
    : [1, 1];
  const pad = i % 6 === 5 ? [[0, 0], [1, 2], [0, 1], [0, 0]] : i % 4 < 2 ? "valid" : "same";
  const cout = [1, 3, 4, 8, 16, 20, 32][i % 7];
  return {
    n: i % 3 === 1 ? 1 : pick(2, 3),
    h: pick(fh * dilations[0] + 1, 12),
    w: pick(fw + 1, 12),
    cin: pick(1, 5),
    cout,
    fh,
    fw,
    strides,
    dilations,
    pad,
  };
}

Deno.test({
  name: "webgpu direct Conv2D, FusedConv2D and both conv gradients match stock cpu",
  ignore,
  async fn() {
    registerTrainingKernels("webgpu");
    try {
      const rand = mulberry32(29);
      for (let i = 0; i < 14; i++) {
        const c = convCase(rand, i);
        await tf.setBackend("cpu");
        const xShape: [number, number, number, number] = [c.n, c.h, c.w, c.cin];
        const fShape: [number, number, number, number] = [c.fh, c.fw, c.cin, c.cout];
        const yShape = tf.backend_util.computeConv2DInfo(
          xShape,
          fShape,
          c.strides,
          c.dilations,
          c.pad as "same",
        ).outShape;
        const v = (shape: number[]) => ({
          shape,
          values: randomTensor(rand, shape).dataSync() as Float32Array,
        });
        const [x, filter, dy, bias] = [v(xShape), v(fShape), v(yShape), v([c.cout])];
        const label = `case ${i} ${JSON.stringify(c)}`;
        const base = { strides: c.strides, pad: c.pad, dataFormat: "NHWC" };
        const convAttrs = { ...base, dilations: c.dilations };
        for (
          const [name, inputs, attrs] of [
            ["Conv2D", { x, filter }, convAttrs],
            ["FusedConv2D", { x, filter, bias }, { ...convAttrs, activation: "relu" }],
            ["FusedConv2D", { x, filter, bias }, { ...convAttrs, activation: "linear" }],
          ] as const
        ) {
          assertClose(
            await run("webgpu", name, inputs, attrs),
            await run("cpu", name, inputs, attrs),
            `${name} ${JSON.stringify(attrs)} ${label}`,
          );
        }
        // tfjs computes the gradients for dilation 1 only.
        if (c.dilations[0] !== 1) continue;
        const fIn = { x, dy }, fAttrs = { ...base, filterShape: fShape };
        assertClose(
          await run("webgpu", "Conv2DBackpropFilter", fIn, fAttrs),
          await run("cpu", "Conv2DBackpropFilter", fIn, fAttrs),
          `dW ${label}`,
        );
        const iIn = { dy, filter }, iAttrs = { ...base, inputShape: xShape };
        assertClose(
          await run("webgpu", "Conv2DBackpropInput", iIn, iAttrs),
          await run("cpu", "Conv2DBackpropInput", iIn, iAttrs),
          `dX ${label}`,
        );
      }
    } finally {
      restoreStockKernels("webgpu");
    }
  },
});

/** The direct product of `a` and `b` (no size threshold) on webgpu, read back. */
async function direct(
  a: Inputs[string],
  b: Inputs[string],
  attrs: { transposeA: boolean; transposeB: boolean; activation?: string },
  bias?: Inputs[string],
): Promise<Float32Array | null> {
  await tf.setBackend("webgpu");
  const [ta, tb] = [tf.tensor(a.values, a.shape), tf.tensor(b.values, b.shape)];
  const tbias = bias == null ? null : tf.tensor(bias.values, bias.shape);
  const ctx = { backend: tf.backend(), backendName: "webgpu" };
  const before = tf.backend().numDataIds();
  const info = directMatMul(
    ctx,
    ta,
    tb,
    attrs.transposeA,
    attrs.transposeB,
    tbias,
    attrs.activation ?? null,
    0,
  );
  if (info == null) {
    assert.equal(tf.backend().numDataIds(), before, "a declined product leaked data");
    tf.dispose([ta, tb, ...(tbias ? [tbias] : [])]);
    return null;
  }
  assert.equal(tf.backend().numDataIds(), before + 1, "the direct product leaked data");
  const out = tf.engine().makeTensorFromTensorInfo(info);
  const values = (await out.data()) as Float32Array;
  tf.dispose([out, ta, tb, ...(tbias ? [tbias] : [])]);
  return values;
}

Deno.test({
  name: "webgpu direct matrix product matches stock cpu with every transpose, bias and relu",
  ignore,
  async fn() {
    const rand = mulberry32(31);
    const pick = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
    for (let i = 0; i < 16; i++) {
      const [transposeA, transposeB] = [(i & 1) === 1, (i & 2) === 2];
      const [m, k, n] = [pick(1, 9), pick(1, 40), [1, 3, 4, 10, 16, 33][i % 6]];
      // Rank 2, rank 3 with batch 1, then batch 2 (declined: the stock kernel's).
      const batch = i < 8 ? [] : i < 12 ? [1] : [2];
      const aShape = [...batch, ...(transposeA ? [k, m] : [m, k])];
      const bShape = [...batch, ...(transposeB ? [n, k] : [k, n])];
      await tf.setBackend("cpu");
      const v = (shape: number[]) => ({
        shape,
        values: randomTensor(rand, shape).dataSync() as Float32Array,
      });
      const [a, b, bias] = [v(aShape), v(bShape), v([n])];
      const label = `case ${i} ${JSON.stringify({ aShape, bShape, transposeA, transposeB })}`;
      const attrs = { transposeA, transposeB };
      const plain = await direct(a, b, attrs);
      const activation = ["relu", "linear", "elu"][i % 3];
      const fused = await direct(a, b, { ...attrs, activation }, bias);
      if (batch[0] === 2 || activation === "elu") {
        assert.equal(fused, null, `declined: ${label}`);
        if (batch[0] === 2) assert.equal(plain, null, `declined: ${label}`);
      }
      if (plain != null) {
        assertClose(plain, await run("cpu", "BatchMatMul", { a, b }, attrs), `product ${label}`);
      }
      if (fused != null) {
        const want = await run("cpu", "_FusedMatMul", { a, b, bias }, { ...attrs, activation });
        assertClose(fused, want, `${activation} ${label}`);
      }
    }
  },
});

Deno.test({
  name: "webgpu BatchMatMul and _FusedMatMul kernels: large products direct, small ones stock",
  ignore,
  async fn() {
    registerTrainingKernels("webgpu");
    takeKernelUses();
    try {
      const rand = mulberry32(37);
      await tf.setBackend("cpu");
      const v = (shape: number[]) => ({
        shape,
        values: randomTensor(rand, shape).dataSync() as Float32Array,
      });
      // [64, 300] x [64, 300]^T: 1.2 million multiply-adds (direct); [8, 30] x [30, 20] (stock).
      for (
        const [aShape, bShape, transposeB] of [[[64, 300], [64, 300], true], [
          [8, 30],
          [30, 20],
          false,
        ]] as const
      ) {
        const [a, b, bias] = [
          v([...aShape]),
          v([...bShape]),
          v([transposeB ? bShape[0] : bShape[1]]),
        ];
        const attrs = { transposeA: false, transposeB };
        assertClose(
          await run("webgpu", "BatchMatMul", { a, b }, attrs),
          await run("cpu", "BatchMatMul", { a, b }, attrs),
          `BatchMatMul ${aShape} x ${bShape}`,
        );
        const fused = { ...attrs, activation: "relu" };
        assertClose(
          await run("webgpu", "_FusedMatMul", { a, b, bias }, fused),
          await run("cpu", "_FusedMatMul", { a, b, bias }, fused),
          `_FusedMatMul ${aShape} x ${bShape}`,
        );
      }
      // Both calls of each kernel were counted as the project's (the wrapper counts them).
      const uses = Object.fromEntries(takeKernelUses().map((u) => [u.kernel, u.calls]));
      assert.equal(uses["BatchMatMul@webgpu:direct"], 2);
      assert.equal(uses["_FusedMatMul@webgpu:direct"], 2);
      // Which of the two the direct shader takes at the default threshold.
      await tf.setBackend("webgpu");
      const ctx = { backend: tf.backend(), backendName: "webgpu" };
      const [big, small] = [tf.zeros([64, 300]), tf.zeros([300, 64])];
      const out = directMatMul(ctx, big, small, false, false);
      assert.ok(out != null, "a 1.2 million multiply-add product declined");
      tf.engine().makeTensorFromTensorInfo(out).dispose();
      const [a, b] = [tf.zeros([8, 30]), tf.zeros([30, 20])];
      assert.equal(directMatMul(ctx, a, b, false, false), null);
      tf.dispose([big, small, a, b]);
    } finally {
      restoreStockKernels("webgpu");
    }
  },
});

Deno.test({
  name: "webgpu direct convolution declines a bias that is not one value per output channel",
  ignore,
  async fn() {
    await tf.setBackend("webgpu");
    const backend = tf.backend();
    const [x, filter] = [tf.ones([1, 4, 4, 2]), tf.ones([2, 2, 2, 3])];
    const attrs = { strides: 1, pad: "valid", dataFormat: "NHWC", dilations: 1 } as const;
    // A scalar and a 1-element bias would broadcast; the shader would read past them.
    for (const bias of [tf.scalar(1), tf.tensor1d([1])]) {
      assert.equal(directConv2d(backend, x, filter, attrs, bias, "relu"), null);
      bias.dispose();
    }
    const bias = tf.tensor1d([1, 2, 3]);
    const out = directConv2d(backend, x, filter, attrs, bias, "linear");
    assert.ok(out != null, "a per-channel bias was declined");
    const y = tf.engine().makeTensorFromTensorInfo(out);
    // Each output sums 2x2x2 ones (8) plus its channel's bias.
    assert.deepEqual(Array.from(await y.data()).slice(0, 3), [9, 10, 11]);
    tf.dispose([x, filter, bias, y]);
  },
});

Deno.test({
  name: "webgpu kernels: registered on a software adapter, recorded by name, undone by restore",
  ignore,
  fn() {
    const stock = getKernel("Conv2D", "webgpu");
    const provided = registerTrainingKernels("webgpu");
    assert.deepEqual(provided, [
      "Conv2D@webgpu:direct",
      "FusedConv2D@webgpu:direct",
      "Conv2DBackpropFilter@webgpu:conv2d",
      "Conv2DBackpropInput@webgpu:conv2d",
      "BatchMatMul@webgpu:direct",
      "_FusedMatMul@webgpu:direct",
    ]);
    assert.notEqual(getKernel("Conv2D", "webgpu"), stock);
    assert.deepEqual(restoreStockKernels("webgpu"), provided);
    assert.equal(getKernel("Conv2D", "webgpu"), stock);
  },
});
