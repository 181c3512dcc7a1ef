/**
 * The one-pass Adam update against tfjs's own AdamOptimizer (the oracle): the same
 * weights, moments and iteration count, bit for bit, on cpu and wasm.
 */
import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { Rng } from "../../core/rng.ts";
import { randomTensor, requireBackend } from "../../testing/mod.ts";
import { disableFusedAdam, enableFusedAdam } from "./adam.ts";

// Sizes off and on multiples of 4, so the SIMD update's one-by-one tail runs too.
const SHAPES = [[3, 3, 1, 5], [7], [33, 4], [2], [1]];
const SETTINGS = [
  [0.001, 0.9, 0.999, 1e-7],
  [0.01, 0.8, 0.99, 1e-3],
  [0.3, 0.5, 0.9, 1e-8],
] as const;

/** Six Adam steps from seeded weights and gradients; every weight and moment afterwards. */
async function sixSteps(fused: boolean, backend: string, setting: readonly number[]) {
  let calls = 0;
  if (fused) enableFusedAdam(backend, () => calls++);
  else disableFusedAdam(backend);
  const rng = new Rng(5);
  const vars = SHAPES.map((s, i) => tf.variable(randomTensor(rng, s), true, `w${fused}${i}`));
  const [lr, b1, b2, eps] = setting;
  const opt = tf.train.adam(lr, b1, b2, eps);
  const before = tf.memory().numTensors;
  for (let step = 0; step < 6; step++) {
    const grads = SHAPES.map((s) => randomTensor(rng, s));
    // Step 3 names its gradients in a map: both forms of applyGradients are covered.
    if (step === 3) {
      // tfjs types the map form as variables; it takes any gradient tensors.
      opt.applyGradients(Object.fromEntries(vars.map((v, i) => [v.name, grads[i]])) as never);
    } else opt.applyGradients(vars.map((v, i) => ({ name: v.name, tensor: grads[i] })));
    tf.dispose(grads);
    // The moments appear at the first step; after that, nothing may accumulate.
    if (step === 0) assert.ok(tf.memory().numTensors > before);
  }
  const afterFirst = tf.memory().numTensors;
  opt.applyGradients(vars.map((v) => ({ name: v.name, tensor: tf.onesLike(v) })));
  assert.equal(tf.memory().numTensors - afterFirst, SHAPES.length, "one gradient per variable");
  const saved = await opt.getWeights();
  const out = {
    weights: vars.map((v) => Array.from(v.dataSync())),
    state: saved.map((w) => ({
      name: w.name.replace(/^w(true|false)/, "w"),
      values: Array.from(w.tensor.dataSync()),
    })),
    calls,
  };
  tf.dispose(vars);
  opt.dispose();
  disableFusedAdam(backend);
  return out;
}

for (const backend of ["cpu", "wasm"] as const) {
  Deno.test(`the fused Adam update on ${backend} gives tfjs's weights and moments bit for bit`, async () => {
    await requireBackend(backend);
    for (const setting of SETTINGS) {
      const stock = await sixSteps(false, backend, setting);
      const fused = await sixSteps(true, backend, setting);
      assert.equal(stock.calls, 0);
      assert.equal(fused.calls, 7, "each update is counted");
      // deepEqual on numbers distinguishes 0 from -0 and compares NaN as equal: bits, in effect.
      assert.deepEqual(fused.weights, stock.weights, `weights ${setting}`);
      assert.deepEqual(fused.state, stock.state, `iterations and moments ${setting}`);
      // And the weights did move: the comparison is not between two untouched copies.
      assert.notDeepEqual(fused.weights[0], (await sixStepsStart())[0]);
    }
  });
}

/** The starting weights of `sixSteps`, to check they changed. */
async function sixStepsStart() {
  const rng = new Rng(5);
  const ts = SHAPES.map((s) => randomTensor(rng, s));
  const values = await Promise.all(ts.map(async (t) => Array.from(await t.data())));
  tf.dispose(ts);
  return values;
}

Deno.test("the fused Adam update stays off on backends it was not enabled for", async () => {
  await requireBackend("cpu");
  let calls = 0;
  enableFusedAdam("wasm", () => calls++);
  const v = tf.variable(tf.ones([3]));
  const opt = tf.train.adam(0.1);
  opt.applyGradients([{ name: v.name, tensor: tf.ones([3]) }]);
  assert.equal(calls, 0);
  disableFusedAdam("wasm");
  assert.throws(() => enableFusedAdam("webgpu", () => {}), /not on "webgpu"/);
  tf.dispose(v);
  opt.dispose();
});
