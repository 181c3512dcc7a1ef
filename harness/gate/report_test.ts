import assert from "node:assert/strict";
import { DEFAULT_SEQUENTIAL_DESIGN, sequentialVerdict } from "../core/stats/mod.ts";
import { compareRuns } from "./compare.ts";
import { inconclusiveWarning, jsonReport, markdownReport, methodFooter } from "./report.ts";
import { sequentialRow } from "./timing/mod.ts";
import { storedRow } from "./timing/mod.ts";
import { GATE_ENV, gateRun, WINDOWS } from "../testing/gate_runs.ts";

const paired = {
  baseline: "b",
  candidate: "c",
  timing: {
    mode: "paired" as const,
    reason: "paired against the merge base abc1234567 of origin/main and HEAD (GITHUB_BASE_REF)",
  },
};
const opts = { margin: () => 0.1, accuracyTolerance: () => 0.01 };

/** Three seeds each side with timing windows: an unpaired timing row and an accuracy row. */
function runs(commit: string, seeds: number[]) {
  return seeds.map((seed) =>
    gateRun({
      seed,
      gitCommit: commit,
      testAccuracy: 0.9 + seed / 1000,
      measurements: { train_window_samples_per_s: WINDOWS },
    })
  );
}

/** A paired target that ended at its 4th pair, with these θ. */
function pairedRow(thetas: number[], endedBy: "boundary" | "budget" = "boundary") {
  return sequentialRow({
    target: { experiment: "mlp", backend: "wasm" },
    thetas,
    result: sequentialVerdict(thetas, DEFAULT_SEQUENTIAL_DESIGN),
    endedBy,
    failed: null,
    costs: thetas.map(() => 20),
    baselineSpeeds: [1000],
    candidateSpeeds: [990],
    windowNoises: [],
    endedAtS: 80,
  });
}

Deno.test("the footer names the methods that judged the rows: Mann-Whitney, by seed, bit-identical", () => {
  const rows = compareRuns(runs("a", [1, 2, 3]), runs("b", [1, 2, 3]), opts);
  const footer = methodFooter(rows).join("\n");
  assert.match(footer, /1\. \*\*Mann-Whitney U, bootstrap interval\*\* \(1 row\): .*±10%/);
  assert.match(footer, /2\. \*\*t interval of per-seed differences\*\* \(1 row\)/);
  assert.doesNotMatch(footer, /Welch|Wilcoxon|Student/);
  // The gate judges timings by its own modes: without them, no unpaired timing row.
  const gate = compareRuns(runs("a", [1, 2, 3]), runs("b", [1, 2, 3]), {
    ...opts,
    judgeTimings: false,
  });
  assert.deepEqual(gate.map((r) => r.kind), ["accuracy"]);
  // Different seeds on the two sides: accuracy falls back to Welch.
  const unpaired = compareRuns(runs("a", [1, 2, 3]), runs("b", [4, 5, 6]), opts);
  assert.match(methodFooter(unpaired).join("\n"), /\*\*Welch t interval\*\*/);
  // The same commit and seeds on both sides: reproducibility rows, judged bit for bit.
  const same = compareRuns(runs("a", [1]), runs("a", [1]), opts);
  assert.match(methodFooter(same).join("\n"), /\*\*bit-identical weights\*\* \(1 row\)/);
});

Deno.test("the report says which mode judged timings and why, and each timing row's method with its measured rates", () => {
  const accuracy = compareRuns(runs("a", [1, 2]), runs("b", [1, 2]), {
    ...opts,
    judgeTimings: false,
  });
  const rows = [...accuracy, pairedRow([0.01, -0.01, 0.01, -0.01])];
  const md = markdownReport(rows, paired);
  assert.match(
    md,
    /^Timings: paired against the merge base abc1234567 of origin\/main and HEAD \(GITHUB_BASE_REF\)$/m,
  );
  assert.match(
    md,
    /2\. \*\*sequential t over process pairs\*\* \(1 row\): .*from 4 to 16.*(measured|not measured)/,
  );
  // The table's method column points at the footer's numbers.
  assert.match(
    md,
    /\| mlp \| wasm \| perf_window_images_per_s \(paired\) \| unchanged \|.*\| 4\/4 \| 2 \|/,
  );
  assert.doesNotMatch(md, /Warning/);
  const json = jsonReport(rows, paired) as {
    timing: { mode: string; reason: string };
    methods: { name: string; rows: number }[];
    verdicts: { method: { name: string } }[];
  };
  assert.deepEqual(json.timing, paired.timing);
  assert.deepEqual(json.methods.map((m) => [m.name, m.rows]), [
    ["t interval of per-seed differences", 1],
    ["sequential t over process pairs", 1],
  ]);
  // The stored mode's rows name their own method.
  const here = { envId: "e1", env: GATE_ENV };
  const stored = storedRow(
    { experiment: "mlp", backend: "wasm" },
    { runs: [], version: 1 },
    [],
    [],
    here,
  );
  const storedMd = markdownReport([stored], {
    ...paired,
    timing: { mode: "stored", reason: "stored baseline (--timing stored)" },
  });
  assert.match(storedMd, /^Timings: stored baseline \(--timing stored\)$/m);
  assert.match(storedMd, /1\. \*\*per-process throughputs against a stored baseline\*\* \(1 row\)/);
});

Deno.test("an inconclusive timing passes the gate with a visible warning", () => {
  const open = pairedRow([-0.1, 0.1], "budget");
  assert.equal(open.verdict, "inconclusive");
  const md = markdownReport([open], paired);
  assert.match(md, /^## reprobench gate: PASS/);
  assert.match(
    md,
    /^> \*\*Warning:\*\* 1 timing inconclusive \(mlp on wasm\): not a failure, but not shown unchanged either/m,
  );
  assert.equal(inconclusiveWarning([pairedRow([0.01, -0.01, 0.01, -0.01])]), null);
});
