import assert from "node:assert/strict";
import { Store } from "../../results/store.ts";
import { createApp } from "../mod.ts";
import { tempDb } from "../testing/fixture.ts";

/** Two machines ran shards 1/3 and 3/3 of one plan; shard 2/3 never came back. */
async function splitStore(path: string): Promise<void> {
  const store = new Store(path);
  await store.init();
  const machines = [["env-a", "Fast CPU", "host-a"], ["env-b", "Slow CPU", "host-b"]];
  for (const [envId, cpuModel, hostname] of machines) {
    await store.saveEnvironment({
      envId,
      hostname,
      os: "linux",
      arch: "x86_64",
      cpuModel,
      cores: 2,
      memoryBytes: 1,
      deno: "2",
      v8: "1",
      typescript: "5",
      tfjs: "4.22.0",
      duckdb: "1.5",
      fingerprint: {},
    });
  }
  for (const [i, index] of [1, 3].entries()) {
    const suiteId = `suite-${index}`, envId = machines[i][0];
    const keys = [`mlp/cpu/${index}`, `mlp/wasm/${index}`];
    await store.startSuite({
      suiteId,
      kind: "bench",
      profile: "quick",
      argv: [],
      gitCommit: null,
      gitDirty: null,
      envId,
      plan: { hash: "p".repeat(64), runs: 6, shard: { index, count: 3, group: "ci-7", keys } },
    });
    // Shard 3 recorded only its first run.
    for (const key of keys.slice(0, index === 3 ? 1 : 2)) {
      const [experimentId, backend, seed] = key.split("/");
      const runId = `${suiteId}-${backend}`;
      await store.startRun({
        runId,
        suiteId,
        experimentId,
        experimentTitle: "MLP",
        article: "a",
        section: "1",
        variantOf: null,
        dataset: null,
        backend,
        seed: Number(seed),
        profile: "quick",
        envId,
        config: {},
        configHash: "c",
        declarationHash: "d",
        gitCommit: null,
        gitDirty: null,
      });
      await store.finishRun(runId, { status: "ok", testAccuracy: 0.9, steadySamplesPerS: 100 });
    }
    await store.finishSuite(suiteId, "ok");
  }
}

const { dir, path } = await tempDb();
await splitStore(path);
const app = createApp({ db: path });

Deno.test("/suites shows a split plan as one suite with its shards and names the missing", async () => {
  const body = await (await app.request("http://localhost/suites")).text();
  assert.match(body, /bench · quick · 3 shards · ci-7/);
  assert.match(body, /Missing shards: 2\/3/);
  assert.match(body, /1 planned runs of present shards not recorded: mlp\/wasm\/3/);
  assert.match(body, /href="\/runs\?suite=suite-1"/);
  const api = await (await app.request("http://localhost/api/suites")).json();
  assert.deepEqual(api.plans[0].shards.map((s: { index: number }) => s.index), [1, 3]);
  assert.deepEqual(api.plans[0].missingShards, [2]);
});

Deno.test("/backends?by=machine gives one matrix per machine", async () => {
  const body = await (await app.request("http://localhost/backends?by=machine")).text();
  assert.match(body, /<h2>Fast CPU, 2 cores, linux, host-a<\/h2>/);
  assert.match(body, /<h2>Slow CPU, 2 cores, linux, host-b<\/h2>/);
  const api = await (await app.request("http://localhost/api/backends?by=machine")).json();
  assert.deepEqual(
    api.cells.map((c: { backend: string; env_id: string }) => `${c.backend}@${c.env_id}`).sort(),
    ["cpu@env-a", "cpu@env-b", "wasm@env-a"],
  );
  const all = await (await app.request("http://localhost/api/backends")).json();
  assert.equal(all.cells.length, 2);
});

Deno.test("cleanup", async () => {
  await app.close();
  await Deno.remove(dir, { recursive: true });
});
