import assert from "node:assert/strict";
import { scorePaired, scoreUnpaired, wilson } from "./quality.ts";
import { pairedJudge, singleJudge, unpairedJudge } from "./quality_run.ts";
import { Rng } from "../core/rng.ts";

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

/** Windows around `level` with a small deterministic wobble. */
const windows = (level: number, n = 30) =>
  Array.from({ length: n }, (_, i) => level * (1 + ((i * 7) % 5 - 2) * 0.004));

Deno.test("scorePaired judges every k-subset of a variant's process pairs as one check", () => {
  const same = windows(100).map((x, i) => [x, windows(100)[(i + 1) % 30]] as [number, number]);
  const slow = (f: number) => windows(100).map((x) => [x, x / (1 + f)] as [number, number]);
  const pairs = [
    { slowdown: 0, pairs: same },
    { slowdown: 0, pairs: same },
    { slowdown: 0.2, pairs: slow(0.2) },
    { slowdown: 0.2, pairs: same }, // a slowdown that did not show
    { slowdown: 0.05, pairs: slow(0.05) },
  ];
  // One pair per check: each pair is its own check.
  const one = scorePaired(pairs, 1, 0.03, singleJudge, new Rng(1));
  assert.equal(one.falseAlarms.hits, 0);
  assert.equal(one.falseAlarms.checks, 2);
  assert.deepEqual(one.detection.map((d) => [d.slowdown, d.rate.hits, d.rate.checks]), [
    [0.05, 1, 1],
    [0.2, 1, 2],
  ]);
  // A 5% slowdown is inside a 10% margin: not caught there.
  assert.equal(scorePaired(pairs, 1, 0.1, singleJudge, new Rng(1)).detection[0].rate.hits, 0);
  // Three pairs per check: variants with fewer pairs have no check.
  const five = [0.8, 0.82, 0.79, 0.81, 0.8].map((f) => ({
    slowdown: 0.25,
    pairs: windows(100).map((x) => [x, x * f] as [number, number]),
  }));
  const three = scorePaired([...pairs, ...five], 3, 0.03, pairedJudge, new Rng(1));
  assert.equal(three.falseAlarms.checks, 0);
  assert.deepEqual(three.detection.map((d) => [d.slowdown, d.rate.hits, d.rate.checks]), [
    [0.25, 10, 10], // C(5, 3) subsets, all regressed
  ]);
  // A cap on checks samples that many subsets.
  assert.equal(
    scorePaired(five, 3, 0.03, pairedJudge, new Rng(1), 4).detection[0].rate.checks,
    4,
  );
});

Deno.test("scoreUnpaired pairs runs only across checks, each A/A pair once", () => {
  const runs = [
    { check: 0, slowdown: 0, windows: windows(100) },
    { check: 0, slowdown: 0, windows: windows(100) },
    { check: 1, slowdown: 0, windows: windows(100) },
    { check: 1, slowdown: 0.2, windows: windows(100 / 1.2) },
  ];
  const s = scoreUnpaired(runs, 0.03, unpairedJudge, new Rng(1));
  // A runs: #0, #1 (check 0), #2 (check 1). Cross-check A/A pairs: (0,2), (1,2).
  assert.equal(s.falseAlarms.checks, 2);
  assert.equal(s.falseAlarms.hits, 0);
  // The slowed run (check 1) against the A runs of check 0.
  assert.deepEqual([s.detection[0].rate.hits, s.detection[0].rate.checks], [2, 2]);
});
