import assert from "node:assert/strict";
import { workedExamples } from "./registry.ts";
import { compareScratchWithTfjs } from "./scratch_vs_tfjs.ts";
import { requireBackend } from "../../testing/mod.ts";

Deno.test("every worked example computes the same numbers on cpu and wasm", async () => {
  for (const example of Object.values(workedExamples)) {
    await requireBackend("cpu");
    const cpu = await example.compute();
    await requireBackend("wasm");
    const wasm = await example.compute();
    assert.deepEqual(wasm.map((q) => q.name), cpu.map((q) => q.name));
    cpu.forEach((q, i) => {
      const gap = Math.abs(q.computed - wasm[i].computed);
      assert.ok(
        gap <= 1e-6,
        `${example.id} ${q.name}: cpu ${q.computed}, wasm ${wasm[i].computed}`,
      );
      assert.equal(wasm[i].reproduced, q.reproduced);
    });
  }
});

Deno.test("compareScratchWithTfjs() passes on wasm too", async () => {
  await requireBackend("wasm");
  const r = await compareScratchWithTfjs();
  assert.equal(r.backend, "wasm");
  assert.equal(r.gradients.pass, true);
  assert.equal(r.weightsAfterDescent.pass, true);
});
