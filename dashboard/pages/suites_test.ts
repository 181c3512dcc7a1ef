import assert from "node:assert/strict";
import { createApp } from "../mod.ts";
import { tempDb } from "../testing/fixture.ts";
import { splitStore } from "../testing/split.ts";

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
