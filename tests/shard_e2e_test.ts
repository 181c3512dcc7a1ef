/**
 * End to end: one small suite run as 3 shards in 3 concurrent processes, merged, holds exactly
 * the runs of the same suite run whole, with the same weights; merging again adds nothing; a
 * shard file with a tampered run is reported as a conflict and changes nothing; a merge that
 * lacks a shard names it.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { rows, withDb } from "../results/mod.ts";
import { splitPlans } from "../results/queries/mod.ts";
import { cli, writeTinyExperiment } from "./_bench.ts";

const RUN_COLUMNS = "experiment_id, backend, seed, status, weights_sha256, config_hash";

async function runsOf(db: string): Promise<Record<string, unknown>[]> {
  return await withDb(db, "read", (c) => rows(c, `SELECT ${RUN_COLUMNS} FROM runs ORDER BY ALL`));
}

Deno.test("3 shards in 3 processes, merged, equal the unsharded suite; merges are idempotent and conflicts reported", async () => {
  const dir = await Deno.makeTempDir({ prefix: "reprobench-shard-" });
  try {
    const decl = join(dir, "experiments");
    await Deno.mkdir(decl);
    for (const id of ["tiny-a", "tiny-b"]) {
      await writeTinyExperiment(decl, id, { train: 96, epochs: 1, backends: ["cpu", "wasm"] });
    }
    const common = ["--experiments", decl, "--seeds", "3", "--replicas", "1", "--quiet"];
    const shards = [1, 2, 3].map((i) => join(dir, `shard-${i}.duckdb`));
    const whole = join(dir, "whole.duckdb");
    const results = await Promise.all([
      ...shards.map((db, i) => cli(["bench", ...common, "--shard", `${i + 1}/3`, "--db", db])),
      cli(["bench", ...common, "--db", whole]),
    ]);
    for (const r of results) assert.equal(r.code, 0, r.stderr);

    const merged = join(dir, "merged.duckdb");
    const first = await cli(["merge", merged, ...shards, "--json"]);
    assert.equal(first.code, 0, first.stderr);
    const expected = await runsOf(whole);
    assert.equal(expected.length, 12);
    assert.ok(expected.every((r) => r.status === "ok" && r.weights_sha256), "every run trained");
    assert.deepEqual(await runsOf(merged), expected);
    const plans = await withDb(merged, "read", (c) => splitPlans(c));
    assert.equal(plans.length, 1);
    assert.deepEqual(plans[0].shards.map((s) => s.index), [1, 2, 3]);
    assert.deepEqual(plans[0].missingShards, []);
    assert.equal(plans[0].planRuns, 12);
    assert.equal(plans[0].missingRuns, 0);
    // Shards are balanced: 12 runs of about equal cost, 4 each.
    assert.deepEqual(plans[0].shards.map((s) => s.recorded), [4, 4, 4]);

    const again = await cli(["merge", merged, dir + "/shard-*.duckdb", "--json"]);
    assert.equal(again.code, 0, again.stderr);
    const totals = JSON.parse(again.stdout).totals as { table: string; added: number }[];
    assert.deepEqual(totals.filter((t) => t.added > 0), []);
    assert.equal(totals.find((t) => t.table === "runs")!.added, 0);

    const tampered = join(dir, "tampered", "shard-2.duckdb");
    await Deno.mkdir(join(dir, "tampered"));
    await Deno.copyFile(shards[1], tampered);
    const instance = await DuckDBInstance.create(tampered);
    const conn = await instance.connect();
    const [victim] = (await conn.runAndReadAll(
      "UPDATE runs SET test_accuracy = test_accuracy + 0.01 WHERE run_id = (SELECT min(run_id) FROM runs) RETURNING run_id, test_accuracy - 0.01",
    )).getRows();
    conn.closeSync();
    instance.closeSync();
    const clash = await cli(["merge", merged, join(dir, "tampered")]);
    assert.equal(clash.code, 1, clash.stderr);
    assert.match(
      clash.stderr,
      new RegExp(`conflict: .*runs run_id=${victim[0]} differs in test_accuracy`),
    );
    const kept = await withDb(
      merged,
      "read",
      (c) => rows(c, "SELECT test_accuracy FROM runs WHERE run_id = ?", [String(victim[0])]),
    );
    assert.equal(kept[0].test_accuracy, victim[1]);
    assert.deepEqual(await runsOf(merged), expected);

    const partial = join(dir, "partial.duckdb");
    const gap = await cli(["merge", partial, shards[0], shards[2]]);
    assert.equal(gap.code, 0, gap.stderr);
    assert.match(gap.stderr, /missing shard 2\/3/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
