/**
 * A controlled amount of extra real work in the training step, so the regression gate's
 * detection rate can be measured against known slowdowns (`deno task check --quality`).
 *
 * Only that command turns it on, through the environment of the perf runs it starts; a run
 * with extra work records the fraction in its configuration (so its config hash differs) and
 * the work units in its measurements. After the warm-up, the run measures how many units of
 * work this process does per second and sets a fixed number of units per step: `fraction`
 * times a step time, either given (the quality command passes the median step time of its
 * first A run, so the slowdown is relative to the unchanged code) or the median of probe
 * steps run after the warm-up. Every timed step then does that same work, inside the step,
 * on the same backend as the training.
 */
import * as tf from "@tensorflow/tfjs";
import { UserError } from "../errors.ts";
import { median } from "../measure.ts";

/** The environment variable the quality command sets on the perf runs it starts. */
export const EXTRA_WORK_ENV = "REPROBENCH_GATE_QUALITY_SLOWDOWN";

/** Extra work asked for: a fraction of a step time, given or measured by probe steps. */
export interface SlowdownRequest {
  fraction: number;
  /** The step time the fraction applies to (the A runs' median); null: probe steps. */
  stepS: number | null;
}

/**
 * The extra work asked for by the environment, `FRACTION` or `FRACTION@STEP_SECONDS`, or
 * null when unset. `0` gives no extra work (the A of an A/B measurement).
 */
export function requestedSlowdown(env = Deno.env.get(EXTRA_WORK_ENV)): SlowdownRequest | null {
  if (env === undefined || env === "") return null;
  const [f, step] = env.split("@").map(Number);
  const bad = !(f >= 0 && f <= 1) || (env.includes("@") && !(step > 0 && step < 3600));
  if (bad) {
    throw new UserError(
      `${EXTRA_WORK_ENV} must be FRACTION (0 to 1) or FRACTION@STEP_SECONDS, got "${env}"`,
    );
  }
  return { fraction: f, stepS: env.includes("@") ? step : null };
}

/** One unit of work: a 64 x 64 by 64 x 64 float32 product on the run's backend, read back. */
const N = 64;

/** The extra work of one run: a fixed number of units per timed step. */
export interface ExtraWork {
  fraction: number;
  unitsPerStep: number;
  run(): Promise<void>;
  dispose(): void;
}

/**
 * Plan the extra work for a run whose probe steps took `probeStepS`; null if none. The unit
 * is a matrix product on the same backend as the training (a JavaScript loop was tried first:
 * V8 re-optimised it mid-run and its cost per unit changed 2.7x). Its rate is measured here,
 * after warm-up calls, as the median of 5 timed batches.
 */
export async function planExtraWork(
  fraction: number,
  stepS: number,
): Promise<ExtraWork | null> {
  if (fraction === 0) return null;
  const values = Float32Array.from({ length: N * N }, (_, i) => ((i * 7919) % 13) / 13 - 0.5);
  const a = tf.tensor2d(values, [N, N]), b = tf.transpose(a);
  const units = async (k: number) => {
    let last: tf.Tensor | null = null;
    for (let u = 0; u < k; u++) {
      last?.dispose();
      last = tf.matMul(a, b);
    }
    if (last) {
      await last.data();
      last.dispose();
    }
  };
  await units(30);
  const rates: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await units(40);
    rates.push(40 / ((performance.now() - t0) / 1000));
  }
  const unitsPerStep = Math.max(1, Math.round(fraction * stepS * median(rates)));
  return {
    fraction,
    unitsPerStep,
    run: () => units(unitsPerStep),
    dispose: () => tf.dispose([a, b]),
  };
}
