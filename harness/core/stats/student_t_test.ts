import assert from "node:assert/strict";
import { normalCdf, tCdf, tQuantile } from "./student_t.ts";

const close = (actual: number, expected: number, tol: number) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

Deno.test("tQuantile() matches the printed t table to 1e-4", () => {
  // Two-sided 95% critical values from standard tables (7 significant digits).
  const table: Array<[number, number]> = [
    [1, 12.706205],
    [2, 4.302653],
    [4, 2.776445],
    [9, 2.262157],
    [29, 2.045230],
    [Infinity, 1.959964],
  ];
  for (const [df, t] of table) close(tQuantile(0.975, df), t, 1e-4);
  // 99% two-sided: df 3 -> 5.840909, df 10 -> 3.169273
  close(tQuantile(0.995, 3), 5.840909, 1e-4);
  close(tQuantile(0.995, 10), 3.169273, 1e-4);
});

Deno.test("tQuantile() uses the closed forms for df 1 and 2", () => {
  // df 1 (Cauchy): tan(pi (p - 1/2)); tan(pi * 0.25) = 1
  close(tQuantile(0.75, 1), 1, 1e-12);
  // df 2: (2p - 1) / sqrt(2 p (1 - p)) = 0.95 / sqrt(0.04875)
  close(tQuantile(0.975, 2), 0.95 / Math.sqrt(0.04875), 1e-12);
});

Deno.test("tQuantile() is antisymmetric and inverts tCdf() for fractional df", () => {
  close(tQuantile(0.025, 9), -tQuantile(0.975, 9), 1e-12);
  assert.equal(tQuantile(0.5, 7), 0);
  for (const p of [0.001, 0.2, 0.9, 0.9999]) close(tCdf(tQuantile(p, 3.7), 3.7), p, 1e-10);
});

Deno.test("tCdf() matches the Cauchy CDF at df 1 and the normal at df Infinity", () => {
  close(tCdf(1, 1), 0.75, 1e-12); // 1/2 + atan(1)/pi
  close(tCdf(-1, 1), 0.25, 1e-12);
  close(tCdf(1.5, Infinity), normalCdf(1.5), 1e-15);
});

Deno.test("normalCdf() matches the printed normal table", () => {
  assert.equal(normalCdf(0), 0.5);
  close(normalCdf(1.96), 0.9750021, 1e-7);
  close(normalCdf(1.5), 0.9331928, 1e-7);
  close(normalCdf(-3), 0.0013499, 1e-7);
});

Deno.test("tQuantile() rejects probabilities outside (0, 1) and df <= 0", () => {
  assert.throws(() => tQuantile(1, 5), {
    name: "RangeError",
    message: 'Probability must be in (0, 1), got "1"',
  });
  assert.throws(() => tQuantile(0.5, 0), {
    name: "RangeError",
    message: 'Degrees of freedom must be positive, got "0"',
  });
});
