import assert from "node:assert/strict";
import { compareScratchWithTfjs, difference } from "./scratch_vs_tfjs.ts";
import { SCRATCH_NETWORK_004 } from "./scratch_network_004.ts";
import { requireBackend } from "../../testing/mod.ts";

Deno.test("difference() reports the largest absolute and relative gaps", () => {
  const d = difference([1, -2, 0], [1.5, -2, 0], 0.1);
  assert.deepEqual(d, { maxAbs: 0.5, maxRel: 0.5 / 1.5, pass: false });
  assert.equal(difference([4], [4.00002], 1e-5).pass, true);
  assert.throws(() => difference([1], [1, 2], 1), RangeError);
});

Deno.test("compareScratchWithTfjs() on cpu: scratch gradients and descent agree with tfjs", async () => {
  await requireBackend("cpu");
  const r = await compareScratchWithTfjs();
  assert.equal(r.backend, "cpu");
  assert.equal(r.gradients.pass, true);
  assert.ok(r.gradients.maxRel < 1e-5, `gradients differ by ${r.gradients.maxRel}`);
  assert.equal(r.weightsAfterDescent.pass, true);
  assert.equal(r.lossScratch.length, SCRATCH_NETWORK_004.steps + 1);
  assert.equal(r.lossTfjs.length, SCRATCH_NETWORK_004.steps + 1);
  r.lossScratch.forEach((loss, s) => {
    assert.ok(Math.abs(loss - r.lossTfjs[s]) < 1e-6);
    if (s > 0) assert.ok(loss < r.lossScratch[s - 1], `step ${s} did not lower the loss`);
  });
});

Deno.test("compareScratchWithTfjs() fails a tolerance below float32 resolution", async () => {
  await requireBackend("cpu");
  // The comparison must be able to say no: float32 tfjs cannot agree with float64 to 1e-12.
  const r = await compareScratchWithTfjs(SCRATCH_NETWORK_004, 1e-12);
  assert.equal(r.gradients.pass, false);
});
