/**
 * Executes one perf run of a suite and turns what it measured into its row and stored
 * measurements: the peak matmul (once per backend), the ratio to the PyTorch run of the same
 * experiment, FLOPs, and the harness overhead including the write that stored the run.
 */
import type { Progress } from "../run/progress.ts";
import { DEFAULT_BROWSER_TIMEOUT_S } from "../run/browser/mod.ts";
import type { Executed, Executor } from "../run/suite.ts";
import type { Measurement } from "../../results/mod.ts";
import { type ModelFlops, modelFlops } from "./flops.ts";
import type { Protocol } from "./protocol.ts";
import { rate } from "./report.ts";
import { type DenoPerfBackend, measureOne, type Outcome } from "./run_one.ts";
import { browserPerf, deviceName } from "./browser_measure.ts";
import { derive, measurementsOf, overhead } from "./summarize.ts";
import type { Turns } from "./turns.ts";
import type { Measured, PerfBackend, PerfRow } from "./types.ts";
import type { InjectedSlowdown } from "./extra_work.ts";

/** What every run of a perf suite shares. */
export interface PerfExecution {
  protocol: Protocol;
  stock: boolean;
  progress: Progress;
  slowdown: InjectedSlowdown | null;
  turns: Turns | null;
  /** Each browser run's time limit in seconds (default `DEFAULT_BROWSER_TIMEOUT_S`). */
  browserTimeoutS?: number;
}

/** The executor of one perf suite; it keeps the suite's peaks and PyTorch medians. */
export function perfExecutor(opts: PerfExecution): Executor<PerfBackend, PerfRow> {
  // Each (runtime, backend)'s peak matmul, measured once (by backend label).
  const peaks = new Map<string, number[]>();
  const browser = browserPerf(opts.browserTimeoutS ?? DEFAULT_BROWSER_TIMEOUT_S);
  const torchMedian = new Map<string, number>();
  // What each run measured, until the write that stores it is timed (see afterWrite).
  const measuredOf = new Map<string, Measured>();
  return {
    async execute(run, { runId, announceS }): Promise<Executed<PerfRow>> {
      const { config, backend, seed, replicas } = run;
      const e = run.declared.experiment;
      let flops: ModelFlops | null = null;
      try {
        flops = modelFlops(config.model!);
      } catch {
        // A layer without a FLOP count leaves GFLOP/s and fraction of peak empty.
      }
      const runStart = performance.now();
      const onProgress = opts.progress.update.bind(opts.progress);
      const { end, measured, extra }: Outcome = run.runtime === "deno"
        ? await measureOne(config, backend as DenoPerfBackend, seed, opts.protocol, {
          stock: opts.stock,
          replicas,
          onProgress,
          slowdown: opts.slowdown,
          turns: opts.turns,
        }, peaks)
        : await browser.measure(run, opts.protocol, { stock: opts.stock, onProgress }, peaks);
      end.wallS = (performance.now() - runStart) / 1000;
      const row: PerfRow = {
        runId,
        experiment: e.id,
        runtime: run.runtime,
        backend,
        status: end.status as PerfRow["status"],
        ...UNMEASURED,
        reason: end.reason ?? null,
        batchSize: config.training?.batchSize ?? null,
        trainFlopsPerImage: flops?.train ?? null,
        kernels: end.kernels ?? [],
        ...(backend === "pytorch-cpu" ? {} : { replicas }),
        ...(run.threads === undefined ? {} : { threads: threadsOf(end.backendInfo, run.threads) }),
        device: deviceName(end.backendInfo),
        ...coresOf(end.runtimeInfo),
      };
      let measurements = [{ name: "loadavg_1m", unit: "load", idx: 0, value: Deno.loadavg()[0] }];
      if (measured) {
        measuredOf.set(runId, measured);
        measured.loop.progressS += announceS;
        // The peak matmul runs on one thread; replicas train on as many cores.
        if (replicas > 1) measured.peakGflops = measured.peakGflops.map((g) => g * replicas);
        Object.assign(row, derive(measured, flops, torchMedian.get(e.id) ?? null));
        if (backend === "pytorch-cpu" && row.imagesPerS) {
          torchMedian.set(e.id, row.imagesPerS.median);
        }
        measurements = [...measurements, ...measurementsOf(measured, row, flops), ...extra ?? []];
        Object.assign(end, {
          steadySamplesPerS: row.imagesPerS?.median ?? null,
          latencyB1Ms: row.latencyB1Ms,
          latencyLargeMs: row.latencyLargeMs,
          largeBatch: row.largeBatch,
          leakedTensors: measured.leakedTensors ?? null,
          reason: measured.bounded ? `bounded: ${measured.bounded}` : null,
        });
      }
      const detail = end.status === "ok" ? okDetail(row) : end.reason ?? "";
      return { outcome: { end, epochs: [], measurements }, report: row, detail };
    },

    // The write that stored the run is harness time too: stored with the next write.
    afterWrite({ report: row, outcome }, writeS): Measurement[] {
      const out = [{ name: "harness_storage_s", unit: "s", idx: 0, value: writeS }];
      const measured = measuredOf.get(row.runId);
      measuredOf.delete(row.runId);
      if (measured) {
        row.overhead = overhead(measured, writeS, outcome.end.wallS!);
        out.push({ name: "harness_overhead_pct", unit: "%", idx: 0, value: row.overhead.pct });
      }
      return out;
    },

    close: () => browser.close(),
  };
}

/** The cores a browser page was told it has, when the run records them. */
function coresOf(info: unknown): Pick<PerfRow, "cores"> {
  const cores = (info as { cores?: PerfRow["cores"] } | undefined)?.cores;
  return cores ? { cores } : {};
}

/** The threads a browser wasm run had: what tfjs reported, else what was asked for. */
function threadsOf(info: unknown, asked: number): number {
  const n = (info as { threadsCount?: unknown } | undefined)?.threadsCount;
  return typeof n === "number" ? n : asked;
}

/** A row's figures before anything is measured, in the order `--json` prints them. */
const UNMEASURED: Omit<PerfRow, "runId" | "experiment" | "runtime" | "backend" | "status"> = {
  reason: null,
  batchSize: null,
  imagesPerS: null,
  windows: [],
  batchesPerWindow: null,
  bounded: null,
  warmupS: null,
  warmupBatches: null,
  firstStepS: null,
  trainFlopsPerImage: null,
  gflops: null,
  peakGflops: null,
  fractionOfPeak: null,
  ratioToPytorch: null,
  latencyB1Ms: null,
  latencyLargeMs: null,
  largeBatch: null,
  kernels: [],
  overhead: null,
  params: null,
};

function okDetail(r: PerfRow): string {
  const ips = r.imagesPerS ? `${rate(r.imagesPerS.median)} images/s` : "";
  return [ips, r.bounded ?? ""].filter(Boolean).join(", ");
}
