import assert from "node:assert/strict";
import { Rng } from "../rng.ts";
import { DEFAULT_SUITE_SPEC, suiteVerdict } from "./suite_verdict.ts";

const close = (actual: number, expected: number, tol: number) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

Deno.test("suiteVerdict() agrees with SciPy's Welch t on two targets worked by hand", () => {
  // Target 1: mean -0.05, s² 0.0002, v = 0.0001 on 1 df. Target 2: mean -0.04, s² 0.0001,
  // v = 0.0001/3 on 2 df. M = -0.045, SE = √(v1 + v2)/2 = 0.0057735,
  // df = (v1 + v2)² / (v1² + v2²/2) = 1.68421. SciPy 1.x (python3-scipy):
  // scipy.stats.t.cdf((-0.045 + log(1.005)) / SE, df) = 0.015544332534976928,
  // scipy.stats.t.cdf(-(-0.045 + log(1.05)) / SE, df) = 0.29485043493873053,
  // scipy.stats.t.ppf(0.975, df) = 5.176231628546516.
  const r = suiteVerdict([{ thetas: [-0.06, -0.04] }, { thetas: [-0.05, -0.03, -0.04] }]);
  close(r.df, 1.6842105263157898, 1e-12);
  close(r.p, 0.015544332534976928, 1e-9);
  close(r.ratio, Math.exp(-0.045), 1e-15);
  const half = 5.176231628546516 * 0.005773502691896258;
  close(r.ci[0], Math.exp(-0.045 - half), 1e-9);
  close(r.ci[1], Math.exp(-0.045 + half), 1e-9);
  // Neither p reaches 0.2%: inconclusive, both p named.
  assert.equal(r.decision, "inconclusive");
  assert.match(r.reason, /p 0\.016\) nor less than 5% slower \(p 0\.29\)/);
  // At a 2% level the first claim holds.
  assert.equal(
    suiteVerdict([{ thetas: [-0.06, -0.04] }, {
      thetas: [-0.05, -0.03, -0.04],
    }], { ...DEFAULT_SUITE_SPEC, alpha: 0.02 }).decision,
    "regressed",
  );
});

Deno.test("suiteVerdict() finds a 5% slowdown of four targets that each target alone cannot", () => {
  // Four targets 5% slower, 6 pairs each with spread 0.03: each target's own t is about
  // -4.0 on 5 df (p about 0.005), together -8.3 on about 20 df.
  const rng = new Rng(3);
  const shift = -Math.log1p(0.05);
  const targets = Array.from({ length: 4 }, () => ({
    thetas: Array.from({ length: 6 }, () => shift + 0.03 * rng.normal()),
  }));
  const r = suiteVerdict(targets);
  assert.equal(r.decision, "regressed", r.reason);
  assert.ok(r.ci[0] < 0.952 && 0.952 < r.ci[1], `${r.ci} holds 1/1.05`);
  // The same pairs, no slowdown: less than 5% slower.
  const same = suiteVerdict(targets.map((t) => ({ thetas: t.thetas.map((x) => x - shift) })));
  assert.equal(same.decision, "unchanged", same.reason);
});

Deno.test("suiteVerdict() false alarms stay near its level under the null (normal θ)", () => {
  // 4 targets of 4 to 16 pairs and spreads 0.01-0.06, no slowdown, margin 0, at a 5% level so
  // that 20,000 suites measure it (se 0.15%); Welch's df is an approximation, so the check
  // allows 4-6%.
  const rng = new Rng(11);
  const spec = { margin: 0, alpha: 0.05, unchangedBelow: 0.05 };
  let alarms = 0;
  const n = 20_000;
  for (let i = 0; i < n; i++) {
    const targets = [0.01, 0.03, 0.02, 0.06].map((s) => ({
      thetas: Array.from({ length: 4 + rng.int(13) }, () => s * rng.normal()),
    }));
    if (suiteVerdict(targets, spec).decision === "regressed") alarms++;
  }
  close(alarms / n, 0.05, 0.01);
});

Deno.test("suiteVerdict() reads targets of 2 or more pairs, and needs 2 such targets", () => {
  const one = suiteVerdict([{ thetas: [-0.2, -0.21, -0.19] }, { thetas: [-0.2] }, { thetas: [] }]);
  assert.equal(one.decision, "inconclusive");
  assert.equal(one.targets, 1);
  assert.match(one.reason, /1 target with 2 or more process pairs: the suite needs 2/);
  // The floor widens the spread: the same pairs, floored, are no longer sharp enough.
  const pairs = [{ thetas: [-0.02, -0.021, -0.019] }, { thetas: [-0.02, -0.022, -0.018] }];
  assert.equal(suiteVerdict(pairs).decision, "regressed");
  assert.equal(
    suiteVerdict(pairs.map((t) => ({ ...t, sdFloor: 0.05 }))).decision,
    "inconclusive",
  );
  assert.throws(
    () => suiteVerdict([{ thetas: [0.01, NaN] }, { thetas: [0, 0] }]),
    /suiteVerdict\(\) target 1 thetas/,
  );
});
