import assert from "node:assert/strict";
import { classifyTiming, smallestP } from "./_classify_timing.ts";

const rule = { alpha: 0.01, margin: 0.02 };
// For times the speed is 1 / ratio; the band for speed is [1/1.02, 1.02] = [0.980392, 1.02].

Deno.test("classifyTiming() regresses a time whose whole CI is beyond the margin", () => {
  // time ratio 1.10, CI [1.05, 1.15] -> speed CI [1/1.15, 1/1.05] = [0.869565, 0.952381]
  // 0.952381 < 0.980392 and p < 0.01 -> regressed
  const e = {
    ratio: 1.1,
    ci: [1.05, 1.15] as const,
    p: 0.001,
    higherIsBetter: false,
    tooFew: false,
  };
  assert.equal(classifyTiming(e, rule).verdict, "regressed");
  // The same numbers as a throughput are 10% faster -> improved
  assert.equal(classifyTiming({ ...e, higherIsBetter: true }, rule).verdict, "improved");
});

Deno.test("classifyTiming() uses a band symmetric in log scale", () => {
  // throughput CI top exactly 1/1.02 = 0.980392...: not strictly below -> not regressed
  const atEdge = {
    ratio: 0.97,
    ci: [0.96, 1 / 1.02] as const,
    p: 0.001,
    higherIsBetter: true,
    tooFew: false,
  };
  assert.equal(classifyTiming(atEdge, rule).verdict, "inconclusive");
  // 1 - 0.02 = 0.98 would be inside the band: 0.98 > 0.980392 is false, 0.98 < 0.980392
  const below = { ...atEdge, ci: [0.96, 0.98] as const };
  assert.equal(classifyTiming(below, rule).verdict, "regressed");
});

Deno.test("classifyTiming() needs the whole CI, not only the point, beyond the margin", () => {
  // speed 1/1.05 = 0.952 is beyond the band but the CI top 1/1.01 = 0.990 is inside it
  const e = {
    ratio: 1.05,
    ci: [1.01, 1.09] as const,
    p: 0.001,
    higherIsBetter: false,
    tooFew: false,
  };
  assert.equal(classifyTiming(e, rule).verdict, "inconclusive");
  assert.equal(classifyTiming(e, { ...rule, rule: "point" }).verdict, "regressed");
});

Deno.test("classifyTiming() calls not-significant or inside-the-band changes unchanged", () => {
  const wide = {
    ratio: 1.2,
    ci: [0.9, 1.5] as const,
    p: 0.2,
    higherIsBetter: false,
    tooFew: false,
  };
  assert.equal(classifyTiming(wide, rule).verdict, "unchanged");
  const inside = {
    ratio: 1.005,
    ci: [1.001, 1.009] as const,
    p: 1e-6,
    higherIsBetter: false,
    tooFew: false,
  };
  assert.equal(classifyTiming(inside, rule).verdict, "unchanged");
  const few = { ...inside, tooFew: true };
  assert.equal(classifyTiming(few, rule).verdict, "inconclusive");
});

Deno.test("smallestP() is 2 / C(m + n, m)", () => {
  assert.equal(smallestP(3, 3), 0.1); // 2 / 20
  assert.equal(smallestP(4, 4), 2 / 70);
  assert.equal(smallestP(5, 5), 2 / 252);
  assert.equal(smallestP(1, 1), 1); // 2 / 2
  assert.equal(smallestP(2, 1), 2 / 3);
});
