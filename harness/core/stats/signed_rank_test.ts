import assert from "node:assert/strict";
import { hodgesLehmann, signedRank } from "./signed_rank.ts";
import { clusteredTimingVerdict, pairedTimingVerdict } from "./paired_timing_verdict.ts";

Deno.test("signedRank: three positive differences, exact: W+ = 6, p = 2/8", () => {
  assert.deepEqual(signedRank([1, 2, 3]), { wPlus: 6, n: 3, p: 0.25, method: "exact" });
});

Deno.test("signedRank: n = 4, W+ = 8 has 3 of 16 sign patterns at or above it", () => {
  // Ranks 1..4, positives at ranks 1, 3, 4. W+ counts for n = 4, w = 0..10:
  // 1 1 1 2 2 2 2 2 1 1 1 (16 patterns); P(W+ >= 8) = 3/16.
  const r = signedRank([1, -2, 3, 4]);
  assert.equal(r.wPlus, 8);
  assert.equal(r.p, 2 * 3 / 16);
});

Deno.test("signedRank: n = 10, W+ = 8 is the 5% two-sided critical value (p = 50/1024)", () => {
  // Tables (and R's wilcox.test(c(-1:-7, 8, -9, -10))): V = 8, p-value = 0.04883.
  const r = signedRank([-1, -2, -3, -4, -5, -6, -7, 8, -9, -10]);
  assert.equal(r.wPlus, 8);
  assert.equal(r.method, "exact");
  assert.equal(r.p, 50 / 1024);
});

Deno.test("signedRank: ties use average ranks and the normal approximation", () => {
  // |d| = 1, 1, 2 -> ranks 1.5, 1.5, 3; W+ = 3 = n(n+1)/4: z = 0 after the continuity
  // correction, p = 1. sigma^2 = 3*4*7/24 - (8 - 2)/48 = 3.375.
  assert.deepEqual(signedRank([1, 1, -2]), { wPlus: 3, n: 3, p: 1, method: "normal" });
  // |d| = 1,1,1,1 all positive: W+ = 10, mean 5, sigma^2 = 7.5 - 60/48 = 6.25;
  // z = (5 - 0.5)/2.5 = 1.8, p = erfc(1.8/sqrt 2) = 0.0718606...
  const r = signedRank([1, 1, 1, 1]);
  assert.equal(r.method, "normal");
  assert.ok(Math.abs(r.p - 0.07186063822585135) < 1e-9, String(r.p));
});

Deno.test("signedRank: zeros are dropped; all zeros (identical samples) give p = 1", () => {
  assert.deepEqual(signedRank([0, 0, 0]), { wPlus: 0, n: 0, p: 1, method: "exact" });
  assert.deepEqual(signedRank([0, 1, 2, 3]), signedRank([1, 2, 3]));
  assert.throws(() => signedRank([]), /empty/);
});

Deno.test("hodgesLehmann: the median of the Walsh averages", () => {
  // Walsh averages of 1, 2, 3: 1, 1.5, 2, 2, 2.5, 3.
  assert.equal(hodgesLehmann([1, 2, 3]).estimate, 2);
  // Of 0, 10: 0, 5, 10 -> 5 (the mean, not the median of the data, here equal).
  assert.equal(hodgesLehmann([0, 10]).estimate, 5);
  // Of 1, 2, 9: 1, 1.5, 2, 5, 5.5, 9 -> (2 + 5) / 2 = 3.5.
  assert.equal(hodgesLehmann([1, 2, 9]).estimate, 3.5);
});

Deno.test("hodgesLehmann: tiny samples get the data's whole range, coverage 1", () => {
  // n = 3: P(W+ <= 0) = 1/8 > 0.025, so no order statistic can be cut off.
  assert.deepEqual(hodgesLehmann([1, 2, 3]), { estimate: 2, ci: [1, 3], coverage: 1 });
  assert.deepEqual(hodgesLehmann([4]), { estimate: 4, ci: [4, 4], coverage: 1 });
});

Deno.test("hodgesLehmann: n = 10 cuts 8 Walsh averages from each end (k = 9)", () => {
  // P(W+ <= 8) = 25/1024 <= 0.025 < P(W+ <= 9) = 33/1024: k - 1 = 8, interval
  // [W_(9), W_(47)] of the M = 55 sorted averages, coverage 1 - 50/1024.
  const d = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  const walsh: number[] = [];
  for (let i = 0; i < 10; i++) for (let j = i; j < 10; j++) walsh.push((d[i] + d[j]) / 2);
  walsh.sort((a, b) => a - b);
  const r = hodgesLehmann(d);
  assert.deepEqual(r.ci, [walsh[8], walsh[46]]);
  assert.equal(r.coverage, 1 - 50 / 1024);
  assert.equal(r.estimate, 5.5);
});

Deno.test("pairedTimingVerdict: a 20% slower candidate in every pair regresses", () => {
  const pairs = Array.from(
    { length: 12 },
    (_, i) => [100 + i, (100 + i) * 0.8 * (1 + (i - 6) * 0.001)] as const,
  );
  const v = pairedTimingVerdict({ pairs, higherIsBetter: true, margin: 0.05 });
  assert.equal(v.verdict, "regressed");
  assert.ok(Math.abs(v.ratio - 0.8) < 0.001, String(v.ratio));
  assert.equal(v.p, 2 / 4096); // every difference negative: 1 of 2^12 patterns, twice
});

Deno.test("pairedTimingVerdict: identical pairs are unchanged; 7 pairs can never reach 0.01", () => {
  const same = Array.from({ length: 10 }, (_, i) => [50 + i, 50 + i] as const);
  assert.equal(pairedTimingVerdict({ pairs: same, higherIsBetter: true }).verdict, "unchanged");
  const seven = Array.from({ length: 7 }, (_, i) => [100 + i, 50] as const);
  assert.equal(pairedTimingVerdict({ pairs: seven, higherIsBetter: true }).verdict, "inconclusive");
});

Deno.test("pairedTimingVerdict: load shared by both sides of a pair cancels out", () => {
  // The machine's speed swings by 2x across windows; the candidate is 10% slower in each pair.
  const pairs = Array.from({ length: 30 }, (_, i) => {
    const load = 1 + (i % 5) * 0.25;
    return [1000 / load, (1000 / load) / 1.1 * (1 + ((i * 7) % 3 - 1) * 0.01)] as const;
  });
  const v = pairedTimingVerdict({ pairs, higherIsBetter: true, margin: 0.03 });
  assert.equal(v.verdict, "regressed");
  assert.ok(Math.abs(v.ratio - 1 / 1.1) < 0.01, String(v.ratio));
  // Times (lower is better): the same data read as milliseconds is an improvement.
  const ms = pairedTimingVerdict({ pairs, higherIsBetter: false, margin: 0.03 });
  assert.equal(ms.verdict, "improved");
});

Deno.test("clusteredTimingVerdict: a t-test over process pairs' Hodges-Lehmann ratios", () => {
  // Pairs whose windows differ by exactly the factor f: each cluster's HL log ratio is ln f.
  const cluster = (f: number) =>
    Array.from({ length: 10 }, (_, i) => [100 + i, (100 + i) * f] as [number, number]);
  const fs = [0.9, 0.92, 0.88, 0.91];
  const v = clusteredTimingVerdict({
    clusters: fs.map(cluster),
    higherIsBetter: true,
    margin: 0.02,
  });
  // Hand computation on θ = ln f: mean, sd (n - 1), t with 3 df.
  const th = fs.map(Math.log);
  const mean = th.reduce((a, b) => a + b) / 4;
  const sd = Math.sqrt(th.reduce((a, b) => a + (b - mean) ** 2, 0) / 3);
  const t = mean / (sd / 2);
  assert.ok(Math.abs(v.ratio - Math.exp(mean)) < 1e-9);
  // t(0.975, 3) = 3.182446305284263
  const half = 3.182446305284263 * sd / 2;
  assert.ok(Math.abs(v.ci[0] - Math.exp(mean - half)) < 1e-6, String(v.ci));
  assert.ok(Math.abs(v.ci[1] - Math.exp(mean + half)) < 1e-6, String(v.ci));
  // t = -10.816 on 3 df: two-sided p = 0.00169 (R: 2 * pt(-10.816, 3)).
  assert.ok(t < -10.8 && t > -10.82, String(t));
  assert.ok(Math.abs(v.p - 0.00169) < 0.00001, String(v.p));
  assert.equal(v.verdict, "regressed");
});

Deno.test("clusteredTimingVerdict: spread between process pairs widens the interval", () => {
  const cluster = (f: number) =>
    Array.from({ length: 10 }, (_, i) => [100 + i, (100 + i) * f] as [number, number]);
  // A/A: pairs of processes 2-5% apart either way: the mean is near 1, not significant.
  const aa = clusteredTimingVerdict({
    clusters: [1.02, 0.97, 1.05, 0.98, 1.0].map(cluster),
    higherIsBetter: true,
    margin: 0.02,
  });
  assert.equal(aa.verdict, "unchanged");
  // Two pairs are too few; one pair falls back to the windows' own signed-rank test.
  const two = clusteredTimingVerdict({
    clusters: [0.5, 0.5].map(cluster),
    higherIsBetter: true,
  });
  assert.equal(two.verdict, "inconclusive");
  const one = clusteredTimingVerdict({ clusters: [cluster(1)], higherIsBetter: true });
  assert.deepEqual(one, pairedTimingVerdict({ pairs: cluster(1), higherIsBetter: true }));
  // No spread at all: the interval is the point; a shift of exactly 0 is unchanged.
  const same = clusteredTimingVerdict({
    clusters: [1, 1, 1].map(cluster),
    higherIsBetter: true,
  });
  assert.deepEqual([same.verdict, same.ci, same.p], ["unchanged", [1, 1], 1]);
});
