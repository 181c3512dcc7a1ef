import assert from "node:assert/strict";
import { benchPlan, type PlannedRun } from "../plan.ts";
import { discover } from "../../core/discover.ts";
import { runKey } from "./key.ts";
import { shardPlan, wholePlan } from "./select.ts";

const { experiments } = await discover();
const plan = benchPlan(experiments, {
  profile: "quick",
  overrides: { seeds: 2 },
  kernels: "default",
});
const cost = (r: PlannedRun<string>) => r.config.training?.epochs ?? 1;

Deno.test("N shards of the project's plan run every run exactly once, in plan order", async () => {
  for (const count of [1, 2, 3, 7]) {
    const parts = await Promise.all(
      Array.from(
        { length: count },
        (_, i) => shardPlan(plan, { index: i + 1, count, group: null, cost }),
      ),
    );
    const keys = parts.flatMap((p) => p.plan.map(runKey));
    assert.deepEqual([...keys].sort(), plan.map(runKey).sort());
    for (const p of parts) {
      const at = p.plan.map((r) => plan.indexOf(r));
      assert.deepEqual(at, [...at].sort((a, b) => a - b));
      assert.deepEqual(p.record.shard!.keys, p.plan.map(runKey));
      assert.equal(p.record.runs, plan.length);
      assert.equal(p.record.hash, parts[0].record.hash);
    }
  }
});

Deno.test("the plan's hash changes with the cost table and differs from the whole plan's", async () => {
  const a = await shardPlan(plan, { index: 1, count: 2, group: null, cost });
  const b = await shardPlan(plan, { index: 1, count: 2, group: null, cost: () => 1 });
  assert.notEqual(a.record.hash, b.record.hash);
  assert.notEqual(a.record.hash, (await wholePlan(plan)).hash);
  assert.equal((await wholePlan(plan)).hash, (await wholePlan([...plan])).hash);
});

Deno.test("a plan over Deno and the browser keys each run apart, and its shards run each once", async () => {
  const both = benchPlan(experiments, {
    profile: "quick",
    overrides: { seeds: 1 },
    kernels: "default",
    runtimes: ["deno", "chromium"],
  });
  const keys = both.map(runKey);
  assert.equal(new Set(keys).size, keys.length, "two runs share a key");
  assert.ok(
    keys.some((k) => k.includes("/chromium:wasm/")) && keys.some((k) => k.includes("/wasm/")),
  );
  const parts = await Promise.all(
    [1, 2].map((index) => shardPlan(both, { index, count: 2, group: null, cost })),
  );
  assert.deepEqual(parts.flatMap((p) => p.plan.map(runKey)).sort(), [...keys].sort());
});
