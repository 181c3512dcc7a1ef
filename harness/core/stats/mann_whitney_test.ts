import assert from "node:assert/strict";
import { mannWhitney } from "./mann_whitney.ts";

const close = (actual: number, expected: number, tol: number) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

/**
 * Oracle for the normal CDF independent of the code under test: Abramowitz and Stegun
 * 26.2.17, absolute error below 7.5e-8.
 */
function phi(z: number): number {
  if (z < 0) return 1 - phi(-z);
  const t = 1 / (1 + 0.2316419 * z);
  const poly = t *
    (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return 1 - (Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI)) * poly;
}

Deno.test("mannWhitney() gives p = 2/20 for three values all below three others", () => {
  // C(6, 3) = 20 equally likely orders; U = 0 in exactly one, so P(U <= 0) = 1/20, p = 2/20.
  assert.deepEqual(mannWhitney([1, 2, 3], [4, 5, 6]), { u: 0, p: 0.1, method: "exact" });
});

Deno.test("mannWhitney() gives p = 2/252 for five values all below five others", () => {
  const r = mannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]);
  assert.equal(r.u, 0);
  assert.equal(r.method, "exact");
  close(r.p, 2 / 252, 1e-15); // C(10, 5) = 252
});

Deno.test("mannWhitney() counts the exact distribution for interleaved samples", () => {
  // a = [1, 3], b = [2, 4]: U_a = #(a_i > b_j) = 1 (3 > 2). The 6 orders of 2 + 2 give
  // U = 0, 1, 2, 2, 3, 4, so P(U <= 1) = 2/6, P(U >= 1) = 5/6 and p = 2 * 2/6 = 2/3.
  const r = mannWhitney([1, 3], [2, 4]);
  assert.equal(r.u, 1);
  close(r.p, 2 / 3, 1e-15);
  // Swapping the samples mirrors U to m n - U and keeps p.
  assert.equal(mannWhitney([2, 4], [1, 3]).u, 3);
  close(mannWhitney([2, 4], [1, 3]).p, 2 / 3, 1e-15);
});

Deno.test("mannWhitney() uses average ranks and the tie-corrected normal approximation", () => {
  const a = [1, 2, 2, 3], b = [2, 3, 4, 4];
  // Combined, sorted: 1a 2a 2a 2b 3a 3b 4b 4b. Ranks: 1 -> 1; the three 2s share ranks 2, 3, 4
  // -> 3; the two 3s share 5, 6 -> 5.5; the two 4s share 7, 8 -> 7.5.
  const rankSumA = 1 + 3 + 3 + 5.5; // 12.5
  const u = rankSumA - (4 * 5) / 2; // 12.5 - 10 = 2.5
  const m = 4, n = 4, N = 8;
  const mu = (m * n) / 2; // 8
  const ties = (3 ** 3 - 3) + (2 ** 3 - 2) + (2 ** 3 - 2); // 24 + 6 + 6 = 36
  const variance = (m * n / 12) * ((N + 1) - ties / (N * (N - 1))); // 4/3 * (9 - 36/56)
  const z = (Math.abs(u - mu) - 0.5) / Math.sqrt(variance); // 5 / 3.338092 = 1.497860
  const p = 2 * (1 - phi(z)); // 2 * 0.067085 = 0.134169
  const r = mannWhitney(a, b);
  assert.equal(r.method, "normal");
  assert.equal(r.u, u);
  close(variance, 11.142857, 1e-6);
  close(r.p, p, 2e-7);
  close(r.p, 0.134169, 1e-6);
});

Deno.test("mannWhitney() uses the normal approximation beyond 20 by 20 values", () => {
  // a = 1..21, b = 11.5..31.5: a_i beats b_j when j <= i - 11, so U = 1 + 2 + ... + 10 = 55.
  const a = Array.from({ length: 21 }, (_, i) => i + 1);
  const b = Array.from({ length: 21 }, (_, j) => j + 11.5);
  const mu = (21 * 21) / 2; // 220.5
  const sigma = Math.sqrt((21 * 21 * 43) / 12); // sqrt(1580.25) = 39.752358
  const z = (Math.abs(55 - mu) - 0.5) / sigma; // 165 / 39.752358 = 4.150697
  const r = mannWhitney(a, b);
  assert.equal(r.method, "normal");
  assert.equal(r.u, 55);
  close(r.p, 2 * (1 - phi(z)), 2e-7);
});

Deno.test("mannWhitney() gives p = 1 for identical samples and for one value against one", () => {
  assert.equal(mannWhitney([1, 2, 3], [1, 2, 3]).p, 1); // ties: |U - mu| - 1/2 < 0 -> z = 0
  assert.equal(mannWhitney([5, 5, 5], [5, 5]).p, 1); // all tied: zero variance
  assert.deepEqual(mannWhitney([1], [2]), { u: 0, p: 1, method: "exact" }); // 2 * 1/2
  assert.equal(mannWhitney([1], [1]).p, 1);
});

Deno.test("mannWhitney() is exact for 20 against 20 values without ties", () => {
  const a = Array.from({ length: 20 }, (_, i) => i);
  const b = Array.from({ length: 20 }, (_, i) => i + 100);
  const r = mannWhitney(a, b);
  assert.equal(r.method, "exact");
  close(r.p, 2 / 137846528820, 1e-20); // C(40, 20) = 137846528820
});

Deno.test("mannWhitney() rejects empty samples", () => {
  assert.throws(() => mannWhitney([], [1]), {
    name: "RangeError",
    message: "Cannot compute mannWhitney() first sample: sample is empty, got 0",
  });
});
