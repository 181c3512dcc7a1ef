import assert from "node:assert/strict";
import { join } from "node:path";
import { UserError } from "../core/errors.ts";
import { Store } from "../../results/mod.ts";
import type { PlannedRun } from "../run/plan.ts";
import { shardRequest } from "./shard.ts";

const planned = (seed: number) =>
  ({
    declared: { experiment: { id: "mlp" }, hash: "decl-1" },
    config: { profile: "quick" },
    backend: "wasm",
    seed,
  }) as unknown as PlannedRun<string>;

Deno.test("shardRequest() is undefined without --shard, and refuses its companions alone", async () => {
  assert.equal(await shardRequest({}, () => 1), undefined);
  await assert.rejects(() => shardRequest({ durations: "x.duckdb" }, () => 1), UserError);
  await assert.rejects(() => shardRequest({ "shard-group": "ci" }, () => 1), UserError);
  await assert.rejects(() => shardRequest({ shard: "3/2" }, () => 1), UserError);
});

Deno.test("--durations costs a run by the median stored time of its matches, else the estimate", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const db = join(dir, "d.duckdb");
    const store = new Store(db);
    await store.init();
    await store.startSuite({
      suiteId: "s",
      kind: "bench",
      profile: "quick",
      argv: [],
      gitCommit: null,
      gitDirty: null,
      envId: "e",
    });
    for (const [i, wallS] of [10, 30, 20].entries()) {
      await store.startRun({
        runId: `r${i}`,
        suiteId: "s",
        experimentId: "mlp",
        experimentTitle: "",
        article: "",
        section: "",
        variantOf: null,
        dataset: null,
        backend: "wasm",
        seed: 1,
        profile: "quick",
        envId: "e",
        config: {},
        configHash: "c",
        declarationHash: "decl-1",
        gitCommit: null,
        gitDirty: null,
      });
      await store.finishRun(`r${i}`, { status: "ok", wallS });
    }
    const req = await shardRequest({ shard: "1/2", durations: db, "shard-group": "g" }, () => 7);
    assert.deepEqual([req!.index, req!.count, req!.group], [1, 2, "g"]);
    assert.equal(req!.cost(planned(1)), 20);
    assert.equal(req!.cost(planned(2)), 7);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
