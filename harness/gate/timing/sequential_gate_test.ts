import assert from "node:assert/strict";
import { DEFAULT_SEQUENTIAL_DESIGN } from "../../core/stats/mod.ts";
import { type PairOutcome, runSequentialGate } from "./sequential_gate.ts";
import { sequentialRow } from "./sequential_rows.ts";
import type { PairedTarget } from "./paired_targets.ts";

const MLP = { experiment: "mlp", backend: "wasm" }, CNN = { experiment: "cnn", backend: "cpu" };

const ok = (theta: number): PairOutcome => ({
  theta,
  baselineStatus: "ok",
  candidateStatus: "ok",
  baselineSpeed: 1000,
  candidateSpeed: 1000 * Math.exp(theta),
});

/**
 * A fake source: each target's θ sequence and seconds per pair; it advances a fake clock and
 * records which target got each pair.
 */
function fake(
  plan: Map<PairedTarget, { thetas: (number | PairOutcome)[]; costS: number | number[] }>,
) {
  let now = 0;
  const calls: string[] = [];
  const source = (t: PairedTarget, index: number) => {
    const p = plan.get(t)!;
    calls.push(`${t.experiment}#${index}`);
    now += typeof p.costS === "number" ? p.costS : p.costS[index];
    const x = p.thetas[index];
    if (x === undefined) throw new Error(`${t.experiment} asked for pair ${index}`);
    return Promise.resolve(typeof x === "number" ? ok(x) : x);
  };
  return { source, clock: () => now, calls };
}

Deno.test("the loop decides unchanged code at 4 pairs and a 20% slowdown as regressed, then stops timing them", async () => {
  // A/A: mean 0, sd 0.0115: t for "less than 5% slower" 8.4 on 3 df (p 0.0017 <= 0.0039) and
  // for 10% 16.5 (p 0.0002 <= 0.0008): unchanged at the first look.
  const aa = [0.01, -0.01, 0.01, -0.01, 0.01, -0.01];
  // 20% slower: ln(1/1.2) = -0.182 with a small spread: p of "not slower" far below 3.8e-4.
  const slow = [-0.18, -0.19, -0.17, -0.185, -0.18, -0.19];
  const f = fake(new Map([[MLP, { thetas: aa, costS: 10 }], [CNN, { thetas: slow, costS: 20 }]]));
  const [mlp, cnn] = await runSequentialGate([MLP, CNN], f.source, {
    budgetS: 500,
    clock: f.clock,
  });
  assert.equal(mlp.result.decision, "unchanged");
  assert.equal(cnn.result.decision, "regressed");
  assert.deepEqual([mlp.thetas.length, cnn.thetas.length], [4, 4]);
  assert.deepEqual([mlp.endedBy, cnn.endedBy], ["boundary", "boundary"]);
  // Rounds of one pair per open target (cheaper first), no pair after a decision.
  assert.deepEqual(f.calls, [
    "mlp#0",
    "cnn#0",
    "mlp#1",
    "cnn#1",
    "mlp#2",
    "cnn#2",
    "mlp#3",
    "cnn#3",
  ]);
  // The last target ended after 4 rounds of 30 s.
  assert.equal(cnn.endedAtS, 120);
  const rows = [mlp, cnn].map((o) => sequentialRow(o));
  assert.deepEqual(rows.map((r) => r.verdict), ["unchanged", "regressed"]);
  assert.equal(rows[1].method.name, "sequential t over process pairs");
  assert.deepEqual(rows[1].n, [4, 4]);
  // The ratio is exp(mean θ) = exp(-0.18125).
  assert.ok(Math.abs(rows[1].change! - Math.exp(-0.18125)) < 1e-12);
  assert.match(rows[1].reason, /^4 process pairs: slower, p .* per look \(80 s\)$/);
});

Deno.test("a target that never decides is inconclusive at the design's cap of 16 pairs", async () => {
  // Alternating ±0.08: mean 0, sd 0.083 per pair; at 16 pairs "less than 5% slower" needs
  // mean > -0.0488 + 0.766 × 0.083 = 0.015: not shown, and nothing is slower either.
  const wide = Array.from({ length: 16 }, (_, i) => (i % 2 ? 0.08 : -0.08));
  const f = fake(new Map([[MLP, { thetas: wide, costS: 1 }]]));
  const [o] = await runSequentialGate([MLP], f.source, { budgetS: 1000, clock: f.clock });
  assert.equal(o.thetas.length, DEFAULT_SEQUENTIAL_DESIGN.maxPairs);
  assert.equal(o.endedBy, "cap");
  assert.equal(sequentialRow(o).verdict, "inconclusive");
  assert.match(sequentialRow(o).reason, /16 process pairs \(the cap\): neither shown slower nor/);
});

Deno.test("the time budget ends the loop: undecided targets are inconclusive, never regressed", async () => {
  const slow = [-0.1, -0.3, -0.2, -0.1, -0.3];
  const f = fake(
    new Map([[MLP, { thetas: slow, costS: 100 }], [CNN, { thetas: slow, costS: 150 }]]),
  );
  // First round: both targets (no cost known yet), 250 s. Then 50 s left: nothing fits.
  const outs = await runSequentialGate([MLP, CNN], f.source, { budgetS: 300, clock: f.clock });
  assert.deepEqual(f.calls, ["mlp#0", "cnn#0"]);
  for (const o of outs) {
    assert.equal(o.endedBy, "budget");
    const row = sequentialRow(o);
    assert.equal(row.verdict, "inconclusive");
    assert.match(
      row.reason,
      /^the time budget ended after 1 process pairs \(\d+ s\): too few to judge$/,
    );
  }
  // A round planned on expected costs (10 s each, 30 s left) skips a target once a slower
  // pair than expected (40 s) has used the time.
  const g = fake(
    new Map([
      [MLP, { thetas: slow, costS: [10, 40] }],
      [CNN, { thetas: slow, costS: 10 }],
    ]),
  );
  const budget = await runSequentialGate([MLP, CNN], g.source, { budgetS: 50, clock: g.clock });
  assert.deepEqual(g.calls, ["mlp#0", "cnn#0", "mlp#1"]);
  assert.deepEqual(budget.map((o) => o.thetas.length), [2, 1]);
});

Deno.test("a candidate that stops training is a regression by run status; a failed baseline is not comparable", async () => {
  const lost = { ...ok(0), theta: null, candidateStatus: "failed", reason: "NaN loss" };
  const broken = { ...ok(0), theta: null, baselineStatus: "failed", reason: "old code" };
  const f = fake(
    new Map([
      [MLP, { thetas: [0.01, lost], costS: 5 }],
      [CNN, { thetas: [broken], costS: 5 }],
    ]),
  );
  const [mlp, cnn] = await runSequentialGate([MLP, CNN], f.source, {
    budgetS: 500,
    clock: f.clock,
  });
  assert.equal(mlp.endedBy, "failed");
  assert.deepEqual(f.calls, ["mlp#0", "cnn#0", "mlp#1"]);
  const rows = [mlp, cnn].map((o) => sequentialRow(o));
  assert.deepEqual(rows.map((r) => r.verdict), ["regressed", "not_comparable"]);
  assert.equal(rows[0].method.name, "run status");
  assert.equal(rows[0].reason, "process pair 2: baseline ok, candidate failed (NaN loss)");
});

Deno.test("a budget shorter than the least a first pair takes starts no pair; a longer one does", async () => {
  const f = fake(new Map([[MLP, { thetas: [0.01, 0.0, -0.01, 0.0], costS: 5 }]]));
  const [none] = await runSequentialGate([MLP], f.source, {
    budgetS: 1.5,
    clock: f.clock,
    firstPairS: 2,
  });
  assert.deepEqual(f.calls, []);
  assert.equal(none.endedBy, "budget");
  assert.equal(sequentialRow(none).verdict, "inconclusive");
  const [one] = await runSequentialGate([MLP], f.source, {
    budgetS: 6,
    clock: f.clock,
    firstPairS: 2,
  });
  // 2 s expected, 5 s taken: one pair, and the next (5 s) no longer fits the second left.
  assert.deepEqual(f.calls, ["mlp#0"]);
  assert.equal(one.thetas.length, 1);
});

Deno.test("the loop floors the t's spread by the pairs' window noise", async () => {
  // Four pairs that agree by chance (a live A/A false alarm: t -16.1 past the first look's 14.2).
  const thetas = [-0.0445, -0.0430, -0.0521, -0.0388];
  const run = async (windowNoise?: number) => {
    const f = fake(
      new Map([[MLP, {
        thetas: [...thetas, 0.03, 0.05].map((t) => ({ ...ok(t), windowNoise })),
        costS: 10,
      }]]),
    );
    return (await runSequentialGate([MLP], f.source, { budgetS: 60, clock: f.clock }))[0];
  };
  // No noise reported: no floor, the old verdict.
  const bare = await run();
  assert.equal(bare.result.decision, "regressed");
  assert.equal(bare.thetas.length, 4);
  // Window noise 0.0012 a pair: floor 0.5 × √0.0012 = 0.0173, t at 4 pairs -0.0446 / 0.00866 =
  // -5.2: not past the look, so the loop goes on to the pairs that follow.
  const floored = await run(0.0012);
  assert.notEqual(floored.result.decision, "regressed");
  assert.ok(floored.thetas.length > 4);
  assert.deepEqual(floored.windowNoises, floored.thetas.map(() => 0.0012));
});
