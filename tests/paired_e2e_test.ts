/**
 * End to end: two real perf runs taking turns window by window (the paired timing of the
 * gate's default path and of `check --quality`), one side doing injected extra work; the
 * default path finding the baseline's code from the CI's variables; and the refusal of a
 * baseline ref that predates the turn protocol. What this asserts does not depend on how fast
 * either side ran: the turns, the pairing, the steps per window, the extra work, the stored
 * runs, the mode chosen. The judgement of process pairs (a slowdown regressed, identical code
 * unchanged) is tested on constructed θ, with the production loop and rule, in
 * harness/gate/timing/sequential_gate_test.ts.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { cli, NO_CI_ENV, ROOT, writeTinyExperiment } from "./_bench.ts";
import { pairedTiming } from "../harness/gate/timing/mod.ts";
import { checkoutRef } from "../harness/gate/timing/mod.ts";
import { processPairTheta } from "../harness/core/stats/mod.ts";
import { loadRuns } from "../results/runs.ts";
import { withDb } from "../results/mod.ts";
import { PAIRED_PROTOCOL } from "../harness/gate/timing/mod.ts";

Deno.test("paired timing: two processes take turns, every window is paired, one side does the extra work", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeTinyExperiment(dir, "tiny-mlp", { backends: ["cpu"] });
    const db = join(dir, "r.duckdb");
    const r = await pairedTiming({
      experiment: "tiny-mlp",
      backend: "cpu",
      experiments: dir,
      a: { root: ROOT.replace(/\/$/, ""), db },
      // The candidate adds its own step time again to every step (twice the work).
      b: { root: ROOT.replace(/\/$/, ""), db, slowdown: "1" },
    });
    assert.equal(r.a.status, "ok", r.a.reason ?? "");
    assert.equal(r.b.status, "ok", r.b.reason ?? "");
    // Every window of each side is paired with the other side's window of the same index,
    // as many as the side with fewer took, and never fewer than the protocol's minimum (its
    // time budget stops windows only after that many).
    const n = Math.min(r.a.windows.length, r.b.windows.length);
    assert.equal(r.pairs.length, n);
    assert.ok(n >= PAIRED_PROTOCOL.minWindows, `${n} pairs`);
    assert.deepEqual(r.pairs, r.a.windows.slice(0, n).map((w, i) => [w, r.b.windows[i]]));
    // Both sides timed the same steps per window (the first side's plan), and the pair gives
    // the θ the gate's sequential rule reads, whatever value this machine's load gives it.
    assert.ok(r.batches !== null && r.batches >= 1);
    assert.deepEqual([r.a.batchesPerWindow, r.b.batchesPerWindow], [r.batches, r.batches]);
    assert.ok(Number.isFinite(processPairTheta(r.pairs, true)));
    // Both runs are stored; only the candidate did extra work, and its configuration says so.
    const runs = await withDb(db, "read", (c) => loadRuns(c, [r.a.suiteId!, r.b.suiteId!]));
    assert.equal(runs.length, 2);
    const [a, b] = [r.a.suiteId, r.b.suiteId].map((id) => runs.find((x) => x.suiteId === id)!);
    assert.equal(a.measurements.injected_work_units, undefined);
    assert.ok(b.measurements.injected_work_units?.[0]! > 0, "the candidate did extra work");
    assert.notEqual(a.configHash, b.configHash);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("the default path pairs against the code REPROBENCH_BASE_REF names, and an exhausted budget leaves timings inconclusive, not failed", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeTinyExperiment(dir, "tiny-mlp", { backends: ["cpu"] });
    const db = join(dir, "r.duckdb"), base = join(dir, "baseline.json");
    const common = ["--experiments", dir, "--db", db, "--quiet"];
    const run = async (...args: string[]) => {
      const r = await cli([
        ...args,
        "--experiment",
        "tiny-mlp",
        "--backend",
        "cpu",
        "--json",
        ...common,
      ]);
      assert.equal(r.code, 0, r.stderr);
      return JSON.parse(r.stdout).suiteId as string;
    };
    const suites = [await run("bench"), await run("bench", "--suite", "perf", "--gate-protocol")];
    const exported = await cli([
      "check",
      "--export-baseline",
      base,
      "--from",
      suites.join(","),
      ...common,
    ]);
    assert.equal(exported.code, 0, exported.stderr);
    // A 1 s budget is spent before any pair (the accuracy run alone takes longer): the mode is
    // chosen and reported, the baseline's code checked out, and no pair decides anything.
    const r = await cli(
      ["check", "--baseline", base, "--time-budget", "1", "--json", ...common],
      { ...NO_CI_ENV, REPROBENCH_BASE_REF: "HEAD" },
    );
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout);
    assert.equal(report.timing.mode, "paired");
    assert.match(
      report.timing.reason,
      /^paired against the merge base [0-9a-f]{10} of HEAD and HEAD \(REPROBENCH_BASE_REF\)$/,
    );
    const timing = report.verdicts.find((v: { kind: string }) => v.kind === "timing");
    assert.equal(timing.verdict, "inconclusive");
    assert.match(timing.reason, /^the time budget ended after 0 process pairs/);
    assert.match(r.stderr, /warning: 1 timing inconclusive \(tiny-mlp on cpu\)/);
    // No CI variable, and a baseline whose commit is not in this repository: stored.
    const file = JSON.parse(await Deno.readTextFile(base));
    file.source.gitCommit = "f".repeat(40);
    await Deno.writeTextFile(base, JSON.stringify(file));
    const s = await cli(["check", "--baseline", base, "--json", ...common], NO_CI_ENV);
    assert.equal(s.code, 0, s.stderr);
    const stored = JSON.parse(s.stdout);
    assert.equal(stored.timing.mode, "stored");
    assert.match(
      stored.timing.reason,
      /the baseline's commit ffffffffff is not in this repository/,
    );
    const row = stored.verdicts.find((v: { kind: string }) => v.kind === "timing");
    assert.equal(row.verdict, "inconclusive");
    assert.match(row.reason, /has 1 timing process of this target; judging needs at least 5/);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("--paired-ref refuses a commit whose code cannot take turns", async () => {
  const repo = await Deno.makeTempDir();
  const git = (...args: string[]) =>
    new Deno.Command("git", { args, cwd: repo, stdout: "null", stderr: "null" }).output();
  try {
    await git("init", "-q");
    await Deno.writeTextFile(join(repo, "main.ts"), "console.log('old');\n");
    await git("add", "main.ts");
    await git("-c", "user.email=t@t", "-c", "user.name=t", "commit", "-q", "-m", "old");
    await assert.rejects(() => checkoutRef(repo, "HEAD", () => {}), /predates paired timing/);
    await assert.rejects(() => checkoutRef(repo, "no-such-ref", () => {}), /is not a commit/);
    // The worktree was removed again.
    const list = new TextDecoder().decode(
      (await new Deno.Command("git", { args: ["worktree", "list"], cwd: repo, stdout: "piped" })
        .output()).stdout,
    );
    assert.equal(list.trim().split("\n").length, 1, list);
  } finally {
    await Deno.remove(repo, { recursive: true });
  }
});
