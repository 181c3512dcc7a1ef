import assert from "node:assert/strict";
import { computeScalarRnn001 } from "./scalar_rnn_001.ts";
import { requireBackend } from "../../testing/mod.ts";

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
type P = { Wh: number; Wx: number; Wy: number; bh: number; by: number };

/** The article's RNN unrolled by hand over its 3-step sequence, h_0 = 0. */
function loss(p: P): number {
  const xs = [1, 2, 3], labels = [0.1, 0.2, 0.3];
  let h = 0, J = 0;
  for (let t = 0; t < 3; t++) {
    h = sigma(p.Wh * h + p.Wx * xs[t] + p.bh);
    J += 0.5 * (sigma(p.Wy * h + p.by) - labels[t]) ** 2;
  }
  return J;
}

const p: P = { Wh: 0.5, Wx: 0.3, Wy: 0.7, bh: 0.2, by: 0.3 };
// Central differences in float64: error around 1e-10, well below float32 rounding.
const slope = (k: keyof P) =>
  (loss({ ...p, [k]: p[k] + 1e-6 }) - loss({ ...p, [k]: p[k] - 1e-6 })) / 2e-6;
const h1 = sigma(0.5 * 0 + 0.3 * 1 + 0.2);
const expected: Record<string, number> = {
  "h_1 pre-activation": 0.5,
  "h_1": h1,
  "y_1 pre-activation": 0.7 * h1 + 0.3,
  "y_1": sigma(0.7 * h1 + 0.3),
  "J": loss(p),
  "dJ/dW_h": slope("Wh"),
  "dJ/dW_x": slope("Wx"),
  "dJ/dW_y": slope("Wy"),
  "dJ/db_h": slope("bh"),
  "dJ/db_y": slope("by"),
};

Deno.test("computeScalarRnn001() on cpu matches the RNN unrolled by hand and its slopes", async () => {
  await requireBackend("cpu");
  const quantities = await computeScalarRnn001();
  assert.deepEqual(quantities.map((q) => q.name), Object.keys(expected));
  for (const q of quantities) {
    assert.ok(
      Math.abs(q.computed - expected[q.name]) < 2e-6,
      `${q.name}: ${q.computed} vs ${expected[q.name]}`,
    );
    assert.equal(q.section, "§4.2.3");
    assert.equal(q.reproduced, Math.abs(expected[q.name] - Number(q.printed)) <= q.tolerance);
  }
});

Deno.test("computeScalarRnn001() reports the article's σ(0.1) for h_1 as not reproduced", async () => {
  await requireBackend("cpu");
  const [pre, h] = await computeScalarRnn001();
  assert.equal(pre.printed, "0.1");
  assert.equal(pre.tolerance, 0.05);
  assert.equal(pre.reproduced, false);
  assert.equal(h.printed, "0.5397");
  assert.equal(h.reproduced, false);
  assert.match(
    h.note ?? "",
    /σ of the printed pre-activation = 0\.524979 \(does not match the print\)/,
  );
});
