import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { parseSlowdown, planExtraWork } from "./extra_work.ts";

Deno.test("parseSlowdown reads a fraction from 0 to 1 and names a bad value", () => {
  assert.equal(parseSlowdown(undefined), null);
  assert.equal(parseSlowdown(""), null);
  assert.equal(parseSlowdown("0"), 0);
  assert.equal(parseSlowdown("0.05"), 0.05);
  for (const bad of ["1.5", "-0.1", "x", "0.1@2"]) {
    assert.throws(
      () => parseSlowdown(bad),
      new RegExp(`--injected-slowdown .*got "${bad.replace(".", "\\.")}"`),
    );
  }
});

Deno.test("planExtraWork: none for 0; otherwise real units for a share of the step", async () => {
  await tf.setBackend("cpu");
  assert.equal(await planExtraWork(0), null);
  const work = (await planExtraWork(0.5))!;
  try {
    await work.run(0);
    assert.equal(work.units, 0);
    const t0 = performance.now();
    await work.run(0.04); // half of a 40 ms step: at least 20 ms of products
    assert.ok(performance.now() - t0 >= 20, `${performance.now() - t0} ms`);
    assert.ok(work.units > 0);
  } finally {
    work.dispose();
  }
});
