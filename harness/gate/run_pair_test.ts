import assert from "node:assert/strict";
import type { RunData } from "../../results/mod.ts";
import { measurementVerdicts } from "./run_pair.ts";
import { gateRun, WINDOWS } from "../testing/gate_runs.ts";

const rules = { margin: () => 0.1, accuracyTolerance: () => 0.01 };

const run = (measurements: Record<string, number[]>, over: Partial<RunData> = {}) =>
  gateRun({ measurements, env: { cores: 2 }, ...over });

Deno.test("measurementVerdicts() gives the gate's verdicts, in the gate's directions", () => {
  const a = run({
    train_window_samples_per_s: WINDOWS,
    latency_b1_ms: WINDOWS.map((w) => w / 100),
    peak_bytes: [5, 5, 5],
  });
  const b = run({
    train_window_samples_per_s: WINDOWS.map((w) => w * 0.7),
    latency_b1_ms: WINDOWS.map((w) => w / 100),
    peak_bytes: [9, 9, 9],
  });
  const v = new Map(measurementVerdicts(a, b, rules).map((x) => [x.name, x]));
  assert.equal(v.get("train_window_samples_per_s")!.verdict, "regressed");
  assert.ok(Math.abs(v.get("train_window_samples_per_s")!.ratio! - 0.7) < 1e-9);
  assert.equal(v.get("latency_b1_ms")!.verdict, "unchanged");
  // Not a metric of the gate: shown, with its ratio, and no verdict.
  assert.equal(v.get("peak_bytes")!.verdict, null);
  assert.equal(v.get("peak_bytes")!.ratio, 1.8);
  assert.equal(v.get("peak_bytes")!.reason, "the gate does not judge this");
});

Deno.test("measurementVerdicts() refuses what the gate refuses: other backend, machine, declaration", () => {
  const a = run({ train_window_samples_per_s: WINDOWS });
  const verdict = (b: RunData) => measurementVerdicts(a, b, rules)[0];
  const cpu = verdict(run({ train_window_samples_per_s: WINDOWS }, { backend: "cpu" }));
  assert.equal(cpu.verdict, "not_comparable");
  assert.match(cpu.reason, /one experiment on one backend/);
  const other = verdict(
    run({ train_window_samples_per_s: WINDOWS }, { envId: "e2", env: { cores: 8 } }),
  );
  assert.equal(other.reason, "different machine or versions: cores 2 -> 8");
  const changed = verdict(run({ train_window_samples_per_s: WINDOWS }, { declarationHash: "d2" }));
  assert.equal(changed.verdict, "not_comparable");
  assert.match(changed.reason, /declaration changed/);
  const failed = verdict(run({ train_window_samples_per_s: WINDOWS }, { status: "failed" }));
  assert.equal(failed.verdict, "regressed");
});
