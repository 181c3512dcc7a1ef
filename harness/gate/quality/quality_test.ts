import assert from "node:assert/strict";
import { wilson } from "./quality.ts";
import { fixedSixChecks, sequentialChecks, storedChecks } from "./quality_checks.ts";
import { parsePool, type PoolPair, poolStreams } from "./quality_pool.ts";
import { qualityReport } from "./quality_report.ts";
import { checksForBound, summarize, thetaDiagnostics } from "./quality_stats.ts";

const close = (a: number, b: number, tol = 5e-5) =>
  assert.ok(Math.abs(a - b) < tol, `${a} vs ${b}`);

Deno.test("wilson: hand-computed 95% intervals, including 0 and n hits", () => {
  // 5 of 10: centre 0.5, half-width 1.96/(1 + 0.38415) * sqrt(0.025 + 0.0096040) = 0.2634.
  const half = wilson(5, 10);
  close(half.low, 0.236593);
  close(half.high, 0.763407);
  // 0 of 10: [0, z²/(n + z²)] = [0, 3.84146/13.84146] = [0, 0.277533].
  const none = wilson(0, 10);
  assert.equal(none.low, 0);
  close(none.high, 0.277533);
  const all = wilson(10, 10);
  close(all.low, 1 - 0.277533);
  close(all.high, 1, 1e-12);
  assert.ok(Number.isNaN(wilson(0, 0).rate));
  assert.throws(() => wilson(3, 2), /hits <= n/);
});

Deno.test("checksForBound: 125 checks without a false alarm bound it at 3%, 185 with one", () => {
  // 0 of n: upper z²/(n + z²) <= 0.03 from n = 3.84146 × 0.97 / 0.03 = 124.2.
  assert.equal(checksForBound(0, 0.03), 125);
  assert.ok(wilson(0, 124).high > 0.03);
  assert.equal(checksForBound(1, 0.03), 185);
});

const TARGETS = [{ experiment: "mlp", backend: "wasm" }, { experiment: "cnn", backend: "cpu" }];

/** A pool pair with θ, its window pairs a constant ratio, and a cost. */
function pair(t: (typeof TARGETS)[0], slowdown: number, theta: number, i: number): PoolPair {
  return {
    ...t,
    slowdown,
    load: "quiet",
    first: i % 2 ? "b" : "a",
    theta,
    pairs: Array.from({ length: 30 }, (_, w) => [1000 + w, (1000 + w) * Math.exp(theta)]),
    aSpeed: 1000 * (1 + 0.001 * (i % 3)),
    bSpeed: 1000 * Math.exp(theta),
    batches: 8,
    costS: 20,
    loadavg: [1, 1, 1],
    at: "2026-12-04T00:00:00Z",
    commit: null,
  };
}

/** 10 A/A pairs per target (θ ±0.01) and 9 pairs 20% slower per target. */
function pool(): PoolPair[] {
  return TARGETS.flatMap((t) => [
    ...Array.from({ length: 10 }, (_, i) => pair(t, 0, i % 2 ? -0.01 : 0.01, i)),
    ...Array.from({ length: 9 }, (_, i) => pair(t, 0.2, -0.182 + 0.002 * (i % 3), i)),
  ]);
}

Deno.test("sequential checks consume each stream in order, no pair twice, dropping an unfinished check", async () => {
  const streams = poolStreams(pool());
  const s = { targets: TARGETS, slowdown: 0, load: "quiet" as const, budgetS: 490 };
  // Each A/A check decides every target at 4 pairs: 10 pairs make 2 checks, 2 left over.
  const aa = await sequentialChecks(streams, s);
  assert.equal(aa.length, 2);
  assert.deepEqual(aa.flatMap((c) => c.targets.map((t) => [t.verdict, t.pairs])), [
    ["unchanged", 4],
    ["unchanged", 4],
    ["unchanged", 4],
    ["unchanged", 4],
  ]);
  // 4 rounds of 2 targets at 20 s.
  assert.deepEqual(aa.map((c) => c.wallS), [160, 160]);
  const slow = await sequentialChecks(streams, { ...s, slowdown: 0.2 });
  assert.equal(slow.length, 2);
  assert.ok(slow.every((c) => c.targets.every((t) => t.verdict === "regressed")));
  // The summary counts gate checks (any target regressed) and target checks apart.
  const sum = summarize(slow);
  assert.deepEqual([sum.gateFailed.hits, sum.gateFailed.checks], [2, 2]);
  assert.deepEqual([sum.targetRegressed.hits, sum.targetRegressed.checks], [4, 4]);
  assert.equal(sum.wallMedianS, 160);
});

Deno.test("fixed-6 and stored checks take 6 pairs, or 5 processes a side, per target and check", () => {
  const streams = poolStreams(pool());
  const s = { targets: TARGETS, slowdown: 0, load: "quiet" as const, budgetS: 490 };
  // 10 A/A pairs: one check of 6 per target.
  assert.equal(fixedSixChecks(streams, s).length, 1);
  assert.equal(fixedSixChecks(streams, { ...s, slowdown: 0.2 })[0].targets[0].verdict, "regressed");
  // Stored, A/A: first half's 5 baseline sides against the second half's 5 candidate sides,
  // and the other sides swapped: 2 checks.
  const stored = storedChecks(streams, s);
  assert.equal(stored.length, 2);
  // Slowed: 9 pairs, halves of 4: fewer than 5 processes, no check.
  assert.equal(storedChecks(streams, { ...s, slowdown: 0.2 }).length, 0);
});

Deno.test("the quality report's table gives each rate with its Wilson interval, and what is still needed", async () => {
  const streams = poolStreams(pool());
  const s = { targets: TARGETS, slowdown: 0, load: "quiet" as const, budgetS: 490 };
  const summaries = [summarize(await sequentialChecks(streams, s))];
  const text = qualityReport(summaries, streams, {
    pool: "p.jsonl",
    pairs: 38,
    budgetS: 490,
    roundS: 40,
  });
  // 0 of 2 gate checks: Wilson [0, 3.84/5.84 = 65.8%].
  assert.match(
    text,
    /sequential paired .*quiet .*unchanged \(A\/A\) .*0\/2 = 0\.0% \[0\.0%, 65\.8%\] .*0\/4 = 0\.0% \[0\.0%, 49\.0%\]/,
  );
  // The 20% streams' θ are -0.182, -0.180, -0.178 three times each: mean -0.18, so the
  // candidate lost 1 - e^-0.18 = 16.47% of its speed.
  assert.match(text, /mlp wasm +quiet +20\.0% +9 +-0\.1800 ± \d\.\d{4} +16\.5% /);
  // 123 more checks of 4 pairs per target at 40 s a round: 123 × 160 s = 5.5 h.
  assert.match(text, /2 checks, 0 failed; 123 more needed \(about 5\.5 h here\)/);
  const d = thetaDiagnostics(streams.values().next().value!);
  // θ alternating ±0.01: mean 0, lag-1 correlation -0.9 (9 products of -1e-4 over 10 of 1e-4).
  close(d.mean, 0, 1e-15);
  close(d.lag1, -0.9, 1e-12);
});

Deno.test("thetaDiagnostics: the windows' share of θ's variance, by hand", () => {
  // Three pairs of two windows, baseline 100 images/s. Candidate ratios [1, 1], [1.25, 0.8]
  // and [2, 2]: θ = ln(Σ 1/a / Σ 1/b) = 0, -ln((0.8 + 1.25) / 2) = -ln 1.025 and ln 2.
  const ratios = [[1, 1], [1.25, 0.8], [2, 2]];
  const thetas = [0, -Math.log(1.025), Math.log(2)];
  const stream = ratios.map((r, i) => ({
    ...pair(TARGETS[0], 0, thetas[i], i),
    pairs: r.map((x) => [100, 100 * x] as [number, number]),
  }));
  const d = thetaDiagnostics(stream);
  // Window log ratios ±ln 1.25 in the middle pair: variance 2 (ln 1.25)² / 1, over 2
  // windows = 0.0497929; the others 0; mean over pairs 0.0165977. Var θ of {0, -0.0246926,
  // 0.693147} = 0.166059. Share 0.0165977 / 0.166059 = 0.09995.
  close(d.sd ** 2, 0.166059);
  close(d.windowShare, 0.09995);
  // Constant ratios in every pair: the windows explain none of it.
  const flat = thetaDiagnostics(
    stream.map((p, i) => ({ ...p, pairs: pair(TARGETS[0], 0, thetas[i], i).pairs })),
  );
  close(flat.windowShare, 0, 1e-20);
});

Deno.test("the quality report leaves out a section its pool has no streams for", () => {
  const meta = { pool: "p.jsonl", pairs: 0, budgetS: 490, roundS: 40 };
  const slowedOnly = poolStreams(pool().filter((p) => p.slowdown > 0));
  const noAA = qualityReport([], slowedOnly, meta);
  assert.match(noAA, /speed lost/);
  assert.match(noAA, /not measured: this pool has no A\/A stream of 3 pairs\.$/);
  assert.doesNotMatch(noAA, /A\/A pairs/);
  const aaOnly = qualityReport([], poolStreams(pool().filter((p) => p.slowdown === 0)), meta);
  assert.doesNotMatch(aaOnly, /speed lost/);
  assert.match(aaOnly, /measured:\n\ntarget +load +A\/A pairs/);
});

Deno.test("a pool line that is not a pair is refused with its line number", () => {
  assert.throws(
    () => parsePool('{"theta":0,"slowdown":0,"experiment":"m"}\nnot json\n', "p.jsonl"),
    /p\.jsonl:2: not a JSON line/,
  );
  assert.throws(() => parsePool('{"slowdown":0}\n', "p.jsonl"), /p\.jsonl:1: not a pool pair/);
});

Deno.test("a sparse slowdown is a stream of its own, and θ is read from its windows as the gate reads them", async () => {
  // 15 one-step windows; the candidate's every 5th window takes 1.5 times as long: 16.5 time
  // units for 15, θ = -ln 1.1 whatever θ the line holds (here 0, as a robust estimate read it).
  const windows = Array.from({ length: 15 }, (_, i) => [160, i % 5 === 4 ? 160 / 1.5 : 160]);
  const line = (t: (typeof TARGETS)[0], every?: number) =>
    JSON.stringify({ ...pair(t, 0.1, 0, 0), ...(every ? { every } : {}), pairs: windows });
  const text = TARGETS.flatMap((t) => [
    ...Array.from({ length: 6 }, () => line(t, 5)),
    ...Array.from({ length: 6 }, () => line(t)),
  ]).join("\n");
  const read = parsePool(text, "p.jsonl");
  close(read[0].theta, -Math.log(1.1), 1e-12);
  // The candidate's throughput: 15 windows of equal work in 16.5/160 s.
  close(read[0].bSpeed, 160 * 15 / 16.5, 1e-9);
  const streams = poolStreams(read);
  assert.equal(streams.size, 4);
  const s = { targets: TARGETS, slowdown: 0.1, load: "quiet" as const, budgetS: 490 };
  const sparse = summarize(await sequentialChecks(streams, { ...s, every: 5 }));
  assert.equal(sparse.every, 5);
  assert.deepEqual([sparse.targetRegressed.hits, sparse.targetRegressed.checks], [2, 2]);
  const report = qualityReport([sparse], streams, {
    pool: "p.jsonl",
    pairs: 24,
    budgetS: 490,
    roundS: 40,
  });
  assert.match(report, /sequential paired +quiet +10% slower, every 5th step +1\/1/);
  // 1 - 1/1.1 = 9.09% of the speed lost, in the stream's own row.
  assert.match(report, /mlp wasm +quiet +10\.0% every 5th step +6 +-0\.0953 ± 0\.0000 +9\.1% /);
});

Deno.test("a pool line whose windows are not positive speeds is refused with its line number", () => {
  const bad = JSON.stringify({ ...pair(TARGETS[0], 0, 0, 0), pairs: [[100, 0]] });
  assert.throws(() => parsePool(`${bad}\n`, "p.jsonl"), /p\.jsonl:1: pairs: .*positive/);
});
