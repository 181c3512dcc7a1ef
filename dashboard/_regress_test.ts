import assert from "node:assert/strict";
import { type HistoryEvidence, markRegressions } from "./_regress.ts";
import { diffRows } from "./_diff.ts";
import type { CommitPoint } from "../results/queries/mod.ts";
import type { TimingSample } from "../harness/gate/judge_timing.ts";
import { WINDOWS } from "../harness/testing/gate_runs.ts";

const ENV = { cores: 2 };

function point(commit: string, values: number[], seeds = values.map((_, i) => i + 1)): CommitPoint {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    git_commit: commit,
    first_at: "2026-01-01",
    n: values.length,
    dirty: 0,
    median: sorted[Math.floor(sorted.length / 2)],
    min: sorted[0],
    max: sorted.at(-1)!,
    values,
    run_ids: values.map((_, i) => `${commit}-${i}`),
    seeds,
    config_hashes: values.map(() => "cfg"),
    profiles: values.map(() => "quick"),
  };
}

function evidence(
  windows: Record<string, Record<string, TimingSample[]>>,
  margin = 0.1,
): HistoryEvidence {
  return {
    experiment: "mlp",
    backend: "wasm",
    margin: () => margin,
    tolerance: 0.01,
    windows: new Map(
      Object.entries(windows).map(([c, byName]) => [c, new Map(Object.entries(byName))]),
    ),
  };
}

const sample = (values: number[], envId = "e1", env = ENV): TimingSample => ({
  envId,
  env,
  values,
});

Deno.test("markRegressions marks a 30% throughput drop by the gate's rule on timing windows", () => {
  const steps = markRegressions(
    [point("a", [1000]), point("b", [700])],
    "steady_samples_per_s",
    evidence({
      a: { train_window_samples_per_s: [sample(WINDOWS)] },
      b: { train_window_samples_per_s: [sample(WINDOWS.map((w) => w * 0.7))] },
    }),
  );
  assert.equal(steps[0].how, "first commit");
  assert.equal(steps[1].regressed, true);
  assert.equal(steps[1].how, "gate, train_window_samples_per_s: regressed");
  assert.equal(steps[1].ratio, 0.7);
});

Deno.test("markRegressions leaves a drop seen in one window a side unmarked, as the gate does", () => {
  const steps = markRegressions(
    [point("a", [100]), point("b", [78])],
    "steady_samples_per_s",
    evidence({
      a: { train_window_samples_per_s: [sample([100])] },
      b: { train_window_samples_per_s: [sample([78])] },
    }),
  );
  assert.equal(steps[1].verdict, "inconclusive");
  assert.equal(steps[1].regressed, false);
});

Deno.test("markRegressions uses the gate's margin: a 7% drop passes 10% and fails a calibrated 2%", () => {
  const windows = {
    a: { perf_window_images_per_s: [sample(WINDOWS)] },
    b: { perf_window_images_per_s: [sample(WINDOWS.map((w) => w / 1.07))] },
  };
  const points = [point("a", [1000]), point("b", [935])];
  assert.equal(
    markRegressions(points, "steady_samples_per_s", evidence(windows))[1].verdict,
    "unchanged",
  );
  assert.equal(
    markRegressions(points, "steady_samples_per_s", evidence(windows, 0.02))[1].verdict,
    "regressed",
  );
});

Deno.test("markRegressions takes the gate's direction: latency 30% higher is a regression", () => {
  const steps = markRegressions(
    [point("a", [10]), point("b", [13])],
    "latency_b1_ms",
    evidence({
      a: { latency_b1_ms: [sample(WINDOWS.map((w) => w / 100))] },
      b: { latency_b1_ms: [sample(WINDOWS.map((w) => w * 1.3 / 100))] },
    }),
  );
  assert.equal(steps[1].verdict, "regressed");
});

Deno.test("markRegressions compares timings only on one machine, naming what differs", () => {
  const steps = markRegressions(
    [point("a", [1000]), point("b", [1000])],
    "steady_samples_per_s",
    evidence({
      a: { train_window_samples_per_s: [sample(WINDOWS)] },
      b: { train_window_samples_per_s: [sample(WINDOWS, "e2", { cores: 8 })] },
    }),
  );
  assert.equal(steps[1].verdict, "not_comparable");
  assert.equal(steps[1].reason, "different machine or versions: cores 2 -> 8");
});

Deno.test("markRegressions judges accuracy seed by seed and leaves loss unjudged, saying why", () => {
  // Differences -0.05, -0.06, -0.04: mean -0.05, CI [-0.0748, -0.0252], below -0.01.
  const points = [point("a", [0.90, 0.91, 0.89]), point("b", [0.85, 0.85, 0.85])];
  const acc = markRegressions(points, "test_accuracy", evidence({}));
  assert.equal(acc[1].verdict, "regressed");
  assert.match(acc[1].reason, /^paired over 3 seeds: difference -0\.0500/);
  const loss = markRegressions(points, "test_loss", evidence({}));
  assert.equal(loss[1].verdict, null);
  assert.equal(loss[1].regressed, false);
  assert.equal(loss[1].reason, "the gate judges test accuracy, not test loss");
});

Deno.test("diffRows lines up nested keys and flags the ones that differ", () => {
  const rows = diffRows([{ a: { b: 1, c: "x" }, d: [1] }, { a: { b: 2, c: "x" } }]);
  assert.deepEqual(rows, [
    { key: "a.b", values: ["1", "2"], differs: true },
    { key: "a.c", values: ["x", "x"], differs: false },
    { key: "d", values: ["[1]", null], differs: true },
  ]);
});
