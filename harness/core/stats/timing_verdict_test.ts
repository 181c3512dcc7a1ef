import assert from "node:assert/strict";
import { Rng } from "../rng.ts";
import { timingVerdict } from "./timing_verdict.ts";

const close = (actual: number, expected: number, tol = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

// 15 window times (ms), about ±1.5% around 100, median 100.1.
const base = [
  100.0,
  101.2,
  99.1,
  100.6,
  98.7,
  100.3,
  101.8,
  99.5,
  100.9,
  98.9,
  100.1,
  101.4,
  99.8,
  100.4,
  99.3,
];
const scaled = (k: number) => base.map((t) => t * k);

Deno.test("timingVerdict() flags a 20% slowdown", () => {
  const r = timingVerdict({ baseline: base, candidate: scaled(1.2), higherIsBetter: false });
  assert.equal(r.verdict, "regressed");
  close(r.ratio, 1.2);
  // Every candidate window is slower than every baseline one: U = 0 and the exact
  // p = 2 / C(30, 15) = 2 / 155117520.
  close(r.p, 2 / 155117520, 1e-20);
  assert.ok(r.ci[0] > 1.02, `CI ${r.ci}`);
  assert.match(r.method, /Mann-Whitney U \(exact\)/);
});

Deno.test("timingVerdict() flags the same slowdown measured as throughput", () => {
  const throughput = (ts: number[]) => ts.map((t) => 1000 / t);
  const r = timingVerdict({
    baseline: throughput(base),
    candidate: throughput(scaled(1.2)),
    higherIsBetter: true,
  });
  assert.equal(r.verdict, "regressed");
  close(r.ratio, 1 / 1.2); // median of 1000/t is 1000 / median of t for an odd count
});

Deno.test("timingVerdict() calls a 20% speedup an improvement", () => {
  const r = timingVerdict({ baseline: base, candidate: scaled(1 / 1.2), higherIsBetter: false });
  assert.equal(r.verdict, "improved");
});

Deno.test("timingVerdict() of identical samples is unchanged with p = 1", () => {
  const r = timingVerdict({ baseline: base, candidate: [...base], higherIsBetter: false });
  assert.equal(r.verdict, "unchanged");
  assert.equal(r.p, 1);
  assert.equal(r.ratio, 1);
});

Deno.test("timingVerdict() ignores a significant change inside the margin", () => {
  // Spread 0.1%, shift 0.5%: every candidate window is slower (p tiny), yet the whole CI of
  // the ratio lies within [1/1.02, 1.02].
  const tight = base.map((t) => 100 + (t - 100) / 15);
  const r = timingVerdict({
    baseline: tight,
    candidate: tight.map((t) => t * 1.005),
    higherIsBetter: false,
    margin: 0.02,
  });
  assert.ok(r.p < 0.01);
  assert.ok(r.ci[0] >= 1 / 1.02 && r.ci[1] <= 1.02, `CI ${r.ci}`);
  assert.equal(r.verdict, "unchanged");
});

Deno.test("timingVerdict() is inconclusive when the CI straddles the margin", () => {
  // A 2% slowdown against a 2% margin: significant, but the CI holds 1.02 inside it.
  const r = timingVerdict({
    baseline: base,
    candidate: scaled(1.02),
    higherIsBetter: false,
    margin: 0.02,
  });
  assert.ok(r.p < 0.01);
  assert.ok(r.ci[0] < 1.02 && r.ci[1] > 1.02, `CI ${r.ci}`);
  assert.equal(r.verdict, "inconclusive");
});

Deno.test("timingVerdict() is inconclusive with too few windows to reach alpha", () => {
  // 2 per side is below the minimum of 3.
  const two = timingVerdict({ baseline: [10, 11], candidate: [20, 21], higherIsBetter: false });
  assert.equal(two.verdict, "inconclusive");
  // 4 per side: the smallest exact p is 2 / C(8, 4) = 2/70 = 0.0286, never below 0.01 ...
  const b4 = [10, 10.1, 9.9, 10.2], c4 = [20, 20.1, 19.9, 20.2];
  const four = timingVerdict({ baseline: b4, candidate: c4, higherIsBetter: false });
  assert.equal(four.verdict, "inconclusive");
  close(four.p, 2 / 70);
  // ... but below 0.05.
  const loose = timingVerdict({ baseline: b4, candidate: c4, higherIsBetter: false, alpha: 0.05 });
  assert.equal(loose.verdict, "regressed");
});

Deno.test("timingVerdict() calls an insignificant change unchanged, however wide its CI", () => {
  // Interleaved samples (U = 3 of 9): 3 against 3 can never reach p < 0.05 (smallest p 0.1).
  const r = timingVerdict({
    baseline: [10, 30, 50],
    candidate: [20, 40, 60],
    higherIsBetter: false,
    alpha: 0.05,
  });
  assert.equal(r.verdict, "inconclusive");
  // 6 against 6, interleaved: p > 0.5 -> unchanged, though the CI spans far beyond any margin.
  const six = timingVerdict({
    baseline: [10, 30, 50, 70, 90, 110],
    candidate: [20, 40, 60, 80, 100, 120],
    higherIsBetter: false,
  });
  assert.ok(six.p > 0.5);
  assert.equal(six.verdict, "unchanged");
});

Deno.test("timingVerdict() gives the same verdict and CI for the same data", () => {
  const input = { baseline: base, candidate: scaled(1.03), higherIsBetter: false };
  assert.deepEqual(timingVerdict(input), timingVerdict(input));
  assert.deepEqual(
    timingVerdict({ ...input, rng: new Rng(5) }).ci,
    timingVerdict({ ...input, rng: new Rng(5) }).ci,
  );
});

Deno.test("timingVerdict() rejects non-positive times and a bad margin", () => {
  assert.throws(
    () => timingVerdict({ baseline: [1, -1, 2], candidate: [1, 2, 3], higherIsBetter: false }),
    {
      name: "RangeError",
      message:
        'Cannot compute timingVerdict() baseline: value at index 1 must be positive, got "-1"',
    },
  );
  assert.throws(
    () => timingVerdict({ baseline: [1], candidate: [1], higherIsBetter: false, margin: -0.1 }),
    { name: "RangeError", message: 'Margin must be a finite fraction >= 0, got "-0.1"' },
  );
  assert.throws(
    () => timingVerdict({ baseline: [], candidate: [1], higherIsBetter: true }),
    RangeError,
  );
});
