import assert from "node:assert/strict";
import { Rng } from "../rng.ts";
import { minPValues } from "./sequential_design.ts";
import { DEFAULT_SEQUENTIAL_DESIGN as D } from "./sequential_defaults.ts";

Deno.test("the stored default levels give their designed error rates on fresh sequences", () => {
  // With another seed, the share of null sequences whose smallest p-value reaches each stored
  // level must be the designed rate within 4 Monte-Carlo errors.
  const n = 200000, m = minPValues(D, n, new Rng(99).split("check"));
  const checks: [number, number][] = [
    [D.nominal.regressed, D.alpha],
    ...D.detect.map((d, i) => [D.nominal.unchanged[i], d.beta] as [number, number]),
  ];
  for (const [level, rate] of checks) {
    const got = m.filter((p) => p <= level).length / n;
    const se = Math.sqrt((rate * (1 - rate)) / n);
    assert.ok(Math.abs(got - rate) <= 4 * se, `level ${level}: ${got} vs ${rate}`);
  }
});

Deno.test("the default design judges every pair count from its first look to its cap", () => {
  assert.ok(D.minPairs >= 2 && D.maxPairs > D.minPairs);
  assert.equal(D.nominal.unchanged.length, D.detect.length);
  assert.equal(D.statistic, "t");
});
