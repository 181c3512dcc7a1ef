import assert from "node:assert/strict";
import { join } from "node:path";
import { gateRun } from "../testing/gate_runs.ts";
import { BASELINE_VERSION, baselineJson, readBaselineFile } from "./baseline_file.ts";
import { GATE_PROTOCOL } from "./timing/mod.ts";
import { processSpeeds } from "./timing/mod.ts";

async function withFile(text: string, f: (path: string) => Promise<void>) {
  const dir = await Deno.makeTempDir();
  try {
    const path = join(dir, "b.json");
    await Deno.writeTextFile(path, text);
    await f(path);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("a version-2 baseline file round-trips its per-process timings and how they were taken", async () => {
  const perf = [1, 2, 3, 4, 5].map((i) =>
    gateRun({
      suiteId: `p${i}`,
      suiteKind: "perf",
      measurements: { perf_window_images_per_s: [100 * i, 101 * i], peak_matmul_gflops: [9] },
    })
  );
  const runs = [gateRun(), ...perf];
  const text = baselineJson(runs, { suites: ["s", "p1"], gitCommit: "abc" }, {
    processesPerTarget: 5,
    protocol: GATE_PROTOCOL,
  });
  await withFile(text, async (path) => {
    const file = await readBaselineFile(path);
    assert.equal(file.version, BASELINE_VERSION);
    assert.equal(BASELINE_VERSION, 2);
    assert.deepEqual(file.timing, { processesPerTarget: 5, protocol: GATE_PROTOCOL });
    assert.equal(file.source.gitCommit, "abc");
    // What the gate never reads is left out; the windows stay, one process per suite.
    assert.deepEqual(file.runs[1].measurements, { perf_window_images_per_s: [100, 101] });
    const speeds = processSpeeds(file.runs, "mlp", "wasm");
    assert.deepEqual(speeds.map((p) => p.suiteId), ["p1", "p2", "p3", "p4", "p5"]);
    // Each process's throughput over its two windows of equal work: 2 / (1/100i + 1/101i).
    speeds.forEach((p, k) => {
      const i = k + 1;
      assert.ok(Math.abs(p.imagesPerS - 2 / (1 / (100 * i) + 1 / (101 * i))) < 1e-9);
    });
  });
});

Deno.test("a version-1 baseline file still reads; a newer version or a bad timing field is refused", async () => {
  const v1 = JSON.parse(baselineJson([gateRun()], { suites: ["s"], gitCommit: null }));
  v1.version = 1;
  delete v1.timing;
  await withFile(JSON.stringify(v1), async (path) => {
    const file = await readBaselineFile(path);
    assert.equal(file.version, 1);
    assert.equal(file.timing, undefined);
  });
  await withFile(JSON.stringify({ ...v1, version: 3 }), async (path) => {
    await assert.rejects(
      () => readBaselineFile(path),
      /baseline version 3 is newer than this reprobench reads \(2\)/,
    );
  });
  const bad = { ...v1, version: 2, timing: { processesPerTarget: 0 } };
  await withFile(JSON.stringify(bad), async (path) => {
    await assert.rejects(
      () => readBaselineFile(path),
      /timing\.processesPerTarget must be a count, got 0/,
    );
  });
});
