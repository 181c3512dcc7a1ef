/**
 * A suite's plan: every run it will make, as a value built before any run starts. The plan
 * says what each run is (declaration, resolved configuration, runtime, backend, seed,
 * replicas or threads) and the configuration it will store and hash, so a plan can be
 * printed, counted or split (shards) before anything runs, and the suite loop only walks it.
 */
import {
  type CliOverrides,
  resolveConfig,
  type ResolvedConfig,
  runConfig,
} from "../core/config.ts";
import type { Declared } from "../core/discover.ts";
import type { ProfileName } from "../core/experiment.ts";
import { type AnyBackend, runtimeBackends, type RuntimeName } from "../core/runtime.ts";
import { resolveReplicas } from "./parallel/mod.ts";
import { resolveThreads } from "./browser/threads.ts";

/** One planned run: an (experiment, runtime, backend, seed) and how it executes. */
export interface PlannedRun<B extends string = AnyBackend> {
  declared: Declared;
  /** The experiment's configuration after profile and flags (`config.profile` is the run's). */
  config: ResolvedConfig;
  /** Where it runs: Deno, or a browser page (see harness/run/browser/). */
  runtime: RuntimeName;
  backend: B;
  seed: number;
  /** Data-parallel replicas (1 where replicas do not apply; see parallel/). */
  replicas: number;
  /** tfjs-wasm threads in a browser page (browser wasm runs only; see browser/threads.ts). */
  threads?: number;
  /** The run's own configuration, as stored with it and hashed (see `runConfig`). */
  runConfig: Record<string, unknown>;
}

/** How the runs of a bench (or claims, or gate accuracy) suite are planned. */
export interface BenchPlanOptions {
  profile: ProfileName;
  overrides: CliOverrides;
  /** "default" registers the project's training kernels; "stock" measures tfjs as shipped. */
  kernels: "default" | "stock";
  /** Data-parallel replicas for cpu and wasm training runs (default: per backend and cores). */
  replicas?: number;
  /** Where runs execute (default: Deno only). */
  runtimes?: RuntimeName[];
  /** tfjs-wasm threads of browser wasm runs (default: this machine's cores). */
  threads?: number;
}

/**
 * Every selected experiment in each runtime, on each of its backends there and each seed, in
 * declaration order, then runtime, then backend, then seed.
 *
 * @example
 * ```ts
 * const plan = benchPlan(declared, { profile: "quick", overrides: { seeds: 2 }, kernels: "default" });
 * console.log(plan.map((r) => `${r.declared.experiment.id} ${r.backend} ${r.seed}`));
 * ```
 */
export function benchPlan(declared: Declared[], opts: BenchPlanOptions): PlannedRun<AnyBackend>[] {
  return declared.flatMap((d) => {
    const config = resolveConfig(d.experiment, opts.profile, opts.overrides);
    return (opts.runtimes ?? ["deno"]).flatMap((runtime) =>
      runtimeBackends(runtime, d.experiment.backends, opts.overrides.backends).flatMap((b) =>
        config.seeds.map((seed) => plannedRun(d, config, runtime, b, seed, opts))
      )
    );
  });
}

/**
 * One run of `config` in `runtime` on `backend` with `seed`: its replicas (Deno's cpu and
 * wasm), threads (a browser's wasm) and the configuration it stores.
 */
export function plannedRun<B extends string>(
  declared: Declared,
  config: ResolvedConfig,
  runtime: RuntimeName,
  backend: B,
  seed: number,
  opts: Pick<BenchPlanOptions, "kernels" | "replicas" | "threads">,
): PlannedRun<B> {
  // A browser page trains on one replica: its wasm runs threads of its own instead.
  const replicas = runtime === "deno"
    ? resolveReplicas(backend, config.kind, opts.kernels, opts.replicas)
    : 1;
  const threads = runtime === "deno" ? undefined : resolveThreads(backend, opts.threads);
  return {
    declared,
    config,
    runtime,
    backend,
    seed,
    replicas,
    ...(threads === undefined ? {} : { threads }),
    runConfig: runConfig(config, backend, seed, replicas, { runtime, threads }),
  };
}
