import assert from "node:assert/strict";
import { hash32, Rng } from "./rng.ts";

Deno.test("Rng gives the same sequence for the same seed and another for another seed", () => {
  const a = new Rng(7), b = new Rng(7), c = new Rng(8);
  const xa = Array.from({ length: 5 }, () => a.next());
  const xb = Array.from({ length: 5 }, () => b.next());
  const xc = Array.from({ length: 5 }, () => c.next());
  assert.deepEqual(xa, xb);
  assert.notDeepEqual(xa, xc);
  for (const x of xa) assert.ok(x >= 0 && x < 1);
});

Deno.test("hash32 matches the published FNV-1a test vectors", () => {
  // FNV-1a 32-bit: "" -> 0x811c9dc5, "a" -> 0xe40c292c, "foobar" -> 0xbf9cf968
  assert.equal(hash32(""), 0x811c9dc5);
  assert.equal(hash32("a"), 0xe40c292c);
  assert.equal(hash32("foobar"), 0xbf9cf968);
});

Deno.test("permutation holds every index once and split streams are independent", () => {
  const rng = new Rng(123);
  const p = Array.from(rng.permutation(100));
  assert.deepEqual([...p].sort((x, y) => x - y), Array.from({ length: 100 }, (_, i) => i));
  const s1 = new Rng(5).split("shuffle"), s2 = new Rng(5).split("init");
  assert.notEqual(s1.next(), s2.next());
  assert.equal(new Rng(5).split("shuffle").next(), new Rng(5).split("shuffle").next());
});

Deno.test("tfSeed never returns 0, which tfjs reads as no seed", () => {
  const rng = new Rng(0);
  for (let i = 0; i < 10000; i++) assert.ok(rng.tfSeed() > 0);
});

Deno.test("normal draws have mean near 0 and variance near 1", () => {
  const rng = new Rng(99);
  const xs = Array.from({ length: 20000 }, () => rng.normal());
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const v = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
  assert.ok(Math.abs(mean) < 0.03, `mean ${mean}`);
  assert.ok(Math.abs(v - 1) < 0.05, `variance ${v}`);
});
