/**
 * Oracle tests for the webgpu matrix products through the direct convolution shader,
 * against tfjs's stock cpu kernels on seeded random shapes: every transpose, batch 1 and 2,
 * bias and activations, and the size threshold between the direct shader and the stock
 * kernel. They run where WebGPU has a software adapter (CI installs Mesa's lavapipe);
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
  type TensorData,
  webgpuIgnored,
} from "../../testing/mod.ts";
import { registerTrainingKernels, restoreStockKernels, takeKernelUses } from "./mod.ts";
import { directMatMul } from "./webgpu_matmul.ts";

const ignore = await webgpuIgnored("webgpu matrix product tests");
const STOCK_CPU = captureKernels(["BatchMatMul", "_FusedMatMul"], "cpu");

/** The kernel `name` as registered on webgpu, or its stock cpu oracle. */
const run = (backend: "cpu" | "webgpu", name: string, inputs: KernelInputs, attrs: NamedAttrMap) =>
  runOnBackend(backend, name, inputs, attrs, STOCK_CPU);

/** The direct product of `a` and `b` (no size threshold) on webgpu, read back. */
async function direct(
  a: TensorData,
  b: TensorData,
  attrs: { transposeA: boolean; transposeB: boolean; activation?: string },
  bias?: TensorData,
): Promise<Float32Array | null> {
  await tf.setBackend("webgpu");
  const [ta, tb] = [tf.tensor(a.values, a.shape), tf.tensor(b.values, b.shape)];
  const tbias = bias == null ? null : tf.tensor(bias.values, bias.shape);
  const ctx = { backend: tf.backend(), backendName: "webgpu" };
  const before = tf.backend().numDataIds();
  const { transposeA, transposeB, activation } = attrs;
  const info = directMatMul(ctx, ta, tb, {
    transposeA,
    transposeB,
    bias: tbias,
    activation,
    minMacs: 0,
  });
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
    const rng = new Rng(31);
    const pick = (lo: number, hi: number) => randomInt(rng, lo, hi);
    for (let i = 0; i < 16; i++) {
      const [transposeA, transposeB] = [(i & 1) === 1, (i & 2) === 2];
      const [m, k, n] = [pick(1, 9), pick(1, 40), [1, 3, 4, 10, 16, 33][i % 6]];
      // Rank 2, rank 3 with batch 1, then batch 2 (declined: the stock kernel's).
      const batch = i < 8 ? [] : i < 12 ? [1] : [2];
      const aShape = [...batch, ...(transposeA ? [k, m] : [m, k])];
      const bShape = [...batch, ...(transposeB ? [n, k] : [k, n])];
      await tf.setBackend("cpu");
      const v = (shape: number[]) => randomValues(rng, shape);
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
      const rng = new Rng(37);
      await tf.setBackend("cpu");
      const v = (shape: number[]) => randomValues(rng, shape);
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
      const out = directMatMul(ctx, big, small);
      assert.ok(out != null, "a 1.2 million multiply-add product declined");
      tf.engine().makeTensorFromTensorInfo(out).dispose();
      const [a, b] = [tf.zeros([8, 30]), tf.zeros([30, 20])];
      assert.equal(directMatMul(ctx, a, b), null);
      tf.dispose([big, small, a, b]);
    } finally {
      restoreStockKernels("webgpu");
    }
  },
});
