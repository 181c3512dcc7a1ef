/**
 * End to end, the browser runtime: the real CLI trains a tiny experiment in headless Chromium
 * (webgl, wasm with threads, cpu) into a temporary DuckDB file beside Deno's runs, and the
 * oracles hold: Chromium's cpu gives Deno's cpu weights, Chromium's threaded wasm gives Deno's
 * one-replica wasm weights, and a second suite repeats wasm and webgl bit for bit. A page
 * that hangs is stopped at its limit and stored as failed, with no Chromium left behind;
 * Ctrl-C closes the browser too. Skipped, with the reason, where Chromium is absent.
 */
import assert from "node:assert/strict";
import { join } from "node:path";
import { rows, Store, withDb } from "../results/mod.ts";
import { discover } from "../harness/core/discover.ts";
import { benchPlan } from "../harness/run/plan.ts";
import { Progress } from "../harness/run/progress.ts";
import { type Executor, runSuitePlan } from "../harness/run/suite.ts";
import { browserTraining } from "../harness/run/browser/mod.ts";
import { chromiumLeft, noBrowser, stillRunningAfter } from "../harness/testing/browser.ts";
import { cli, spawnCli, writeTinyExperiment } from "./_bench.ts";

const skip = await noBrowser();
if (skip) console.warn(`browser end-to-end tests skipped: ${skip}`);

interface JsonRun {
  runtime: string;
  backend: string;
  status: string;
  reason: string | null;
  weightsHash: string | null;
  epochs: { loss: number }[];
}

async function bench(dir: string, db: string, extra: string[]): Promise<JsonRun[]> {
  const r = await cli(["bench", "--experiments", dir, "--db", db, "--json", "--quiet", ...extra]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout).runs;
}

Deno.test({
  name: "a tiny experiment trains in Chromium as in Deno, and repeats on wasm and webgl",
  ignore: skip !== null,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      await writeTinyExperiment(dir, "tiny-mlp", { train: 192, backends: ["cpu", "wasm"] });
      const db = join(dir, "r.duckdb");
      const first = await bench(dir, db, [
        "--runtime=deno,browser",
        "--backend=cpu,wasm,webgl",
        "--replicas=1",
      ]);
      const at = (runs: JsonRun[], runtime: string, backend: string) =>
        runs.find((r) => r.runtime === runtime && r.backend === backend)!;
      for (const r of first) assert.equal(r.status, "ok", `${r.runtime} ${r.backend}: ${r.reason}`);
      assert.deepEqual(first.map((r) => `${r.runtime} ${r.backend}`), [
        "deno cpu",
        "deno wasm",
        "chromium cpu",
        "chromium wasm",
        "chromium webgl",
      ]);
      // Oracles from another runtime: the same examples, order and initial weights.
      assert.equal(at(first, "chromium", "cpu").weightsHash, at(first, "deno", "cpu").weightsHash);
      assert.equal(
        at(first, "chromium", "wasm").weightsHash,
        at(first, "deno", "wasm").weightsHash,
        "Chromium's threaded wasm must give Deno's one-replica wasm weights",
      );
      const second = await bench(dir, db, ["--runtime=browser", "--backend=wasm,webgl"]);
      for (const backend of ["wasm", "webgl"]) {
        const [a, b] = [at(first, "chromium", backend), at(second, "chromium", backend)];
        assert.equal(b.status, "ok", b.reason ?? "");
        assert.equal(b.weightsHash, a.weightsHash, `chromium ${backend} is not deterministic`);
        assert.deepEqual(b.epochs.map((e) => e.loss), a.epochs.map((e) => e.loss));
      }
      const stored = await withDb(db, "read", (c) =>
        rows(
          c,
          `SELECT runtime, backend, runtime_info->>'$.name' AS browser,
             runtime_info->>'$.crossOriginIsolated' AS isolated,
             backend_info->>'$.threadsCount' AS threads, backend_info->>'$.webgl.renderer' AS gl
           FROM runs WHERE runtime = 'chromium' AND backend IN ('wasm', 'webgl') LIMIT 2`,
        ));
      assert.deepEqual(stored.map((r) => [r.runtime, r.browser, r.isolated]), [
        ["chromium", "chromium", "true"],
        ["chromium", "chromium", "true"],
      ]);
      // Threads default to the machine's cores (tfjs's pool stops at 8).
      assert.equal(stored[0].threads, String(Math.min(8, navigator.hardwareConcurrency)));
      assert.ok(String(stored[1].gl).length > 0);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name: "a hanging page is stopped at its limit, stored as failed, and its browser closed",
  ignore: skip !== null,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      await writeTinyExperiment(dir, "tiny-hang", { train: 64, epochs: 1 });
      const { experiments } = await discover(dir);
      const plan = benchPlan(experiments, {
        profile: "quick",
        overrides: { backends: ["wasm"] },
        kernels: "default",
        runtimes: ["chromium"],
      });
      const progress = new Progress(false, null, true);
      const training = browserTraining({
        kernels: "default",
        progress,
        timeoutS: 3,
        entry: new URL("../harness/testing/browser_hang_page.ts", import.meta.url),
      });
      const executor: Executor<string, null> = {
        execute: async (run) => ({ outcome: await training.train(run), report: null, detail: "" }),
        close: () => training.close(),
      };
      const db = join(dir, "r.duckdb");
      const t0 = performance.now();
      await runSuitePlan(
        new Store(db),
        { kind: "bench", profile: "quick", argv: [] },
        plan,
        executor,
        {
          progress,
          interrupts: { listen: false },
        },
      );
      const [run] = await withDb(
        db,
        "read",
        (c) => rows(c, "SELECT status, reason, runtime FROM runs"),
      );
      assert.deepEqual([run.status, run.runtime], ["failed", "chromium"]);
      assert.match(String(run.reason), /exceeded its 3 s limit/);
      // Bundling (cached after the first time) and the 3 s limit, not a hang.
      assert.ok(performance.now() - t0 < 60_000);
      assert.deepEqual(await chromiumLeft(), [], "Chromium outlived the suite");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});

Deno.test({
  name:
    "Ctrl-C during a browser run stores it as interrupted and leaves no Chromium, nor its profile",
  ignore: skip !== null,
  async fn() {
    const dir = await Deno.makeTempDir();
    try {
      await writeTinyExperiment(dir, "tiny-sigint", { train: 2048, epochs: 20 });
      const db = join(dir, "r.duckdb");
      // Its own temporary folder, where Playwright makes the browser's profile.
      const tmp = join(dir, "tmp");
      await Deno.mkdir(tmp);
      const child = spawnCli(
        ["bench", "--runtime=browser", "--backend=wasm", "--experiments", dir, "--db", db],
        "piped",
        { TMPDIR: tmp },
      );
      // Wait for the page to report its first epoch's progress, then press Ctrl-C.
      const reader = child.stderr.pipeThrough(new TextDecoderStream()).getReader();
      let seen = "";
      while (!/epoch \d+\/20 done/.test(seen)) {
        const { value, done } = await reader.read();
        if (done) break;
        seen += value;
      }
      const left = await chromiumLeft(child.pid);
      assert.ok(left.length > 0, `no Chromium under the bench process: ${seen.slice(-300)}`);
      child.kill("SIGINT");
      reader.releaseLock();
      await child.stderr.cancel().catch(() => {});
      const status = await child.status;
      assert.equal(status.code, 130);
      // Chromium's helpers end just after the browser process close() waits for.
      assert.deepEqual(await stillRunningAfter(left), [], "Chromium outlived Ctrl-C");
      const profiles: string[] = [];
      for await (const e of Deno.readDir(tmp)) {
        if (e.name.startsWith("playwright")) profiles.push(e.name);
      }
      assert.deepEqual(profiles, [], "Playwright's temporary folders outlived Ctrl-C");
      const [run] = await withDb(db, "read", (c) => rows(c, "SELECT status FROM runs"));
      assert.equal(run.status, "interrupted");
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  },
});
