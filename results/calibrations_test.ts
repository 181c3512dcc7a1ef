import assert from "node:assert/strict";
import { join } from "node:path";
import { CalibratedMargins, readMargins, storeCalibrations } from "./calibrations.ts";

const record = (envId: string, backend: string, margin: number) => ({
  envId,
  backend,
  metric: "perf_window_images_per_s",
  margin,
  quantile: 0.99,
  pairs: 6,
  observed: [0.01, 0.02],
  gitCommit: null,
});

Deno.test("CalibratedMargins is asked by machine and backend, whatever characters they hold", () => {
  const m = new CalibratedMargins([
    { envId: "a", backend: "b\u0000c", margin: 0.03 },
    { envId: "a\u0000b", backend: "c", margin: 0.05 },
  ]);
  assert.equal(m.get({ envId: "a", backend: "b\u0000c" }), 0.03);
  assert.equal(m.get({ envId: "a\u0000b", backend: "c" }), 0.05);
  assert.equal(m.get({ envId: "a", backend: "c" }), undefined);
  assert.equal(m.size, 2);
});

Deno.test("readMargins() reads back the newest stored margin, and none from no database", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const db = join(dir, "r.duckdb");
    assert.equal((await readMargins(db)).size, 0);
    await storeCalibrations(db, [record("e1", "wasm", 0.08), record("e1", "cpu", 0.04)]);
    await storeCalibrations(db, [record("e1", "wasm", 0.06)]);
    const m = await readMargins(db);
    assert.equal(m.get({ envId: "e1", backend: "wasm" }), 0.06);
    assert.equal(m.get({ envId: "e1", backend: "cpu" }), 0.04);
    assert.equal(m.get({ envId: "e2", backend: "cpu" }), undefined);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
