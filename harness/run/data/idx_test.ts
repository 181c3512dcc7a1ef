import assert from "node:assert/strict";
import { UserError } from "../../core/errors.ts";
import { maybeGunzip } from "./_gzip.ts";
import { gzip, idxBytes, idxImages, idxLabels } from "../../testing/data_files.ts";
import { checkIdxPair, idxToSplit, parseIdxImages, parseIdxLabels } from "./idx.ts";

Deno.test("parseIdxImages() reads dims and pixels as written", () => {
  const img = parseIdxImages(idxImages(3, 4, 5), "img");
  assert.deepEqual(img.dims, [3, 4, 5]);
  assert.equal(img.data[0], 0);
  assert.equal(img.data[(2 * 4 + 1) * 5 + 3], (7 * 2 + 3 * 1 + 3) % 256);
});

Deno.test("idxToSplit() divides pixels by 255 and keeps labels", () => {
  const split = idxToSplit(
    parseIdxImages(idxImages(2, 2, 2), "img"),
    parseIdxLabels(idxLabels([9, 4]), "lab"),
    "img",
    "lab",
  );
  assert.equal(split.n, 2);
  assert.deepEqual(Array.from(split.y), [9, 4]);
  // Image 1: pixels (7 + 3r + c) for r, c in {0, 1}.
  assert.deepEqual(
    Array.from(split.x.subarray(4)),
    [7, 8, 10, 11].map((v) => Math.fround(v / 255)),
  );
});

Deno.test("a gzip-compressed IDX file parses to the same values", async () => {
  const plain = idxImages(2, 3, 3);
  const unzipped = await maybeGunzip(await gzip(plain), "img.gz");
  assert.deepEqual(parseIdxImages(unzipped, "img.gz").data, parseIdxImages(plain, "img").data);
});

Deno.test("a truncated IDX file names the file, expected and actual bytes", () => {
  const bytes = idxImages(2, 3, 3).subarray(0, 30);
  assert.throws(
    () => parseIdxImages(bytes, "train-images-idx3-ubyte"),
    (e: Error) =>
      e instanceof UserError &&
      e.message ===
        'Cannot read "train-images-idx3-ubyte": header says 2x3x3 so expected 34 bytes, got 30 (truncated)',
  );
});

Deno.test("trailing bytes after the announced data are an error", () => {
  const bytes = new Uint8Array([...idxLabels([1, 2]), 0]);
  assert.throws(() => parseIdxLabels(bytes, "lab"), /expected 10 bytes, got 11 \(trailing data\)/);
});

Deno.test("a wrong magic number is reported in hex", () => {
  assert.throws(
    () => parseIdxImages(idxLabels([1]), "img"),
    /Cannot read "img": magic number 0x00000801 is not 0x00000803 \(IDX images\)/,
  );
  assert.throws(() => parseIdxLabels(new Uint8Array([0x1f, 0x8b, 8, 0]), "l"), /0x1f8b0800/);
});

Deno.test("a label of 10 or more is out of range", () => {
  assert.throws(
    () => parseIdxLabels(idxLabels([3, 10, 2]), "lab"),
    /Cannot read "lab": label "10" at index 1 is not below 10/,
  );
});

Deno.test("image and label counts must agree", () => {
  const img = parseIdxImages(idxImages(3, 2, 2), "img");
  const lab = parseIdxLabels(idxLabels([1, 2]), "lab");
  assert.throws(() => checkIdxPair(img, lab, "img", "lab"), /"img" has 3 images but "lab" has 2/);
});

Deno.test("a file shorter than its header is an error", () => {
  assert.throws(() => parseIdxImages(idxBytes(0x803, [1], []), "img"), /truncated header/);
  assert.throws(() => parseIdxImages(new Uint8Array(2), "img"), /too short/);
});

Deno.test("corrupt gzip data names the file", async () => {
  const gz = await gzip(idxImages(2));
  await assert.rejects(
    () => maybeGunzip(gz.subarray(0, gz.length - 20), "t10k.gz"),
    /Cannot decompress "t10k.gz": corrupted or truncated gzip data/,
  );
});
