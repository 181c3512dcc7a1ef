/** One perf measurement on one backend, never throwing: every outcome becomes a status. */
import type { ResolvedConfig } from "../core/config.ts";
import { useBackend } from "../run/backends.ts";
import { classifyError } from "../run/classify.ts";
import { kernelsUsed, prepareKernels } from "../run/kernel_mode.ts";
import { datasetSource } from "../run/data/mod.ts";
import type { Measurement, RunEnd } from "../../results/mod.ts";
import { matmulGflops } from "./peak.ts";
import type { Protocol } from "./protocol.ts";
import { measureTraining, type TfjsOptions } from "./tf_runner.ts";
import { denoTrainer, loadRunData } from "../run/deno_training.ts";
import { measureTorch, torchVersion, TranslationError } from "./torch_runner.ts";
import type { Measured, PerfBackend } from "./types.ts";

/** What a perf run measured (null when it did not), and harness costs to store beside it. */
export type Outcome = { end: RunEnd; measured: Measured | null; extra?: Measurement[] };

/** The perf backends Deno has (`webgl` is a browser page's). */
export type DenoPerfBackend = Exclude<PerfBackend, "webgl">;

/** Why a dataset cannot be loaded here (unknown key or files absent), or null. */
export async function datasetMissing(key: string): Promise<string | null> {
  try {
    return await datasetSource(key).unavailableReason();
  } catch (err) {
    return (err as Error).message;
  }
}

/** One measurement in Deno, never throwing: every outcome becomes a status. */
export async function measureOne(
  config: ResolvedConfig,
  backend: DenoPerfBackend,
  seed: number,
  p: Protocol,
  opts: Omit<TfjsOptions, "protocol"> & { replicas: number },
  peaks: Map<string, number[]>,
): Promise<Outcome> {
  const missing = config.dataset ? await datasetMissing(config.dataset.key) : null;
  if (missing) {
    const reason = `dataset "${config.dataset!.key}" is not available here: ${missing}`;
    return { end: { status: "skipped", reason }, measured: null };
  }
  if (backend === "pytorch-cpu") {
    if (opts.turns) {
      const reason = "paired timing (turns) covers the tfjs backends only";
      return { end: { status: "skipped", reason }, measured: null };
    }
    const torch = await torchVersion();
    if ("reason" in torch) {
      return { end: { status: "skipped", reason: torch.reason }, measured: null };
    }
    try {
      const m = await measureTorch(config, seed, p);
      return {
        end: {
          status: "ok",
          backendInfo: m.info,
          kernels: [],
          datasetProvenance: m.datasetProvenance,
          trainSamples: config.dataset?.train,
        },
        measured: m,
      };
    } catch (err) {
      const end: RunEnd = err instanceof TranslationError
        ? { status: "unsupported", reason: err.message }
        : classifyError(err);
      return {
        end: { ...end, backendInfo: { name: backend, torch: torch.version } },
        measured: null,
      };
    }
  }
  const status = await useBackend(backend);
  if (!status.available) {
    return { end: { status: "skipped", reason: status.reason }, measured: null };
  }
  const kernels = opts.stock ? "stock" : "default";
  prepareKernels(backend, kernels);
  const base = {
    backendInfo: { ...status.info, replicas: opts.replicas },
    kernels: [] as string[],
  };
  try {
    // Paired timing: the peak and the warm-up are this run's first timed phase.
    await opts.turns?.take("warmup");
    // The gate's processes time no peak (p.peak.repeats 0): only training windows count there.
    if (!peaks.has(backend)) {
      const peak = p.peak.repeats > 0
        ? await matmulGflops(p.peak.n, p.peak.warmup, p.peak.repeats)
        : [];
      peaks.set(backend, peak);
    }
    // Count only the training's kernel calls: the peak matmul above is not the model's.
    kernelsUsed();
    const data = await loadRunData(config);
    const trainer = denoTrainer(config, { backend, replicas: opts.replicas, kernels });
    const m = await measureTraining(config, seed, data, trainer, { ...opts, protocol: p });
    base.kernels = kernelsUsed(backend);
    m.peakGflops = peaks.get(backend)!;
    return {
      end: {
        status: "ok",
        ...base,
        datasetProvenance: m.info?.datasetProvenance as string,
        trainSamples: config.dataset?.train,
      },
      measured: m,
    };
  } catch (err) {
    return {
      end: { ...classifyError(err), ...base, kernels: kernelsUsed(backend) },
      measured: null,
    };
  }
}
