/**
 * A suite's plan: every run it will make, as a value built before any run starts. The plan
 * says what each run is (declaration, resolved configuration, backend, seed, replicas) and
 * the configuration it will store and hash, so a plan can be printed, counted or split
 * (shards) before anything runs, and the suite loop only walks it.
 */
import {
  type CliOverrides,
  resolveConfig,
  type ResolvedConfig,
  runConfig,
} from "../core/config.ts";
import type { Declared } from "../core/discover.ts";
import type { BackendName, ProfileName } from "../core/experiment.ts";
import { resolveReplicas } from "./parallel/mod.ts";

/** One planned run: an (experiment, backend, seed) and how it executes. */
export interface PlannedRun<B extends string = BackendName> {
  declared: Declared;
  /** The experiment's configuration after profile and flags (`config.profile` is the run's). */
  config: ResolvedConfig;
  backend: B;
  seed: number;
  /** Data-parallel replicas (1 where replicas do not apply; see parallel/). */
  replicas: number;
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
}

/**
 * Every selected experiment on each of its resolved backends and seeds, in declaration
 * order, then backend, then seed.
 *
 * @example
 * ```ts
 * const plan = benchPlan(declared, { profile: "quick", overrides: { seeds: 2 }, kernels: "default" });
 * console.log(plan.map((r) => `${r.declared.experiment.id} ${r.backend} ${r.seed}`));
 * ```
 */
export function benchPlan(declared: Declared[], opts: BenchPlanOptions): PlannedRun[] {
  return declared.flatMap((d) => {
    const config = resolveConfig(d.experiment, opts.profile, opts.overrides);
    return config.backends.flatMap((backend) =>
      config.seeds.map((seed) => {
        const replicas = resolveReplicas(backend, config.kind, opts.kernels, opts.replicas);
        return {
          declared: d,
          config,
          backend,
          seed,
          replicas,
          runConfig: runConfig(config, backend, seed, replicas),
        };
      })
    );
  });
}
