import assert from "node:assert/strict";
import { claimVerdict } from "./claim_verdict.ts";

const close = (actual: number, expected: number, tol = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

// mean 0.98, s = 0.005, half = t(0.975, 2) * 0.005 / sqrt(3) = 4.302653 * 0.00288675 = 0.01242069
// -> CI [0.96757931, 0.99242069]
const measured = [0.975, 0.98, 0.985];
const verdict = (
  kind: "at_least" | "at_most" | "approximately" | "qualitative",
  value: number,
  tolerance?: number,
) => claimVerdict({ kind, value, tolerance, measured }).verdict;

Deno.test("claimVerdict() reports the mean, spread and t interval of the runs", () => {
  const r = claimVerdict({ kind: "at_least", value: 0.97, measured });
  close(r.mean, 0.98, 1e-12);
  close(r.std, 0.005, 1e-12);
  close(r.ci[0], 0.96757931);
  close(r.ci[1], 0.99242069);
  assert.equal(r.n, 3);
});

Deno.test("claimVerdict() reproduces at_least when the mean meets the value", () => {
  assert.equal(verdict("at_least", 0.97), "reproduced"); // 0.98 >= 0.97
  assert.equal(verdict("at_least", 0.98), "reproduced"); // equal counts
  assert.equal(verdict("at_least", 0.99), "inconclusive"); // mean below, CI top 0.9924 reaches
  assert.equal(verdict("at_least", 0.995), "not_reproduced"); // CI top 0.9924 < 0.995
  assert.equal(verdict("at_least", 0.995, 0.01), "inconclusive"); // threshold 0.985
  assert.equal(verdict("at_least", 0.995, 0.02), "reproduced"); // threshold 0.975
});

Deno.test("claimVerdict() mirrors the rule for at_most", () => {
  assert.equal(verdict("at_most", 0.98), "reproduced"); // 0.98 <= 0.98
  assert.equal(verdict("at_most", 0.97), "inconclusive"); // CI bottom 0.9676 < 0.97
  assert.equal(verdict("at_most", 0.96), "not_reproduced"); // CI bottom 0.9676 > 0.96
  assert.equal(verdict("at_most", 0.96, 0.01), "inconclusive"); // threshold 0.97
});

Deno.test("claimVerdict() compares approximately against the band value ± tolerance", () => {
  assert.equal(verdict("approximately", 0.98, 0.001), "reproduced"); // [0.979, 0.981]
  assert.equal(verdict("approximately", 0.95, 0.02), "inconclusive"); // [0.93, 0.97], CI from 0.9676
  assert.equal(verdict("approximately", 0.90, 0.05), "not_reproduced"); // [0.85, 0.95] < 0.9676
  assert.equal(verdict("approximately", 1.05, 0.05), "not_reproduced"); // CI top 0.9924 < 1.00
});

Deno.test("claimVerdict() needs a tolerance for approximately", () => {
  assert.throws(() => claimVerdict({ kind: "approximately", value: 1, measured }), {
    name: "TypeError",
    message: 'Claim kind "approximately" needs a tolerance, got "undefined"',
  });
});

Deno.test("claimVerdict() judges a qualitative claim as at_least on the caller's value", () => {
  // e.g. "training converges" turned into "final accuracy at least 0.97"
  assert.equal(verdict("qualitative", 0.97), "reproduced");
  assert.equal(verdict("qualitative", 0.995), "not_reproduced");
});

Deno.test("claimVerdict() with one run reproduces or stays inconclusive, never refutes", () => {
  const one = claimVerdict({ kind: "at_least", value: 0.98, measured: [0.5] });
  assert.equal(one.verdict, "inconclusive");
  assert.ok(Number.isNaN(one.std) && one.ci.every(Number.isNaN));
  assert.equal(
    claimVerdict({ kind: "at_least", value: 0.98, measured: [0.99] }).verdict,
    "reproduced",
  );
});

Deno.test("claimVerdict() with identical runs judges the exact value", () => {
  // s = 0, so the CI is [1, 1]: its top is below 1.1
  const r = claimVerdict({ kind: "at_least", value: 1.1, measured: [1, 1, 1] });
  assert.equal(r.verdict, "not_reproduced");
  assert.deepEqual(r.ci, [1, 1]);
});

Deno.test("claimVerdict() rejects an unknown kind, a bad value and no runs", () => {
  const kind = "roughly" as unknown as "at_least";
  assert.throws(() => claimVerdict({ kind, value: 1, measured }), {
    name: "TypeError",
    message: 'Unknown claim kind "roughly"',
  });
  assert.throws(() => claimVerdict({ kind: "at_least", value: NaN, measured }), TypeError);
  assert.throws(() => claimVerdict({ kind: "at_least", value: 1, measured: [] }), RangeError);
});
