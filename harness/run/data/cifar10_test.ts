import assert from "node:assert/strict";
import { cifarBytes } from "../../testing/data_files.ts";
import { checkCifar10Batch, parseCifar10Batch } from "./cifar10.ts";

Deno.test("parseCifar10Batch() turns R, G, B planes into NHWC pixels in [0, 1]", () => {
  const split = parseCifar10Batch(cifarBytes([6, 0, 9]), "b.bin");
  assert.equal(split.n, 3);
  assert.deepEqual(Array.from(split.y), [6, 0, 9]);
  assert.equal(split.x.length, 3 * 32 * 32 * 3);
  // Record 2, row 1, column 4: plane pixel p = 36, channel k holds (2 + 5k + 36) % 256.
  const at = (i: number, row: number, col: number, k: number) =>
    split.x[((i * 32 + row) * 32 + col) * 3 + k];
  assert.equal(at(2, 1, 4, 0), Math.fround(38 / 255));
  assert.equal(at(2, 1, 4, 1), Math.fround(43 / 255));
  assert.equal(at(2, 1, 4, 2), Math.fround(48 / 255));
  assert.equal(at(0, 31, 31, 2), Math.fround(((5 * 2 + 1023) % 256) / 255));
});

Deno.test("a CIFAR file that is not whole records is reported as truncated", () => {
  const bytes = cifarBytes([1, 2]).subarray(0, 3073 + 100);
  assert.throws(
    () => checkCifar10Batch(bytes, "data_batch_1.bin"),
    /Cannot read "data_batch_1.bin": 3173 bytes is not a whole number of 3073-byte records \(1 records and 100 bytes left over/,
  );
  assert.throws(() => checkCifar10Batch(new Uint8Array(0), "e.bin"), /0 bytes is not a whole/);
});

Deno.test("official CIFAR files must hold exactly the expected records", () => {
  assert.equal(checkCifar10Batch(cifarBytes([1, 2]), "b.bin"), 2);
  assert.throws(
    () => checkCifar10Batch(cifarBytes([1, 2]), "test_batch.bin", 10000),
    /expected 10000 records \(30730000 bytes\), got 2 \(6146 bytes\)/,
  );
});

Deno.test("a CIFAR label of 10 or more is reported with its record", () => {
  assert.throws(
    () => checkCifar10Batch(cifarBytes([1, 2, 200]), "b.bin"),
    /Cannot read "b.bin": label "200" of record 2 is not below 10/,
  );
});
