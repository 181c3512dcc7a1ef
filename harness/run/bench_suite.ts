/**
 * The bench suite: every selected experiment on every selected backend and seed, each a
 * training run or a worked example, stored as it ends (kinds `bench`, `claims`, and the
 * gate's accuracy runs).
 */
import type { CliOverrides } from "../core/config.ts";
import type { Declared } from "../core/discover.ts";
import type { BackendName, ProfileName } from "../core/experiment.ts";
import type { AnyBackend, RuntimeName } from "../core/runtime.ts";
import { useBackend } from "./backends.ts";
import { classifyError } from "./classify.ts";
import { benchPlan, type PlannedRun } from "./plan.ts";
import { shardPlan, type ShardRequest } from "./shard/mod.ts";
import type { Progress } from "./progress.ts";
import type { InterruptOptions, RunOutcome } from "./recorder.ts";
import { type Executed, type Executor, runSuitePlan } from "./suite.ts";
import { trainRun } from "./deno_training.ts";
import { runWorked } from "./worked_run.ts";
import { kernelsUsed, prepareKernels } from "./kernel_mode.ts";
import { datasetSource } from "./data/mod.ts";
import { browserTraining, DEFAULT_BROWSER_TIMEOUT_S } from "./browser/mod.ts";
import type { Store } from "../../results/mod.ts";
import type { EpochRecord, RunStatus } from "../../results/types.ts";

/** How a bench suite is run. */
export interface SuiteOptions {
  profile: ProfileName;
  overrides: CliOverrides;
  /** The suite's kind as stored (default "bench"). */
  kind?: string;
  argv: string[];
  /** "default" registers the project's training kernels; "stock" measures tfjs as shipped. */
  kernels: "default" | "stock";
  /** Data-parallel replicas for cpu and wasm training runs (default: per backend and cores). */
  replicas?: number;
  /** Where runs execute (default: Deno only). */
  runtimes?: RuntimeName[];
  /** tfjs-wasm threads of browser wasm runs (default: this machine's cores). */
  threads?: number;
  /** Each browser run's time limit in seconds (default `DEFAULT_BROWSER_TIMEOUT_S`). */
  browserTimeoutS?: number;
  progress: Progress;
  /** Ctrl-C handling (default: listen, record, exit 130). */
  interrupts?: InterruptOptions;
  /** Run only this shard's part of the plan (`--shard i/N`). */
  shard?: ShardRequest;
  /** Of the (shard's) plan, run only the runs this keeps (e.g. those not stored yet). */
  keep?: (run: PlannedRun) => boolean;
}

/** One run as reported in the summary and `--json`. */
export interface RunSummary {
  runId: string;
  experiment: string;
  runtime: RuntimeName;
  backend: AnyBackend;
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

/** Plan and run a bench suite of `declared`; see the module doc. */
export async function runBenchSuite(
  store: Store,
  declared: Declared[],
  opts: SuiteOptions,
): Promise<SuiteResult> {
  const full = benchPlan(declared, opts);
  const part = opts.shard ? await shardPlan(full, opts.shard) : null;
  const plan = (part?.plan ?? full).filter(opts.keep ?? (() => true));
  const suite = {
    kind: opts.kind ?? "bench",
    profile: opts.profile,
    argv: opts.argv,
    plan: part?.record,
  };
  const r = await runSuitePlan(store, suite, plan, benchExecutor(opts), opts);
  return { suiteId: r.suiteId, profile: opts.profile, wallS: r.wallS, runs: r.reports };
}

/**
 * Executes a bench run: trains it or computes its worked example (in Deno, or trains it in
 * a browser page), and summarizes it.
 */
function benchExecutor(
  opts: Pick<SuiteOptions, "kernels" | "progress" | "browserTimeoutS">,
): Executor<AnyBackend, RunSummary> {
  const browser = browserTraining({
    kernels: opts.kernels,
    progress: opts.progress,
    timeoutS: opts.browserTimeoutS ?? DEFAULT_BROWSER_TIMEOUT_S,
  });
  return {
    async execute(run, { runId }): Promise<Executed<RunSummary>> {
      const outcome = run.runtime === "deno"
        ? await runOne(run as PlannedRun<BackendName>, opts)
        : await browser.train(run);
      const end = outcome.end;
      const detail = end.status === "ok"
        ? [
          end.testAccuracy != null ? `test acc ${end.testAccuracy.toFixed(4)}` : "",
          end.steadySamplesPerS ? `${end.steadySamplesPerS.toFixed(0)} samples/s` : "",
        ].filter(Boolean).join(", ")
        : end.reason ?? "";
      const report: RunSummary = {
        runId,
        experiment: run.declared.experiment.id,
        runtime: run.runtime,
        backend: run.backend,
        seed: run.seed,
        status: end.status,
        reason: end.reason ?? null,
        testAccuracy: end.testAccuracy ?? null,
        samplesPerS: end.steadySamplesPerS ?? null,
        firstEpochS: end.firstEpochS ?? null,
        weightsHash: end.weightsSha256 ?? null,
        kernels: end.kernels ?? [],
        epochs: outcome.epochs,
      };
      return { outcome, report, detail };
    },
    close: () => browser.close(),
  };
}

/** One run in Deno, never throwing: every outcome becomes a status. */
async function runOne(
  { config, backend, seed, replicas }: PlannedRun<BackendName>,
  opts: Pick<SuiteOptions, "kernels" | "progress">,
): Promise<RunOutcome> {
  const t0 = performance.now();
  const none = { epochs: [], measurements: [] };
  const status = await useBackend(backend);
  if (!status.available) {
    return { end: { status: "skipped", reason: status.reason, wallS: 0 }, ...none };
  }
  prepareKernels(backend, opts.kernels);
  const info = config.kind === "train" ? { ...status.info, replicas } : status.info;
  try {
    const missing = config.dataset
      ? await datasetSource(config.dataset.key).unavailableReason()
      : null;
    if (missing) {
      const reason = `dataset "${config.dataset!.key}" is not available here: ${missing}`;
      return { end: { status: "skipped", reason, wallS: 0, backendInfo: info }, ...none };
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
    const wallS = (performance.now() - t0) / 1000;
    return {
      end: { ...classifyError(err), wallS, backendInfo: info, kernels: kernelsUsed(backend) },
      ...none,
    };
  }
}
