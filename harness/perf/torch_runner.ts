/**
 * Drive the PyTorch reference (`reference/torch_train.py`): write the run's data to temporary
 * binary files (float32 NHWC examples, int32 labels), hand the script the declaration's model,
 * optimizer, loss, batch size and the protocol, and read back its JSON.
 */
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import type { ResolvedConfig } from "../core/config.ts";
import { loadDataset, takeSlices } from "../run/data/mod.ts";
import { LARGE_BATCH } from "../run/train.ts";
import { inputShapeFor } from "../run/train_setup.ts";
import type { Protocol } from "./protocol.ts";
import type { Measured } from "./types.ts";

/** The script the harness drives. */
export const TORCH_SCRIPT = fileURLToPath(new URL("./reference/torch_train.py", import.meta.url));

/**
 * The Python interpreter: `REPROBENCH_PYTHON`, else Debian's `/usr/bin/python3` (where apt's
 * python3-torch lives; a pyenv `python3` first on PATH usually lacks torch), else `python3`.
 */
export function pythonPath(): string {
  const env = Deno.env.get("REPROBENCH_PYTHON");
  if (env) return env;
  try {
    Deno.statSync("/usr/bin/python3");
    return "/usr/bin/python3";
  } catch {
    return "python3";
  }
}

/**
 * OpenMP's wait policy for the reference: the user's `OMP_WAIT_POLICY`, else PASSIVE. With
 * the default (threads spin at barriers) two torch threads on a 2-core machine that other
 * processes also use collapse: the Keras CNN trained at 94 images/s on 2 threads against 262
 * on 1; PASSIVE gave 364 on 2 threads under the same load.
 */
function ompWaitPolicy(): string {
  return Deno.env.get("OMP_WAIT_POLICY") ?? "PASSIVE";
}

/** The torch version the interpreter imports, or null with why not. */
export async function torchVersion(
  python = pythonPath(),
): Promise<{ version: string } | { reason: string }> {
  try {
    const out = await new Deno.Command(python, {
      args: ["-c", "import torch; print(torch.__version__)"],
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (out.success) return { version: new TextDecoder().decode(out.stdout).trim() };
    const err = new TextDecoder().decode(out.stderr).trim().split("\n").pop() ?? "";
    return { reason: `python3 with torch not found (${python}: ${err})` };
  } catch (err) {
    return { reason: `python3 with torch not found (${python}: ${(err as Error).message})` };
  }
}

/** The reference cannot translate the declaration (the script's exit status 2). */
export class TranslationError extends Error {
  override name = "TranslationError";
}

/**
 * Run the script; a non-zero exit becomes an error carrying its stderr's last line, a
 * `TranslationError` when the script refused the declaration.
 */
export async function runTorchScript(job: unknown, args: string[] = [], python = pythonPath()) {
  const dir = await Deno.makeTempDir({ prefix: "reprobench-torch-" });
  try {
    const path = join(dir, "job.json");
    await Deno.writeTextFile(path, JSON.stringify(job));
    const out = await new Deno.Command(python, {
      args: [TORCH_SCRIPT, ...args, path],
      env: { OMP_WAIT_POLICY: ompWaitPolicy() },
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!out.success) {
      const err = new TextDecoder().decode(out.stderr).trim().split("\n").pop() ?? "";
      const text = `PyTorch reference exited with ${out.code}: ${err.replace(/^error: /, "")}`;
      throw out.code === 2 ? new TranslationError(text) : new Error(text);
    }
    return JSON.parse(new TextDecoder().decode(out.stdout));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Train `config`'s model in PyTorch under the protocol and return what the script measured. */
export async function measureTorch(
  config: ResolvedConfig,
  seed: number,
  p: Protocol,
): Promise<Measured & { datasetProvenance: string }> {
  const ds = await loadDataset(config.dataset!.key);
  const slices = takeSlices(ds, config.dataset!);
  const shape = inputShapeFor(config.model!.inputShape, ds.inputShape, ds.key);
  const dir = await Deno.makeTempDir({ prefix: "reprobench-data-" });
  try {
    const write = (name: string, a: Float32Array | Int32Array) =>
      Deno.writeFile(join(dir, name), new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    const largeN = Math.min(LARGE_BATCH, slices.test.n);
    const size = shape.reduce((a, b) => a * b, 1);
    await write("train_x.f32", slices.train.x);
    await write("train_y.i32", slices.train.y);
    await write("test_x.f32", slices.test.x.subarray(0, largeN * size));
    await write("test_y.i32", slices.test.y.subarray(0, largeN));
    const out = await runTorchScript({
      model: { ...config.model!, inputShape: shape },
      inputShape: shape,
      optimizer: config.training!.optimizer,
      loss: config.training!.loss,
      batchSize: config.training!.batchSize,
      seed,
      protocol: p,
      largeBatch: LARGE_BATCH,
      trainX: join(dir, "train_x.f32"),
      trainY: join(dir, "train_y.i32"),
      testX: join(dir, "test_x.f32"),
      testY: join(dir, "test_y.i32"),
    });
    return { ...out, datasetProvenance: ds.provenance } as Measured & { datasetProvenance: string };
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}
