/**
 * End to end: `writeReport` over the Store-written fixture, the site served by a plain static
 * file server (files only, no range requests, under a sub-path as GitHub Pages serves a
 * project) and Debian's Chromium: the pages render, a chart draws, links lead to files, and
 * the SQL console answers queries over the Parquet files. Nothing is fetched from elsewhere.
 */
import assert from "node:assert/strict";
import { extname, join } from "node:path";
import { chromium } from "playwright-core";
import { writeReport } from "../dashboard/report/mod.ts";
import { makeFixture, tempDb } from "../dashboard/testing/fixture.ts";
import { rows, withDb } from "../results/mod.ts";

const CHROMIUM = "/usr/bin/chromium";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

/** Serve the files under `root` at /site/ and nothing else. */
function staticServer(root: string): Deno.HttpServer<Deno.NetAddr> {
  return Deno.serve({ hostname: "127.0.0.1", port: 0, onListen: () => {} }, async (req) => {
    const path = decodeURIComponent(new URL(req.url).pathname);
    if (!path.startsWith("/site/") || path.includes("..")) {
      return new Response(null, { status: 404 });
    }
    let file = join(root, path.slice("/site/".length));
    if (file.endsWith("/") || path === "/site/") file = join(file, "index.html");
    try {
      const body = await Deno.readFile(file);
      return new Response(body, {
        headers: { "content-type": TYPES[extname(file)] ?? "application/octet-stream" },
      });
    } catch {
      return new Response(null, { status: 404 });
    }
  });
}

Deno.test({
  name: "the static report renders, draws a chart and answers SQL over Parquet from a file server",
  ignore: !(await Deno.stat(CHROMIUM).then(() => true, () => false)),
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const { dir, path } = await tempDb();
    await makeFixture(path, { claims: true });
    const out = join(dir, "site");
    const summary = await writeReport({ db: path, out });
    assert.ok(summary.runPages > 0 && summary.pages > summary.runPages, JSON.stringify(summary));
    const [expected] = await withDb(
      path,
      "read",
      (c) => rows(c, "SELECT count(*) AS n, (SELECT count(*) FROM epochs) AS e FROM runs"),
    );

    const server = staticServer(out);
    const origin = `http://127.0.0.1:${server.addr.port}`;
    const profile = await Deno.makeTempDir({ prefix: "reprobench-chromium-" });
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    });
    const errors: string[] = [];
    const elsewhere: string[] = [];
    try {
      const page = await context.newPage();
      page.on("pageerror", (e) => errors.push(`${page.url()}: ${e.message}`));
      page.on("request", (r) => r.url().startsWith(origin) || elsewhere.push(r.url()));
      page.on("response", (r) => {
        if (r.status() >= 400 && !r.url().endsWith("/favicon.ico")) {
          errors.push(`${r.status()} ${r.url()}`);
        }
      });

      await page.goto(`${origin}/site/`, { waitUntil: "load" });
      assert.ok(await page.locator("#runs tbody tr").count() > 0, "the runs table has rows");
      // A run page, reached by its link, draws its curves.
      await page.locator('#runs tbody a.mono[href^="runs-"]').first().click();
      await page.waitForSelector(".chart[data-drawn] canvas");
      assert.match(page.url(), /\/site\/runs-[^/]+\.html$/);

      await page.goto(`${origin}/site/claims.html`, { waitUntil: "load" });
      assert.match(await page.locator("main").innerText(), /not_reproduced/);
      await page.goto(`${origin}/site/backends-by-machine.html`, { waitUntil: "load" });
      assert.ok(await page.locator("table.matrix tbody tr").count() > 0);
      await page.locator('nav a:text("Suites")').click();
      assert.match(page.url(), /\/site\/suites\.html$/);

      await page.locator('nav a:text("SQL")').click();
      await page.waitForSelector("#sql-console[data-ready]", { timeout: 60_000 });
      await page.fill(
        "#sql",
        `SELECT (SELECT count(*) FROM runs) AS runs, (SELECT count(*) FROM epochs) AS epochs,
          (SELECT count(*) FROM calibrations) AS calibrations,
          (SELECT typeof(max(started_at)) FROM runs) AS started_type`,
      );
      await page.click("#run");
      await page.waitForSelector("#sql-console[data-rows]", { timeout: 60_000 });
      assert.equal(await page.locator("#sql-console").getAttribute("data-rows"), "1");
      const cells = await page.locator("#sql-table tbody td").allInnerTexts();
      assert.deepEqual(cells, [String(expected.n), String(expected.e), "0", "TIMESTAMP"]);
      assert.deepEqual(errors, []);
      assert.deepEqual(elsewhere, []);
    } finally {
      await context.close();
      await server.shutdown();
      await Deno.remove(profile, { recursive: true }).catch(() => {});
      await Deno.remove(dir, { recursive: true });
    }
  },
});
