/**
 * What the regression-gate workflow must be to run on GitHub as written, as checks over its
 * parsed YAML: each returns the problems it finds, so a test can break one property in a copy
 * and see the check fail.
 */
import { parse } from "yaml";

/** The workflow file these checks are written for. */
export const WORKFLOW = ".github/workflows/regression-gate.yml";

/** Each action the workflow may use, at its current major (late 2026: both run on Node 24). */
export const CURRENT_ACTIONS: Record<string, string> = {
  "actions/checkout": "v7",
  "denoland/setup-deno": "v2",
};

/**
 * The gate's command line: the default path, which reads GITHUB_BASE_REF itself to pair
 * timings against the pull request's base (issue 14).
 */
export const GATE_COMMAND =
  "deno task check --baseline results/baseline.json --markdown gate.md --quiet";

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  "continue-on-error"?: boolean;
}

interface Job {
  permissions?: Record<string, string> | string;
  steps: Step[];
}

interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  concurrency?: { group?: string; "cancel-in-progress"?: boolean };
  jobs: Record<string, Job>;
}

/** A step's script as text (YAML reads `run: true` as a boolean). */
const runOf = (s: Step) => String(s.run ?? "");

const problems: Array<(w: Workflow, steps: Step[]) => string | null> = [
  (w) => ("pull_request" in (w.on ?? {}) ? null : "not triggered by pull_request"),
  (w) => {
    const jobs = Object.values(w.jobs);
    const sorted = (p: unknown) =>
      JSON.stringify(p && typeof p === "object" ? Object.entries(p).sort() : p ?? null);
    const granted = jobs.map((j) => sorted(j.permissions ?? w.permissions));
    const want = sorted({ contents: "read", "pull-requests": "write" });
    return granted.every((g) => g === want)
      ? null
      : `permissions are ${granted.join(", ")}, want exactly ${want}`;
  },
  (w) =>
    w.concurrency?.["cancel-in-progress"] === true &&
      /github\.event\.pull_request\.number|github\.ref/.test(w.concurrency.group ?? "")
      ? null
      : "no concurrency group per pull request that cancels superseded runs",
  (_w, steps) => {
    const stale = steps.filter((s) => s.uses).filter((s) => {
      const [name, version] = s.uses!.split("@");
      return CURRENT_ACTIONS[name] !== version;
    });
    return stale.length
      ? `actions not at a known current major: ${stale.map((s) => s.uses).join(", ")}`
      : null;
  },
  (_w, steps) => {
    const deno = steps.find((s) => s.uses?.startsWith("denoland/setup-deno@"));
    return deno?.with?.cache === true &&
        /hashFiles\('deno\.lock'\)/.test(`${deno.with["cache-hash"]}`)
      ? null
      : "setup-deno does not cache keyed on deno.lock";
  },
  (_w, steps) =>
    steps.some((s) => /\bnpm install\b|setup-node/.test(`${runOf(s)}${s.uses ?? ""}`))
      ? "installs Deno or packages through npm instead of setup-deno and deno install"
      : null,
  (_w, steps) =>
    steps.some((s) => /apt-get install -y mesa-vulkan-drivers libvulkan1/.test(runOf(s)))
      ? null
      : "the Vulkan driver (mesa-vulkan-drivers libvulkan1) is not installed",
  (_w, steps) => {
    // A shallow clone has no base branch: the gate would fall back to the stored baseline.
    const checkout = steps.find((s) => s.uses?.startsWith("actions/checkout@"));
    return checkout?.with?.["fetch-depth"] === 0
      ? null
      : "checkout is shallow: no base branch and merge base to pair timings with (fetch-depth: 0)";
  },
  (_w, steps) => {
    const install = steps.findIndex((s) => /^deno install --frozen$/m.test(runOf(s)));
    const gate = steps.findIndex((s) => s.id === "gate");
    return install >= 0 && install < gate ? null : "no `deno install --frozen` before the gate";
  },
  (_w, steps) => {
    const inline = steps.filter((s) => runOf(s).includes("${{"));
    return inline.length
      ? `expressions interpolated into shell lines (pass them through env): ${
        inline.map((s) => s.name ?? s.run).join("; ")
      }`
      : null;
  },
  (_w, steps) => {
    const gate = steps.find((s) => s.id === "gate");
    if (!gate) return "no step with id gate";
    const lines = runOf(gate).split("\n").map((l) => l.trim());
    if (!lines.some((l) => l.startsWith(GATE_COMMAND))) return "the gate command line changed";
    return /code=\$code" >> "\$GITHUB_OUTPUT"/.test(runOf(gate)) &&
        /\|\| code=\$\?/.test(runOf(gate))
      ? null
      : "the gate step does not record its exit code for the last step";
  },
  (_w, steps) =>
    steps.some((s) =>
        /always\(\)/.test(s.if ?? "") && /cat gate\.md >> "\$GITHUB_STEP_SUMMARY"/.test(runOf(s))
      )
      ? null
      : "the report is not appended to $GITHUB_STEP_SUMMARY on every outcome",
  (_w, steps) => {
    const post = steps.find((s) => /gh pr comment/.test(runOf(s)));
    if (!post) return null; // the comment is optional
    const cond = post.if ?? "";
    if (post["continue-on-error"] !== true) return "the PR comment can fail the job";
    if (!/github\.event\.pull_request\.head\.repo\.full_name == github\.repository/.test(cond)) {
      return "the PR comment runs on forks, whose token cannot write";
    }
    if (!/hashFiles\('gate\.md'\) != ''/.test(cond)) return "the PR comment runs with no report";
    return post.env?.GH_TOKEN ? null : "the PR comment has no GH_TOKEN";
  },
  (_w, steps) => {
    const last = steps.at(-1);
    return last?.env?.CODE === "${{ steps.gate.outputs.code }}" &&
        /test "\$CODE" = "0"/.test(runOf(last))
      ? null
      : "the last step does not fail the job on the gate's non-zero exit";
  },
];

/** Every problem in the workflow text (empty when it has every property above). */
export function workflowProblems(text: string): string[] {
  const w = parse(text) as Workflow;
  const steps = Object.values(w.jobs ?? {}).flatMap((j) => j.steps ?? []);
  return problems.map((check) => check(w, steps)).filter((p): p is string => p !== null);
}
