/**
 * The webgpu kernels' registration: only on a software adapter (CI installs Mesa's
 * lavapipe), each recorded by name, all undone by a restore. Elsewhere reported as ignored.
 */
import assert from "node:assert/strict";
import { getKernel } from "@tensorflow/tfjs-core";
import { webgpuIgnored } from "../../testing/mod.ts";
import { registerTrainingKernels, restoreStockKernels } from "./mod.ts";

const ignore = await webgpuIgnored("webgpu registration tests");

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
