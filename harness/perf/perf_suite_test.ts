import assert from "node:assert/strict";
import "../run/backends.ts";
import { rows, Store, withDb } from "../../results/mod.ts";
import { discover, select } from "../core/discover.ts";
import { Progress } from "../run/progress.ts";
import { PROTOCOLS } from "./protocol.ts";
import { perfPlan, runPerfSuite } from "./perf_suite.ts";
import { perfTable } from "./report.ts";
import { torchVersion } from "./torch_runner.ts";

/**
 * Small enough that the suite takes seconds: 3 warm-up steps (no warm-up time; a tolerance
 * of 1 counts any step as settled), 3 windows of ~0.1 s.
 */
const TINY = {
  ...PROTOCOLS.quick,
  warmupBatches: 2,
  warmupS: { min: 0, max: 60 },
  settle: { steps: 1, tolerance: 1 },
  windows: 3,
  targetWindowS: 0.1,
  latency: { warmup: 1, repeats: 2 },
  peak: { n: 128, warmup: 1, repeats: 2 },
};

const { experiments } = await discover();
const hasTorch = !("reason" in await torchVersion());

Deno.test("runPerfSuite() stores a perf suite with windows, peak and overhead per run", async () => {
  const dir = await Deno.makeTempDir();
  const db = `${dir}/perf.duckdb`;
  try {
    const result = await runPerfSuite(new Store(db), select(experiments, "keras-mlp-mnist-004"), {
      profile: "quick",
      backends: ["cpu", "pytorch-cpu"],
      stock: false,
      argv: ["test"],
      progress: new Progress(false, null, true),
      protocol: TINY,
    });
    const [first, cpu] = result.rows;
    assert.equal(first.backend, "pytorch-cpu");
    assert.equal(first.status, hasTorch ? "ok" : "skipped");
    assert.equal(cpu.backend, "cpu");
    assert.equal(cpu.status, "ok", cpu.reason ?? "");
    assert.equal(cpu.windows.length, 3);
    assert.ok(cpu.imagesPerS!.median > 0);
    assert.equal(cpu.trainFlopsPerImage, 3 * 203_264);
    assert.ok(cpu.gflops! > 0 && cpu.peakGflops! > 0 && cpu.fractionOfPeak! > 0);
    assert.ok(cpu.overhead!.pct > 0 && cpu.overhead!.pct < 100);
    assert.ok(cpu.overhead!.storageS > 0);
    if (hasTorch) assert.ok(cpu.ratioToPytorch! > 0);
    assert.match(perfTable(result), /keras-mlp-mnist-004: batch 32, 0\.61 MFLOP/);
    await withDb(db, "read", async (conn) => {
      const suites = await rows(conn, "SELECT kind, status FROM suites");
      assert.deepEqual(suites, [{ kind: "perf", status: "ok" }]);
      const run = await rows(
        conn,
        "SELECT steady_samples_per_s, latency_b1_ms, backend_info->>'name' AS name FROM runs WHERE backend = 'cpu'",
      );
      assert.equal(run[0].name, "cpu");
      assert.ok(Number(run[0].steady_samples_per_s) > 0 && Number(run[0].latency_b1_ms) > 0);
      const names = await rows(
        conn,
        "SELECT DISTINCT name FROM measurements m JOIN runs r USING (run_id) WHERE r.backend = 'cpu' ORDER BY name",
      );
      const have = names.map((n) => n.name);
      for (
        const n of [
          "perf_window_images_per_s",
          "peak_gflops",
          "achieved_gflops",
          "harness_data_s",
          "model_step_s",
          "harness_storage_s",
          "harness_progress_s",
          "harness_overhead_pct",
        ]
      ) assert.ok(have.includes(n), `missing measurement ${n}`);
      // The table has no key since schema 4: the writer alone keeps (run, name, idx) unique,
      // the carried measurements of a run's write included.
      const dup = await rows(
        conn,
        "SELECT run_id, name, idx, count(*) AS n FROM measurements GROUP BY ALL HAVING n > 1",
      );
      assert.deepEqual(dup, []);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("runPerfSuite() with stock kernels stores the wasm CNN as unsupported, naming the kernel", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const result = await runPerfSuite(
      new Store(`${dir}/perf.duckdb`),
      select(experiments, "keras-cnn-mnist-001"),
      {
        profile: "quick",
        backends: ["wasm"],
        stock: true,
        argv: ["test"],
        progress: new Progress(false, null, true),
        protocol: TINY,
      },
    );
    assert.equal(result.rows.length, 1);
    assert.equal(result.rows[0].status, "unsupported");
    assert.match(result.rows[0].reason!, /Conv2DBackpropFilter/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("perfPlan() puts PyTorch first and records the protocol and any slowdown", () => {
  const plan = perfPlan(select(experiments, "keras-mlp-mnist-004"), {
    profile: "quick",
    backends: ["wasm", "pytorch-cpu", "cpu"],
    stock: false,
    replicas: 2,
    slowdown: { fraction: 0, every: 1 },
    protocol: TINY,
  });
  assert.deepEqual(plan.map((r) => `${r.backend} ${r.seed} x${r.replicas}`), [
    "pytorch-cpu 1 x1",
    "cpu 1 x2",
    "wasm 1 x2",
  ]);
  // A slowdown of 0 is recorded too: the A side of an A/B measurement hashes with its B.
  assert.deepEqual(plan[1].runConfig.perf, {
    protocol: TINY,
    kernels: "default",
    injectedSlowdown: 0,
  });
  const plain = perfPlan(select(experiments, "keras-mlp-mnist-004"), {
    profile: "quick",
    backends: ["cpu"],
    stock: true,
    protocol: TINY,
  });
  assert.deepEqual(plain[0].runConfig.perf, { protocol: TINY, kernels: "stock" });
  assert.equal(plain[0].replicas, 1);
  // A sparse slowdown records how often it lands.
  const sparse = perfPlan(select(experiments, "keras-mlp-mnist-004"), {
    profile: "quick",
    backends: ["cpu"],
    stock: false,
    slowdown: { fraction: 0.05, every: 5 },
    protocol: TINY,
  });
  assert.deepEqual(sparse[0].runConfig.perf, {
    protocol: TINY,
    kernels: "default",
    injectedSlowdown: 0.05,
    injectedEvery: 5,
  });
});
