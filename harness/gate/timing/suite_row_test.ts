import assert from "node:assert/strict";
import { type PairOutcome, runSequentialGate } from "./sequential_gate.ts";
import { sequentialRow, SUITE_TARGET, suiteRows } from "./sequential_rows.ts";
import { summarize } from "../quality/quality_stats.ts";
import type { GateCheck } from "../quality/quality_checks.ts";
import { DEFAULT_SUITE_SPEC } from "../../core/stats/mod.ts";

const TARGETS = ["cnn cpu", "cnn wasm", "mlp cpu", "mlp wasm"].map((s) => {
  const [experiment, backend] = s.split(" ");
  return { experiment, backend };
});

// Four pairs of mean `m` and sample sd exactly 0.03: deviations ±0.03 √1.5 and 0, 0.
const four = (m: number) => [m - 0.03 * Math.sqrt(1.5), m + 0.03 * Math.sqrt(1.5), m, m];

/** Each suite row's names, verdict and pairs. */
const brief = (rows: ReturnType<typeof suiteRows>) =>
  rows.map((r) => `${r.experiment} on ${r.backend}: ${r.verdict} ${r.n[0]}`);

/** The suite row of all targets: the last of the suite rows. */
const suiteRow = (outcomes: Parameters<typeof suiteRows>[0]) => suiteRows(outcomes).at(-1);

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
  // Welch's df = (4v)²/(4v²/3) = 12: p 4e-5 <= 0.002, regressed.
  const m = -Math.log(1.05);
  const outcomes = await gate(() => four(m), 165);
  const rows = outcomes.map((o) => sequentialRow(o));
  assert.deepEqual(rows.map((r) => r.verdict), Array(4).fill("inconclusive"));
  // Each pair of targets alone: SE = √(2 · 0.0009/4)/2 = 0.0106, t = -4.13 on 6 df, p 0.0031 > 0.002.
  assert.deepEqual(brief(suiteRows(outcomes)), [
    "all paired targets on cpu: inconclusive 8",
    "all paired targets on wasm: inconclusive 8",
    "cnn on all: inconclusive 8",
    "mlp on all: inconclusive 8",
    "all paired targets on all: regressed 16",
  ]);
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
  assert.equal(suite.method.name, "Welch t over groups of targets' process pairs");
  // The same spread, no slowdown: the suite shows less than 5% slower.
  const same = suiteRow(await gate(() => four(0), 165))!;
  assert.equal(same.verdict, "unchanged", same.reason);
});

/**
 * wasm's targets `slower` (0.08: 8%) slower, cpu's unchanged, 4 pairs each within a 165 s budget:
 * every target's own row is inconclusive; the outcomes, for the suite rows to read.
 */
async function wasmSlower(slower: number) {
  const m = -Math.log1p(slower);
  const outcomes = await gate((i) => four(TARGETS[i].backend === "wasm" ? m : 0), 165);
  assert.deepEqual(
    outcomes.map((o) => sequentialRow(o).verdict),
    Array(4).fill("inconclusive"),
  );
  return outcomes;
}

Deno.test("a backend's row finds an 8% slowdown of that backend that neither its targets nor the models' rows show", async () => {
  // wasm's targets 8% slower, cpu's unchanged, 4 pairs each, sd 0.03 (SciPy's t):
  // - each wasm target alone: t = ln(1/1.08)/(0.03/2) = -5.13 on 3 df, p 0.0072 (needs 0.000378);
  // - wasm's row: SE 0.0106, t = (-0.0770 + ln 1.005)/0.0106 = -6.79 on 6 df, p 0.00025: regressed;
  // - cpu's row: less than 5% slower at p 0.0018 <= 0.002: unchanged;
  // - each model's row (one slowed target, one not): t = -3.16 on 6 df, p 0.0098: inconclusive;
  // - all four: SE 0.0075, t = -4.47 on 12 df, p 0.00039: regressed.
  const rows = suiteRows(await wasmSlower(0.08));
  assert.deepEqual(brief(rows), [
    "all paired targets on cpu: unchanged 8",
    "all paired targets on wasm: regressed 8",
    "cnn on all: inconclusive 8",
    "mlp on all: inconclusive 8",
    "all paired targets on all: regressed 16",
  ]);
  const wasm = rows[1];
  assert.ok(Math.abs(wasm.p! - 0.00025052) < 1e-7, `p ${wasm.p}`);
  assert.ok(Math.abs(wasm.change! - 1 / 1.08) < 1e-12);
  assert.ok(Math.abs(rows[2].p! - 0.0098105) < 1e-6, `p ${rows[2].p}`);
  assert.match(wasm.reason, /^2 targets' pairs together \(Welch df 6\.0\): more than 0\.5% slower/);
});

Deno.test("a backend's row at the 0.2% level finds a 6% slowdown of that backend that the 0.05% level missed", async () => {
  // wasm's targets 6% slower, cpu's unchanged, 4 pairs each, sd 0.03 (SciPy's t):
  // - each wasm target alone: t = ln(1/1.06)/(0.03/2) = -3.88 on 3 df, p 0.015: inconclusive;
  // - wasm's row: SE 0.0106, t = (-0.0583 + ln 1.005)/0.0106 = -5.02 on 6 df, p 0.0011980:
  //   regressed at 0.002, where 0.0005 (the level until 2026-12-08) called it inconclusive;
  // - each model's row: p 0.032, and less than 5% slower only at p 0.057: inconclusive;
  // - all four: p 0.0037 on 12 df, less than 5% slower at p 0.011: inconclusive.
  const outcomes = await wasmSlower(0.06);
  const rows = suiteRows(outcomes);
  assert.deepEqual(brief(rows), [
    "all paired targets on cpu: unchanged 8",
    "all paired targets on wasm: regressed 8",
    "cnn on all: inconclusive 8",
    "mlp on all: inconclusive 8",
    "all paired targets on all: inconclusive 16",
  ]);
  assert.ok(Math.abs(rows[1].p! - 0.0011979586) < 1e-8, `p ${rows[1].p}`);
  assert.ok(Math.abs(rows[4].p! - 0.0036800500) < 1e-8, `p ${rows[4].p}`);
  assert.match(rows[1].method.rule, /more than 0\.5% slower at one-sided p <= 0\.002,/);
  // At the old level the same pairs leave wasm's row inconclusive.
  const old = suiteRows(outcomes, { ...DEFAULT_SUITE_SPEC, alpha: 0.0005 });
  assert.equal(old[1].verdict, "inconclusive");
});

Deno.test("the suite row leaves out a target whose pair failed, and needs two targets", async () => {
  // cnn cpu's first pair fails; mlp wasm, cnn wasm and mlp cpu time 4 pairs 5% slower.
  const m = -Math.log(1.05);
  const outcomes = await gate((i) => (i === 0 ? [null] : four(m)), 135);
  const suite = suiteRow(outcomes)!;
  assert.equal(suite.verdict, "regressed");
  assert.deepEqual(suite.n, [12, 12]);
  assert.match(suite.reason, /^3 targets' pairs together .*\(1 target left out: a pair failed\)$/);
  // cpu's row and cnn's have cnn cpu's failed pair: one target left to read.
  const cpu = suiteRows(outcomes)[0];
  assert.match(cpu.reason, /^1 target with 2 or more .*\(1 target left out: a pair failed\)$/);
  // One target alone has its own row only.
  assert.deepEqual(suiteRows(outcomes.slice(1, 2)), []);
  // Two targets, one of them failed: one left to read, inconclusive.
  const two = suiteRow(outcomes.slice(0, 2))!;
  assert.equal(two.verdict, "inconclusive");
  assert.match(two.reason, /1 target with 2 or more process pairs: the suite needs 2/);
});

Deno.test("check --quality counts a gate check failed by any of its suite rows", () => {
  const target = { verdict: "inconclusive" as const, pairs: 6, endedAtS: 490 };
  const check = (...suites: ("regressed" | "unchanged" | "inconclusive")[]): GateCheck => ({
    method: "sequential paired",
    slowdown: 0.05,
    every: 1,
    load: "quiet",
    targets: [target, target],
    suites,
    wallS: 490,
  });
  const s = summarize([
    check("unchanged", "regressed"),
    check("unchanged", "inconclusive"),
    check("regressed", "unchanged"),
    check(),
  ]);
  assert.deepEqual([s.gateFailed.hits, s.gateFailed.checks], [2, 4]);
  // Target rows are counted apart: none regressed.
  assert.equal(s.targetRegressed.hits, 0);
});
