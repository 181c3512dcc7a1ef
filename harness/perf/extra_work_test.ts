import assert from "node:assert/strict";
import * as tf from "@tensorflow/tfjs";
import { parseSlowdown, planExtraWork, slowdownOf, slowdownText } from "./extra_work.ts";

Deno.test("parseSlowdown reads a fraction from 0 to 1 and names a bad value", () => {
  assert.equal(parseSlowdown(undefined), null);
  assert.equal(parseSlowdown(""), null);
  assert.deepEqual(parseSlowdown("0"), { fraction: 0, every: 1 });
  assert.deepEqual(parseSlowdown("0.05"), { fraction: 0.05, every: 1 });
  assert.deepEqual(parseSlowdown("0.05@5"), { fraction: 0.05, every: 5 });
  for (const bad of ["1.5", "-0.1", "x", "@2", "0.1@0", "0.1@1.5", "0.1@2@3", "0@5"]) {
    assert.throws(
      () => parseSlowdown(bad),
      new RegExp(`--injected-slowdown .*got "${bad.replace(".", "\\.")}"`),
    );
  }
});

Deno.test("slowdownText writes what slowdownOf reads; slowdownOf names the flag it read", () => {
  for (
    const s of [{ fraction: 0.05, every: 5 }, { fraction: 0.1, every: 1 }, {
      fraction: 0,
      every: 1,
    }]
  ) {
    assert.deepEqual(slowdownOf(slowdownText(s), "--slowdowns"), s);
  }
  assert.equal(slowdownText({ fraction: 0.1, every: 1 }), "0.1");
  assert.throws(
    () => slowdownOf("0.05@x", "--slowdowns"),
    /^UserError: --slowdowns .*got "0\.05@x"/,
  );
});

Deno.test("planExtraWork: none for 0; otherwise real units for a share of the step", async () => {
  await tf.setBackend("cpu");
  assert.equal(await planExtraWork({ fraction: 0, every: 1 }), null);
  const work = (await planExtraWork({ fraction: 0.5, every: 1 }))!;
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

Deno.test("planExtraWork: a sparse slowdown works only after every K-th step, K times as long", async () => {
  await tf.setBackend("cpu");
  const work = (await planExtraWork({ fraction: 0.1, every: 3 }))!;
  try {
    await work.run(0.05);
    await work.run(0.05);
    assert.equal(work.units, 0); // steps 1 and 2: nothing
    const t0 = performance.now();
    await work.run(0.05); // step 3: 3 x 0.1 x 50 ms = at least 15 ms of products
    assert.ok(performance.now() - t0 >= 15, `${performance.now() - t0} ms`);
    assert.ok(work.units > 0);
    const after = work.units;
    await work.run(0.05);
    assert.equal(work.units, after); // step 4: nothing again
  } finally {
    work.dispose();
  }
});
