/**
 * A bench stand-in for the coexistence test: writes `--runs` runs (start, epochs,
 * measurements, finish) through the real `Store`, as fast as it can, into `--db`, and appends
 * progress events beside it. Exits 0 only if every write succeeded.
 */
import { parseArgs } from "node:util";
import { Store } from "../../results/store.ts";
import { appendProgress, progressPath } from "../../results/progress_file.ts";

const { values } = parseArgs({
  args: Deno.args,
  strict: true,
  options: { db: { type: "string" }, runs: { type: "string", default: "20" } },
});
const db = values.db!;
const store = new Store(db);
const n = Number(values.runs);
const t0 = performance.now();
for (let i = 0; i < n; i++) {
  const runId = `writer-${Deno.pid}-${i}`;
  await store.startRun({
    runId,
    suiteId: `writer-${Deno.pid}`,
    experimentId: "writer-exp",
    experimentTitle: "Written while served",
    article: "writer",
    section: "1",
    variantOf: null,
    dataset: null,
    backend: ["cpu", "wasm", "webgpu"][i % 3],
    seed: i,
    profile: "quick",
    envId: "env-test-0001",
    config: { i },
    configHash: "h",
    declarationHash: "d",
    gitCommit: "c".repeat(40),
    gitDirty: false,
  });
  await appendProgress(progressPath(db), {
    time: new Date().toISOString(),
    suiteId: `writer-${Deno.pid}`,
    experimentId: "writer-exp",
    backend: "cpu",
    seed: i,
    run: i + 1,
    runs: n,
    epoch: 1,
    epochs: 3,
    batch: 1,
    batches: 1,
    etaS: 1,
    status: "running",
  });
  await store.finishRun(
    runId,
    { status: "ok", wallS: 1, testAccuracy: 0.9, steadySamplesPerS: 1000 + i },
    [1, 2, 3].map((epoch) => ({
      epoch,
      loss: 1 / epoch,
      accuracy: 0.5 + epoch / 10,
      valLoss: null,
      valAccuracy: null,
      wallS: 0.1,
      samplesPerS: 1000,
      weightsSha256: "w",
    })),
    [{ name: "latency_b1_ms", unit: "ms", idx: 0, value: 1 }],
  );
}
console.log(JSON.stringify({ runs: n, ms: Math.round(performance.now() - t0) }));
