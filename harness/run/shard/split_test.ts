import assert from "node:assert/strict";
import { assignShards } from "./split.ts";
import { parseShard } from "./spec.ts";
import { UserError } from "../../core/errors.ts";

Deno.test("assignShards() gives the costliest runs first to the least loaded shard", () => {
  // Costs 5,4,3,3,2,1 on 2 shards, by hand: 5->A, 4->B, 3->B(7), 3->A(8), 2->B(9), 1->A(9).
  const keys = ["a", "b", "c", "d", "e", "f"];
  assert.deepEqual(assignShards(keys, [5, 4, 3, 3, 2, 1], 2), [0, 1, 1, 0, 1, 0]);
});

Deno.test("assignShards() does not depend on the order of the plan", () => {
  const keys = ["x/cpu/1", "x/cpu/2", "y/wasm/1", "y/wasm/2", "z/webgpu/1"];
  const costs = [3, 3, 1, 1, 7];
  const a = assignShards(keys, costs, 3);
  const rev = assignShards([...keys].reverse(), [...costs].reverse(), 3).reverse();
  assert.deepEqual(rev, a);
});

Deno.test("assignShards() spreads equal and zero costs over every shard", () => {
  const keys = Array.from({ length: 9 }, (_, i) => `r${i}`);
  const zero = assignShards(keys, keys.map(() => 0), 3);
  assert.deepEqual([0, 1, 2].map((s) => zero.filter((x) => x === s).length), [3, 3, 3]);
});

Deno.test("assignShards() keeps the longest shard within 4/3 of the best on random plans", () => {
  let state = 7;
  const next = () => (state = (state * 48271) % 2147483647) / 2147483647;
  for (let t = 0; t < 50; t++) {
    const n = 5 + Math.floor(next() * 40), count = 1 + Math.floor(next() * 6);
    const keys = Array.from({ length: n }, (_, i) => `k${i}`);
    const costs = keys.map(() => Math.round(next() * 100));
    const shardOf = assignShards(keys, costs, count);
    const loads = Array.from(
      { length: count },
      (_, s) => costs.reduce((sum, c, i) => sum + (shardOf[i] === s ? c : 0), 0),
    );
    const total = costs.reduce((a, b) => a + b, 0);
    const lower = Math.max(total / count, ...costs);
    assert.ok(Math.max(...loads) <= (4 / 3) * lower + 1e-9, `${loads} vs ${lower}`);
    assert.equal(loads.reduce((a, b) => a + b, 0), total);
  }
});

Deno.test("assignShards() refuses repeated keys", () => {
  assert.throws(() => assignShards(["a", "a"], [1, 1], 2), RangeError);
});

Deno.test("parseShard() reads i/N and refuses what is not a part of N", () => {
  assert.deepEqual(parseShard("2/4"), { index: 2, count: 4 });
  assert.deepEqual(parseShard("1/1"), { index: 1, count: 1 });
  for (const bad of ["0/3", "4/3", "2", "a/b", "1/0", "-1/2", "1/2/3"]) {
    assert.throws(() => parseShard(bad), UserError, bad);
  }
});
