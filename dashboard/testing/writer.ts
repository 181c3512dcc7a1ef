/**
 * A bench stand-in for the coexistence test: writes `--runs` runs (start, epochs,
 * measurements, finish) through the real `Store` into `--db`, and appends progress events
 * beside it. With `--step` it writes one run per line read on stdin and prints `stored N`
 * after each, so the test knows its requests were made while the writer ran; without, it
 * writes as fast as it can. Exits 0 only if every write succeeded.
 */
import { parseArgs } from "node:util";
import { Store } from "../../results/store.ts";
import { appendProgress, progressPath } from "../../results/progress_file.ts";

const { values } = parseArgs({
  args: Deno.args,
  strict: true,
  options: {
    db: { type: "string" },
    runs: { type: "string", default: "20" },
    step: { type: "boolean", default: false },
  },
});
const db = values.db!;
const store = new Store(db);
const n = Number(values.runs);
const t0 = performance.now();
/** The lines read on stdin, one at a time. */
async function* stdinLines(): AsyncGenerator<string> {
  let buffer = "";
  for await (const chunk of Deno.stdin.readable.pipeThrough(new TextDecoderStream())) {
    buffer += chunk;
    for (let i; (i = buffer.indexOf("\n")) >= 0; buffer = buffer.slice(i + 1)) {
      yield buffer.slice(0, i);
    }
  }
}
const lines = values.step ? stdinLines() : null;
for (let i = 0; i < n; i++) {
  // One line per run; the line itself says nothing.
  if (lines) await lines.next();
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
  if (values.step) console.log(`stored ${i + 1}`);
}
console.log(JSON.stringify({ runs: n, ms: Math.round(performance.now() - t0) }));
