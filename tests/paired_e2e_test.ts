/**
 * End to end: two real perf runs taking turns window by window (the paired timing of
 * `check --paired-ref` and `check --quality`), with a known slowdown on one side, and the
 * refusal of a baseline ref that predates the turn protocol.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, writeTinyExperiment } from "./_bench.ts";
import { pairedTiming } from "../harness/gate/paired.ts";
import { checkoutRef } from "../harness/gate/worktree.ts";
import { pairedRow } from "../harness/gate/paired_row.ts";
import { loadRuns } from "../results/runs.ts";
import { withDb } from "../results/mod.ts";

Deno.test("paired timing: two processes take turns and a 2x slowdown is judged regressed", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await writeTinyExperiment(dir, "tiny-mlp", { backends: ["cpu"] });
    const db = join(dir, "r.duckdb");
    const r = await pairedTiming({
      experiment: "tiny-mlp",
      backend: "cpu",
      experiments: dir,
      a: { root: ROOT.replace(/\/$/, ""), db },
      // The candidate adds its own step time again to every step: twice as slow, a change
      // that this tiny model's windows (~0.2 ms steps) show clearly even on a loaded machine,
      // where a 1.5x slowdown was sometimes not significant in one pair of processes.
      b: { root: ROOT.replace(/\/$/, ""), db, slowdown: "1" },
    });
    assert.equal(r.a.status, "ok", r.a.reason ?? "");
    assert.equal(r.b.status, "ok", r.b.reason ?? "");
    // Every window of each side is paired with the other side's window of the same index.
    assert.ok(r.pairs.length >= 12, `${r.pairs.length} pairs`);
    assert.deepEqual(r.pairs.map((p) => p[0]), r.a.windows.slice(0, r.pairs.length));
    assert.deepEqual(r.pairs.map((p) => p[1]), r.b.windows.slice(0, r.pairs.length));
    const row = pairedRow("tiny-mlp", "cpu", [r]);
    assert.equal(row.verdict, "regressed", row.reason);
    assert.ok(row.change! > 0.3 && row.change! < 0.8, `ratio ${row.change}`);
    // Both runs are stored; only the candidate records its extra work.
    const runs = await withDb(db, "read", (c) => loadRuns(c, [r.a.suiteId!, r.b.suiteId!]));
    assert.equal(runs.length, 2);
    const units = runs.map((x) => x.measurements.injected_work_units?.[0] ?? null);
    assert.equal(units.filter((u) => u !== null && u > 0).length, 1);
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
