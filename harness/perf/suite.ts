/**
 * The perf suite: every selected training experiment on every selected backend (tfjs's cpu,
 * wasm, webgpu and the PyTorch reference), each stored as a run of a suite of kind `perf`.
 * PyTorch runs first for each experiment so every tfjs row carries its ratio to it. A run that
 * fails is stored with its status; the suite goes on.
 */
import { resolveConfig, runConfig } from "../core/config.ts";
import type { Declared } from "../core/discover.ts";
import type { BackendName, ProfileName } from "../core/experiment.ts";
import { runStartRecord, setCurrentRun, startSuite } from "../run/suite_start.ts";
import type { Progress } from "../run/progress.ts";
import type { Measurement, Store } from "../../results/mod.ts";
import { type ModelFlops, modelFlops } from "./flops.ts";
import { type Protocol, PROTOCOLS } from "./protocol.ts";
import { rate } from "./report.ts";
import { measureOne } from "./run_one.ts";
import { derive, measurementsOf, overhead } from "./summarize.ts";
import { PERF_BACKENDS, type PerfBackend, type PerfRow } from "./types.ts";
import { resolveReplicas } from "../run/parallel/mod.ts";

export interface PerfOptions {
  profile: ProfileName;
  /** Backends to measure (default: each experiment's own, plus pytorch-cpu). */
  backends?: PerfBackend[];
  /** Measure tfjs as shipped, with a bounded number of steps. */
  stock: boolean;
  /** Data-parallel replicas for cpu and wasm (default: per backend and cores; see parallel/). */
  replicas?: number;
  argv: string[];
  progress: Progress;
  /** The timing protocol (default: the profile's; tests pass a tiny one). */
  protocol?: Protocol;
  /**
   * Extra work per training step as a fraction of the step time, for the gate's quality
   * measurement only (see extra_work.ts). Recorded in the run's configuration.
   */
  slowdown?: number | null;
}

export interface PerfSuiteResult {
  suiteId: string;
  profile: ProfileName;
  kernels: "default" | "stock";
  protocol: Protocol;
  wallS: number;
  /** The 1-minute load average at the start: timings from a busy machine are noisy. */
  loadAvg: number[];
  rows: PerfRow[];
}

/** Record the perf run in progress (if any) and its suite as interrupted. */
export { interruptCurrent as interruptPerf } from "../run/suite_start.ts";

export async function runPerfSuite(
  store: Store,
  declared: Declared[],
  opts: PerfOptions,
): Promise<PerfSuiteResult> {
  const t0 = performance.now();
  const protocol = opts.protocol ?? PROTOCOLS[opts.profile];
  const loadAvg = Deno.loadavg();
  const suite = await startSuite(store, "perf", opts.profile, opts.argv);
  const { suiteId } = suite;
  const plan = declared.flatMap((d) => {
    const config = resolveConfig(d.experiment, opts.profile, { seeds: 1 });
    const own: PerfBackend[] = ["pytorch-cpu", ...config.backends];
    const backends = own.filter((b) => !opts.backends || opts.backends.includes(b));
    return PERF_BACKENDS.filter((b) => backends.includes(b))
      .sort((a, b) => Number(b === "pytorch-cpu") - Number(a === "pytorch-cpu"))
      .map((backend) => ({ d, config, backend }));
  });
  const peaks = new Map<BackendName, number[]>();
  const torchMedian = new Map<string, number>();
  const rows: PerfRow[] = [];
  // Each run's start record, built before the write that records it.
  const prepare = async (i: number) => {
    const { d, config, backend } = plan[i];
    const seed = config.seeds[0], runId = crypto.randomUUID();
    const kernels = opts.stock ? "stock" : "default";
    const replicas = resolveReplicas(backend, config.kind, kernels, opts.replicas);
    const perfConfig = {
      ...runConfig(config, backend, seed, replicas),
      perf: {
        protocol,
        kernels,
        ...(opts.slowdown != null ? { injectedSlowdown: opts.slowdown } : {}),
      },
    };
    const start = await runStartRecord(suite, {
      runId,
      d,
      config,
      backend,
      seed,
      profile: opts.profile,
      runConfig: perfConfig,
    });
    return { runId, replicas, start };
  };
  // One write per run: the write that ends a run also starts the next one and carries the
  // previous write's duration (a write cannot hold its own). The first start and the
  // suite's end are writes of the suite.
  let next = plan.length > 0 ? await prepare(0) : null;
  if (next) await store.startRun(next.start);
  let carry: { runId: string; measurements: Measurement[] }[] = [];
  for (const [i, { d, config, backend }] of plan.entries()) {
    const e = d.experiment, seed = config.seeds[0];
    const { runId, replicas } = next!;
    let storageS = 0, progressS = 0;
    const timed = async <T>(fn: () => Promise<T> | T, into: "storage" | "progress") => {
      const s = performance.now();
      const r = await fn();
      const dt = (performance.now() - s) / 1000;
      if (into === "storage") storageS += dt;
      else progressS += dt;
      return r;
    };
    if (i === 0) setCurrentRun({ store, runId, suiteId });
    await timed(
      () => opts.progress.runStart(suiteId, i + 1, plan.length, e.id, backend, seed),
      "progress",
    );
    let flops: ModelFlops | null = null;
    try {
      flops = modelFlops(config.model!);
    } catch {
      // A layer without a FLOP count leaves GFLOP/s and fraction of peak empty.
    }
    const runStart = performance.now();
    const { end, measured } = await measureOne(
      config,
      backend,
      seed,
      protocol,
      { ...opts, replicas },
      peaks,
    );
    end.wallS = (performance.now() - runStart) / 1000;
    const row: PerfRow = {
      runId,
      experiment: e.id,
      backend,
      status: end.status as PerfRow["status"],
      reason: end.reason ?? null,
      batchSize: config.training?.batchSize ?? null,
      imagesPerS: null,
      windows: [],
      batchesPerWindow: null,
      bounded: null,
      warmupS: null,
      warmupBatches: null,
      firstStepS: null,
      trainFlopsPerImage: flops?.train ?? null,
      gflops: null,
      peakGflops: null,
      fractionOfPeak: null,
      ratioToPytorch: null,
      latencyB1Ms: null,
      latencyLargeMs: null,
      largeBatch: null,
      kernels: end.kernels ?? [],
      overhead: null,
      params: null,
      ...(backend === "pytorch-cpu" ? {} : { replicas }),
    };
    let measurements = [{ name: "loadavg_1m", unit: "load", idx: 0, value: Deno.loadavg()[0] }];
    if (measured) {
      measured.loop.progressS += progressS;
      // The peak matmul runs on one thread; replicas train on as many cores.
      if (replicas > 1) measured.peakGflops = measured.peakGflops.map((g) => g * replicas);
      Object.assign(row, derive(measured, flops, torchMedian.get(e.id) ?? null));
      if (backend === "pytorch-cpu" && row.imagesPerS) torchMedian.set(e.id, row.imagesPerS.median);
      measurements = [...measurements, ...measurementsOf(measured, row, flops)];
      Object.assign(end, {
        steadySamplesPerS: row.imagesPerS?.median ?? null,
        latencyB1Ms: row.latencyB1Ms,
        latencyLargeMs: row.latencyLargeMs,
        largeBatch: row.largeBatch,
        leakedTensors: measured.leakedTensors ?? null,
        reason: measured.bounded ? `bounded: ${measured.bounded}` : null,
      });
    }
    setCurrentRun(null);
    next = i + 1 < plan.length ? await prepare(i + 1) : null;
    const finish = () =>
      store.finishRun(runId, end, [], measurements, { carry, next: next?.start });
    await timed(finish, "storage");
    if (next) setCurrentRun({ store, runId: next.runId, suiteId });
    carry = [{
      runId,
      measurements: [{ name: "harness_storage_s", unit: "s", idx: 0, value: storageS }],
    }];
    if (measured) {
      row.overhead = overhead(measured, storageS, end.wallS);
      carry[0].measurements.push({
        name: "harness_overhead_pct",
        unit: "%",
        idx: 0,
        value: row.overhead.pct,
      });
    }
    opts.progress.runEnd(end.status, end.status === "ok" ? okDetail(row) : end.reason ?? "");
    rows.push(row);
  }
  const failed = rows.some((r) => r.status === "failed");
  await store.finishSuite(suiteId, failed ? "finished with failures" : "ok", carry);
  return {
    suiteId,
    profile: opts.profile,
    kernels: opts.stock ? "stock" : "default",
    protocol,
    wallS: (performance.now() - t0) / 1000,
    loadAvg,
    rows,
  };
}

function okDetail(r: PerfRow): string {
  const ips = r.imagesPerS ? `${rate(r.imagesPerS.median)} images/s` : "";
  return [ips, r.bounded ?? ""].filter(Boolean).join(", ");
}
