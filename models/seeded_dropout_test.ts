import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { Rng } from "../harness/core/rng.ts";
import { SeededDropout } from "./seeded_dropout.ts";

await tf.setBackend("cpu");

function maskOf(layer: SeededDropout, shape: number[]): Float32Array {
  return tf.tidy(() =>
    (layer.apply(tf.ones(shape), { training: true }) as tf.Tensor).dataSync() as Float32Array
  );
}

Deno.test("SeededDropout draws a fresh mask per call, the same sequence for the same seed", () => {
  const a = new SeededDropout({ rate: 0.5, rng: new Rng(3) });
  const b = new SeededDropout({ rate: 0.5, rng: new Rng(3) });
  const a1 = maskOf(a, [64]), a2 = maskOf(a, [64]);
  assert.notDeepEqual(a1, a2, "tfjs's own seeded Dropout repeats one mask; ours must not");
  assert.deepEqual(maskOf(b, [64]), a1);
  assert.deepEqual(maskOf(b, [64]), a2);
  // Kept units are scaled by 1 / (1 - rate) = 2, dropped ones are 0.
  for (const v of a1) assert.ok(v === 0 || v === 2);
});

Deno.test("spatial dropout zeroes whole channels of an NHWC input, per example", () => {
  const layer = new SeededDropout({ rate: 0.5, rng: new Rng(9), spatial: true });
  const [n, h, w, c] = [2, 3, 3, 8];
  const out = maskOf(layer, [n, h, w, c]);
  let dropped = 0;
  for (let i = 0; i < n; i++) {
    for (let ch = 0; ch < c; ch++) {
      const values = new Set<number>();
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) values.add(out[((i * h + y) * w + x) * c + ch]);
      }
      assert.equal(values.size, 1, `channel ${ch} of example ${i} is not all dropped or all kept`);
      if (values.has(0)) dropped++;
    }
  }
  assert.ok(dropped > 0 && dropped < n * c, `dropped ${dropped} of ${n * c} channels`);
});

Deno.test("dropout does nothing outside training", () => {
  const layer = new SeededDropout({ rate: 0.5, rng: new Rng(1), spatial: true });
  const out = tf.tidy(() => (layer.apply(tf.ones([1, 2, 2, 3])) as tf.Tensor).dataSync());
  assert.ok(Array.from(out).every((v) => v === 1));
});
