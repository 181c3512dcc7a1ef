/**
 * Static estimates of how long a planned run takes, for splitting a plan into shards of equal
 * cost when no stored durations are given. Only the ratios between runs matter to the split,
 * and the estimate must be the same on every machine: it reads the declaration, never the
 * machine.
 */
import type { PlannedRun } from "../run/plan.ts";
import { datasetSource } from "../run/data/mod.ts";
import { inputShapeFor } from "../run/train_setup.ts";
import { modelFlops } from "./flops.ts";
import type { Protocol } from "./protocol.ts";

/**
 * Per backend: seconds per image outside the model's arithmetic, and training GFLOP/s. Fitted
 * to the Keras CNN (16.8 MFLOP per image and step) and MLP (0.61 MFLOP) of articles 001 and
 * 004 as measured on this project's 2-core machines (README: perf figures).
 */
const BACKEND_SPEED: Record<string, { perImageS: number; gflops: number }> = {
  cpu: { perImageS: 2.0e-4, gflops: 1.7 },
  wasm: { perImageS: 1.0e-4, gflops: 34 },
  webgpu: { perImageS: 1.4e-3, gflops: 1.1 },
  "pytorch-cpu": { perImageS: 1.6e-4, gflops: 84 },
};

/** Start-up of any run: backend, data, model (seconds). */
const FIXED_S = 2;

/**
 * Estimated seconds of a bench run: images trained (train set x epochs) at the backend's
 * speed for the model's FLOPs, plus the test pass and a fixed start-up; a worked example, a
 * model whose FLOPs cannot be counted, or one whose input the dataset's examples do not fit
 * (it fails at once) costs the start-up alone. Whether the data is present on this machine is
 * never asked: every shard must compute the same costs.
 *
 * @example
 * ```ts
 * const seconds = plan.map(benchRunSeconds);
 * ```
 */
export function benchRunSeconds(run: PlannedRun<string>): number {
  const c = run.config;
  if (c.kind !== "train" || !c.model || !c.training || !c.dataset) return FIXED_S;
  let train: number;
  try {
    inputShapeFor(c.model.inputShape, datasetSource(c.dataset.key).inputShape, c.dataset.key);
    // Dropout keeps the shape and costs next to nothing; flops.ts does not count it.
    const layers = c.model.layers.filter((l) => !/dropout/i.test(l.type));
    train = modelFlops({ ...c.model, layers }).train;
  } catch {
    return FIXED_S;
  }
  const speed = BACKEND_SPEED[run.backend] ?? BACKEND_SPEED.cpu;
  const perImage = speed.perImageS + train / (speed.gflops * 1e9);
  const images = (c.dataset.train ?? 0) * c.training.epochs +
    ((c.dataset.validation ?? 0) * c.training.epochs + (c.dataset.test ?? 0)) / 3;
  return FIXED_S + images * perImage;
}

/**
 * Estimated seconds of a perf run: its protocol's time budget (warm-up and timed windows),
 * the same for every run of a perf suite, plus the start-up.
 */
export function perfRunSeconds(protocol: Protocol): number {
  return FIXED_S + protocol.warmupS.min +
    Math.min(protocol.maxTimedS, protocol.windows * protocol.targetWindowS);
}
