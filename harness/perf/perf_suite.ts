/**
 * The perf suite: every selected training experiment on every selected backend (tfjs's cpu,
 * wasm, webgpu and the PyTorch reference), each stored as a run of a suite of kind `perf`.
 * PyTorch runs first for each experiment so every tfjs row carries its ratio to it. A run that
 * fails is stored with its status; the suite goes on.
 */
import { resolveConfig, runConfig } from "../core/config.ts";
import type { Declared } from "../core/discover.ts";
import type { ProfileName } from "../core/experiment.ts";
import type { PlannedRun } from "../run/plan.ts";
import type { Progress } from "../run/progress.ts";
import type { InterruptOptions } from "../run/recorder.ts";
import { runSuitePlan } from "../run/suite.ts";
import { resolveReplicas } from "../run/parallel/mod.ts";
import { shardPlan, type ShardRequest } from "../run/shard/mod.ts";
import type { Store } from "../../results/mod.ts";
import { type Protocol, PROTOCOLS } from "./protocol.ts";
import { perfExecutor } from "./perf_executor.ts";
import type { Turns } from "./turns.ts";
import { PERF_BACKENDS, type PerfBackend, type PerfRow } from "./types.ts";

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
  /** Take turns with another process (the gate's paired timing; see turns.ts). */
  turns?: Turns | null;
  /** Ctrl-C handling (default: listen, record, exit 130). */
  interrupts?: InterruptOptions;
  /** Run only this shard's part of the plan (`--shard i/N`). */
  shard?: ShardRequest;
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

/** Plan and run a perf suite of `declared`; see the module doc. */
export async function runPerfSuite(
  store: Store,
  declared: Declared[],
  opts: PerfOptions,
): Promise<PerfSuiteResult> {
  const protocol = opts.protocol ?? PROTOCOLS[opts.profile];
  const loadAvg = Deno.loadavg();
  const full = perfPlan(declared, { ...opts, protocol });
  const part = opts.shard ? await shardPlan(full, opts.shard) : null;
  const plan = part?.plan ?? full;
  const executor = perfExecutor({
    protocol,
    stock: opts.stock,
    progress: opts.progress,
    slowdown: opts.slowdown ?? null,
    turns: opts.turns ?? null,
  });
  const suite = { kind: "perf", profile: opts.profile, argv: opts.argv, plan: part?.record };
  const r = await runSuitePlan(store, suite, plan, executor, opts);
  const kernels = opts.stock ? "stock" : "default";
  return {
    suiteId: r.suiteId,
    profile: opts.profile,
    kernels,
    protocol,
    wallS: r.wallS,
    loadAvg,
    rows: r.reports,
  };
}

/**
 * One run per experiment and backend, on the first seed, PyTorch first; each stores its
 * protocol, kernels and any injected slowdown in its configuration.
 */
export function perfPlan(
  declared: Declared[],
  opts: Pick<PerfOptions, "profile" | "backends" | "stock" | "replicas" | "slowdown"> & {
    protocol: Protocol;
  },
): PlannedRun<PerfBackend>[] {
  const kernels = opts.stock ? "stock" : "default";
  const perf = {
    protocol: opts.protocol,
    kernels,
    ...(opts.slowdown != null ? { injectedSlowdown: opts.slowdown } : {}),
  };
  return declared.flatMap((d) => {
    const config = resolveConfig(d.experiment, opts.profile, { seeds: 1 });
    const seed = config.seeds[0];
    const own: PerfBackend[] = ["pytorch-cpu", ...config.backends];
    const backends = own.filter((b) => !opts.backends || opts.backends.includes(b));
    return PERF_BACKENDS.filter((b) => backends.includes(b))
      .sort((a, b) => Number(b === "pytorch-cpu") - Number(a === "pytorch-cpu"))
      .map((backend) => {
        const replicas = resolveReplicas(backend, config.kind, kernels, opts.replicas);
        const runConf = { ...runConfig(config, backend, seed, replicas), perf };
        return { declared: d, config, backend, seed, replicas, runConfig: runConf };
      });
  });
}
