/**
 * Kernel benchmarks for `deno bench` (`deno task bench:kernels`): per kernel and backend, tfjs's
 * stock kernel (the baseline) against this folder's, on the Keras MNIST CNN's batch-64 shapes,
 * then that CNN's whole training step with this folder's kernels.
 *
 * Backends: `REPROBENCH_BENCH_BACKENDS` (default `wasm,cpu`). Stock cpu convolution gradients
 * take seconds to a minute per call, so they are ignored unless `REPROBENCH_SLOW_STOCK=1`; a
 * kernel tfjs does not ship for a backend (wasm's Conv2DBackpropFilter) shows as ignored.
 */
import * as tf from "@tensorflow/tfjs";
import { getKernel, type KernelConfig, type NamedAttrMap } from "@tensorflow/tfjs-core";
import type { BackendName } from "../../core/experiment.ts";
import { Rng } from "../../core/rng.ts";
import { kerasMnistCnn, randomTensor } from "../../testing/mod.ts";
import { useBackend } from "../backends.ts";
import { registerTrainingKernels, restoreStockKernels } from "./mod.ts";

const BACKENDS = (Deno.env.get("REPROBENCH_BENCH_BACKENDS") ?? "wasm,cpu").split(
  ",",
) as BackendName[];
const SLOW_STOCK = Deno.env.get("REPROBENCH_SLOW_STOCK") === "1";
const rng = new Rng(1);

/** Uniform values in [-1, 1) from the benchmark's own seeded generator. */
const uniform = (shape: number[]) => randomTensor(rng, shape);

interface Case {
  kernel: string;
  label: string;
  inputs: Record<string, tf.Tensor>;
  attrs: NamedAttrMap;
  /** A stock cpu call of minutes: ignored unless REPROBENCH_SLOW_STOCK=1. */
  slowOnCpu: boolean;
}

/** The CNN's kernels at batch 64: its three convolutions, bias sums, dense products, pools. */
function cases(): Case[] {
  const out: Case[] = [];
  const base = { strides: 1, pad: "valid", dataFormat: "NHWC" };
  for (const [h, cin, cout] of [[28, 1, 32], [13, 32, 64], [5, 64, 64]]) {
    const [x, f, dy] = [
      uniform([64, h, h, cin]),
      uniform([3, 3, cin, cout]),
      uniform([64, h - 2, h - 2, cout]),
    ];
    const label = `[64,${h},${h},${cin}]*[3,3,${cin},${cout}]`;
    out.push({
      kernel: "Conv2D",
      label,
      inputs: { x, filter: f },
      attrs: { ...base, dilations: 1 },
      slowOnCpu: false,
    });
    out.push({
      kernel: "Conv2DBackpropFilter",
      label,
      inputs: { x, dy },
      attrs: { ...base, filterShape: [3, 3, cin, cout] },
      slowOnCpu: cin > 1,
    });
    if (cin > 1) {
      out.push({
        kernel: "Conv2DBackpropInput",
        label,
        inputs: { dy, filter: f },
        attrs: { ...base, inputShape: [64, h, h, cin] },
        slowOnCpu: true,
      });
    }
  }
  for (const shape of [[64, 26, 26, 32], [64, 11, 11, 64]]) {
    out.push({
      kernel: "Sum",
      label: `[${shape}] over N,H,W`,
      inputs: { x: uniform(shape) },
      attrs: { axis: [0, 1, 2], keepDims: false },
      slowOnCpu: false,
    });
  }
  const [x2, dy2] = [uniform([64, 576]), uniform([64, 64])];
  out.push({
    kernel: "BatchMatMul",
    label: "[64,576]T*[64,64] (dW)",
    inputs: { a: x2, b: dy2 },
    attrs: { transposeA: true, transposeB: false },
    slowOnCpu: false,
  });
  out.push({
    kernel: "BatchMatMul",
    label: "[64,64]*[576,64]T (dx)",
    inputs: { a: dy2, b: uniform([576, 64]) },
    attrs: { transposeA: false, transposeB: true },
    slowOnCpu: false,
  });
  for (const [h, c] of [[26, 32], [11, 64]]) {
    const input = tf.relu(uniform([64, h, h, c]));
    const output = tf.maxPool(input as tf.Tensor4D, 2, 2, "valid");
    out.push({
      kernel: "MaxPoolGrad",
      label: `[64,${h},${h},${c}] pool 2`,
      inputs: { dy: uniform(output.shape), input, output },
      attrs: { filterSize: 2, strides: 2, pad: "valid" },
      slowOnCpu: false,
    });
  }
  return out;
}

/**
 * One timed call: fresh copies of the inputs made outside the timing (XNNPACK caches the packed
 * right operand of a product per tensor, so reused inputs would hide a cost every training step
 * pays), the output read back inside it.
 */
async function timedCall(
  b: Deno.BenchContext,
  backend: BackendName,
  config: KernelConfig,
  c: Case,
) {
  if (tf.getBackend() !== backend) await tf.setBackend(backend);
  const fresh = Object.fromEntries(
    Object.entries(c.inputs).map(([k, t]) => [k, t.dtype === "float32" ? tf.add(t, 0) : t]),
  );
  b.start();
  const out = config.kernelFunc({ inputs: fresh, backend: tf.backend(), attrs: c.attrs });
  const info = Array.isArray(out) ? out[0] : out;
  tf.backend().readSync(info.dataId);
  b.end();
  tf.backend().disposeData(info.dataId);
  tf.dispose(Object.values(fresh).filter((t) => !Object.values(c.inputs).includes(t)));
}

for (const backend of BACKENDS) {
  if (!(await useBackend(backend)).available) continue;
  restoreStockKernels(backend);
  const kernels = [
    "Conv2D",
    "Conv2DBackpropFilter",
    "Conv2DBackpropInput",
    "MaxPoolGrad",
    "Sum",
    "BatchMatMul",
  ];
  const stock = new Map(kernels.map((k) => [k, getKernel(k, backend)]));
  registerTrainingKernels(backend);
  // JS kernels reach optimized code after ~10-20 calls; a cpu call can take a second.
  const [n, warmup] = backend === "cpu" ? [3, 1] : [30, 15];
  for (const c of cases()) {
    const group = `${backend} ${c.kernel} ${c.label}`;
    const s = stock.get(c.kernel);
    const ours = getKernel(c.kernel, backend)!;
    Deno.bench({
      name: s ? "stock" : "stock (tfjs ships none for this backend)",
      group,
      baseline: true,
      ignore: !s || (backend === "cpu" && c.slowOnCpu && !SLOW_STOCK),
      n: backend === "cpu" && c.slowOnCpu ? 1 : n,
      warmup: backend === "cpu" && c.slowOnCpu ? 0 : warmup,
      fn: (b) => timedCall(b, backend, s!, c),
    });
    Deno.bench({
      name: s === ours ? "ours (the stock kernel: nothing replaced)" : "ours",
      group,
      n,
      warmup,
      fn: (b) => timedCall(b, backend, ours, c),
    });
  }

  // The whole training step of the Keras MNIST CNN (article 001) with this folder's kernels.
  const model = kerasMnistCnn();
  const x = uniform([64, 28, 28, 1]);
  const y = tf.oneHot(tf.tensor1d(Array.from({ length: 64 }, (_, i) => i % 10), "int32"), 10);
  Deno.bench({
    name: `${backend}: Keras MNIST CNN train step, batch 64`,
    group: "train step",
    n: backend === "cpu" ? 3 : 20,
    warmup: backend === "cpu" ? 1 : 15,
    fn: async (b) => {
      if (tf.getBackend() !== backend) await tf.setBackend(backend);
      b.start();
      await model.trainOnBatch(x, y); // resolves after the loss is read back
      b.end();
    },
  });
}
