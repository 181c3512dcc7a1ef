import assert from "node:assert/strict";
import { sessionRatio } from "./session_ratio.ts";

const close = (actual: number, expected: number, tol = 1e-9) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

Deno.test("sessionRatio() by hand: two sessions of two processes", () => {
  // logs: session 1 {0, 0.2} mean 0.1; session 2 {0.4, 0.6} mean 0.5; grand 0.3.
  // SSW = 4 * 0.01 = 0.04 on 2 df -> MSW 0.02; SSB = 2*0.04 + 2*0.04 = 0.16 on 1 df;
  // n0 = (4 - 8/4)/1 = 2; τ² = (0.16 - 0.02)/2 = 0.07.
  const r = sessionRatio([[1, Math.exp(0.2)], [Math.exp(0.4), Math.exp(0.6)]]);
  close(r.within, Math.sqrt(0.02));
  close(r.between, Math.sqrt(0.07));
  close(r.ratio, Math.sqrt(3.5));
});

Deno.test("sessionRatio() reads no session effect as 0, and refuses one session", () => {
  // Same levels in both sessions: MSB = 0 < MSW, τ clamps at 0.
  const r = sessionRatio([[100, 110, 90], [110, 100, 90]]);
  assert.equal(r.between, 0);
  assert.equal(r.ratio, 0);
  assert.throws(() => sessionRatio([[1, 2]]), RangeError);
  assert.throws(() => sessionRatio([[1, 2], [3]]), RangeError);
  assert.throws(() => sessionRatio([[1, 2], [3, -1]]), RangeError);
});
