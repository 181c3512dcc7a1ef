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
import { mulberry32, randomTensor } from "./_backends.ts";
import { registerTrainingKernels, restoreStockKernels } from "./mod.ts";

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
for (const k of ["Conv2D", "FusedConv2D", "Conv2DBackpropFilter", "Conv2DBackpropInput"]) {
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

function assertClose(got: Float32Array, want: Float32Array, label: string): void {
  assert.equal(got.length, want.length, `${label}: length`);
  let diff = 0;
  let scale = 1e-6;
  for (let i = 0; i < got.length; i++) {
    diff = Math.max(diff, Math.abs(got[i] - want[i]));
    scale = Math.max(scale, Math.abs(want[i]));
  }
  assert.ok(diff / scale <= 1e-4, `${label}: relative error ${diff / scale}`);
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
    ]);
    assert.notEqual(getKernel("Conv2D", "webgpu"), stock);
    assert.deepEqual(restoreStockKernels("webgpu"), provided);
    assert.equal(getKernel("Conv2D", "webgpu"), stock);
  },
});
