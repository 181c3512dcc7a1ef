/**
 * End to end: two real perf runs taking turns window by window (the paired timing of
 * `check --paired-ref` and `check --quality`), one side doing injected extra work, and the
 * refusal of a baseline ref that predates the turn protocol. What this asserts does not depend
 * on how fast either side ran: the turns, the pairing, the extra work and the stored runs. The
 * judgement of paired windows (a slowdown regressed, identical code unchanged) is tested on
 * constructed windows, with the production rule, in harness/gate/paired_row_test.ts.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { ROOT, writeTinyExperiment } from "./_bench.ts";
import { pairedTiming } from "../harness/gate/paired.ts";
import { checkoutRef } from "../harness/gate/worktree.ts";
import { pairedRow } from "../harness/gate/paired_row.ts";
import { loadRuns } from "../results/runs.ts";
import { withDb } from "../results/mod.ts";
import { PAIRED_PROTOCOL } from "../harness/gate/timing_plan.ts";

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
    // The pairs go through the production rule and come out as one timing row, whatever
    // verdict this machine's load gives them.
    const row = pairedRow("tiny-mlp", "cpu", [r]);
    assert.equal(row.kind, "timing");
    assert.deepEqual(row.n, [1, 1]);
    assert.ok(row.change! > 0 && row.p !== null, row.reason);
    assert.equal(row.method.name, "Wilcoxon signed-rank over paired windows");
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
