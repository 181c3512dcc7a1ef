import assert from "node:assert/strict";
import { createApp } from "./mod.ts";
import { HOSTILE_TITLE, makeFixture, tempDb } from "./testing/fixture.ts";

// One database for the whole file: writing it through Store takes a few seconds.
const { dir, path } = await tempDb();
const fixture = await makeFixture(path, { claims: true });
const app = createApp({ db: path });
const get = (p: string) => app.request(`http://localhost${p}`);
const html = async (p: string, status = 200) => {
  const res = await get(p);
  const body = await res.text();
  assert.equal(res.status, status, `${p}: ${body.slice(0, 300)}`);
  return body;
};
const json = async (p: string, status = 200) => {
  const res = await get(p);
  assert.equal(res.status, status, p);
  assert.match(res.headers.get("content-type") ?? "", /application\/json/);
  return await res.json();
};
const wasmMlp = (seed: number, commit: number) =>
  fixture.byKey.get(`mnist-mlp/wasm/${seed}/${commit}`)!;

Deno.test("every page answers 200 with the nav bar, and JSON under /api", async () => {
  for (const p of ["/", "/runs", "/compare", "/backends", "/history", "/claims", "/sql", "/live"]) {
    const body = await html(p);
    assert.match(body, /^<!DOCTYPE html>/);
    assert.match(body, /<nav>.*Runs.*Compare.*Backends.*History.*Claims.*SQL.*Live/s);
  }
  for (
    const p of [
      "/api/runs",
      "/api/backends",
      "/api/history",
      "/api/claims",
      "/api/sql",
      "/api/live",
    ]
  ) {
    await json(p);
  }
});

Deno.test("runs are listed newest first, filtered and paginated", async () => {
  const all = await json("/api/runs");
  assert.equal(all.total, fixture.runIds.length);
  const started = all.runs.map((r: { started_at: string }) => r.started_at);
  assert.deepEqual(started, [...started].sort().reverse());
  const wasm = await json("/api/runs?backend=wasm&experiment=mnist-mlp&status=ok");
  assert.equal(wasm.total, 4);
  assert.ok(wasm.runs.every((r: { backend: string }) => r.backend === "wasm"));
  const byCommit = await json(`/api/runs?commit=${fixture.commits[1].slice(0, 7)}`);
  assert.equal(byCommit.total, fixture.runIds.length / 2);
  const bySuite = await json("/api/runs?suite=suite-1&size=5&page=2");
  assert.equal(bySuite.total, fixture.runIds.length / 2);
  assert.equal(bySuite.runs.length, 5);
  assert.equal(bySuite.pages, Math.ceil(bySuite.total / 5));
  const body = await html("/runs?size=5");
  assert.match(body, /older →/);
});

Deno.test("a run's page shows curves, metrics, kernels, provenance and claims", async () => {
  const id = wasmMlp(1, 1);
  const body = await html(`/runs/${id}`);
  assert.equal((body.match(/data-chart=/g) ?? []).length, 3);
  for (
    const text of [
      "Test accuracy",
      "Weights SHA-256",
      `sha-${id}`,
      "Kernels used (4)",
      "Conv2DBackpropFilter",
      "Configuration",
      "test-accuracy",
      "not_reproduced",
    ]
  ) {
    assert.ok(body.includes(text), `missing ${text}`);
  }
  const data = await json(`/api/runs/${id}`);
  assert.equal(data.epochs.length, 5);
  assert.equal(data.run.config.training.batchSize, 64);
  assert.equal(data.measurements.length, 2);
  assert.equal(data.claims.length, 2);
});

Deno.test("compare shows deltas, the gate's verdict on a 30% slowdown, and differences", async () => {
  const a = wasmMlp(1, 0), b = wasmMlp(1, 1), c = fixture.byKey.get("mnist-mlp/cpu/1/0")!;
  const data = await json(`/api/compare?ids=${a}&ids=${b}&ids=${c}`);
  assert.deepEqual(data.runs.map((r: { run_id: string }) => r.run_id), [a, b, c]);
  const slow = data.verdicts[0].verdicts.find((v: { name: string }) =>
    v.name === "train_window_samples_per_s"
  );
  assert.equal(slow.verdict, "regressed");
  assert.ok(slow.ratio < 0.75 && slow.ratio > 0.65);
  assert.ok(
    data.config.some((r: { key: string; differs: boolean }) =>
      r.key === "training.batchSize" && r.differs
    ),
  );
  assert.ok(
    data.environment.some((r: { key: string; differs: boolean }) =>
      r.key === "git_commit" && r.differs
    ),
  );
  const body = await html(`/compare?ids=${a},${b}`);
  assert.match(body, /class="diff"/);
  assert.equal((body.match(/data-chart=/g) ?? []).length, 2);
});

Deno.test("backends shows the matrix with the adapter behind each backend", async () => {
  const data = await json("/api/backends");
  assert.deepEqual(data.backends.map((b: { backend: string }) => b.backend), [
    "cpu",
    "wasm",
    "webgpu",
  ]);
  assert.match(data.backends[2].adapter, /llvmpipe/);
  const cnnGpu = data.cells.find((x: { experiment_id: string; backend: string }) =>
    x.experiment_id === "mnist-cnn" && x.backend === "webgpu"
  );
  assert.equal(cnnGpu.unsupported, 4);
  assert.equal(cnnGpu.samples_per_s, null);
});

Deno.test("history marks the commit where wasm got 30% slower", async () => {
  const data = await json(
    "/api/history?experiment=mnist-mlp&backend=wasm&metric=steady_samples_per_s",
  );
  assert.equal(data.points.length, 2);
  assert.equal(data.points[1].regressed, true);
  const same = await json("/api/history?experiment=mnist-mlp&backend=cpu");
  assert.equal(same.points[1].regressed, false);
  assert.match(await html("/history?experiment=mnist-mlp&backend=wasm"), /regressed/);
});

Deno.test("claims are grouped by article with printed and measured values and verdicts", async () => {
  const body = await html("/claims");
  assert.match(body, /keras-mnist-mlp/);
  assert.match(body, /98\.40%/);
  assert.match(body, /not_reproduced/);
  const data = await json("/api/claims?experiment=mnist-mlp");
  assert.equal(data.claims.length, 2);
});

Deno.test("values from the database are escaped: a hostile title renders as text", async () => {
  const id = fixture.byKey.get("xss-test/cpu/1/0")!;
  for (
    const p of [
      `/runs/${id}`,
      "/runs",
      "/backends",
      "/claims",
      `/compare?ids=${id},${wasmMlp(1, 0)}`,
    ]
  ) {
    const body = await html(p);
    assert.ok(!body.includes("<script>alert"), `${p} has a live script`);
    assert.ok(!body.includes("<img src=x"), `${p} has live markup`);
    assert.ok(!body.includes("<i>article</i>"), `${p} has live markup`);
  }
  const body = await html(`/runs/${id}`);
  assert.ok(
    body.includes("&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;"),
  );
  assert.equal((await json(`/api/runs/${id}`)).run.experiment_title, HOSTILE_TITLE);
});

Deno.test("unknown ids give 404 and bad parameters 400, as pages without a stack trace", async () => {
  for (
    const [p, status] of [
      ["/runs/no-such-run", 404],
      ["/nowhere", 404],
      ["/compare?ids=no-such-run,other", 404],
      ["/compare?ids=one", 400],
      ["/runs?page=abc", 400],
      ["/runs?page=0", 400],
      ["/runs?size=100000", 400],
      ["/runs?experiment=%3Cscript%3E", 400],
      ["/runs?backend=a%27%3B%20DROP%20TABLE%20runs%3B--", 400],
      ["/history?metric=wall_s;DROP", 400],
      ["/history?metric=run_id", 400],
      ["/sql/parquet/secrets.parquet", 404],
      ["/sql/db/999.duckdb", 404],
    ] as const
  ) {
    const body = await html(p, status);
    assert.ok(!/\bat .*\.ts:\d+/.test(body), `${p} shows a stack trace`);
    assert.ok(!body.includes("<script>"), p);
  }
  const err = await json("/api/runs/no-such-run", 404);
  assert.match(err.error, /No run "no-such-run"/);
  // The table survived the injection attempt above (it was only ever a bound parameter).
  assert.equal((await json("/api/runs")).total, fixture.runIds.length);
});

Deno.test("static files cannot leave their folder", async () => {
  assert.equal((await get("/static/app/style.css")).status, 200);
  assert.equal((await get("/static/uplot/uPlot.iife.min.js")).status, 200);
  assert.equal((await get("/static/duckdb/duckdb-browser.mjs")).status, 200);
  for (
    const p of [
      "/static/app/../../deno.json",
      "/static/app/%2e%2e/%2e%2e/deno.json",
      "/static/app/..%2f..%2fdeno.json",
      "/static/app/%2e%2e%2f%2e%2e%2fdeno.json",
      "/static/app/..%5c..%5cdeno.json",
      "/static/app/%252e%252e%252fdeno.json",
      "/static/app/....//....//deno.json",
      "/static/app/%00style.css",
      "/static/uplot/../package.json",
      "/static/uplot/..%2fpackage.json",
      "/static/nope/x.js",
      "/static/app/",
    ]
  ) {
    const res = await get(p);
    const body = await res.text();
    assert.equal(res.status, 404, p);
    assert.ok(!body.includes('"tasks"') && !body.includes('"version"'), `${p} leaked a file`);
  }
});

Deno.test("the SQL page serves a read-only copy of the results and Parquet exports", async () => {
  const data = await json("/api/sql");
  assert.deepEqual(
    data.tables.map((t: { name: string }) => t.name),
    ["runs", "epochs", "measurements", "suites", "environments", "claim_verdicts"],
  );
  const db = await get(data.database);
  assert.equal(db.status, 200);
  const bytes = new Uint8Array(await db.arrayBuffer());
  assert.equal(new TextDecoder().decode(bytes.subarray(8, 12)), "DUCK");
  const part = await app.request(`http://localhost${data.database}`, {
    headers: { range: "bytes=8-11" },
  });
  assert.equal(part.status, 206);
  assert.equal(await part.text(), "DUCK");
  const pq = await get(data.tables[0].parquet);
  assert.equal(pq.status, 200);
  const head = new Uint8Array(await pq.arrayBuffer()).subarray(0, 4);
  assert.equal(new TextDecoder().decode(head), "PAR1");
});

Deno.test("the app never opens the results file for writing: a writer gets in between requests", async () => {
  await html("/runs");
  // The dashboard holds a snapshot, not the file: a write right now must not wait or fail.
  const t = performance.now();
  await makeFixtureWriter();
  assert.ok(performance.now() - t < 10_000);
  const after = await json("/api/runs");
  assert.equal(after.total, fixture.runIds.length + 1);
});

async function makeFixtureWriter(): Promise<void> {
  const { Store } = await import("../results/store.ts");
  const store = new Store(path);
  await store.startRun({
    runId: "late-run",
    suiteId: "suite-3",
    experimentId: "mnist-mlp",
    experimentTitle: "MNIST MLP",
    article: "a",
    section: "1",
    variantOf: null,
    dataset: null,
    backend: "cpu",
    seed: 1,
    profile: "quick",
    envId: "env-test-0001",
    config: {},
    configHash: "h",
    declarationHash: "d",
    gitCommit: null,
    gitDirty: null,
  });
}

Deno.test({
  name: "teardown",
  fn: async () => {
    await app.close();
    await Deno.remove(dir, { recursive: true });
  },
});
