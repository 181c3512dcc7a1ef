import assert from "node:assert/strict";
import { compareRuns } from "./compare.ts";
import { pairedRow } from "./paired_row.ts";
import { jsonReport, markdownReport, methodFooter } from "./report.ts";
import type { PairedResult } from "./paired.ts";
import { gateRun, pairedResult, WINDOWS } from "../testing/gate_runs.ts";

const meta = { baseline: "b", candidate: "c", margins: "10%" };
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

function pairOfProcesses(): PairedResult {
  const w = WINDOWS.slice(0, 12);
  return pairedResult(w, w);
}

Deno.test("the footer names the methods that judged the rows: Mann-Whitney, by seed, bit-identical", () => {
  const rows = compareRuns(runs("a", [1, 2, 3]), runs("b", [1, 2, 3]), opts);
  const footer = methodFooter(rows, meta.margins).join("\n");
  assert.match(footer, /1\. \*\*Mann-Whitney U, bootstrap interval\*\* \(1 row\): .*±10%/);
  assert.match(footer, /2\. \*\*t interval of per-seed differences\*\* \(1 row\)/);
  assert.doesNotMatch(footer, /Welch|Wilcoxon|Student/);
  // Different seeds on the two sides: accuracy falls back to Welch.
  const unpaired = compareRuns(runs("a", [1, 2, 3]), runs("b", [4, 5, 6]), opts);
  assert.match(methodFooter(unpaired, "10%").join("\n"), /\*\*Welch t interval\*\*/);
  // The same commit and seeds on both sides: reproducibility rows, judged bit for bit.
  const same = compareRuns(runs("a", [1]), runs("a", [1]), opts);
  assert.match(methodFooter(same, "10%").join("\n"), /\*\*bit-identical weights\*\* \(1 row\)/);
});

Deno.test("paired timing rows say Student t over the pairs in the footer and in JSON, not Wilcoxon", () => {
  const accuracy = compareRuns(runs("a", [1, 2]), runs("b", [1, 2]), opts)
    .filter((r) => r.kind !== "timing");
  const paired = pairedRow("mlp", "wasm", Array.from({ length: 6 }, pairOfProcesses));
  const rows = [...accuracy, paired];
  const md = markdownReport(rows, meta);
  assert.match(md, /\*\*Student t over process pairs\*\* \(1 row\): .*6 pairs of processes/);
  assert.doesNotMatch(md, /Wilcoxon|Mann-Whitney|Welch/);
  // The table's method column points at the footer's numbers.
  assert.match(
    md,
    /\| mlp \| wasm \| perf_window_images_per_s \(paired\) \|.*\| 2 \| 6 process pairs/,
  );
  const json = jsonReport(rows, meta) as {
    methods: { name: string; rows: number }[];
    verdicts: { method: { name: string } }[];
  };
  assert.deepEqual(json.methods.map((m) => [m.name, m.rows]), [
    ["t interval of per-seed differences", 1],
    ["Student t over process pairs", 1],
  ]);
  assert.equal(json.verdicts[1].method.name, "Student t over process pairs");
});
