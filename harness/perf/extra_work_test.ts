import assert from "node:assert/strict";
import { requestedSlowdown } from "./extra_work.ts";

Deno.test("requestedSlowdown reads FRACTION or FRACTION@STEP_SECONDS, names bad values", () => {
  assert.equal(requestedSlowdown(undefined), null);
  assert.equal(requestedSlowdown(""), null);
  assert.deepEqual(requestedSlowdown("0.1"), { fraction: 0.1, stepS: null });
  assert.deepEqual(requestedSlowdown("0@1"), { fraction: 0, stepS: 1 });
  assert.deepEqual(requestedSlowdown("0.05@0.0031"), { fraction: 0.05, stepS: 0.0031 });
  for (const bad of ["1.5", "-0.1", "x", "0.1@0", "0.1@", "0.1@abc"]) {
    assert.throws(
      () => requestedSlowdown(bad),
      new RegExp(`REPROBENCH_GATE_QUALITY_SLOWDOWN .*got "${bad.replace(".", "\\.")}"`),
    );
  }
});
