import assert from "node:assert/strict";
import { DuckDBInstance } from "@duckdb/node-api";
import { backendLabel } from "../harness/core/runtime.ts";
import { BACKEND_LABEL_SQL, backendLabelSql } from "./backend_label.ts";

Deno.test("the SQL backend label says what backendLabel() says, NULL runtime as Deno", async () => {
  const inst = await DuckDBInstance.create(":memory:");
  const conn = await inst.connect();
  try {
    const cases: [string | null, string][] = [
      ["deno", "wasm"],
      [null, "cpu"],
      ["chromium", "webgl"],
      ["chromium", "wasm"],
    ];
    await conn.run("CREATE TABLE runs (runtime VARCHAR, backend VARCHAR)");
    for (const [r, b] of cases) {
      await conn.run("INSERT INTO runs VALUES (?, ?)", [r, b]);
    }
    const plain = (await conn.runAndReadAll(`SELECT ${BACKEND_LABEL_SQL} FROM runs`)).getRows();
    const aliased = (await conn.runAndReadAll(`SELECT ${backendLabelSql("r")} FROM runs r`))
      .getRows();
    const expected = cases.map(([r, b]) => [backendLabel(r, b)]);
    assert.deepEqual(plain, expected);
    assert.deepEqual(aliased, expected);
  } finally {
    conn.closeSync();
    inst.closeSync();
  }
});
