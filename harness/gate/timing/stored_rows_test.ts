import assert from "node:assert/strict";
import { GATE_ENV, gateRun } from "../../testing/gate_runs.ts";
import { fieldDiff } from "../env_diff.ts";
import { storedCalibration, storedRow } from "./stored_rows.ts";
import { GATE_PROTOCOL } from "./timing_plan.ts";

const TARGET = { experiment: "mlp", backend: "wasm" };
const HERE = { envId: "e1", env: GATE_ENV };

/** One perf process (its own suite) of the target, its windows around `level`. */
const proc = (i: number, level: number, over = {}) =>
  gateRun({
    suiteId: `p${level}-${i}`,
    suiteKind: "perf",
    measurements: { perf_window_images_per_s: [level * 0.99, level, level * 1.01] },
    ...over,
  });
/** `n` processes whose throughputs spread by ±`spread` around `level`. */
const procs = (n: number, level: number, over = {}, spread = 0.02) =>
  Array.from({ length: n }, (_, i) => proc(i, level * (1 + spread * Math.sin(i + 1)), over));

Deno.test("a version-1 baseline file's timings are inconclusive: re-record with --record", () => {
  const row = storedRow(TARGET, { runs: procs(1, 1000), version: 1 }, procs(5, 500), [], HERE);
  assert.equal(row.verdict, "inconclusive");
  assert.match(row.reason, /version 1.*re-record with --record/);
  assert.equal(row.method.name, "per-process throughputs against a stored baseline");
});

Deno.test("a baseline file timed with another protocol is inconclusive, naming what changed", () => {
  const was = { ...GATE_PROTOCOL, windows: 30 };
  const base = { runs: procs(5, 1000), version: 2, protocol: was };
  const row = storedRow(TARGET, base, procs(5, 500), [], HERE);
  assert.equal(row.verdict, "inconclusive");
  assert.equal(
    row.reason,
    `the baseline's processes were timed with another protocol (windows 30 -> ${GATE_PROTOCOL.windows}): re-record with --record`,
  );
  // The same file recorded with today's protocol is judged: half the speed regressed.
  const now = storedRow(TARGET, { ...base, protocol: GATE_PROTOCOL }, procs(5, 500), [], HERE);
  assert.equal(now.verdict, "regressed");
});

Deno.test("fieldDiff names every changed protocol field, nested ones as JSON", () => {
  assert.equal(fieldDiff(GATE_PROTOCOL, GATE_PROTOCOL), "");
  assert.equal(
    fieldDiff(GATE_PROTOCOL, { ...GATE_PROTOCOL, maxTimedS: 5, warmupS: { min: 2, max: 8 } }),
    'warmupS {"min":1,"max":8} -> {"min":2,"max":8}, maxTimedS 10 -> 5',
  );
});

Deno.test("fewer than 5 baseline processes: inconclusive, never regressed, even at half the speed", () => {
  const row = storedRow(TARGET, { runs: procs(3, 1000), version: 2 }, procs(5, 500), [], HERE);
  assert.equal(row.verdict, "inconclusive");
  assert.equal(
    row.reason,
    "the baseline has 3 timing processes of this target; judging needs at least 5 (record one with check --record)",
  );
});

Deno.test("another machine's baseline is not comparable, naming what differs", () => {
  const other = procs(5, 1000, { envId: "e2", env: { ...GATE_ENV, cores: 8 } });
  const row = storedRow(TARGET, { runs: other, version: 2 }, [], [], HERE);
  assert.equal(row.verdict, "not_comparable");
  assert.equal(row.reason, "timed on another machine or versions: cores 8 -> 2");
});

Deno.test("5 against 5 processes: half the speed regresses, the same speed is unchanged", () => {
  const base = { runs: procs(5, 1000), version: 2 };
  const slow = storedRow(TARGET, base, procs(5, 500), [], HERE);
  assert.equal(slow.verdict, "regressed");
  assert.deepEqual(slow.n, [5, 5]);
  // The change is the ratio of geometric means of the throughputs: 0.5 exactly.
  assert.ok(Math.abs(slow.change! - 0.5) < 1e-12);
  // Unchanged needs the bound across sessions (ρ = 1 uncalibrated) to clear 2%: with ±2%
  // between processes the drift allowed is wider than that, and the row says so.
  const same = storedRow(TARGET, base, procs(5, 1000), [], HERE);
  assert.equal(same.verdict, "inconclusive");
  assert.match(
    same.reason,
    /^5 vs 5 processes: ratio 1\.000; a slowdown up to \d+\.\d% cannot be ruled out/,
  );
  const tight = { runs: procs(5, 1000, {}, 0.001), version: 2 };
  const calm = storedRow(TARGET, tight, procs(5, 1000, {}, 0.001), [], HERE);
  assert.equal(calm.verdict, "unchanged");
  assert.match(calm.reason, /^5 vs 5 processes: within 2\.0%/);
});

Deno.test("a process is judged by its throughput: a slowdown on one window in five counts", () => {
  const base = { runs: procs(5, 1000, {}, 0.001), version: 2 };
  // Each candidate process: four windows at the baseline's speed and one at a third of it
  // (a hiccup every 5th step, one step per window). Its median window is unchanged; its
  // throughput is 5 / (4 + 3) = 5/7 of the baseline's.
  const hiccup = base.runs.map((r) => ({
    ...r,
    measurements: {
      perf_window_images_per_s: [
        ...r.measurements.perf_window_images_per_s,
        r.measurements.perf_window_images_per_s[1],
        r.measurements.perf_window_images_per_s[1] / 3,
      ],
    },
  }));
  const row = storedRow(TARGET, base, hiccup, [], HERE);
  assert.equal(row.verdict, "regressed");
  const level = (w: number[]) => w.length / w.reduce((a, x) => a + 1 / x, 0);
  const b0 = base.runs[0].measurements.perf_window_images_per_s;
  const ratio = level([...b0, b0[1], b0[1] / 3]) / level(b0);
  assert.ok(Math.abs(row.change! - ratio) < 1e-9);
  assert.ok(Math.abs(ratio - 0.7) < 0.05);
});

Deno.test("a candidate whose processes all failed where the baseline timed is a regression by run status", () => {
  const failed = procs(5, 1000, { status: "failed", measurements: {} });
  const row = storedRow(TARGET, { runs: procs(5, 1000), version: 2 }, failed, [], HERE);
  assert.equal(row.verdict, "regressed");
  assert.equal(row.method.name, "run status");
});

Deno.test("storedCalibration: σ from the widest session, ρ only once 3 sessions are stored", () => {
  const s = (speeds: number[]) => ({ envId: "e1", backend: "wasm", experimentId: "mlp", speeds });
  assert.deepEqual(storedCalibration([]), {});
  // ln 100 and ln 110: sd = ln(1.1)/√2 = 0.067393.
  const one = storedCalibration([s([100, 110]), s([100, 101])]);
  assert.ok(Math.abs(one.sigma! - Math.log(1.1) / Math.SQRT2) < 1e-12);
  assert.equal(one.sessionRatio, undefined);
  const three = storedCalibration([s([100, 101]), s([120, 121]), s([100, 99])]);
  assert.ok(three.sessionRatio! > 5, "sessions far apart: drift well above the spread");
});
