import assert from "node:assert/strict";
import { markRegressions } from "./_regress.ts";
import { diffRows } from "./_diff.ts";
import { higherIsBetter } from "./_verdict.ts";

Deno.test("markRegressions flags a 20% throughput drop by the median with few runs", () => {
  const steps = markRegressions([
    { median: 100, values: [100] },
    { median: 98, values: [98] },
    { median: 78, values: [78] },
    { median: 100, values: [100] },
  ], true);
  assert.deepEqual(steps.map((s) => s.regressed), [false, false, true, false]);
  assert.equal(steps[3].improved, true);
  assert.equal(steps[2].how, "median only");
});

Deno.test("markRegressions lets the gate decide with three or more runs a side", () => {
  const base = [10, 10.1, 9.9, 10.2, 9.8, 10, 10.1, 9.9];
  const slow = base.map((x) => x * 1.3);
  const steps = markRegressions(
    [{ median: 10, values: base }, { median: 13, values: slow }],
    false,
  );
  assert.equal(steps[1].regressed, true);
  assert.match(steps[1].how, /^gate: regressed/);
});

Deno.test("diffRows lines up nested keys and flags the ones that differ", () => {
  const rows = diffRows([{ a: { b: 1, c: "x" }, d: [1] }, { a: { b: 2, c: "x" } }]);
  assert.deepEqual(rows, [
    { key: "a.b", values: ["1", "2"], differs: true },
    { key: "a.c", values: ["x", "x"], differs: false },
    { key: "d", values: ["[1]", null], differs: true },
  ]);
});

Deno.test("higherIsBetter knows throughputs from times", () => {
  assert.equal(higherIsBetter("train_window_samples_per_s", "samples/s"), true);
  assert.equal(higherIsBetter("latency_b1_ms", "ms"), false);
  assert.equal(higherIsBetter("model_step_s", "s"), false);
});
