import assert from "node:assert/strict";
import { meanCI } from "./mean_ci.ts";

const close = (actual: number, expected: number, tol = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

Deno.test("meanCI() is the mean plus or minus t(0.975, n - 1) s / sqrt(n)", () => {
  // [1, 2, 3]: mean 2, s = 1, t(0.975, 2) = 4.302653, half = 4.302653 / sqrt(3) = 2.484138
  const ci = meanCI([1, 2, 3]);
  assert.equal(ci.mean, 2);
  assert.equal(ci.n, 3);
  close(ci.low, 2 - 2.484138);
  close(ci.high, 2 + 2.484138);
});

Deno.test("meanCI() widens with the level", () => {
  // t(0.995, 2) = 9.924843, half = 9.924843 / sqrt(3) = 5.730111
  const ci = meanCI([1, 2, 3], 0.99);
  close(ci.low, 2 - 5.730111);
  close(ci.high, 2 + 5.730111);
});

Deno.test("meanCI() of one value has NaN bounds, not a zero-width interval", () => {
  const ci = meanCI([7]);
  assert.equal(ci.mean, 7);
  assert.equal(ci.n, 1);
  assert.ok(Number.isNaN(ci.low) && Number.isNaN(ci.high));
});

Deno.test("meanCI() of equal values is the point itself", () => {
  assert.deepEqual(meanCI([5, 5, 5]), { mean: 5, low: 5, high: 5, n: 3 });
});

Deno.test("meanCI() rejects an empty sample and a level outside (0, 1)", () => {
  assert.throws(() => meanCI([]), RangeError);
  assert.throws(() => meanCI([1, 2], 1), RangeError);
});
