import assert from "node:assert/strict";
import { Rng } from "../rng.ts";
import { normalLlr, waldBounds, waldSprt } from "./_wald_sprt.ts";

const close = (actual: number, expected: number, tol = 1e-12) =>
  assert.ok(Math.abs(actual - expected) <= tol, `${actual} is not within ${tol} of ${expected}`);

Deno.test("waldBounds() are Wald's ln((1 - β)/α) and ln(β/(1 - α))", () => {
  const b = waldBounds(0.05, 0.2);
  close(b.upper, Math.log(16)); // 0.8 / 0.05
  close(b.lower, Math.log(0.2 / 0.95));
  assert.throws(() => waldBounds(0.6, 0.5), RangeError);
});

Deno.test("normalLlr() by hand: two values, mu 0 vs -1, σ 1", () => {
  // slope (−1 − 0)/1 = −1, mid −0.5: −(x1 + 0.5) − (x2 + 0.5) for x = [−1, 0.5] -> 0.5 − 1 = −0.5.
  close(normalLlr([-1, 0.5], 0, -1, 1), -0.5);
});

Deno.test("waldSprt() keeps Wald's bounds on its error rates and his average sample number", () => {
  // A small step (Δ/σ = 0.25) leaves little overshoot, where Wald's approximations are tight:
  // α' <= α/(1 - β), and E0[N] ≈ ((1 - α) ln B + α ln A) / E0[z] with E0[z] = -Δ²/(2σ²).
  const test = { mu0: 0, mu1: -0.25, sigma: 1, alpha: 0.05, beta: 0.1, cap: 100000 };
  const rng = new Rng(5), n = 4000;
  let wrong = 0, used = 0;
  for (let i = 0; i < n; i++) {
    const xs: number[] = [];
    let d = "continue";
    while (d === "continue") {
      xs.push(rng.normal());
      d = waldSprt(xs, test);
    }
    if (d === "H1") wrong++;
    used += xs.length;
  }
  const { upper, lower } = waldBounds(test.alpha, test.beta);
  const asn = ((1 - test.alpha) * lower + test.alpha * upper) / (-(0.25 ** 2) / 2);
  assert.ok(wrong / n <= 0.05 / 0.9 + 3 * Math.sqrt(0.05 * 0.95 / n), `alpha ${wrong / n}`);
  assert.ok(Math.abs(used / n - asn) / asn < 0.15, `E0[N] ${used / n} vs Wald ${asn}`);
});
