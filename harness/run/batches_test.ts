import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { useBackend } from "./backends.ts";
import { BatchStream, batchTensors, labelTensor } from "./batches.ts";
import { Rng } from "../core/rng.ts";

Deno.test("one-hot labels equal tf.oneHot's, out-of-range labels giving a row of zeros", async () => {
  await tf.setBackend("cpu");
  const y = Int32Array.from([3, 0, 9, -1, 10, 7]);
  const got = labelTensor(y, 10, "categoricalCrossentropy");
  const want = tf.oneHot(tf.tensor1d(y, "int32"), 10).toFloat();
  assert.deepEqual(got.shape, [6, 10]);
  assert.equal(got.dtype, "float32");
  assert.deepEqual(Array.from(await got.data()), Array.from(await want.data()));
  const rows = (await got.array()) as number[][];
  assert.deepEqual(rows[0], [0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(rows[3], new Array(10).fill(0));
  tf.dispose([got, want]);
});

for (const backend of ["wasm", "cpu"] as const) {
  Deno.test(`batches on ${backend} keep their own values while later batches are made`, async () => {
    const status = await useBackend(backend);
    assert.ok(status.available, `${backend} did not start`);
    // 6 examples of 2x2 values: example j holds j*10 + 0..3; label j % 3.
    const split = {
      n: 6,
      x: Float32Array.from({ length: 24 }, (_, i) => Math.floor(i / 4) * 10 + (i % 4)),
      y: Int32Array.from({ length: 6 }, (_, j) => j % 3),
    };
    const order = Int32Array.from([5, 2, 0, 4, 1, 3]);
    const args: [number[], number, string] = [[2, 2], 3, "categoricalCrossentropy"];
    const first = batchTensors(split as never, order, 0, 3, ...args);
    const second = batchTensors(split as never, order, 3, 6, ...args);
    const last = batchTensors(split as never, order, 4, 6, ...args); // a shorter batch
    assert.deepEqual(Array.from(await first.x.data()), [
      50,
      51,
      52,
      53,
      20,
      21,
      22,
      23,
      0,
      1,
      2,
      3,
    ]);
    assert.deepEqual(Array.from(await second.x.data()), [
      40,
      41,
      42,
      43,
      10,
      11,
      12,
      13,
      30,
      31,
      32,
      33,
    ]);
    assert.deepEqual(Array.from(await last.x.data()), [10, 11, 12, 13, 30, 31, 32, 33]);
    assert.deepEqual(first.x.shape, [3, 2, 2]);
    assert.deepEqual(last.x.shape, [2, 2, 2]);
    assert.deepEqual(Array.from(await first.y.data()), [0, 0, 1, 0, 0, 1, 1, 0, 0]);
    tf.dispose([first.x, first.y, second.x, second.y, last.x, last.y]);
  });
}

Deno.test("a batch stream draws one seeded order per epoch, as an epoch loop over permutations does", async () => {
  await tf.setBackend("cpu");
  // 5 examples of one value each (the example's index), label = index: batches of 2, 2, 1.
  const split = {
    n: 5,
    x: Float32Array.from([0, 1, 2, 3, 4]),
    y: Int32Array.from([0, 1, 2, 3, 4]),
  };
  const stream = new BatchStream(
    split,
    2,
    [1],
    5,
    "sparseCategoricalCrossentropy",
    new Rng(7).split("shuffle"),
  );
  assert.equal(stream.batchesPerEpoch, 3);
  // The oracle: the same generator's permutations, one per epoch, cut into batches.
  const shuffler = new Rng(7).split("shuffle");
  const want = [shuffler.permutation(5), shuffler.permutation(5)].flatMap((p) => [
    Array.from(p.slice(0, 2)),
    Array.from(p.slice(2, 4)),
    Array.from(p.slice(4)),
  ]);
  const got: number[][] = [];
  for (let i = 0; i < 6; i++) {
    const { x, y } = stream.next();
    got.push(Array.from(await x.data()));
    assert.deepEqual(Array.from(await y.data()), got[i]);
    tf.dispose([x, y]);
  }
  assert.deepEqual(got, want);
  assert.notDeepEqual(got.slice(0, 3), got.slice(3), "the second epoch has its own order");
  // Without a shuffler, every epoch is the slice's own order.
  const plain = new BatchStream(split, 2, [1], 5, "sparseCategoricalCrossentropy", null);
  const firsts: number[] = [];
  for (let i = 0; i < 6; i++) {
    const { x, y } = plain.next();
    firsts.push((await x.data())[0]);
    tf.dispose([x, y]);
  }
  assert.deepEqual(firsts, [0, 2, 4, 0, 2, 4]);
});
