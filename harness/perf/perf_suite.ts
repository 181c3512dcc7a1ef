/**
 * The perf suite: every selected training experiment on every selected backend (tfjs's cpu,
 * wasm, webgpu and the PyTorch reference), each stored as a run of a suite of kind `perf`.
 * PyTorch runs first for each experiment so every tfjs row carries its ratio to it. A run that
 * fails is stored with its status; the suite goes on.
 */
import { resolveConfig } from "../core/config.ts";
import type { Declared } from "../core/discover.ts";
import type { ProfileName } from "../core/experiment.ts";
import { runtimeBackends, type RuntimeName } from "../core/runtime.ts";
import { type PlannedRun, plannedRun } from "../run/plan.ts";
import type { Progress } from "../run/progress.ts";
import type { InterruptOptions } from "../run/recorder.ts";
import { runSuitePlan } from "../run/suite.ts";
import { shardPlan, type ShardRequest } from "../run/shard/mod.ts";
import type { Store } from "../../results/mod.ts";
import { type Protocol, PROTOCOLS } from "./protocol.ts";
import { perfExecutor } from "./perf_executor.ts";
import type { Turns } from "./turns.ts";
import { PERF_BACKENDS, type PerfBackend, type PerfRow } from "./types.ts";
import type { InjectedSlowdown } from "./extra_work.ts";

export interface PerfOptions {
  profile: ProfileName;
  /** Backends to measure (default: each experiment's own, plus pytorch-cpu). */
  backends?: PerfBackend[];
  /** Measure tfjs as shipped, with a bounded number of steps. */
  stock: boolean;
  /** Data-parallel replicas for cpu and wasm (default: per backend and cores; see parallel/). */
  replicas?: number;
  /** Where the tfjs runs execute (default: Deno only); PyTorch runs once, in its own process. */
  runtimes?: RuntimeName[];
  /** tfjs-wasm threads of browser wasm runs (default: this machine's cores). */
  threads?: number;
  /** Each browser run's time limit in seconds. */
  browserTimeoutS?: number;
  argv: string[];
  progress: Progress;
  /** The timing protocol (default: the profile's; tests pass a tiny one). */
  protocol?: Protocol;
  /**
   * Extra work per training step as a fraction of the step time, for the gate's quality
   * measurement only (see extra_work.ts). Recorded in the run's configuration.
   */
  slowdown?: InjectedSlowdown | null;
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
    browserTimeoutS: opts.browserTimeoutS,
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
 * One run per experiment, runtime and backend, on the first seed, PyTorch first; each stores
 * its protocol, kernels and any injected slowdown in its configuration.
 */
export function perfPlan(
  declared: Declared[],
  opts:
    & Pick<
      PerfOptions,
      "profile" | "backends" | "stock" | "replicas" | "slowdown" | "runtimes" | "threads"
    >
    & { protocol: Protocol },
): PlannedRun<PerfBackend>[] {
  const kernels = opts.stock ? "stock" : "default";
  const perf = {
    protocol: opts.protocol,
    kernels,
    ...(opts.slowdown != null ? { injectedSlowdown: opts.slowdown.fraction } : {}),
    ...(opts.slowdown && opts.slowdown.every > 1 ? { injectedEvery: opts.slowdown.every } : {}),
  };
  const exec = { kernels, replicas: opts.replicas, threads: opts.threads } as const;
  const order = (b: string) => PERF_BACKENDS.indexOf(b as PerfBackend);
  return declared.flatMap((d) => {
    const config = resolveConfig(d.experiment, opts.profile, { seeds: 1 });
    const seed = config.seeds[0];
    const torch = !opts.backends || opts.backends.includes("pytorch-cpu")
      ? [plannedRun<PerfBackend>(d, config, "deno", "pytorch-cpu", seed, exec)]
      : [];
    const tfjs = (opts.runtimes ?? ["deno"]).flatMap((runtime) =>
      runtimeBackends(runtime, d.experiment.backends, opts.backends)
        .sort((a, b) => order(a) - order(b))
        .map((b) => plannedRun<PerfBackend>(d, config, runtime, b, seed, exec))
    );
    return [...torch, ...tfjs].map((run) => ({
      ...run,
      runConfig: { ...run.runConfig, perf },
    }));
  });
}
