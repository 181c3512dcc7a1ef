import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { backendStatus, useBackend } from "./backends.ts";
import { prepareKernels } from "./kernel_mode.ts";

const webgpu = await backendStatus("webgpu");

Deno.test({
  name: "a large-K matmul repeats bit for bit on webgpu with the project's kernels",
  ignore: !webgpu.available,
  async fn() {
    await useBackend("webgpu");
    prepareKernels("webgpu", "default");
    // [64,9216] x [9216,128] is article 000's fc1: tfjs picks its split-K program (atomic
    // adds in GPU order) for it, which gave a different result on every call here.
    const a = tf.randomNormal([64, 9216], 0, 1, "float32", 1);
    const b = tf.randomNormal([9216, 128], 0, 1, "float32", 2);
    const bits = async () => {
      const c = tf.matMul(a, b);
      const out = new Uint32Array((await c.data() as Float32Array).slice().buffer);
      c.dispose();
      return out;
    };
    const first = await bits();
    for (let i = 0; i < 4; i++) assert.deepEqual(await bits(), first);
    tf.dispose([a, b]);
    prepareKernels("webgpu", "stock");
    assert.equal(tf.env().getNumber("WEBGPU_MATMUL_PROGRAM_TYPE"), -1);
    await tf.setBackend("cpu");
  },
});
