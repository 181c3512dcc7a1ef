import assert from "node:assert/strict";
import { serve } from "./mod.ts";
import { makeFixture, tempDb } from "./testing/fixture.ts";

// The bench and the dashboard at once: a separate process writes runs through the real Store
// (DuckDB's single writer, opening the file per write) while the served dashboard answers
// pages as fast as it is asked. Neither may fail, and the dashboard must see the new runs.
Deno.test("the dashboard keeps serving while a bench process writes, and the writer never fails", async () => {
  const { dir, path } = await tempDb();
  const fixture = await makeFixture(path);
  const served = await serve({ db: path, port: 0 });
  const RUNS = 15;
  try {
    const writer = new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-A",
        new URL("./testing/writer.ts", import.meta.url).pathname,
        "--db",
        path,
        "--runs",
        String(RUNS),
      ],
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const done = writer.output();
    let finished = false;
    done.finally(() => (finished = true));

    const pages = [
      "/runs",
      "/api/runs",
      `/runs/${fixture.runIds[0]}`,
      "/backends",
      "/live",
      "/history",
    ];
    const statuses = new Map<number, number>();
    let requests = 0;
    let slowest = 0;
    while (!finished) {
      const t = performance.now();
      const res = await fetch(new URL(pages[requests % pages.length], served.url));
      await res.body?.cancel();
      slowest = Math.max(slowest, performance.now() - t);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      requests++;
    }
    const out = await done;
    const td = new TextDecoder();
    assert.equal(out.code, 0, `the writer failed: ${td.decode(out.stderr)}`);
    assert.deepEqual([...statuses.keys()], [200], `statuses: ${JSON.stringify([...statuses])}`);
    assert.ok(requests >= 3, `only ${requests} requests were answered during the writes`);
    // A page waits for the writer at most 1.5 s before the previous snapshot answers it.
    assert.ok(slowest < 5_000, `a page took ${Math.round(slowest)} ms during the writes`);
    console.log(
      `${requests} pages (slowest ${
        Math.round(slowest)
      } ms) answered while the writer stored ${RUNS} runs: ${td.decode(out.stdout).trim()}`,
    );
    // Pages may come from the previous snapshot for a moment; the new runs show up right after.
    let total = 0;
    for (const deadline = Date.now() + 10_000; total !== RUNS && Date.now() < deadline;) {
      const res = await fetch(new URL("/api/runs?experiment=writer-exp", served.url));
      total = (await res.json()).total;
      if (total !== RUNS) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(total, RUNS);
    const live = await (await fetch(new URL("/api/live", served.url))).json();
    assert.equal(live.runs.length, RUNS);
  } finally {
    await served.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
});
