/**
 * Resolve an experiment's configuration once: declaration <- profile <- CLI flags.
 * The resolved object is what a run uses, what is stored with it, and what is hashed.
 */
import type { BackendName, Experiment, ProfileName } from "./experiment.ts";
import type { AnyBackend } from "./runtime.ts";

/** CLI flags that change a resolved configuration. */
export interface CliOverrides {
  /** Number of seeds to run (the first N declared; extended with the next unused integers). */
  seeds?: number;
  /** Backends to keep (`webgl`, a browser's own, keeps only browser runs). */
  backends?: AnyBackend[];
}

/** The fields of a declaration a run uses: profiles and flags may override them. */
type RunFields = "kind" | "dataset" | "model" | "training" | "worked" | "seeds" | "backends";

/** Everything a run of one experiment needs, after profile and flags are applied. */
export interface ResolvedConfig extends Pick<Experiment, RunFields> {
  experimentId: string;
  profile: ProfileName;
}

/**
 * Apply a profile's overrides and the CLI flags to a declaration.
 *
 * @example
 * ```ts
 * const config = resolveConfig(experiment, "quick", { seeds: 1 });
 * ```
 */
export function resolveConfig(
  e: Experiment,
  profile: ProfileName,
  cli: CliOverrides = {},
): ResolvedConfig {
  const o = e.profiles?.[profile] ?? {};
  let seeds = o.seeds ?? e.seeds;
  if (cli.seeds !== undefined) seeds = extendSeeds(seeds, cli.seeds);
  const backends = cli.backends
    ? e.backends.filter((b) => (cli.backends as readonly string[]).includes(b))
    : e.backends;
  return {
    experimentId: e.id,
    profile,
    kind: e.kind,
    dataset: e.dataset && { ...e.dataset, ...o.dataset },
    model: e.model,
    training: e.training && { ...e.training, ...o.training },
    worked: e.worked,
    seeds,
    backends,
  };
}

/**
 * What one run uses: the resolved configuration with its own backend and seed in place of
 * the suite's lists, so runs of the same setting hash alike whichever other backends or
 * seeds ran beside them. Data-parallel `replicas` (harness/run/parallel/) change the last bits of
 * every result, so a run with more than one records them and hashes apart; one replica adds
 * nothing, so single-replica runs keep the hashes they had before replicas existed. Likewise
 * a run outside Deno records its `runtime` (and a browser's wasm its `threads`, which change
 * its timings), and a Deno run keeps the hash it had before runtimes existed.
 */
export function runConfig(
  config: ResolvedConfig,
  backend: BackendName | string,
  seed: number,
  replicas = 1,
  exec: { runtime?: string; threads?: number } = {},
) {
  const { seeds: _seeds, backends: _backends, ...rest } = config;
  return {
    ...rest,
    backend,
    seed,
    ...(replicas > 1 ? { replicas } : {}),
    ...(exec.runtime && exec.runtime !== "deno" ? { runtime: exec.runtime } : {}),
    ...(exec.threads !== undefined ? { threads: exec.threads } : {}),
  };
}

/** The first `n` of `seeds`, extended with the smallest unused non-negative integers. */
export function extendSeeds(seeds: number[], n: number): number[] {
  const out = seeds.slice(0, n);
  for (let s = 0; out.length < n; s++) if (!out.includes(s)) out.push(s);
  return out;
}
