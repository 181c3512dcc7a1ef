import assert from "node:assert/strict";
import { dashboardCommand } from "./dashboard.ts";
import { runCommand } from "./exit.ts";
import { makeFixture, tempDb } from "../../dashboard/testing/fixture.ts";

Deno.test("the dashboard command refuses unknown flags and bad ports with one line and exit code 2", async () => {
  const errors: string[] = [];
  const log = console.error;
  console.error = (...a: unknown[]) => errors.push(a.join(" "));
  try {
    assert.equal(await runCommand(dashboardCommand, ["--nope"]), 2);
    assert.equal(await runCommand(dashboardCommand, ["--port", "99999"]), 2);
  } finally {
    console.error = log;
  }
  assert.equal(errors.length, 2);
  assert.match(errors[0], /^error: Unknown flag "--nope" for deno task dashboard/);
  assert.equal(errors[1], 'error: Bad --port "99999": expected 0 to 65535');
});

Deno.test("the dashboard command serves on the port asked for until stopped, then exits 0", async () => {
  const { dir, path } = await tempDb();
  await makeFixture(path);
  const lines: string[] = [];
  const log = console.log;
  console.log = (...a: unknown[]) => lines.push(a.join(" "));
  const { promise: stop, resolve } = Promise.withResolvers<void>();
  try {
    const code = dashboardCommand(["--db", path, "--port", "0"], stop);
    // The URL line comes once the server listens; a failed start rejects `code` first.
    let failed: unknown = null;
    code.catch((err) => failed = err);
    while (lines.length === 0 && failed === null) await new Promise((r) => setTimeout(r, 10));
    assert.equal(failed, null);
    const url = /: (http:\/\/127\.0\.0\.1:\d+\/)$/.exec(lines[0])![1];
    const res = await fetch(`${url}api/runs`);
    assert.equal(res.status, 200);
    await res.body?.cancel();
    resolve();
    assert.equal(await code, 0);
  } finally {
    console.log = log;
    await Deno.remove(dir, { recursive: true });
  }
});
