import assert from "node:assert/strict";
import { join } from "node:path";
import { readClaimRuns } from "./claims.ts";

Deno.test("readClaimRuns() on a database not created yet finds no runs and creates no file", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const path = join(dir, "none.duckdb");
    const q = { experimentId: "x", declarationHash: "h", profile: "quick" };
    assert.deepEqual(await readClaimRuns(path, [q, q]), [[], []]);
    assert.equal(await Deno.stat(path).then(() => true, () => false), false);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
