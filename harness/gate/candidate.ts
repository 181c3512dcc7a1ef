/** Run what a gate compares: bench runs (accuracy, weights) and perf runs (timing windows). */
import type { Declared } from "../core/discover.ts";
import { runBenchSuite } from "../run/bench_suite.ts";
import { runPerfSuite } from "../perf/mod.ts";
import type { BackendName, ProfileName } from "../core/experiment.ts";
import type { Progress } from "../run/progress.ts";
import type { Store } from "../../results/mod.ts";
import { GATE_PROTOCOL } from "./timing/mod.ts";
import type { RunData } from "../../results/mod.ts";

const TFJS: BackendName[] = ["cpu", "wasm", "webgpu"];

/** What to run: experiments and backends for accuracy and for timing. */
export interface GatePlan {
  bench:
    | { experiments: Declared[]; backends: BackendName[]; seeds: number; profile: ProfileName }
    | null;
  perf: { experiments: Declared[]; backends: BackendName[] } | null;
}

/** The plan that repeats a baseline: its experiments, backends, profile and seed count. */
export function planFromBaseline(
  declared: Declared[],
  baseline: RunData[],
  only?: BackendName[],
): GatePlan {
  const part = (runs: RunData[]) => {
    const ids = new Set(runs.map((r) => r.experimentId));
    const backends = [...new Set(runs.map((r) => r.backend))]
      .filter((b): b is BackendName => (TFJS as string[]).includes(b))
      .filter((b) => !only || only.includes(b));
    const experiments = declared.filter((d) => ids.has(d.experiment.id));
    return experiments.length > 0 && backends.length > 0 ? { experiments, backends } : null;
  };
  const bench = baseline.filter((r) => r.suiteKind === "bench");
  const b = part(bench);
  const seeds = Math.max(
    1,
    ...[...new Set(bench.map((r) => r.experimentId))].map((id) =>
      new Set(bench.filter((r) => r.experimentId === id).map((r) => r.seed)).size
    ),
  );
  return {
    bench: b && { ...b, seeds, profile: bench[0].profile === "full" ? "full" : "quick" },
    perf: part(baseline.filter((r) => r.suiteKind === "perf")),
  };
}

/** Run a plan and return the new suites' ids. */
export async function runPlan(
  store: Store,
  plan: GatePlan,
  opts: { progress: Progress; argv: string[] },
): Promise<string[]> {
  const suites: string[] = [];
  if (plan.bench) {
    const r = await runBenchSuite(store, plan.bench.experiments, {
      profile: plan.bench.profile,
      overrides: { backends: plan.bench.backends, seeds: plan.bench.seeds },
      kind: "bench",
      argv: opts.argv,
      kernels: "default",
      progress: opts.progress,
    });
    suites.push(r.suiteId);
  }
  if (plan.perf) {
    const r = await runPerfSuite(store, plan.perf.experiments, {
      profile: "quick",
      backends: plan.perf.backends,
      stock: false,
      argv: opts.argv,
      progress: opts.progress,
      protocol: GATE_PROTOCOL,
    });
    suites.push(r.suiteId);
  }
  return suites;
}
