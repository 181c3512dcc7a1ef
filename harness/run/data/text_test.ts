import assert from "node:assert/strict";
import { buildVocab, encode, tokenize } from "./text.ts";

const CORPUS = [
  "The cat sat on the mat.",
  "The dog ate my homework!",
  "A cat, a dog: the end.",
];

Deno.test("tokenize() lowercases and splits on anything that is not a letter", () => {
  assert.deepEqual(tokenize(CORPUS[0]), ["the", "cat", "sat", "on", "the", "mat"]);
  assert.deepEqual(tokenize("Don't STOP—café 42x"), ["don", "t", "stop", "café", "x"]);
  assert.deepEqual(tokenize(" 123 !! "), []);
});

Deno.test("buildVocab() ranks by frequency, ties alphabetically, ids from 2", () => {
  // Counts: the 4; a, cat, dog 2; ate, end, homework, mat, my, on, sat 1.
  const vocab = buildVocab(CORPUS.map(tokenize), 6);
  assert.deepEqual([...vocab], [["the", 2], ["a", 3], ["cat", 4], ["dog", 5]]);
  assert.equal(buildVocab(CORPUS.map(tokenize), 100).get("sat"), 12);
  assert.throws(() => buildVocab([], 1), RangeError);
});

Deno.test("encode() keeps the first words, pads in front, maps unknown words to 1", () => {
  const vocab = buildVocab(CORPUS.map(tokenize), 6);
  const out = new Float32Array(4 + 8 + 6);
  encode(tokenize(CORPUS[0]), vocab, 4, out, 0);
  encode(tokenize(CORPUS[1]), vocab, 8, out, 4);
  encode(tokenize(CORPUS[2]), vocab, 6, out, 12);
  assert.deepEqual(Array.from(out), [
    ...[2, 4, 1, 1], // the cat sat on (mat cut)
    ...[0, 0, 0, 2, 5, 1, 1, 1], // pad pad pad the dog ate my homework
    ...[3, 4, 3, 5, 2, 1], // a cat a dog the end
  ]);
});
