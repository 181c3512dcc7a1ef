import assert from "node:assert/strict";
import { dirname } from "node:path";
import { pythonPath, runTorchScript, TORCH_SCRIPT, torchVersion } from "./torch_runner.ts";
import { buildModel } from "../../models/mod.ts";
import { Rng } from "../core/rng.ts";
import type { ModelSpec } from "../core/experiment.ts";
import { planWindows, type Protocol, PROTOCOLS, warmupEnd } from "./protocol.ts";
import cnn from "../../experiments/keras_cnn_mnist_001.ts";

const torch = await torchVersion();
const ignore = "reason" in torch;
if (ignore) console.warn(`ignoring the PyTorch reference tests: ${torch.reason}`);

/**
 * A tiny protocol so the script finishes in a second or two: no warm-up time, and a
 * tolerance of 1 counts any step as settled, so warm-up is 3 steps (2 after the first).
 */
const TINY = {
  ...PROTOCOLS.quick,
  warmupBatches: 2,
  warmupS: { min: 0, max: 60 },
  settle: { steps: 1, tolerance: 1 },
  windows: 3,
  targetWindowS: 0.05,
  latency: { warmup: 1, repeats: 2 },
  peak: { n: 64, warmup: 1, repeats: 2 },
};

async function tinyJob(model: ModelSpec) {
  const dir = await Deno.makeTempDir();
  const n = 40, size = model.inputShape.reduce((a, b) => a * b, 1);
  const rng = new Rng(7);
  const x = Float32Array.from({ length: n * size }, () => rng.next());
  const y = Int32Array.from({ length: n }, (_, i) => i % 3);
  await Deno.writeFile(`${dir}/x`, new Uint8Array(x.buffer));
  await Deno.writeFile(`${dir}/y`, new Uint8Array(y.buffer));
  return {
    dir,
    job: {
      model,
      inputShape: model.inputShape,
      optimizer: { name: "adam", learningRate: 0.001 },
      loss: "sparseCategoricalCrossentropy",
      batchSize: 8,
      seed: 1,
      protocol: TINY,
      largeBatch: 16,
      trainX: `${dir}/x`,
      trainY: `${dir}/y`,
      testX: `${dir}/x`,
      testY: `${dir}/y`,
    },
  };
}

const TINY_CNN: ModelSpec = {
  key: "sequential",
  inputShape: [6, 6, 2],
  layers: [
    { type: "conv2d", filters: 4, kernelSize: 3, strides: 2, padding: "same", activation: "relu" },
    { type: "maxPooling2d", poolSize: 2 },
    { type: "flatten" },
    { type: "dropout", rate: 0.25 },
    { type: "dense", units: 3, activation: "softmax" },
  ],
};

Deno.test({
  name: "torch_train.py trains a tiny spec and prints valid JSON with positive throughput",
  ignore,
  async fn() {
    const { dir, job } = await tinyJob(TINY_CNN);
    try {
      const out = await runTorchScript(job);
      assert.equal(out.windowImagesPerS.length, 3);
      for (const v of out.windowImagesPerS) assert.ok(v > 0, `window ${v} images/s`);
      assert.equal(out.warmupStepS.length, 3);
      assert.equal(out.bounded, null);
      assert.equal(out.latencyB1Ms.length, 2);
      assert.equal(out.largeBatch, 16);
      assert.ok(out.peakGflops.every((g: number) => g > 0));
      assert.equal(out.info.threads, 2);
      assert.equal(out.info.lossOnLogits, true);
      // conv 3x3x2->4 (72+4) + dense 4->3 (12+3): 'same' with stride 2 gives 3x3, pooled to 1x1
      assert.equal(out.params, 76 + 15);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "torch_train.py builds the Keras CNN with tfjs's parameter count",
  ignore,
  async fn() {
    const spec = cnn.model as ModelSpec;
    const tfParams = buildModel(spec, new Rng(1)).countParams();
    assert.equal(tfParams, 93_322);
    const out = await runTorchScript({ model: spec, loss: "categoricalCrossentropy" }, [
      "--params",
    ]);
    assert.equal(out.params, tfParams);
  },
});

/** The warm-up and window rules of torch_train.py for each case, run by Python itself. */
async function pythonRules(cases: [number[], Protocol, boolean][]): Promise<unknown[]> {
  const code = [
    "import json, sys",
    `sys.path.insert(0, ${JSON.stringify(dirname(TORCH_SCRIPT))})`,
    "import torch_train as t",
    "print(json.dumps([[t.warmup_end(w, p, s), list(t.plan_windows(w, p, s))]",
    "                  for w, p, s in json.load(sys.stdin)]))",
  ].join("\n");
  const child = new Deno.Command(pythonPath(), {
    args: ["-B", "-c", code], // -B: no __pycache__ beside the script
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode(JSON.stringify(cases)));
  await writer.close();
  const out = await child.output();
  assert.ok(out.success, new TextDecoder().decode(out.stderr));
  return JSON.parse(new TextDecoder().decode(out.stdout));
}

Deno.test("torch_train.py ends warm-up and plans windows by the rules of protocol.ts", async () => {
  const quick = PROTOCOLS.quick, full = PROTOCOLS.full;
  const cases: [number[], Protocol, boolean][] = [
    [[1, 0.5, 0.5], quick, false], // goes on: 2 s
    [[1, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5], quick, false], // settled
    [[1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.4, 0.4, 0.4], quick, false], // still falling
    [[1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.4, 0.4, 0.4, 0.4], quick, false], // settled
    [[1, 1, 1, 1, 0.96, 0.96, 0.96], quick, false], // within the tolerance
    [[2, 2, 1.5, 1, 0.9, 0.7], quick, false], // the cap
    [[9, 2.9], quick, false], // past the cap, but 3 steps first
    [[0.1], quick, true], // stock kernels
    [[1, 4], quick, false], // a slow step
    [[35, 34], full, false],
    [[1, 0.5, 0.5, 4, 0.5, 0.5, 0.5], quick, false], // a late hiccup is not slowness
    [[2, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05], quick, false], // 2.45 s; steady step 0.05 -> 8
  ];
  const ours = cases.map(([w, p, stock]) => {
    const plan = planWindows(w, p, stock);
    return [warmupEnd(w, p, stock), [plan.windows, plan.batchesPerWindow, plan.bounded]];
  });
  assert.deepEqual(
    ours.map(([end]) => end),
    [
      null,
      "settled",
      null,
      "settled",
      "settled",
      "cap",
      null,
      "bounded",
      "bounded",
      "bounded",
      "settled",
      null,
    ],
  );
  assert.deepEqual(ours[11][1], [10, 8, null]);
  assert.deepEqual(await pythonRules(cases), ours);
});

Deno.test("torch_train.py refuses an unknown layer type with a clear message", async () => {
  const spec: ModelSpec = {
    key: "sequential",
    inputShape: [4],
    layers: [{ type: "lstm", units: 3 }],
  };
  await assert.rejects(
    runTorchScript({ model: spec, loss: "meanSquaredError" }, ["--params"]),
    /exited with 2: Unknown layer type "lstm" at layers\[0\]: the PyTorch reference knows conv2d/,
  );
});

Deno.test("pythonPath() honours REPROBENCH_PYTHON", () => {
  const before = Deno.env.get("REPROBENCH_PYTHON");
  try {
    Deno.env.set("REPROBENCH_PYTHON", "/opt/py/bin/python3");
    assert.equal(pythonPath(), "/opt/py/bin/python3");
  } finally {
    if (before === undefined) Deno.env.delete("REPROBENCH_PYTHON");
    else Deno.env.set("REPROBENCH_PYTHON", before);
  }
});

Deno.test("torchVersion() reports a Python without torch as not found", async () => {
  const r = await torchVersion("/nonexistent/python3");
  assert.ok("reason" in r);
  assert.match(r.reason, /^python3 with torch not found/);
});
