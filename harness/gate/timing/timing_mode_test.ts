import assert from "node:assert/strict";
import { chooseTimingMode, type GitProbe, type ModeInputs } from "./timing_mode.ts";

const HEAD = "h".repeat(40), BASE = "b".repeat(40), OLD = "0".repeat(40), REC = "r".repeat(40);

/**
 * A repository with branches `origin/main` (merge base with HEAD: BASE) and local `dev`
 * (merge base OLD, which predates the turn protocol), and the recorded commit REC.
 */
const git: GitProbe = {
  resolve: (ref) =>
    Promise.resolve(
      ({
        HEAD,
        "origin/main": "m".repeat(40),
        dev: "d".repeat(40),
        [REC]: REC,
        [BASE]: BASE,
        v1: OLD,
      })[
        ref
      ] ?? null,
    ),
  mergeBase: (a, b) =>
    Promise.resolve(
      b !== HEAD
        ? null
        : a === "m".repeat(40)
        ? BASE
        : a === "d".repeat(40)
        ? OLD
        : a === OLD
        ? OLD
        : null,
    ),
  canTakeTurns: (c) => Promise.resolve(c !== OLD),
};

const inputs = (over: Partial<ModeInputs> = {}): ModeInputs => ({
  env: {},
  baselineCommit: null,
  baselineLabel: "results/baseline.json",
  ...over,
});

Deno.test("GITHUB_BASE_REF pairs against the merge base of origin/BRANCH and HEAD, ahead of the baseline's commit", async () => {
  const m = await chooseTimingMode(
    inputs({ env: { GITHUB_BASE_REF: "main" }, baselineCommit: REC }),
    git,
  );
  assert.deepEqual(m, {
    mode: "paired",
    commit: BASE,
    why: "paired against the merge base bbbbbbbbbb of origin/main and HEAD (GITHUB_BASE_REF)",
  });
  // Buildkite's branch variable reads the same way; its "false" (not a pull request) is unset.
  const bk = await chooseTimingMode(
    inputs({ env: { BUILDKITE_PULL_REQUEST_BASE_BRANCH: "main" } }),
    git,
  );
  assert.match(
    bk.why,
    /merge base bbbbbbbbbb of origin\/main and HEAD \(BUILDKITE_PULL_REQUEST_BASE_BRANCH\)/,
  );
  const no = await chooseTimingMode(
    inputs({ env: { BUILDKITE_PULL_REQUEST_BASE_BRANCH: "false" } }),
    git,
  );
  assert.equal(no.mode, "stored");
});

Deno.test("GitLab's base sha and REPROBENCH_BASE_REF are used as given (a merge base for the ref)", async () => {
  const gl = await chooseTimingMode(inputs({ env: { CI_MERGE_REQUEST_DIFF_BASE_SHA: BASE } }), git);
  assert.deepEqual([gl.mode, gl.mode === "paired" && gl.commit], ["paired", BASE]);
  assert.match(gl.why, /merge request's base bbbbbbbbbb \(CI_MERGE_REQUEST_DIFF_BASE_SHA\)/);
  const rb = await chooseTimingMode(inputs({ env: { REPROBENCH_BASE_REF: "origin/main" } }), git);
  assert.match(
    rb.why,
    /^paired against the merge base bbbbbbbbbb of origin\/main and HEAD \(REPROBENCH_BASE_REF\)$/,
  );
});

Deno.test("the baseline's own commit is paired with when it exists here and can take turns", async () => {
  const m = await chooseTimingMode(inputs({ baselineCommit: REC }), git);
  assert.deepEqual(m, {
    mode: "paired",
    commit: REC,
    why: "paired against the baseline's own commit rrrrrrrrrr (results/baseline.json)",
  });
});

Deno.test("no reachable code: stored, saying what was tried and why each failed", async () => {
  const m = await chooseTimingMode(
    inputs({ env: { GITHUB_BASE_REF: "release" }, baselineCommit: "c".repeat(40) }),
    git,
  );
  assert.equal(m.mode, "stored");
  assert.equal(
    m.why,
    "stored baseline: no baseline code to pair with (GITHUB_BASE_REF=release: origin/release nor " +
      "release is in this clone (fetch it, e.g. fetch-depth: 0); the baseline's commit cccccccccc " +
      "is not in this repository)",
  );
  // A branch whose merge base predates the turn protocol is passed over, and so is a
  // baseline without a commit.
  const old = await chooseTimingMode(inputs({ env: { GITHUB_BASE_REF: "dev" } }), git);
  assert.match(
    old.why,
    /^stored baseline: .*0000000000 predates paired timing \(the merge base .* of dev and HEAD \(GITHUB_BASE_REF\)\); the baseline names no commit\)$/,
  );
});

Deno.test("--paired-ref wins; --timing stored and --candidate suites choose the stored mode", async () => {
  const ref = await chooseTimingMode(
    inputs({ pairedRef: "origin/main", env: { GITHUB_BASE_REF: "main" } }),
    git,
  );
  assert.deepEqual(ref, {
    mode: "paired",
    commit: "m".repeat(40),
    why: "paired against origin/main (mmmmmmmmmm) (--paired-ref)",
  });
  const forced = await chooseTimingMode(inputs({ forceStored: true, baselineCommit: REC }), git);
  assert.deepEqual(forced, { mode: "stored", why: "stored baseline (--timing stored)" });
  const cand = await chooseTimingMode(inputs({ candidateStored: true, baselineCommit: REC }), git);
  assert.equal(cand.mode, "stored");
});
