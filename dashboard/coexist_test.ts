import assert from "node:assert/strict";
import { serve } from "./mod.ts";
import { makeFixture, tempDb } from "./testing/fixture.ts";

/** Runs the writer stores, and requests made while it stores each. */
const RUNS = 15, PER_RUN = 4;

/** The lines of a stream, one at a time. */
async function* lines(stream: ReadableStream<Uint8Array<ArrayBuffer>>): AsyncGenerator<string> {
  let buffer = "";
  for await (const chunk of stream.pipeThrough(new TextDecoderStream())) {
    buffer += chunk;
    for (let i; (i = buffer.indexOf("\n")) >= 0; buffer = buffer.slice(i + 1)) {
      yield buffer.slice(0, i);
    }
  }
}

// The bench and the dashboard at once: a separate process writes runs through the real Store
// (DuckDB's single writer, opening the file per write) while the served dashboard answers
// pages. The writer stores one run per line it is sent; for each, the test sends the line and
// at once asks for PER_RUN pages, then waits for "stored": every request is made while the
// writer runs, however fast either side is. Nothing is timed: neither may fail, and the
// dashboard must come to show every run.
Deno.test("the dashboard keeps serving while a bench process writes, and the writer never fails", async () => {
  const { dir, path } = await tempDb();
  const fixture = await makeFixture(path);
  const served = await serve({ db: path, port: 0 });
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
        "--step",
      ],
      stdin: "piped",
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    const stderr = new Response(writer.stderr).text();
    const said = lines(writer.stdout);
    const send = writer.stdin.getWriter();
    const pages = [
      "/runs",
      "/api/runs",
      `/runs/${fixture.runIds[0]}`,
      "/backends",
      "/live",
      "/history",
    ];
    const statuses: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      await send.write(new TextEncoder().encode("next\n"));
      const answered = await Promise.all(
        Array.from({ length: PER_RUN }, async (_, j) => {
          const res = await fetch(new URL(pages[(i * PER_RUN + j) % pages.length], served.url));
          await res.body?.cancel();
          return res.status;
        }),
      );
      statuses.push(...answered);
      const line = (await said.next()).value;
      if (line !== `stored ${i + 1}`) assert.fail(`the writer said ${line}: ${await stderr}`);
    }
    await send.close();
    const { code } = await writer.status;
    assert.equal(code, 0, `the writer failed: ${await stderr}`);
    assert.equal(statuses.length, RUNS * PER_RUN);
    assert.deepEqual(statuses.filter((s) => s !== 200), [], "every request was answered");

    // Pages may come from the previous snapshot while a new one is taken; the runs show up
    // once it is. Polled a bounded number of times, so a bug cannot hang the suite.
    let total = 0;
    for (let tries = 0; total !== RUNS && tries < 300; tries++) {
      if (tries > 0) await new Promise((r) => setTimeout(r, 200));
      total = (await (await fetch(new URL("/api/runs?experiment=writer-exp", served.url)))
        .json()).total;
    }
    assert.equal(total, RUNS);
    const live = await (await fetch(new URL("/api/live", served.url))).json();
    assert.equal(live.runs.length, RUNS);
  } finally {
    await served.shutdown();
    await Deno.remove(dir, { recursive: true });
  }
});
