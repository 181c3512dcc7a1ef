import assert from "node:assert/strict";
import { Rng } from "../rng.ts";
import { normalCdf } from "./student_t.ts";
import { designSequential, minPValues, nominalLevel, nominalLevels } from "./sequential_design.ts";

// Monte-Carlo standard error of a rate p estimated from n draws.
const mcSe = (p: number, n: number) => Math.sqrt((p * (1 - p)) / n);

Deno.test("minPValues() of one look is the t-test's own p-value, uniform under the null", () => {
  const n = 20000, m = minPValues({ minPairs: 6, maxPairs: 6 }, n, new Rng(7));
  for (const level of [0.01, 0.05, 0.2, 0.5]) {
    const rate = m.filter((p) => p <= level).length / n;
    assert(Math.abs(rate - level) < 4 * mcSe(level, n), `${rate} vs ${level}`);
  }
});

Deno.test("nominalLevel() reproduces Pocock's constants for a z test (Jennison & Turnbull 2.1)", () => {
  // Two-sided 0.05 with K equally spaced looks: each look at |z| >= C_P(K); one-sided 0.025
  // differs from it only by the chance of crossing both sides (below 1e-5).
  const pocock: [number, number][] = [[1, 1.96], [2, 2.178], [3, 2.289], [5, 2.413]];
  for (const [looks, c] of pocock) {
    const nominal = nominalLevel(
      { minPairs: 1, maxPairs: looks, knownScale: true },
      0.025,
      200000,
      new Rng(looks),
    );
    // ±0.03 in z is about ±8% in the nominal level: several Monte-Carlo errors at 200k.
    const tol = normalCdf(c) - normalCdf(c - 0.03);
    assert.ok(Math.abs(nominal - (1 - normalCdf(c))) <= tol, `K=${looks}: ${nominal}`);
  }
});

Deno.test("the t design's nominal level lies between Bonferroni's and the single-look level", () => {
  const [alpha, beta] = nominalLevels(
    { minPairs: 3, maxPairs: 12 },
    [0.0025, 0.02],
    100000,
    new Rng(1),
  );
  assert(alpha > 0.0025 / 10 && alpha < 0.0025, `alpha ${alpha}`);
  assert(beta > 0.02 / 10 && beta < 0.02, `beta ${beta}`);
});

Deno.test("minPValues() draws only from its generator", () => {
  const a = minPValues({ minPairs: 3, maxPairs: 8 }, 50, new Rng(3));
  const b = minPValues({ minPairs: 3, maxPairs: 8 }, 50, new Rng(3));
  assert(a.every((x, i) => x === b[i]));
});

Deno.test("designSequential() gives each boundary the level of its own error rate", () => {
  const spec = {
    minPairs: 3,
    maxPairs: 10,
    margin: 0,
    alpha: 0.0025,
    detect: [{ slowdown: 0.05, beta: 0.02 }, { slowdown: 0.1, beta: 0.005 }],
  };
  const d = designSequential(spec, { sims: 50000, seed: 2 });
  const direct = nominalLevels(
    spec,
    [0.0025, 0.02, 0.005],
    50000,
    new Rng(2).split("sequential design"),
  );
  assert(d.nominal.regressed === direct[0]);
  assert(d.nominal.unchanged[0] === direct[1] && d.nominal.unchanged[1] === direct[2]);
  assert(
    d.nominal.unchanged[1] < d.nominal.regressed * 10 &&
      d.nominal.unchanged[0] > d.nominal.unchanged[1],
  );
});

Deno.test("designSequential() refuses a slowdown to detect inside the margin, and bad looks", () => {
  const spec = {
    minPairs: 3,
    maxPairs: 10,
    margin: 0.02,
    alpha: 0.01,
    detect: [{ slowdown: 0.01, beta: 0.05 }],
  };
  assert.throws(() => designSequential(spec, { sims: 10 }), RangeError);
  assert.throws(
    () => designSequential({ ...spec, detect: [], minPairs: 1 }, { sims: 10 }),
    RangeError,
  );
  assert.throws(
    () => designSequential({ ...spec, detect: [], maxPairs: 2 }, { sims: 10 }),
    RangeError,
  );
  assert.throws(() => nominalLevel({ minPairs: 3, maxPairs: 4 }, 0, 10, new Rng(1)), RangeError);
});
