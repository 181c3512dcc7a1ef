/**
 * Generate a synthetic results database for the dashboard's scale benchmark: many runs with
 * realistic columns, epochs and raw measurements. Writes through DuckDB's Appender (no SQL),
 * into a fresh file migrated by `results/db.ts`.
 *
 * @example
 * ```sh
 * deno run -A dashboard/scale/synth.ts --db .out/synth.duckdb --runs 100000 --epochs 50
 * ```
 */
import { parseArgs } from "node:util";
import { type DuckDBAppender, timestampValue } from "@duckdb/node-api";
import { withDb } from "../../results/db.ts";
import { Rng } from "../../harness/core/rng.ts";

/** Column kinds, in table order, for the appender. */
type Kind = "v" | "i" | "b" | "d" | "t" | "o";
type Cell = string | number | boolean | null;

const RUN_KINDS: Kind[] = [
  "v",
  "v",
  "v",
  "v",
  "v",
  "v",
  "v",
  "v",
  "v",
  "v",
  "i",
  "v",
  "v",
  "v",
  "t",
  "t",
  "d",
  "v",
  "v",
  "v",
  "v",
  "v",
  "v",
  "v",
  "o",
  "i",
  "i",
  "d",
  "d",
  "d",
  "d",
  "d",
  "d",
  "i",
  "i",
  "b",
  "i",
  "v",
  "v",
  "i",
];
const EPOCH_KINDS: Kind[] = ["v", "i", "d", "d", "d", "d", "d", "d", "v"];
const MEASUREMENT_KINDS: Kind[] = ["v", "v", "v", "i", "d"];
const SUITE_KINDS: Kind[] = ["v", "v", "v", "v", "t", "t", "v", "v", "o", "v", "v", "i"];

function put(app: DuckDBAppender, kinds: Kind[], row: Cell[]): void {
  for (let i = 0; i < kinds.length; i++) {
    const v = row[i];
    if (v === null) app.appendNull();
    else if (kinds[i] === "v") app.appendVarchar(String(v));
    else if (kinds[i] === "i") app.appendInteger(Number(v));
    else if (kinds[i] === "b") app.appendBigInt(BigInt(Math.round(Number(v))));
    else if (kinds[i] === "d") app.appendDouble(Number(v));
    else if (kinds[i] === "o") app.appendBoolean(Boolean(v));
    else app.appendValue(timestampValue(BigInt(Math.round(Number(v))) * 1000n));
  }
  app.endRow();
}

const hex = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => Math.floor(rng.next() * 16).toString(16)).join("");

/** Fill `path` (which must not exist) with `runs` runs of `epochs` epochs each. */
export async function synthesize(path: string, runs: number, epochs: number): Promise<void> {
  const rng = new Rng(20240601);
  const backends = ["cpu", "wasm", "webgpu"];
  const experiments = Array.from({ length: 24 }, (_, i) => `exp-${String(i).padStart(3, "0")}`);
  const commits = Array.from({ length: 400 }, () => hex(rng, 40));
  const runsPerSuite = 15;
  const t0 = Date.UTC(2025, 0, 1);
  await withDb(path, "write", async (conn) => {
    const env = await conn.createAppender("environments");
    put(env, ["v", "v", "v", "v", "v", "i", "b", "v", "v", "v", "v", "v", "v", "t"], [
      "env-synthetic",
      "synth-host",
      "linux",
      "x86_64",
      "Synthetic CPU",
      2,
      24e9,
      "2.9.6",
      "15.0",
      "6.0",
      "4.22.0",
      "1.5.5",
      JSON.stringify({ synthetic: true }),
      t0,
    ]);
    env.closeSync();
    const suites = await conn.createAppender("suites");
    const runsApp = await conn.createAppender("runs");
    const epochsApp = await conn.createAppender("epochs");
    const meas = await conn.createAppender("measurements");
    for (let r = 0; r < runs; r++) {
      const suite = Math.floor(r / runsPerSuite);
      const suiteId = `suite-${String(suite).padStart(6, "0")}`;
      const commit = commits[Math.floor((r / runs) * commits.length)];
      const start = t0 + r * 60_000;
      if (r % runsPerSuite === 0) {
        put(suites, SUITE_KINDS, [
          suiteId,
          "bench",
          "quick",
          '["bench"]',
          start,
          start + runsPerSuite * 60_000,
          "ok",
          commit,
          false,
          "env-synthetic",
          "synth-host",
          1000 + suite,
        ]);
      }
      const exp = experiments[Math.floor(rng.next() * experiments.length)];
      const backend = backends[r % 3];
      const status = rng.next() < 0.9 ? "ok" : rng.next() < 0.5 ? "failed" : "unsupported";
      const ok = status === "ok";
      const speed = (backend === "cpu" ? 900 : backend === "wasm" ? 3000 : 5000) *
        (0.9 + 0.2 * rng.next());
      const runId = `${hex(rng, 8)}-${exp}-${backend}`;
      put(runsApp, RUN_KINDS, [
        runId,
        suiteId,
        exp,
        `Synthetic experiment ${exp}`,
        "synthetic-article",
        "2.1",
        null,
        "mnist",
        "synthetic",
        backend,
        r % 5,
        "quick",
        status,
        ok ? null : "synthetic failure",
        start,
        start + 50_000,
        50,
        "env-synthetic",
        JSON.stringify({ backend }),
        JSON.stringify(["MatMul", "Relu", "Softmax"]),
        JSON.stringify({ epochs, batchSize: 64, seed: r % 5 }),
        hex(rng, 16),
        hex(rng, 16),
        commit,
        false,
        1024,
        256,
        ok ? 0.1 + rng.next() * 0.1 : null,
        ok ? 0.9 + rng.next() * 0.09 : null,
        ok ? 2 + rng.next() : null,
        ok ? speed : null,
        ok ? 1 + rng.next() : null,
        ok ? 10 + rng.next() * 5 : null,
        256,
        40,
        1e6,
        0,
        ok ? hex(rng, 64) : null,
        "synth-host",
        1000 + suite,
      ]);
      if (!ok) continue;
      for (let e = 0; e < epochs; e++) {
        const decay = Math.exp(-e / 10);
        put(epochsApp, EPOCH_KINDS, [
          runId,
          e + 1,
          0.1 + 2 * decay,
          0.98 - 0.8 * decay,
          0.15 + 2 * decay,
          0.97 - 0.8 * decay,
          1 + rng.next() * 0.1,
          speed,
          `${runId.slice(0, 8)}${e}`,
        ]);
      }
      for (let i = 0; i < 10; i++) {
        put(meas, MEASUREMENT_KINDS, [
          runId,
          "train_window_samples_per_s",
          "samples/s",
          i,
          speed * (0.95 + 0.1 * rng.next()),
        ]);
        put(meas, MEASUREMENT_KINDS, [runId, "latency_b1_ms", "ms", i, 1 + rng.next()]);
      }
      if (r % 10_000 === 9_999) console.error(`${r + 1} runs`);
    }
    for (const a of [suites, runsApp, epochsApp, meas]) a.closeSync();
  });
}

if (import.meta.main) {
  const { values } = parseArgs({
    args: Deno.args,
    strict: true,
    options: {
      db: { type: "string", default: ".out/synth.duckdb" },
      runs: { type: "string", default: "100000" },
      epochs: { type: "string", default: "50" },
    },
  });
  await Deno.remove(values.db, { recursive: true }).catch(() => {});
  await Deno.remove(`${values.db}.wal`).catch(() => {});
  const t = performance.now();
  await synthesize(values.db, Number(values.runs), Number(values.epochs));
  console.log(
    `${values.db}: ${values.runs} runs x ${values.epochs} epochs in ${
      ((performance.now() - t) / 1000).toFixed(1)
    } s`,
  );
}
