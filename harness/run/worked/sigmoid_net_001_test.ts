import assert from "node:assert/strict";
import { computeSigmoidNet001 } from "./sigmoid_net_001.ts";
import { requireBackend } from "../../testing/mod.ts";

// The article's network worked by hand, independently of the module's constants.
const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const x = [1, 2, 3];
const y = [0.1, 0.2, 0.3];
const a = [
  sigma(0.5 * 1 + 0.3 * 2 + 0.7 * 3 + 0.2),
  sigma(0.4 * 1 + 0.5 * 2 + 0.6 * 3 + 0.3),
  sigma(0.1 * 1 + 0.2 * 2 + 0.3 * 3 + 0.1),
];
const J = 0.5 * ((0.1 - a[0]) ** 2 + (0.2 - a[1]) ** 2 + (0.3 - a[2]) ** 2);
const delta = a.map((ai, i) => (ai - y[i]) * ai * (1 - ai));
const expected: Record<string, number> = { a_11: a[0], a_12: a[1], a_13: a[2], J };
for (let i = 0; i < 3; i++) {
  for (let j = 0; j < 3; j++) expected[`dJ/dw_${i + 1}${j + 1}`] = delta[i] * x[j];
  expected[`dJ/db_${i + 1}`] = delta[i];
}

Deno.test("computeSigmoidNet001() on cpu gives the hand-worked outputs, loss and gradients", async () => {
  await requireBackend("cpu");
  const quantities = await computeSigmoidNet001();
  assert.deepEqual(quantities.map((q) => q.name), Object.keys(expected));
  for (const q of quantities) {
    // tfjs computes in float32: about 1e-7 relative, far below the printed precision.
    assert.ok(
      Math.abs(q.computed - expected[q.name]) < 1e-6,
      `${q.name}: ${q.computed} vs ${expected[q.name]}`,
    );
    assert.equal(q.section, "§4.1.3");
    assert.equal(q.tolerance, 0.00005);
    assert.equal(q.reproduced, Math.abs(expected[q.name] - Number(q.printed)) <= 0.00005);
  }
});

Deno.test("computeSigmoidNet001() finds none of the article's printed numbers reproduced", async () => {
  await requireBackend("cpu");
  const quantities = await computeSigmoidNet001();
  assert.equal(quantities.length, 16);
  assert.deepEqual(quantities.filter((q) => q.reproduced), []);
  const a11 = quantities[0];
  assert.equal(a11.printed, "0.9129");
  // σ(3.4) by hand; the article prints 0.9129.
  assert.ok(Math.abs(a11.computed - 0.96770453) < 1e-6);
  assert.match(a11.note ?? "", /computed 0\.967705 vs printed 0\.9129/);
  const b3 = quantities.find((q) => q.name === "dJ/db_3")!;
  assert.equal(b3.printed, "-0.0592");
  assert.match(b3.note ?? "", /the article's expression as typeset = -0\.560585/);
});
