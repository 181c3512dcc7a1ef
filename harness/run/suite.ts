/**
 * Run a suite: every selected experiment on every selected backend and seed, each run
 * stored as it ends. A run that fails is stored with its status; the suite goes on.
 */
import type { CliOverrides, ResolvedConfig } from "../core/config.ts";
import { resolveConfig, runConfig } from "../core/config.ts";
import type { Declared } from "../core/discover.ts";
import type { BackendName, ProfileName } from "../core/experiment.ts";
import { useBackend } from "./backends.ts";
import { classifyError } from "./classify.ts";
import { runStartRecord, setCurrentRun, startSuite } from "./suite_start.ts";
import type { Progress } from "./progress.ts";
import { type RunOutcome, trainRun } from "./train.ts";
import { runWorked } from "./worked_run.ts";
import { kernelsUsed, prepareKernels } from "./kernel_mode.ts";
import { datasetSource } from "./data/mod.ts";
import { resolveReplicas } from "./parallel/mod.ts";
import type { Store } from "../../results/mod.ts";
import type { EpochRecord, RunStatus } from "../../results/types.ts";

/** How a suite is run. */
export interface SuiteOptions {
  profile: ProfileName;
  overrides: CliOverrides;
  kind?: string;
  argv: string[];
  /** "default" registers the project's training kernels; "stock" measures tfjs as shipped. */
  kernels: "default" | "stock";
  /** Data-parallel replicas for cpu and wasm training runs (default: per backend and cores). */
  replicas?: number;
  progress: Progress;
}

/** One run as reported in the summary and `--json`. */
export interface RunSummary {
  runId: string;
  experiment: string;
  backend: BackendName;
  seed: number;
  status: Exclude<RunStatus, "running">;
  reason: string | null;
  testAccuracy: number | null;
  samplesPerS: number | null;
  firstEpochS: number | null;
  weightsHash: string | null;
  kernels: string[];
  epochs: EpochRecord[];
}

export interface SuiteResult {
  suiteId: string;
  profile: ProfileName;
  wallS: number;
  runs: RunSummary[];
}

export { interruptCurrent } from "./suite_start.ts";

export async function runSuite(
  store: Store,
  declared: Declared[],
  opts: SuiteOptions,
): Promise<SuiteResult> {
  const t0 = performance.now();
  const suite = await startSuite(
    store,
    opts.kind ?? "bench",
    opts.profile,
    opts.argv,
  );
  const { suiteId } = suite;
  const plan = declared.flatMap((d) => {
    const config = resolveConfig(d.experiment, opts.profile, opts.overrides);
    return config.backends.flatMap((backend) =>
      config.seeds.map((seed) => ({ d, config, backend, seed }))
    );
  });
  const runs: RunSummary[] = [];
  for (const [i, { d, config, backend, seed }] of plan.entries()) {
    const runId = crypto.randomUUID();
    const e = d.experiment;
    const replicas = resolveReplicas(backend, config.kind, opts.kernels, opts.replicas);
    await store.startRun(
      await runStartRecord(suite, {
        runId,
        d,
        config,
        backend,
        seed,
        profile: opts.profile,
        runConfig: runConfig(config, backend, seed, replicas),
      }),
    );
    setCurrentRun({ store, runId, suiteId });
    opts.progress.runStart(suiteId, i + 1, plan.length, e.id, backend, seed);
    const outcome = await runOne(config, backend, seed, replicas, opts);
    setCurrentRun(null);
    await store.finishRun(runId, outcome.end, outcome.epochs, outcome.measurements);
    const end = outcome.end;
    opts.progress.runEnd(
      end.status,
      end.status === "ok"
        ? [
          end.testAccuracy != null ? `test acc ${end.testAccuracy.toFixed(4)}` : "",
          end.steadySamplesPerS ? `${end.steadySamplesPerS.toFixed(0)} samples/s` : "",
        ].filter(Boolean).join(", ")
        : end.reason ?? "",
    );
    runs.push({
      runId,
      experiment: e.id,
      backend,
      seed,
      status: end.status,
      reason: end.reason ?? null,
      testAccuracy: end.testAccuracy ?? null,
      samplesPerS: end.steadySamplesPerS ?? null,
      firstEpochS: end.firstEpochS ?? null,
      weightsHash: end.weightsSha256 ?? null,
      kernels: end.kernels ?? [],
      epochs: outcome.epochs,
    });
  }
  const failed = runs.some((r) => r.status === "failed");
  await store.finishSuite(suiteId, failed ? "finished with failures" : "ok");
  return { suiteId, profile: opts.profile, wallS: (performance.now() - t0) / 1000, runs };
}

/** One run, never throwing: every outcome becomes a status. */
async function runOne(
  config: ResolvedConfig,
  backend: BackendName,
  seed: number,
  replicas: number,
  opts: SuiteOptions,
): Promise<RunOutcome> {
  const t0 = performance.now();
  const status = await useBackend(backend);
  if (!status.available) {
    return {
      end: { status: "skipped", reason: status.reason, wallS: 0 },
      epochs: [],
      measurements: [],
    };
  }
  prepareKernels(backend, opts.kernels);
  const info = config.kind === "train" ? { ...status.info, replicas } : status.info;
  try {
    const missing = config.dataset
      ? await datasetSource(config.dataset.key).unavailableReason()
      : null;
    if (missing) {
      return {
        end: {
          status: "skipped",
          reason: `dataset "${config.dataset!.key}" is not available here: ${missing}`,
          wallS: 0,
          backendInfo: info,
        },
        epochs: [],
        measurements: [],
      };
    }
    const outcome = config.kind === "worked"
      ? await runWorked(config, backend)
      : await trainRun(config, seed, (p) => opts.progress.update(p), {
        backend,
        replicas,
        kernels: opts.kernels,
      });
    outcome.end.backendInfo = info;
    // The kernels of ours this run called (registered ones it never called are not listed).
    outcome.end.kernels = kernelsUsed(backend);
    return outcome;
  } catch (err) {
    return {
      end: {
        ...classifyError(err),
        wallS: (performance.now() - t0) / 1000,
        backendInfo: info,
        kernels: kernelsUsed(backend),
      },
      epochs: [],
      measurements: [],
    };
  }
}
