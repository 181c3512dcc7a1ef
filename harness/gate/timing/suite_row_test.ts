import assert from "node:assert/strict";
import { type PairOutcome, runSequentialGate } from "./sequential_gate.ts";
import { sequentialRow, SUITE_TARGET, suiteRow } from "./sequential_rows.ts";
import { summarize } from "../quality/quality_stats.ts";
import type { GateCheck } from "../quality/quality_checks.ts";

const TARGETS = ["cnn cpu", "cnn wasm", "mlp cpu", "mlp wasm"].map((s) => {
  const [experiment, backend] = s.split(" ");
  return { experiment, backend };
});

// Four pairs of mean `m` and sample sd exactly 0.03: deviations ±0.03 √1.5 and 0, 0.
const four = (m: number) => [m - 0.03 * Math.sqrt(1.5), m + 0.03 * Math.sqrt(1.5), m, m];

/** The live loop over the four targets, 10 s a pair, with `thetas(target)` and this budget. */
async function gate(thetas: (i: number) => (number | null)[], budgetS: number) {
  let now = 0;
  const source = (t: { experiment: string; backend: string }, k: number) => {
    now += 10;
    const theta = thetas(TARGETS.indexOf(t))[k];
    if (theta === undefined) throw new Error(`${t.experiment} ${t.backend} asked for pair ${k}`);
    const out: PairOutcome = {
      theta,
      baselineStatus: "ok",
      candidateStatus: theta === null ? "failed" : "ok",
      baselineSpeed: 100,
      candidateSpeed: theta === null ? null : 100 * Math.exp(theta),
    };
    return Promise.resolve(out);
  };
  return await runSequentialGate(TARGETS, source, { budgetS, clock: () => now });
}

Deno.test("the suite row finds a 5% slowdown of every target that no target's own row shows in the budget", async () => {
  // Each target: 4 pairs, mean ln(1/1.05) = -0.0488, sd 0.03: its own t is -3.25 on 3 df
  // (p 0.024, far above the 0.000378 per look), and the budget (165 s) ends the loop there.
  // Together: SE = √(4 · 0.0009/4)/4 = 0.0075, t = (-0.0488 + ln 1.005)/0.0075 = -5.84 on
  // Welch's df = (4v)²/(4v²/3) = 12: p 4e-5 <= 0.0005, regressed.
  const m = -Math.log(1.05);
  const outcomes = await gate(() => four(m), 165);
  const rows = outcomes.map((o) => sequentialRow(o));
  assert.deepEqual(rows.map((r) => r.verdict), Array(4).fill("inconclusive"));
  const suite = suiteRow(outcomes)!;
  assert.equal(suite.verdict, "regressed", suite.reason);
  assert.deepEqual([suite.experiment, suite.backend], [SUITE_TARGET.experiment, "all"]);
  assert.deepEqual(suite.n, [16, 16]);
  assert.ok(Math.abs(suite.change! - 1 / 1.05) < 1e-12);
  assert.ok(suite.p! < 0.0005 && suite.p! > 1e-5, `p ${suite.p}`);
  assert.match(
    suite.reason,
    /^4 targets' pairs together \(Welch df 12\.0\): more than 0\.5% slower/,
  );
  assert.equal(suite.method.name, "Welch t over all targets' process pairs");
  // The same spread, no slowdown: the suite shows less than 5% slower.
  const same = suiteRow(await gate(() => four(0), 165))!;
  assert.equal(same.verdict, "unchanged", same.reason);
});

Deno.test("the suite row leaves out a target whose pair failed, and needs two targets", async () => {
  // cnn cpu's first pair fails; mlp wasm, cnn wasm and mlp cpu time 4 pairs 5% slower.
  const m = -Math.log(1.05);
  const outcomes = await gate((i) => (i === 0 ? [null] : four(m)), 135);
  const suite = suiteRow(outcomes)!;
  assert.equal(suite.verdict, "regressed");
  assert.deepEqual(suite.n, [12, 12]);
  assert.match(suite.reason, /^3 targets' pairs together .*\(1 target left out: a pair failed\)$/);
  // One target alone has its own row only.
  assert.equal(suiteRow(outcomes.slice(1, 2)), null);
  // Two targets, one of them failed: one left to read, inconclusive.
  const two = suiteRow(outcomes.slice(0, 2))!;
  assert.equal(two.verdict, "inconclusive");
  assert.match(two.reason, /1 target with 2 or more process pairs: the suite needs 2/);
});

Deno.test("check --quality counts a gate check failed by its suite row", () => {
  const target = { verdict: "inconclusive" as const, pairs: 6, endedAtS: 490 };
  const check = (suite: "regressed" | "unchanged"): GateCheck => ({
    method: "sequential paired",
    slowdown: 0.05,
    every: 1,
    load: "quiet",
    targets: [target, target],
    suite,
    wallS: 490,
  });
  const s = summarize([check("regressed"), check("unchanged"), check("regressed")]);
  assert.deepEqual([s.gateFailed.hits, s.gateFailed.checks], [2, 3]);
  // Target rows are counted apart: none regressed.
  assert.equal(s.targetRegressed.hits, 0);
});
