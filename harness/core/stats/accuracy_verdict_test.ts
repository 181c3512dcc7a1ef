import assert from "node:assert/strict";
import { accuracyVerdict } from "./accuracy_verdict.ts";

const close = (actual: number, expected: number, tol = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

Deno.test("accuracyVerdict() flags a drop of ten points over three seeds", () => {
  // means 0.92 and 0.82, d = -0.10; each variance (0.02² + 0 + 0.02²) / 2 = 0.0004
  // se = sqrt(0.0004/3 + 0.0004/3) = 0.01632993; Welch df = 4 (equal n and variance)
  // half = t(0.975, 4) * se = 2.776445 * 0.01632993 = 0.04533902
  const r = accuracyVerdict({
    baseline: [0.90, 0.92, 0.94],
    candidate: [0.80, 0.82, 0.84],
    tolerance: 0.01,
  });
  assert.equal(r.verdict, "regressed");
  close(r.difference, -0.10);
  close(r.df, 4, 1e-9);
  close(r.ci[0], -0.10 - 0.04533902);
  close(r.ci[1], -0.10 + 0.04533902);
});

Deno.test("accuracyVerdict() calls a rise beyond the tolerance an improvement", () => {
  const r = accuracyVerdict({
    baseline: [0.80, 0.82, 0.84],
    candidate: [0.90, 0.92, 0.94],
    tolerance: 0.01,
  });
  assert.equal(r.verdict, "improved");
  close(r.ci[0], 0.10 - 0.04533902);
});

Deno.test("accuracyVerdict() uses Welch's degrees of freedom for unequal variances", () => {
  // baseline mean 0.905, s² = 0.00005 -> vb = 0.000025; candidate mean 0.95,
  // s² = (0.0009 + 0.0001 + 0.0001 + 0.0009) / 3 = 0.00066667 -> vc = 0.00016667
  // df = (vb + vc)² / (vb²/1 + vc²/3) = 3.6736e-8 / 9.8843e-9 = 3.716628
  // se = sqrt(0.00019167) = 0.01384437; t(0.975, 3.716628) = 2.861962; half = 0.03962205
  const r = accuracyVerdict({
    baseline: [0.90, 0.91],
    candidate: [0.92, 0.94, 0.96, 0.98],
    tolerance: 0.01,
  });
  close(r.df, 3.716628);
  close(r.difference, 0.045);
  close(r.ci[0], 0.045 - 0.03962205);
  close(r.ci[1], 0.045 + 0.03962205);
  assert.equal(r.verdict, "inconclusive"); // lower bound 0.0054 < 0.01 < upper bound
});

Deno.test("accuracyVerdict() of identical noisy samples is unchanged only within a wide tolerance", () => {
  // d = 0; s = 0.01 each side; se = sqrt(2 * 0.0001 / 3) = 0.00816497; df = 4
  // half = 2.776445 * 0.00816497 = 0.02266951
  const same = [0.90, 0.91, 0.92];
  const tight = accuracyVerdict({ baseline: same, candidate: same, tolerance: 0.01 });
  assert.equal(tight.verdict, "inconclusive");
  close(tight.ci[1], 0.02266951);
  const wide = accuracyVerdict({ baseline: same, candidate: same, tolerance: 0.03 });
  assert.equal(wide.verdict, "unchanged");
});

Deno.test("accuracyVerdict() with no spread reduces the interval to the difference", () => {
  const same = accuracyVerdict({ baseline: [0.9, 0.9], candidate: [0.9, 0.9], tolerance: 0 });
  assert.equal(same.verdict, "unchanged");
  assert.deepEqual(same.ci, [0, 0]);
  assert.ok(Number.isNaN(same.df));
  const drop = accuracyVerdict({ baseline: [0.9, 0.9], candidate: [0.85, 0.85], tolerance: 0.01 });
  assert.equal(drop.verdict, "regressed");
  close(drop.ci[0], -0.05, 1e-12);
  close(drop.ci[1], -0.05, 1e-12);
});

Deno.test("accuracyVerdict() with one seed on a side borrows the other side's spread", () => {
  // d = 0.80 - 0.92 = -0.12; se = 0.02 * sqrt(1/3 + 1/1) = 0.02309401; df = 3 - 1 = 2
  // half = t(0.975, 2) * se = 4.302653 * 0.02309401 = 0.09936551 -> CI [-0.21937, -0.02063]
  const r = accuracyVerdict({ baseline: [0.90, 0.92, 0.94], candidate: [0.80], tolerance: 0.01 });
  assert.equal(r.df, 2);
  close(r.ci[0], -0.12 - 0.09936551);
  close(r.ci[1], -0.12 + 0.09936551);
  assert.equal(r.verdict, "regressed");
});

Deno.test("accuracyVerdict() with one seed per side is inconclusive", () => {
  const r = accuracyVerdict({ baseline: [0.9], candidate: [0.5], tolerance: 0.01 });
  assert.equal(r.verdict, "inconclusive");
  close(r.difference, -0.4);
  assert.ok(r.ci.every(Number.isNaN));
});

Deno.test("accuracyVerdict() rejects a negative tolerance and empty samples", () => {
  assert.throws(() => accuracyVerdict({ baseline: [1], candidate: [1], tolerance: -1 }), {
    name: "RangeError",
    message: 'Tolerance must be a finite number >= 0, got "-1"',
  });
  assert.throws(() => accuracyVerdict({ baseline: [], candidate: [1], tolerance: 0 }), RangeError);
});
