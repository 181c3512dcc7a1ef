import assert from "node:assert/strict";
import { welchDf } from "./_welch.ts";

Deno.test("welchDf: by hand, one estimate keeps its df, and no spread gives NaN", () => {
  // (1 + 1)² / (1/1 + 1/1) = 2; (0.0001 + 0.0001/3)² / (0.0001²/1 + (0.0001/3)²/2) = 1.68421.
  assert.equal(welchDf([1, 1], [1, 1]), 2);
  assert.ok(Math.abs(welchDf([0.0001, 0.0001 / 3], [1, 2]) - 32 / 19) < 1e-12);
  assert.equal(welchDf([0.5], [7]), 7);
  assert.ok(Number.isNaN(welchDf([0, 0], [3, 4])));
});
