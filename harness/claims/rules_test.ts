import assert from "node:assert/strict";
import { judgeClaim, type JudgedClaim } from "./rules.ts";
import type { ClaimRun } from "../../results/claims.ts";

const ctx = {
  article: "001_x.txt",
  experimentId: "cnn",
  profile: "full",
  backend: "cpu",
  profileNote: null,
};

function run(seed: number, over: Partial<ClaimRun> = {}): ClaimRun {
  return {
    runId: `run-${seed}`,
    backend: "cpu",
    seed,
    status: "ok",
    reason: null,
    trainSamples: 100,
    testAccuracy: null,
    testLoss: null,
    trainLoss: null,
    measurements: {},
    finishedAt: "2026-01-01 00:00:00",
    ...over,
  };
}

const acc = (xs: number[]) => xs.map((a, i) => run(i + 1, { testAccuracy: a }));
const high: JudgedClaim = {
  id: "high",
  metric: "test_accuracy",
  printed: "high accuracy",
  kind: "qualitative",
  value: 0.97,
  interpretation: ">= 0.97",
  where: "§5.3",
};

Deno.test("judgeClaim() reproduces a qualitative claim whose mean meets the threshold", () => {
  // mean 0.98, s = 0.005, n = 3: t(0.975, 2) = 4.3027, half-width 4.3027 * 0.005 / √3 = 0.012421
  const v = judgeClaim(high, acc([0.975, 0.98, 0.985]), ctx);
  assert.equal(v.verdict, "reproduced");
  assert.ok(Math.abs(v.measuredMean! - 0.98) < 1e-12);
  assert.ok(Math.abs(v.measuredStd! - 0.005) < 1e-12);
  assert.ok(Math.abs(v.ciLow! - (0.98 - 0.012421)) < 1e-5);
  assert.ok(Math.abs(v.ciHigh! - (0.98 + 0.012421)) < 1e-5);
  assert.equal(v.n, 3);
  assert.deepEqual(v.runIds, ["run-1", "run-2", "run-3"]);
});

Deno.test("judgeClaim() rejects a claim when the whole 95% CI is below it", () => {
  // mean 0.90, s = 0.01, n = 5: half-width 2.7764 * 0.01 / √5 = 0.012416 -> CI top 0.9124 < 0.97
  const v = judgeClaim(high, acc([0.89, 0.9, 0.91, 0.89, 0.91]), ctx);
  assert.equal(v.verdict, "not_reproduced");
  assert.ok(v.ciHigh! < 0.97 && Math.abs(v.ciHigh! - 0.912416) < 1e-5);
});

Deno.test("judgeClaim() is inconclusive with one run below the claim (no interval)", () => {
  const v = judgeClaim(high, acc([0.9]), { ...ctx, profileNote: "quick profile: 1 seed" });
  assert.equal(v.verdict, "inconclusive");
  assert.equal(v.ciLow, null);
  assert.match(v.reason, /quick profile: 1 seed$/);
});

Deno.test("judgeClaim() checks 'approximately' against the printed band", () => {
  const claim: JudgedClaim = {
    id: "acc95",
    metric: "test_accuracy",
    printed: "95%",
    kind: "approximately",
    value: 0.95,
    tolerance: 0.005,
    where: "§5.4",
  };
  assert.equal(judgeClaim(claim, acc([0.951, 0.953, 0.949]), ctx).verdict, "reproduced");
  // mean 0.6, far outside [0.945, 0.955] with a tight interval
  assert.equal(judgeClaim(claim, acc([0.6, 0.61, 0.59]), ctx).verdict, "not_reproduced");
});

Deno.test("judgeClaim() says why a claim with no usable run is not checkable", () => {
  const skipped = run(1, { status: "skipped", reason: 'dataset "cifar10" is not available here' });
  const v = judgeClaim(high, [skipped], ctx);
  assert.equal(v.verdict, "not_checkable");
  assert.match(v.reason, /1 skipped on cpu; skipped: dataset "cifar10" is not available here/);
  assert.equal(judgeClaim(high, [], ctx).reason, "no stored run of this declaration and profile");
});

Deno.test("judgeClaim() keeps a declared not-checkable reason and shows reference values", () => {
  const claim = { ...high, notCheckable: "measured on a substitute task" };
  const v = judgeClaim(claim, acc([0.99, 0.97]), { ...ctx, backend: null });
  assert.equal(v.verdict, "not_checkable");
  assert.equal(v.measuredMean, 0.98);
  assert.match(v.reason, /^measured on a substitute task \(2 ok on cpu\)$/);
});

Deno.test("judgeClaim() fails a 'completes' claim on the first failure, with its message", () => {
  const claim: JudgedClaim = {
    id: "runs",
    metric: "completes",
    printed: "trains on MNIST",
    kind: "qualitative",
    value: 1,
    interpretation: "every run finishes",
    where: "§5.4",
  };
  const failed = run(1, { status: "failed", reason: "Model input shape [64,64,3] does not fit" });
  const v = judgeClaim(claim, [failed], ctx);
  assert.equal(v.verdict, "not_reproduced");
  assert.equal(v.reason, "1 of 1 runs failed: Model input shape [64,64,3] does not fit");
  assert.equal(judgeClaim(claim, [run(1)], ctx).verdict, "reproduced");
  // An environment that cannot run it is no evidence about the article's code.
  const unsupported = run(1, { status: "unsupported", reason: "kernel X is not registered" });
  assert.equal(judgeClaim(claim, [unsupported], ctx).verdict, "not_checkable");
});

Deno.test("judgeClaim() judges a worked quantity once, with no seed spread", () => {
  const claim: JudgedClaim = {
    id: "a-11",
    metric: "worked:a_11",
    printed: "0.9129",
    kind: "approximately",
    value: 0.9129,
    tolerance: 0.00005,
    where: "§4.1.3",
    deterministic: true,
  };
  // σ(0.5·1 + 0.3·2 + 0.7·3 + 0.2) = σ(3.4) = 0.96770
  const wrong = run(1, { measurements: { "worked:a_11": 1 / (1 + Math.exp(-3.4)) } });
  const v = judgeClaim(claim, [wrong], ctx);
  assert.equal(v.verdict, "not_reproduced");
  assert.match(v.reason, /^computed 0\.967705 outside 0\.9129 ± 0\.00005 \(deterministic\)$/);
  const right = run(1, { measurements: { "worked:a_11": 0.91294 } });
  assert.equal(judgeClaim(claim, [right], ctx).verdict, "reproduced");
});
