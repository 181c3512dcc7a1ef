/** What a perf run measured, before and after the suite adds peak, FLOPs and storage. */
import type { RuntimeName } from "../core/runtime.ts";
import { BACKENDS } from "../core/experiment.ts";

/**
 * The backends the perf suite measures: tfjs's (`webgl` in a browser page only) and the
 * PyTorch reference, in the order the table shows them.
 */
export const PERF_BACKENDS = [...BACKENDS, "webgl", "pytorch-cpu"] as const;
export type PerfBackend = typeof PERF_BACKENDS[number];

/** Seconds the run spent in each part of its training loop. */
export interface LoopTimes {
  /** Copying examples into batch tensors (`harness_data_s`). */
  dataS: number;
  /** Inside `trainOnBatch` / the torch step (`model_step_s`). */
  stepS: number;
  /** Reading the loss, disposing, sampling memory. */
  metricsS: number;
  /** Progress display and events. */
  progressS: number;
  /** The whole timed loop (warm-up and windows). */
  loopS: number;
}

/** A training measurement by one framework on one backend, following the protocol. */
export interface Measured {
  /** Seconds of each warm-up step; the first includes compilation. */
  warmupStepS: number[];
  /** Images/s of each timed window. */
  windowImagesPerS: number[];
  batchesPerWindow: number;
  batchSize: number;
  bounded: string | null;
  latencyB1Ms: number[];
  latencyLargeMs: number[];
  largeBatch: number;
  /** Peak matmul GFLOP/s samples (filled by the suite for tfjs, by the script for PyTorch). */
  peakGflops: number[];
  peakN: number;
  /** PyTorch: the peak's two routes, torch.mm (BLAS) and a 1x1 conv (oneDNN). */
  peakMmGflops?: number[];
  peakConvGflops?: number[];
  params: number;
  loop: LoopTimes;
  leakedTensors?: number;
  /** Units of extra work done in the timed steps (the gate's quality measurement only). */
  extraWorkUnits?: number;
  /** Facts about the framework (PyTorch version, threads), stored as backend_info. */
  info?: Record<string, unknown>;
}

/** One row of the perf table, also the `--json` record and what is stored. */
export interface PerfRow {
  runId: string;
  experiment: string;
  /** Where the run executed: Deno (PyTorch's rows too) or a browser page. */
  runtime: RuntimeName;
  backend: PerfBackend;
  status: "ok" | "failed" | "skipped" | "unsupported";
  reason: string | null;
  batchSize: number | null;
  imagesPerS: { median: number; min: number; max: number } | null;
  windows: number[];
  batchesPerWindow: number | null;
  bounded: string | null;
  warmupS: number | null;
  warmupBatches: number | null;
  firstStepS: number | null;
  trainFlopsPerImage: number | null;
  gflops: number | null;
  peakGflops: number | null;
  fractionOfPeak: number | null;
  ratioToPytorch: number | null;
  latencyB1Ms: number | null;
  latencyLargeMs: number | null;
  largeBatch: number | null;
  kernels: string[];
  /** Harness time outside the model's step, and its share of the run's training wall time. */
  overhead: (LoopTimes & { storageS: number; pct: number }) | null;
  params: number | null;
  /** Data-parallel training replicas (tfjs cpu and wasm; see harness/run/parallel/). */
  replicas?: number;
  /** tfjs-wasm threads of a browser wasm run (what tfjs reported it ran). */
  threads?: number;
  /** What a backend runs on when that is worth a word (`SwiftShader`, `GPU`), else null. */
  device?: string | null;
  /** The cores a browser page was told it has (tfjs sizes its wasm pool from them). */
  cores?: { reported: number; real: number; overridden: boolean };
}
