/**
 * Kernel and training benchmark (not a test): per-kernel medians, stock vs
 * this folder's, on the Keras MNIST CNN's batch-64 shapes, then that CNN's
 * training throughput per backend.
 *
 *   deno run -A harness/run/kernels/microbench.ts [--backends=wasm,cpu] [--steps=20] [--slow-stock]
 *
 * Stock cpu conv gradients take seconds to a minute per call, so they run only
 * with --slow-stock; stock wasm lacks Conv2DBackpropFilter, shown as "missing".
 */
import * as tf from "@tensorflow/tfjs";
import { parseArgs } from "node:util";
import { getKernel, type KernelConfig, type NamedAttrMap } from "@tensorflow/tfjs-core";
import type { BackendName } from "../../core/experiment.ts";
import { Rng } from "../../core/rng.ts";
import { median } from "../../core/stats/mod.ts";
import { kerasMnistCnn, randomTensor, requireBackend } from "../../testing/mod.ts";
import { registerTrainingKernels, restoreStockKernels } from "./mod.ts";

const { values: flags } = parseArgs({
  args: Deno.args,
  options: {
    backends: { type: "string", default: "wasm,cpu" },
    steps: { type: "string", default: "20" },
    "slow-stock": { type: "boolean", default: false },
  },
  strict: true,
});

const rng = new Rng(1);

/**
 * Median ms of `reps` timed calls, after warm-ups (JS kernels need ~10-20
 * calls to reach optimized code) unless `reps` is 1 (the minute-long stock cpu
 * kernels); the output is read inside the timing. Each call gets fresh copies
 * of its inputs, made outside the timing, as in training: XNNPACK caches the
 * packed right operand of a product per tensor, so reusing inputs would hide
 * a packing cost that every training step pays (~10 ms for [43264, 32]).
 */
function time(
  config: KernelConfig,
  inputs: Record<string, tf.Tensor>,
  attrs: NamedAttrMap,
  reps: number,
) {
  const ms: number[] = [];
  const warmups = reps > 1 ? 10 : 0;
  for (let i = 0; i < reps + warmups; i++) {
    const fresh = Object.fromEntries(
      Object.entries(inputs).map(([k, t]) => [k, t.dtype === "float32" ? tf.add(t, 0) : t]),
    );
    const t0 = performance.now();
    const out = config.kernelFunc({ inputs: fresh, backend: tf.backend(), attrs });
    const info = Array.isArray(out) ? out[0] : out;
    tf.backend().readSync(info.dataId);
    if (i >= warmups) ms.push(performance.now() - t0);
    tf.backend().disposeData(info.dataId);
    tf.dispose(Object.values(fresh).filter((t) => !Object.values(inputs).includes(t)));
  }
  return median(ms);
}

type Case = {
  kernel: string;
  label: string;
  inputs: Record<string, tf.Tensor>;
  attrs: NamedAttrMap;
  big: boolean;
};

function mnistCases(): Case[] {
  const cases: Case[] = [];
  const layers = [[28, 1, 32], [13, 32, 64], [5, 64, 64]] as const;
  for (const [h, cin, cout] of layers) {
    const x = randomTensor(rng, [64, h, h, cin]);
    const f = randomTensor(rng, [3, 3, cin, cout]);
    const dy = randomTensor(rng, [64, h - 2, h - 2, cout]);
    const base = { strides: 1, pad: "valid", dataFormat: "NHWC" };
    const label = `[64,${h},${h},${cin}]*[3,3,${cin},${cout}]`;
    cases.push({
      kernel: "Conv2D",
      label,
      inputs: { x, filter: f },
      attrs: { ...base, dilations: 1 },
      big: false,
    });
    cases.push({
      kernel: "Conv2DBackpropFilter",
      label,
      inputs: { x, dy },
      attrs: { ...base, filterShape: [3, 3, cin, cout] },
      big: cin > 1,
    });
    if (cin > 1) {
      cases.push({
        kernel: "Conv2DBackpropInput",
        label,
        inputs: { dy, filter: f },
        attrs: { ...base, inputShape: [64, h, h, cin] },
        big: true,
      });
    }
  }
  // Bias gradients (Sum over N, H, W) and the Dense layers' transposed products.
  for (const shape of [[64, 26, 26, 32], [64, 11, 11, 64]]) {
    cases.push({
      kernel: "Sum",
      label: `[${shape}] over N,H,W`,
      inputs: { x: randomTensor(rng, shape) },
      attrs: { axis: [0, 1, 2], keepDims: false },
      big: false,
    });
  }
  const [x2, dy2] = [randomTensor(rng, [64, 576]), randomTensor(rng, [64, 64])];
  cases.push({
    kernel: "BatchMatMul",
    label: "[64,576]T*[64,64] (dW)",
    inputs: { a: x2, b: dy2 },
    attrs: { transposeA: true, transposeB: false },
    big: false,
  });
  cases.push({
    kernel: "BatchMatMul",
    label: "[64,64]*[576,64]T (dx)",
    inputs: { a: dy2, b: randomTensor(rng, [576, 64]) },
    attrs: { transposeA: false, transposeB: true },
    big: false,
  });
  for (const [h, c] of [[26, 32], [11, 64]] as const) {
    const input = tf.relu(randomTensor(rng, [64, h, h, c]));
    const output = tf.maxPool(input as tf.Tensor4D, 2, 2, "valid");
    const dy = randomTensor(rng, output.shape);
    cases.push({
      kernel: "MaxPoolGrad",
      label: `[64,${h},${h},${c}] pool 2`,
      inputs: { dy, input, output },
      attrs: { filterSize: 2, strides: 2, pad: "valid" },
      big: false,
    });
  }
  return cases;
}

async function kernelTable(backend: BackendName) {
  await requireBackend(backend);
  restoreStockKernels(backend);
  const stock = new Map(
    ["Conv2D", "Conv2DBackpropFilter", "Conv2DBackpropInput", "MaxPoolGrad", "Sum", "BatchMatMul"]
      .map((k) => [k, getKernel(k, backend)]),
  );
  registerTrainingKernels(backend);
  const reps = backend === "cpu" ? 3 : 15;
  const cases = mnistCases();
  for (const c of cases) {
    const mine = getKernel(c.kernel, backend)!;
    const s = stock.get(c.kernel);
    const skipStock = backend === "cpu" && c.big && !flags["slow-stock"];
    const stockMs = s == null
      ? "missing"
      : skipStock
      ? "skipped"
      : time(s, c.inputs, c.attrs, backend === "cpu" && c.big ? 1 : reps).toFixed(2);
    const ours = s === mine ? "(stock)" : time(mine, c.inputs, c.attrs, reps).toFixed(2);
    console.log(
      `${backend}\t${c.kernel.padEnd(21)}\t${
        c.label.padEnd(24)
      }\tstock ${stockMs}\tours ${ours} ms`,
    );
  }
  tf.dispose(cases.flatMap((c) => Object.values(c.inputs)));
}

async function trainingRate(backend: BackendName, steps: number) {
  await requireBackend(backend);
  registerTrainingKernels(backend);
  const model = kerasMnistCnn();
  const x = randomTensor(rng, [64, 28, 28, 1]);
  const y = tf.oneHot(tf.tensor1d(Array.from({ length: 64 }, (_, i) => i % 10), "int32"), 10);
  // JS kernels reach optimized code only after ~10-20 calls, one per step.
  const warmups = backend === "cpu" ? 1 : 15;
  const ms: number[] = [];
  for (let i = 0; i < steps + warmups; i++) {
    const t0 = performance.now();
    await model.trainOnBatch(x, y); // resolves after the loss is read back
    ms.push(performance.now() - t0);
  }
  const steady = median(ms.slice(warmups));
  // Where one step's time goes, by kernel (ours count whole, nested kernels included).
  const profile = await tf.profile(async () => {
    await model.trainOnBatch(x, y);
  });
  const byKernel = new Map<string, number>();
  for (const k of profile.kernels) {
    byKernel.set(k.name, (byKernel.get(k.name) ?? 0) + Number(k.kernelTimeMs));
  }
  const top = [...byKernel].sort((a, b) => b[1] - a[1]).slice(0, 10);
  console.log(
    `${backend}\tone step by kernel (ms): ${
      top.map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")
    }`,
  );
  console.log(
    `${backend}\tMNIST CNN train step (batch 64, adam)\tfirst ${ms[0].toFixed(0)} ms\tmedian ${
      steady.toFixed(1)
    } ms\t${(64_000 / steady).toFixed(0)} images/s`,
  );
  tf.dispose([x, y]);
  model.dispose();
}

const backends = flags.backends.split(",") as BackendName[];
for (const b of backends) await kernelTable(b);
for (const b of backends) {
  await trainingRate(b, b === "cpu" ? Math.min(3, Number(flags.steps)) : Number(flags.steps));
}
