import assert from "node:assert/strict";
import { calibrateMargin } from "./calibrate_margin.ts";

const close = (actual: number, expected: number, tol = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

// Medians 101 -> 102, 50 -> 51, 200 -> 196 and 10 -> 10.
const pairs = [
  { a: [100, 102, 101], b: [101, 103, 102] },
  { a: [50, 50], b: [51, 51] },
  { a: [200], b: [196] },
  { a: [10, 10, 10], b: [10, 10, 10] },
];
// |ln(102/101)| = 0.00985229, ln(51/50) = 0.01980263, |ln(196/200)| = 0.02020271, 0
const observed = [Math.log(102 / 101), Math.log(1.02), -Math.log(0.98), 0];

Deno.test("calibrateMargin() reports each pair's absolute log ratio of medians in order", () => {
  const r = calibrateMargin(pairs);
  assert.equal(r.observed.length, 4);
  r.observed.forEach((x, i) => close(x, observed[i]));
  close(r.observed[0], 0.00985229, 1e-8);
});

Deno.test("calibrateMargin() turns the 0.99 quantile of A/A log ratios into a fraction", () => {
  // sorted [0, 0.00985229, 0.01980263, 0.02020271]; h = 3 * 0.99 = 2.97
  // q = 0.01980263 + 0.97 * (0.02020271 - 0.01980263) = 0.01980263 + 0.00038808 = 0.02019071
  // margin = e^q - 1 = 0.02039592, above the default floor 0.01
  const q = observed[1] + 0.97 * (observed[2] - observed[1]);
  close(q, 0.02019071, 1e-8);
  close(calibrateMargin(pairs).margin, Math.expm1(q));
  close(calibrateMargin(pairs).margin, 0.02039592, 1e-8);
});

Deno.test("calibrateMargin() never returns less than the floor", () => {
  // quantile 0.5: h = 1.5 -> (0.00985229 + 0.01980263) / 2 = 0.01482746 -> e^q - 1 = 0.01493793
  close(calibrateMargin(pairs, { quantile: 0.5, floor: 0 }).margin, 0.01493793, 1e-8);
  close(calibrateMargin(pairs, { quantile: 0.5 }).margin, 0.01493793, 1e-8); // floor 0.01
  assert.equal(calibrateMargin(pairs, { quantile: 0.5, floor: 0.02 }).margin, 0.02);
  assert.equal(calibrateMargin(pairs, { floor: 0.05 }).margin, 0.05);
});

Deno.test("calibrateMargin() of identical A/A runs is the floor", () => {
  const r = calibrateMargin([{ a: [3, 4], b: [3, 4] }, { a: [9], b: [9] }]);
  assert.deepEqual(r, { margin: 0.01, observed: [0, 0] }); // the default floor
  assert.equal(calibrateMargin([{ a: [3], b: [3] }], { floor: 0.02 }).margin, 0.02);
});

Deno.test("calibrateMargin() rejects no pairs, empty samples and non-positive values", () => {
  assert.throws(() => calibrateMargin([]), RangeError);
  assert.throws(() => calibrateMargin([{ a: [], b: [1] }]), {
    name: "RangeError",
    message: "Cannot compute calibrateMargin() pair 0 a: sample is empty, got 0",
  });
  assert.throws(() => calibrateMargin([{ a: [1], b: [-1] }]), RangeError);
  assert.throws(() => calibrateMargin(pairs, { floor: -0.1 }), RangeError);
});
