import assert from "node:assert/strict";
import { pairedRow } from "./paired_row.ts";
import type { PairedResult } from "./paired.ts";
import { pairedResult } from "../testing/gate_runs.ts";

/**
 * One pair of processes with constructed windows: the baseline's 12 windows swing +-20%
 * with load (the same swing on both sides of a pair, as turns give it), the candidate's are
 * `factor` times the baseline's plus a small wobble of its own.
 */
function pairOfProcesses(factor: number, phase: number): PairedResult {
  const a = Array.from({ length: 12 }, (_, i) => 1000 * (1 + 0.2 * Math.sin(i * 2.3 + phase)));
  const b = a.map((x, i) => x * factor * (1 + 0.01 * Math.cos(i * 1.9 + phase)));
  return pairedResult(a, b);
}

const pairs = (factor: number, k: number) =>
  Array.from({ length: k }, (_, j) => pairOfProcesses(factor * (1 + 0.002 * j), j));

Deno.test("pairedRow() judges a 2x slowdown regressed and identical code unchanged, over process pairs", () => {
  const slow = pairedRow("mlp", "cpu", pairs(0.5, 6));
  assert.equal(slow.verdict, "regressed", slow.reason);
  assert.ok(Math.abs(slow.change! - 0.505) < 0.01, `ratio ${slow.change}`);
  assert.equal(slow.method.name, "Student t over process pairs");
  assert.match(slow.method.rule, /6 pairs of processes/);
  const same = pairedRow("mlp", "cpu", pairs(1, 6));
  assert.equal(same.verdict, "unchanged", same.reason);
  assert.ok(Math.abs(same.change! - 1.005) < 0.01, `ratio ${same.change}`);
});

Deno.test("pairedRow() on one pair of processes judges its windows by Wilcoxon signed-rank", () => {
  const row = pairedRow("mlp", "cpu", pairs(0.5, 1));
  // 12 pairs all slower: exact two-sided p = 2 / 2^12 < 0.01.
  assert.equal(row.verdict, "regressed", row.reason);
  assert.ok(Math.abs(row.p! - 2 / 4096) < 1e-12, `p ${row.p}`);
  assert.equal(row.method.name, "Wilcoxon signed-rank over paired windows");
});

Deno.test("pairedRow() calls a candidate that stopped training regressed, by run status", () => {
  const [ok] = pairs(1, 1);
  const row = pairedRow("mlp", "cpu", [{ ...ok, b: { ...ok.b, status: "failed", reason: "x" } }]);
  assert.equal(row.verdict, "regressed");
  assert.equal(row.method.name, "run status");
});
