import assert from "node:assert/strict";
import type { PoolPair } from "./quality_pool.ts";
import { truncatePair, truncatePool } from "./quality_truncate.ts";

const close = (a: number, b: number, tol = 1e-12) =>
  assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);

/** Four window pairs: the first two 10% slower on the candidate side, the last two equal. */
const P: PoolPair = {
  experiment: "mlp",
  backend: "wasm",
  slowdown: 0.1,
  load: "quiet",
  first: "a",
  theta: 0,
  pairs: [[100, 90], [200, 180], [50, 50], [40, 40]],
  aSpeed: 75,
  bSpeed: 70,
  batches: 2,
  costS: 30,
  loadavg: [1, 1, 1],
  at: "2026-12-04T00:00:00Z",
  commit: null,
};

Deno.test("truncatePair: θ, throughputs and cost of the first N window pairs, by hand", () => {
  const t = truncatePair(P, 2, 25);
  assert.deepEqual(t.pairs, [[100, 90], [200, 180]]);
  // Every window of the candidate 0.9 times as fast: its total time 1/0.9 as long, θ = ln 0.9.
  close(t.theta, Math.log(0.9));
  // Two windows of equal work at 100 and 200 images/s: 2 / (1/100 + 1/200) = 133.3.
  close(t.aSpeed, 400 / 3);
  close(t.bSpeed, 120);
  // Left out: 2 steps x 25 images per window, each side: 50/50 + 50/50 + 50/40 + 50/40 = 4.5 s.
  close(t.costS, 30 - 4.5);
  assert.equal(t.experiment, "mlp");
  assert.equal(t.slowdown, 0.1);
});

Deno.test("truncatePair: a pair no longer than N is unchanged; unknown sizes keep the cost", () => {
  assert.equal(truncatePair(P, 4, 25), P);
  assert.equal(truncatePair(P, 9, 25), P);
  assert.equal(truncatePair(P, 2, null).costS, 30);
  assert.equal(truncatePair({ ...P, batches: null }, 2, 25).costS, 30);
  assert.throws(() => truncatePair(P, 0, 25), /positive integer, got 0/);
});

Deno.test("truncatePool: a pair's own batch size first, else the declaration's", () => {
  const asked: string[] = [];
  const sizeOf = (id: string) => (asked.push(id), 25);
  const [own, declared] = truncatePool([{ ...P, batchSize: 50 }, P], 2, sizeOf);
  close(own.costS, 30 - 9);
  close(declared.costS, 30 - 4.5);
  assert.deepEqual(asked, ["mlp"]);
});
