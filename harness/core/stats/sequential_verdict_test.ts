import assert from "node:assert/strict";
import { Rng } from "../rng.ts";
import { designSequential, type SequentialDesign } from "./sequential_design.ts";
import { pairWindowNoise, processPairTheta, sequentialVerdict } from "./sequential_verdict.ts";
import { hodgesLehmann } from "./signed_rank.ts";
import { DEFAULT_SEQUENTIAL_DESIGN } from "./sequential_defaults.ts";

const close = (actual: number, expected: number, tol = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

// A design with round nominal levels, so the cases below can be worked by hand.
const hand: SequentialDesign = {
  minPairs: 3,
  maxPairs: 5,
  margin: 0,
  alpha: 0.0025,
  detect: [{ slowdown: 0.05, beta: 0.02 }, { slowdown: 0.1, beta: 0.005 }],
  statistic: "t",
  nominal: { regressed: 0.01, unchanged: [0.01, 0.005] },
  sims: 0,
  seed: 1,
};

// Student t with 2 df has a closed-form CDF: P(T <= t) = 1/2 + t / (2 √(t² + 2)).
const t2Cdf = (t: number) => 0.5 + t / (2 * Math.sqrt(t * t + 2));

Deno.test("sequentialVerdict() regresses three pairs 10% slower by hand: t = -8.66 on 2 df", () => {
  // mean -0.1, s 0.02, se 0.02/√3; T = -0.1/(0.02/√3) = -5√3 = -8.660.
  const r = sequentialVerdict([-0.1, -0.12, -0.08], hand);
  close(r.p.regressed, t2Cdf(-5 * Math.sqrt(3)), 1e-9); // 0.006536
  close(r.p.regressed, 0.006536, 1e-6);
  assert.equal(r.decision, "regressed");
  close(r.ratio, Math.exp(-0.1), 1e-12);
  // The same data against a stricter boundary: not yet.
  assert.equal(
    sequentialVerdict([-0.1, -0.12, -0.08], {
      ...hand,
      nominal: { ...hand.nominal, regressed: 0.005 },
    }).decision,
    "continue",
  );
});

Deno.test("sequentialVerdict() says unchanged when the pairs rule out both slowdowns by hand", () => {
  // mean 0, s 0.01: T5 = ln 1.05 / (0.01/√3) = 8.450, T10 = ln 1.1 / (0.01/√3) = 16.51.
  const se = 0.01 / Math.sqrt(3);
  const r = sequentialVerdict([0.01, -0.01, 0], hand);
  close(r.p.unchanged[0], 1 - t2Cdf(Math.log(1.05) / se), 1e-9); // 0.00686
  close(r.p.unchanged[1], 1 - t2Cdf(Math.log(1.1) / se), 1e-9); // 0.00175
  close(r.p.regressed, 0.5, 1e-12);
  assert.equal(r.decision, "unchanged");
  // Each slowdown to detect must be ruled out: a stricter 5% boundary keeps going.
  const strict = { ...hand, nominal: { regressed: 0.01, unchanged: [0.005, 0.005] } };
  assert.equal(sequentialVerdict([0.01, -0.01, 0], strict).decision, "continue");
});

Deno.test("sequentialVerdict() is inconclusive at the cap, never regressed without crossing", () => {
  const wide = [-0.06, 0.02, -0.1, 0.01, -0.05]; // mean -0.036, s 0.048: p_R 0.09
  const r = sequentialVerdict(wide, hand);
  assert.equal(r.k, 5);
  assert.equal(r.decision, "inconclusive");
  assert.equal(sequentialVerdict(wide.slice(0, 4), hand).decision, "continue");
  assert.throws(() => sequentialVerdict([...wide, 0], hand), RangeError);
});

Deno.test("sequentialVerdict() waits for minPairs and reads a zero spread as exact", () => {
  const early = sequentialVerdict([-0.3, -0.3], hand);
  assert.equal(early.decision, "continue");
  assert.ok(Number.isNaN(early.p.regressed));
  assert.equal(sequentialVerdict([], hand).decision, "continue");
  assert.equal(sequentialVerdict([-0.1, -0.1, -0.1], hand).decision, "regressed");
  assert.equal(sequentialVerdict([0, 0, 0], hand).decision, "unchanged");
  assert.throws(() => sequentialVerdict([0, NaN, 0], hand), RangeError);
});

Deno.test("sequentialVerdict() with a margin tests against ln(1 + margin)", () => {
  // Exactly 2% slower with a 2% margin: T_R = 0, p_R = 1/2, not regressed.
  const t = -Math.log(1.02);
  const r = sequentialVerdict([t - 0.01, t, t + 0.01], { ...hand, margin: 0.02 });
  close(r.p.regressed, 0.5, 1e-12);
  assert.notEqual(r.decision, "regressed");
});

Deno.test("the trimmed statistic sets one disturbed pair aside", () => {
  const trimmed = { ...hand, maxPairs: 8, statistic: "trimmed" as const, trimFrom: 5 };
  const quiet = [0.004, -0.006, 0.002, -0.003, 0.001];
  // One pair 25% off: the plain t's spread widens and it cannot decide; trimmed still can.
  const disturbed = [...quiet, -0.25];
  assert.equal(sequentialVerdict(disturbed, { ...hand, maxPairs: 8 }).decision, "continue");
  assert.equal(sequentialVerdict(disturbed, trimmed).decision, "unchanged");
  // By hand at k = 5: sorted -0.006 -0.003 0.001 0.002 0.004; trimmed mean 0; winsorized
  // -0.003 -0.003 0.001 0.002 0.002 (mean -0.0002), s_w² = 2.7e-5/4; se = s_w/(0.6 √5); df 2.
  const sw = Math.sqrt(2.68e-5 / 4), se = sw / (0.6 * Math.sqrt(5));
  const r = sequentialVerdict(quiet, trimmed);
  close(r.p.unchanged[0], 1 - t2Cdf(Math.log(1.05) / se), 1e-9);
});

Deno.test("processPairTheta() is the log ratio of total times, faster positive for both units", () => {
  close(processPairTheta([[100, 90], [100, 90], [100, 90]], true), Math.log(0.9), 1e-12);
  close(processPairTheta([[100, 90], [100, 90], [100, 90]], false), Math.log(100 / 90), 1e-12);
  // Throughputs [1, 2, 1] and [1, 2, 2]: times 1 + 0.5 + 1 = 2.5 and 1 + 0.5 + 0.5 = 2.
  close(processPairTheta([[1, 1], [2, 2], [1, 2]], true), Math.log(2.5 / 2), 1e-12);
  // Times: 10 + 20 + 30 = 60 against 10 + 20 + 45 = 75, the candidate 25% slower.
  close(processPairTheta([[10, 10], [20, 20], [30, 45]], false), Math.log(60 / 75), 1e-12);
  assert.throws(() => processPairTheta([[1, 0]], true), RangeError);
  assert.throws(() => processPairTheta([], true), RangeError);
});

Deno.test("processPairTheta() counts a slowdown that lands on every 5th window only", () => {
  // 15 one-step windows at 160 images/s; the candidate's windows 2, 7 and 12 take 1.5 times
  // as long (a forward pass every 5th step): 16.5 time units for 15, 10% less throughput.
  const pairs = Array.from({ length: 15 }, (_, i) => [160, i % 5 === 1 ? 160 / 1.5 : 160] as const);
  close(processPairTheta(pairs, true), -Math.log(1.1), 1e-12);
  // A median-type estimate reads it as no change at all: 12 of the 15 log ratios are 0.
  assert.equal(hodgesLehmann(pairs.map(([b, c]) => Math.log(c / b))).estimate, 0);
});

Deno.test("a simulated design keeps its error rates at any spread (scale invariance)", () => {
  const design = designSequential({
    minPairs: 3,
    maxPairs: 8,
    margin: 0,
    alpha: 0.05,
    detect: [{ slowdown: 0.05, beta: 0.1 }],
  }, { sims: 100000 });
  const n = 6000;
  for (const s of [0.01, 0.08]) {
    const rng = new Rng(11).split(String(s));
    let regressedAA = 0, unchanged5 = 0;
    for (let i = 0; i < n; i++) {
      const aa: number[] = [], slow: number[] = [];
      let a = sequentialVerdict(aa, design), b = sequentialVerdict(slow, design);
      while (a.decision === "continue") {
        aa.push(s * rng.normal());
        a = sequentialVerdict(aa, design);
      }
      while (b.decision === "continue") {
        slow.push(-Math.log(1.05) + s * rng.normal());
        b = sequentialVerdict(slow, design);
      }
      if (a.decision === "regressed") regressedAA++;
      if (b.decision === "unchanged") unchanged5++;
    }
    // Designed as upper bounds (the other boundary can only stop a run first): at most the
    // design's rate plus 3 Monte-Carlo errors.
    assert.ok(
      regressedAA / n <= 0.05 + 3 * Math.sqrt(0.05 * 0.95 / n),
      `s ${s}: ${regressedAA / n}`,
    );
    assert.ok(unchanged5 / n <= 0.1 + 3 * Math.sqrt(0.1 * 0.9 / n), `s ${s}: ${unchanged5 / n}`);
  }
});

Deno.test("a spread floor keeps four pairs that agree by chance from a regressed verdict", () => {
  // The 4 θ of a live A/A false alarm (MLP on wasm, gate/measured/estimate.md): mean -0.0446,
  // s 0.00555, t = -0.0446 / (0.00555 / 2) = -16.1 on 3 df, past the first look's 14.2.
  const thetas = [-0.0445, -0.0430, -0.0521, -0.0388];
  const design = DEFAULT_SEQUENTIAL_DESIGN;
  assert.equal(sequentialVerdict(thetas, design).decision, "regressed");
  // Floor 0.017: se = 0.017 / 2 = 0.0085, t = -5.25: p 0.0067 > 0.00038, continue; the interval
  // widens to -0.0446 ± 3.182 × 0.0085 (t 0.975 on 3 df): ratio 0.9328 to 0.9874.
  const floored = sequentialVerdict(thetas, design, 0.017);
  assert.equal(floored.decision, "continue");
  assert.ok(Math.abs(floored.ci[0] - Math.exp(-0.0446 - 3.1824 * 0.0085)) < 2e-4, `${floored.ci}`);
  assert.ok(Math.abs(floored.ci[1] - Math.exp(-0.0446 + 3.1824 * 0.0085)) < 2e-4, `${floored.ci}`);
  // A floor below the pairs' own spread changes nothing.
  assert.deepEqual(sequentialVerdict(thetas, design, 0.001), sequentialVerdict(thetas, design));
});

Deno.test("pairWindowNoise() is the variance of the mean window log ratio, by hand", () => {
  // ±ln 1.25: sample variance 2 (ln 1.25)² / 1 = 0.0995861, over 2 windows = 0.0497930.
  const v = pairWindowNoise([[100, 125], [100, 80]], true)!;
  assert.ok(Math.abs(v - 0.049793) < 1e-7, `${v}`);
  // Lower-is-better values (seconds) give the same noise for the same ratios.
  const s = pairWindowNoise([[1 / 100, 1 / 125], [1 / 100, 1 / 80]], false)!;
  assert.ok(Math.abs(s - v) < 1e-12);
  assert.equal(pairWindowNoise([[100, 90]], true), null);
  assert.equal(pairWindowNoise([[100, 90], [200, 180]], true), 0);
});
