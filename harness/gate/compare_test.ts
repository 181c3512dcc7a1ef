import assert from "node:assert/strict";
import { compareRuns } from "./compare.ts";
import { envDiff } from "./env_diff.ts";
import type { RunData } from "../../results/mod.ts";
import { GATE_ENV, gateRun, WINDOWS } from "../testing/gate_runs.ts";

const ENV = GATE_ENV;

function run(over: Partial<RunData> & { windows?: number[] }): RunData {
  const { windows, ...rest } = over;
  return gateRun({
    measurements: windows ? { train_window_samples_per_s: windows } : {},
    ...rest,
  });
}

const opts = { margin: () => 0.01, accuracyTolerance: () => 0.01 };
const only = (rows: ReturnType<typeof compareRuns>, metric: string) =>
  rows.filter((r) => r.metric === metric);

Deno.test("compareRuns() calls identical timings unchanged and a 20% slowdown regressed", () => {
  const base = [run({ windows: WINDOWS, gitCommit: "a" })];
  const same = only(
    compareRuns(base, [run({ windows: WINDOWS, gitCommit: "b" })], opts),
    "train_window_samples_per_s",
  );
  assert.equal(same[0].verdict, "unchanged");
  assert.equal(same[0].change, 1);
  const slow = only(
    compareRuns(base, [run({ windows: WINDOWS.map((w) => w / 1.2), gitCommit: "b" })], opts),
    "train_window_samples_per_s",
  );
  assert.equal(slow[0].verdict, "regressed");
  assert.ok(Math.abs(slow[0].change! - 1 / 1.2) < 1e-9);
  assert.ok(slow[0].p! < 0.01);
});

Deno.test("timings from another machine are not comparable, naming what differs", () => {
  const rows = compareRuns(
    [run({ windows: WINDOWS })],
    [run({ windows: WINDOWS, envId: "e2", env: { ...ENV, cores: 8 } })],
    opts,
  );
  const t = only(rows, "train_window_samples_per_s")[0];
  assert.equal(t.verdict, "not_comparable");
  assert.equal(t.reason, "different machine or versions: cores 2 -> 8");
  assert.equal(envDiff({ a: 1 }, { a: 1 }), "fingerprints differ");
});

Deno.test("a changed declaration is not comparable and a model that stopped training regresses", () => {
  const changed = compareRuns([run({})], [run({ declarationHash: "d2" })], opts);
  assert.deepEqual(changed.map((r) => r.verdict), ["not_comparable"]);
  assert.match(changed[0].reason, /declaration changed/);
  const broken = compareRuns([run({})], [run({ status: "failed" })], opts);
  assert.equal(broken[0].verdict, "regressed");
  assert.match(broken[0].reason, /candidate failed/);
});

Deno.test("accuracy is paired by seed: identical seeds are unchanged, a 5-point drop regresses", () => {
  const seeds = [1, 2, 3];
  const accs = [0.90, 0.91, 0.89];
  const base = seeds.map((seed, i) => run({ seed, testAccuracy: accs[i], gitCommit: "a" }));
  const same = only(
    compareRuns(
      base,
      seeds.map((seed, i) => run({ seed, testAccuracy: accs[i], gitCommit: "b" })),
      opts,
    ),
    "test_accuracy",
  );
  assert.equal(same[0].verdict, "unchanged");
  assert.deepEqual(same[0].ci, [0, 0]);
  // Differences -0.05, -0.06, -0.04: mean -0.05, sd 0.01, t(0.975, 2) = 4.303,
  // half-width 4.303 * 0.01 / sqrt(3) = 0.02484: CI [-0.0748, -0.0252], wholly below -0.01.
  const drop = [0.85, 0.85, 0.85];
  const worse = only(
    compareRuns(
      base,
      seeds.map((seed, i) => run({ seed, testAccuracy: drop[i], gitCommit: "b" })),
      opts,
    ),
    "test_accuracy",
  );
  assert.equal(worse[0].verdict, "regressed");
  assert.ok(Math.abs(worse[0].change! + 0.05) < 1e-12);
  assert.ok(Math.abs(worse[0].ci![0] - (-0.05 - 0.02484)) < 1e-4);
  assert.ok(Math.abs(worse[0].ci![1] - (-0.05 + 0.02484)) < 1e-4);
});

Deno.test("same seed, commit and machine with different weights fails as non-deterministic", () => {
  const a = run({ gitCommit: "same" });
  const b = run({
    gitCommit: "same",
    weightsSha256: "other",
    epochs: [{ epoch: 1, loss: 1, weightsSha256: "h1" }, {
      epoch: 2,
      loss: 0.5,
      weightsSha256: "x",
    }],
  });
  const rows = compareRuns([a], [b], opts).filter((r) => r.kind === "reproducibility");
  assert.equal(rows.length, 1);
  assert.equal(rows[0].verdict, "regressed");
  assert.match(rows[0].reason, /non-deterministic/);
  assert.match(rows[0].reason, /epoch 2/);
  // Across commits weights may change: no reproducibility verdict at all.
  assert.equal(
    compareRuns([a], [{ ...b, gitCommit: "next" }], opts).filter((r) =>
      r.kind === "reproducibility"
    ).length,
    0,
  );
});
