/**
 * Oracle tests for the webgpu direct convolution and the gradients built on it, against
 * tfjs's stock cpu kernels on seeded random shapes: strides 1 and 2, dilation,
 * valid/same/explicit padding, output channels that are and are not multiples of 4 and 16,
 * bias and relu. They run where WebGPU has a software adapter (CI installs Mesa's lavapipe);
 * elsewhere they are reported as ignored.
 */
import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import type { NamedAttrMap } from "@tensorflow/tfjs-core";
import { Rng } from "../../core/rng.ts";
import {
  assertClose,
  captureKernels,
  type KernelInputs,
  randomInt,
  randomValues,
  runOnBackend,
  webgpuIgnored,
} from "../../testing/mod.ts";
import { registerTrainingKernels, restoreStockKernels } from "./mod.ts";
import { directConv2d } from "./webgpu_conv2d.ts";

const ignore = await webgpuIgnored("webgpu convolution tests");
const STOCK_CPU = captureKernels(
  ["Conv2D", "FusedConv2D", "Conv2DBackpropFilter", "Conv2DBackpropInput"],
  "cpu",
);

/** The kernel `name` as registered on webgpu, or its stock cpu oracle. */
const run = (backend: "cpu" | "webgpu", name: string, inputs: KernelInputs, attrs: NamedAttrMap) =>
  runOnBackend(backend, name, inputs, attrs, STOCK_CPU);

/** One random case; the first few pin batch 1, stride 2, dilation, both paddings. */
function convCase(rng: Rng, i: number) {
  const pick = (lo: number, hi: number) => randomInt(rng, lo, hi);
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
      const rng = new Rng(29);
      for (let i = 0; i < 14; i++) {
        const c = convCase(rng, i);
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
        const v = (shape: number[]) => randomValues(rng, shape);
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
