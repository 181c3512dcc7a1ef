import assert from "node:assert/strict";
import { splitStore } from "../../dashboard/testing/split.ts";
import { tempDb } from "../../dashboard/testing/fixture.ts";
import { withDb } from "../db.ts";
import { planGaps, splitPlans, withSiblingShards } from "./plans.ts";

Deno.test("a shard's suite brings its plan's other shards; a whole suite only itself", async () => {
  const { dir, path } = await tempDb();
  try {
    await splitStore(path);
    await withDb(path, "read", async (conn) => {
      assert.deepEqual(await withSiblingShards(conn, ["suite-3"]), ["suite-3", "suite-1"]);
      assert.deepEqual(await withSiblingShards(conn, ["other"]), ["other"]);
      const [plan] = await splitPlans(conn);
      assert.equal(
        planGaps(plan),
        "split bench plan pppppppppppp (ci-7), profile quick: missing shard 2/3; 1 planned run of present shards not recorded (mlp/wasm/3)",
      );
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
