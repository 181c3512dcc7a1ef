/**
 * End to end: a results database from a real bench run (or, where no experiment can run, the
 * Store-written fixture), the dashboard served on a free port, and Debian's Chromium driving
 * every page. Checks the charts are drawn with data, the SQL console answers, and live progress
 * shows up; saves a screenshot of each page under .out/screenshots/.
 */
import assert from "node:assert/strict";
import { chromium, type Page } from "playwright-core";
import { serve } from "../dashboard/mod.ts";
import { appendProgress, progressPath } from "../results/progress_file.ts";
import { makeFixture, tempDb } from "../dashboard/testing/fixture.ts";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = new URL("../.out/screenshots/", import.meta.url);

const ROOT = new URL("..", import.meta.url);

/**
 * Fill `path` with a real tiny bench run (two seeds of one small experiment on wasm, a few
 * seconds), or with the Store-written fixture where the bench CLI is absent.
 */
async function fillDb(path: string): Promise<"bench" | "fixture"> {
  const hasBench = await Deno.stat(new URL("main.ts", ROOT)).then(() => true, () => false);
  if (!hasBench) {
    await makeFixture(path, { claims: true });
    return "fixture";
  }
  const experiment = Deno.env.get("REPROBENCH_E2E_EXPERIMENT") ?? "keras-mlp-mnist-004";
  const out = await new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "-A",
      "main.ts",
      "bench",
      "--experiment",
      experiment,
      "--profile",
      "quick",
      "--seeds",
      "2",
      "--backend",
      "wasm",
      "--quiet",
      "--db",
      path,
    ],
    cwd: ROOT,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const td = new TextDecoder();
  assert.equal(
    out.code,
    0,
    `the bench failed:\n${td.decode(out.stdout)}\n${td.decode(out.stderr)}`,
  );
  return "bench";
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: new URL(`${name}.png`, SHOTS).pathname, fullPage: true });
}

Deno.test({
  name: "the dashboard's pages render, draw charts and run SQL in headless Chromium",
  ignore: !(await Deno.stat(CHROMIUM).then(() => true, () => false)),
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    await Deno.mkdir(SHOTS, { recursive: true });
    const { dir, path } = await tempDb();
    const source = await fillDb(path);
    const served = await serve({ db: path, port: 0 });
    const profile = await Deno.makeTempDir({ prefix: "reprobench-chromium-" });
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
      viewport: { width: 1400, height: 900 },
    });
    const errors: string[] = [];
    try {
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
      page.on("dialog", (d) => {
        errors.push(`dialog opened: ${d.message()}`);
        d.dismiss();
      });
      const go = (p: string) => page.goto(new URL(p, served.url).href, { waitUntil: "load" });

      await go("/runs");
      const rows = await page.locator("#runs tbody tr").count();
      assert.ok(rows > 0, "the runs table has rows");
      await shot(page, "runs");

      const ids = await page.locator("#runs tbody input[name=ids]").evaluateAll((els) =>
        els.map((e) => e.getAttribute("value") ?? "")
      );
      const api = await (await fetch(new URL("/api/runs?status=ok&size=200", served.url))).json();
      const ok = api.runs.map((r: { run_id: string }) => r.run_id) as string[];
      assert.ok(ok.length >= 2 && ids.length >= 2);

      await go(`/runs/${encodeURIComponent(ok[0])}`);
      await page.waitForSelector(".chart[data-drawn] canvas");
      const drawn = await page.locator(".chart[data-drawn]").evaluateAll((els) =>
        els.map((e) => Number(e.getAttribute("data-drawn")))
      );
      assert.ok(drawn.length >= 2 && drawn.every((n) => n > 0), `curves drawn with data: ${drawn}`);
      await shot(page, "run");

      // Pick the same experiment on two backends when the DB has it.
      await go(`/compare?ids=${encodeURIComponent(ok[0])}&ids=${encodeURIComponent(ok[1])}`);
      await page.waitForSelector(".chart[data-drawn] canvas");
      assert.ok(await page.locator("#compare-metrics").isVisible());
      await shot(page, "compare");

      await go("/backends");
      assert.ok(await page.locator("#matrix tbody tr").count() > 0);
      await shot(page, "backends");

      await go("/history");
      await page.waitForSelector(".chart[data-drawn] canvas");
      await shot(page, "history");

      await go("/claims");
      assert.match(
        await page.locator("main").innerText(),
        source === "fixture"
          ? /not_reproduced/
          : /not_reproduced|reproduced|inconclusive|No claims checked yet/,
      );
      await shot(page, "claims");

      await go("/sql");
      await page.waitForSelector("#sql-console[data-ready]", { timeout: 30_000 });
      await page.click("#run");
      await page.waitForSelector("#sql-console[data-rows]", { timeout: 30_000 });
      const got = await page.locator("#sql-console").getAttribute("data-rows");
      assert.ok(Number(got) >= 1, `the SQL console returned rows, got ${got}`);
      assert.ok(await page.locator("#sql-table tbody tr").count() >= 1);
      // DuckDB's own text for a DECIMAL, a TIMESTAMP and a DATE, not Arrow's raw numbers
      // (1.25 once read "125", timestamps epoch milliseconds).
      await page.fill(
        "#sql",
        "SELECT 1.25::DECIMAL(5,2) AS d, -0.005::DECIMAL(10,3) AS n, " +
          "TIMESTAMP '2026-01-02 03:04:05.123456' AS t, DATE '2026-01-02' AS day, " +
          "NULL::DECIMAL(5,2) AS none UNION ALL SELECT 10, 0, TIMESTAMP '1969-12-31 23:59:59', " +
          "DATE '1969-12-31', 2.5",
      );
      await page.evaluate(`document.getElementById("sql-console").removeAttribute("data-rows")`);
      await page.click("#run");
      await page.waitForSelector("#sql-console[data-rows]", { timeout: 30_000 });
      const cells = await page.locator("#sql-table tbody tr").evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))
      );
      assert.deepEqual(cells, [
        ["1.25", "-0.005", "2026-01-02 03:04:05.123456", "2026-01-02", "NULL"],
        ["10.00", "0.000", "1969-12-31 23:59:59", "1969-12-31", "2.50"],
      ]);
      await shot(page, "sql");

      await go("/live");
      await appendProgress(progressPath(path), {
        time: new Date().toISOString(),
        suiteId: "suite-live",
        experimentId: "mnist-mlp",
        backend: "wasm",
        seed: 1,
        run: 1,
        runs: 3,
        epoch: 2,
        epochs: 5,
        batch: 3,
        batches: 8,
        etaS: 42,
        status: "running",
      });
      // The page polls: the new event must show up without a reload.
      await page.waitForFunction(
        `/1 run in progress/.test(document.getElementById("live-summary")?.textContent ?? "")`,
        undefined,
        { timeout: 5_000 },
      );
      assert.match(await page.locator("#live-table").innerText(), /mnist-mlp[\s\S]*2\/5/);
      await shot(page, "live");

      await go("/runs/does-not-exist");
      assert.match(await page.locator("h1").innerText(), /Not found/);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
      await served.shutdown();
      await Deno.remove(profile, { recursive: true }).catch(() => {});
      await Deno.remove(dir, { recursive: true });
    }
  },
});
