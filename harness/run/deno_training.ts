/**
 * Training in Deno: the runtime-neutral loop (`train.ts`) fed from the dataset registry
 * (files and npm packages, read with Deno's file system) and trained by Deno's trainer, which
 * may spread a step over Worker replicas (`parallel/`). A browser page feeds the same loop
 * from the harness instead (`browser/`).
 */
import * as tf from "@tensorflow/tfjs";
import type { ResolvedConfig } from "../core/config.ts";
import { loadDataset, takeSlices } from "./data/mod.ts";
import { makeTrainer } from "./parallel/mod.ts";
import type { RunOutcome } from "./recorder.ts";
import { type RunProgress, trainLoop } from "./train.ts";
import type { RunData, TrainerFactory } from "./train_setup.ts";

/** How a run executes, apart from what it trains (an option of the run, not of the article). */
export interface Execution {
  backend: string;
  /** Data-parallel replicas (see harness/run/parallel/); 1 calls `trainOnBatch` as tfjs ships it. */
  replicas: number;
  kernels: "default" | "stock";
}

/**
 * The examples `config` trains and tests on: its dataset, loaded once per process, sliced
 * to the sizes the configuration asks for.
 *
 * @example
 * ```ts
 * const data = await loadRunData(resolveConfig(experiment, "quick"));
 * console.log(data.slices.train.n);
 * ```
 */
export async function loadRunData(config: ResolvedConfig): Promise<RunData> {
  const ds = await loadDataset(config.dataset!.key);
  return {
    key: ds.key,
    inputShape: ds.inputShape,
    numClasses: ds.numClasses,
    provenance: ds.provenance,
    slices: takeSlices(ds, config.dataset!),
  };
}

/** Deno's trainer factory for `config` under `exec`: one replica, or Worker replicas. */
export function denoTrainer(config: ResolvedConfig, exec: Execution): TrainerFactory {
  return (model, rng) => makeTrainer(model, config, exec.backend, exec.replicas, rng, exec.kernels);
}

/** Train and measure one (experiment, backend, seed) in Deno. Throws on failure. */
export async function trainRun(
  config: ResolvedConfig,
  seed: number,
  onProgress: (p: RunProgress) => void = () => {},
  exec: Execution = { backend: tf.getBackend(), replicas: 1, kernels: "default" },
): Promise<RunOutcome> {
  const data = await loadRunData(config);
  return await trainLoop(config, seed, data, denoTrainer(config, exec), onProgress);
}
