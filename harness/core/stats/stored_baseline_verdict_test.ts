import assert from "node:assert/strict";
import { storedBaselineVerdict } from "./stored_baseline_verdict.ts";
import { tCdf } from "./student_t.ts";

const close = (actual: number, expected: number, tol = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

// ln speeds -0.02, -0.01, 0, 0.01, 0.02 around a level: mean 0, sum of squares 0.001.
const spread = [-0.02, -0.01, 0, 0.01, 0.02];
const at = (level: number) => spread.map((e) => 1000 * Math.exp(level + e));

Deno.test("storedBaselineVerdict() by hand: T = d / (s √(2ρ² + 1/B + 1/K)) on min(B, K) - 1 df", () => {
  // d = ln 0.8; both sessions' s² = 0.001/4 = 0.00025; ρ = 1: se = 0.0158 √2.4 = 0.0245.
  const r = storedBaselineVerdict({
    baseline: at(0),
    candidate: at(Math.log(0.8)),
    higherIsBetter: true,
  });
  const se = Math.sqrt(0.00025) * Math.sqrt(2 + 0.4);
  close(r.p, tCdf(Math.log(0.8) / se, 4));
  close(r.ratio, 0.8);
  assert.equal(r.verdict, "regressed");
});

Deno.test("storedBaselineVerdict() takes the wider session's spread, or the calibrated one", () => {
  // The candidate spread twice as wide: s = 2 √0.00025, the baseline's narrower spread unused.
  const wide = spread.map((e) => 800 * Math.exp(2 * e));
  const r = storedBaselineVerdict({ baseline: at(0), candidate: wide, higherIsBetter: true });
  close(r.p, tCdf(Math.log(0.8) / (2 * Math.sqrt(0.00025) * Math.sqrt(2.4)), 4));
  const cal = storedBaselineVerdict({
    baseline: at(0),
    candidate: at(Math.log(0.8)),
    higherIsBetter: true,
    sigma: 0.1,
  });
  close(cal.p, tCdf(Math.log(0.8) / (0.1 * Math.sqrt(2.4)), 4));
  assert.equal(cal.verdict, "inconclusive");
});

Deno.test("storedBaselineVerdict() times are speeds inverted", () => {
  const times = (level: number) => at(level).map((v) => 1e6 / v);
  const r = storedBaselineVerdict({
    baseline: times(0),
    candidate: times(Math.log(0.8)),
    higherIsBetter: false,
  });
  close(r.ratio, 0.8);
  assert.equal(r.verdict, "regressed");
});

Deno.test("storedBaselineVerdict() charges the session drift: the same 8% is regressed only with ρ = 0", () => {
  const input = { baseline: at(0), candidate: at(Math.log(0.92)), higherIsBetter: true };
  assert.equal(storedBaselineVerdict({ ...input, sessionRatio: 0 }).verdict, "regressed");
  const r = storedBaselineVerdict(input);
  assert.equal(r.verdict, "inconclusive");
  assert.ok(r.margin > 0.08, `margin ${r.margin}`);
});

Deno.test("storedBaselineVerdict() says unchanged only when the interval clears the floor", () => {
  const tight = { baseline: at(0), candidate: at(0), higherIsBetter: true, sessionRatio: 0 };
  assert.equal(storedBaselineVerdict({ ...tight, floor: 0.2 }).verdict, "unchanged");
  assert.equal(storedBaselineVerdict({ ...tight, floor: 0.01 }).verdict, "inconclusive");
});

Deno.test("storedBaselineVerdict() refuses to judge too few processes or other machines", () => {
  const half = { baseline: at(0), candidate: at(Math.log(0.5)), higherIsBetter: true };
  assert.equal(
    storedBaselineVerdict({ ...half, baseline: at(0).slice(0, 4) }).verdict,
    "inconclusive",
  );
  assert.equal(storedBaselineVerdict({ ...half, baseline: [1000] }).verdict, "inconclusive");
  assert.equal(
    storedBaselineVerdict({ ...half, candidate: at(-0.7).slice(0, 4) }).verdict,
    "inconclusive",
  );
  const other = storedBaselineVerdict({ ...half, notComparable: "cpu model differs" });
  assert.equal(other.verdict, "not comparable");
  assert.match(other.reason, /cpu model differs/);
  assert.throws(() => storedBaselineVerdict({ ...half, baseline: [1, 0, 1, 1, 1] }), RangeError);
});
