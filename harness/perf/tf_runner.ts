/**
 * One perf measurement on the current tfjs backend: the training of `harness/run/train.ts`
 * (the same set-up, batches, `trainOnBatch` and seeded shuffle), timed by the protocol's
 * warm-up and windows instead of epochs, then inference latency. Throws on failure; the
 * suite classifies. Runtime-neutral like the training loop: the examples and the trainer
 * come in as arguments (Deno's `measureTfjs` in `run_one.ts`; a browser page's in `browser/`).
 */
import * as tf from "@tensorflow/tfjs";
import type { ResolvedConfig } from "../core/config.ts";
import { predictLatencies } from "../run/measure.ts";
import { LARGE_BATCH, type RunProgress } from "../run/train.ts";
import {
  type RunData,
  setUpTraining,
  type TrainerFactory,
  type TrainingSetup,
} from "../run/train_setup.ts";
import {
  budgetNote,
  planWindows,
  type Protocol,
  type WarmupEnd,
  warmupEnd,
  warmupNote,
  type WindowPlan,
} from "./protocol.ts";
import type { LoopTimes, Measured } from "./types.ts";
import { type ExtraWork, type InjectedSlowdown, planExtraWork } from "./extra_work.ts";
import type { Turns } from "./turns.ts";

/** How a tfjs measurement runs: the protocol, and what the command passed down. */
export interface TfjsOptions {
  protocol: Protocol;
  /** tfjs's kernels as shipped (a bounded run). */
  stock: boolean;
  onProgress: (p: RunProgress) => void;
  /** Extra work per step as a fraction of its time (the gate's quality measurement only). */
  slowdown: InjectedSlowdown | null;
  /** Turn-taking with another process (the gate's paired timing), or null. */
  turns: Turns | null;
}

/**
 * Train `config`'s model on `data` with the trainer `makeTrainer` makes, on the current
 * backend, under the protocol, and time it.
 */
export async function measureTraining(
  config: ResolvedConfig,
  seed: number,
  data: RunData,
  makeTrainer: TrainerFactory,
  opts: TfjsOptions,
): Promise<Measured> {
  const { protocol: p, turns, stock } = opts;
  const run = await setUpTraining(config, seed, data, makeTrainer);
  const steps = new Steps(run, opts.onProgress);
  let result: Measured;
  try {
    const loopStart = performance.now();
    const waitedAtStart = turns?.waitedS ?? 0;
    // Paired timing: the peak (measured before) and the warm-up are one timed phase.
    const { warmupStepS, warmup } = await warmUp(steps, p, stock);
    const plan = fixedPlan(planWindows(warmupStepS, p, stock), turns);
    // Extra work for the gate's quality measurement only (see extra_work.ts): after warm-up.
    if (opts.slowdown) steps.extra = await planExtraWork(opts.slowdown);
    turns?.done("warmup", `batches=${plan.batchesPerWindow}`);
    const { windowImagesPerS, note } = await timeWindows(steps, plan, p, turns);
    await turns?.take("rest");
    // The yields between windows are untimed idle turns, not harness work.
    steps.loop.loopS = (performance.now() - loopStart) / 1000 - steps.yieldedS -
      ((turns?.waitedS ?? 0) - waitedAtStart);
    const large = Math.min(LARGE_BATCH, run.test.x.shape[0]);
    const { latencyB1Ms, latencyLargeMs } = await latencies(run, plan, p, large);
    result = {
      warmupStepS,
      windowImagesPerS,
      batchesPerWindow: plan.batchesPerWindow,
      batchSize: run.batches.batchSize,
      bounded: [plan.bounded ?? note, warmupNote(warmup, p)].filter(Boolean).join("; ") || null,
      latencyB1Ms,
      latencyLargeMs,
      largeBatch: large,
      peakGflops: [],
      peakN: p.peak.n,
      params: run.model.countParams(),
      loop: steps.loop,
      info: { datasetProvenance: run.data.provenance },
      extraWorkUnits: steps.extra?.units,
    };
  } finally {
    await run.dispose();
    steps.extra?.dispose();
  }
  result.leakedTensors = run.memory.leaked();
  return result;
}

/**
 * The plan with the steps per window the turn driver fixed (the other side's plan, so that
 * window i of both sides covers the same work), unless the run is bounded (too slow for the
 * full protocol: its own few single-step windows).
 */
function fixedPlan(plan: WindowPlan, turns: Turns | null): WindowPlan {
  const fixed = turns?.fixedBatches;
  return fixed && !plan.bounded ? { ...plan, batchesPerWindow: fixed } : plan;
}

/**
 * Inference latency of one image and of a large batch, none when the protocol times none (the
 * gate's processes judge training windows only, and skip it). A bounded (slow) run times
 * inference less too: its large batch can take seconds.
 */
async function latencies(run: TrainingSetup, plan: WindowPlan, p: Protocol, large: number) {
  if (p.latency.repeats === 0) return { latencyB1Ms: [], latencyLargeMs: [] };
  const [lw, lr] = plan.bounded
    ? [1, Math.min(2, p.latency.repeats)]
    : [p.latency.warmup, p.latency.repeats];
  const one = run.test.x.slice(0, 1), many = run.test.x.slice(0, large);
  try {
    return {
      latencyB1Ms: await predictLatencies(run.model, one, lw, lr),
      latencyLargeMs: await predictLatencies(run.model, many, lw, lr),
    };
  } finally {
    tf.dispose([one, many]);
  }
}

/** Warm-up steps, each timed alone, until the protocol says the step time has settled. */
async function warmUp(steps: Steps, p: Protocol, stock: boolean) {
  const warmupStepS: number[] = [];
  let warmup: WarmupEnd | null = null;
  while (warmup === null) {
    // The warm-up's length is not known until it ends: one more step is always planned
    // (a step that reached `planned` would read as the run's end to the progress display).
    steps.planned = steps.done + 2;
    const t0 = performance.now();
    await steps.step();
    warmupStepS.push((performance.now() - t0) / 1000);
    await steps.yieldToEventLoop();
    warmup = warmupEnd(warmupStepS, p, stock);
  }
  return { warmupStepS, warmup };
}

/** The timed windows (each its own turn in paired timing), until the plan or budget ends. */
async function timeWindows(steps: Steps, plan: WindowPlan, p: Protocol, turns: Turns | null) {
  steps.planned = steps.done + plan.windows * plan.batchesPerWindow;
  const windowImagesPerS: number[] = [];
  const timedStart = performance.now();
  const waitedAtTimed = turns?.waitedS ?? 0;
  let note: string | null = null;
  for (let w = 0; w < plan.windows; w++) {
    await steps.yieldToEventLoop();
    // Time spent waiting for the other run's turns is not this run's timing budget.
    const timedS = (performance.now() - timedStart) / 1000 -
      ((turns?.waitedS ?? 0) - waitedAtTimed);
    note = budgetNote(w, timedS, plan, p);
    if (note) break;
    await turns?.take("window");
    const t0 = performance.now();
    let images = 0;
    for (let i = 0; i < plan.batchesPerWindow; i++) images += await steps.step();
    windowImagesPerS.push(images / ((performance.now() - t0) / 1000));
    turns?.done("window", windowImagesPerS[windowImagesPerS.length - 1]);
  }
  return { windowImagesPerS, note };
}

/** Training steps over the run's batches, each part of the loop timed apart. */
class Steps {
  readonly loop: LoopTimes = { dataS: 0, stepS: 0, metricsS: 0, progressS: 0, loopS: 0 };
  /** Steps done, and planned (for the progress display). */
  done = 0;
  planned = 0;
  /** Seconds spent yielding to the event loop: idle, not harness work. */
  yieldedS = 0;
  extra: ExtraWork | null = null;

  constructor(
    readonly run: TrainingSetup,
    readonly onProgress: (p: RunProgress) => void,
  ) {}

  /** One training step over the next batch; returns the images it trained on. */
  async step(): Promise<number> {
    this.run.batches.turnEpoch();
    const t0 = performance.now();
    const batch = this.run.batches.next();
    const t1 = performance.now();
    const [loss] = await this.run.trainer.step(batch.x, batch.y);
    await this.extra?.run((performance.now() - t1) / 1000);
    const t2 = performance.now();
    if (!Number.isFinite(loss)) {
      throw new Error(`Training loss is ${loss} at step ${this.done + 1}`);
    }
    const size = batch.x.shape[0];
    tf.dispose([batch.x, batch.y]);
    const t3 = performance.now();
    this.done++;
    this.onProgress({ epoch: 1, epochs: 1, batch: this.done, batches: this.planned, etaS: null });
    const t4 = performance.now();
    this.loop.dataS += (t1 - t0) / 1000;
    this.loop.stepS += (t2 - t1) / 1000;
    this.loop.metricsS += (t3 - t2) / 1000;
    this.loop.progressS += (t4 - t3) / 1000;
    return size;
  }

  /**
   * On the cpu and wasm backends a training step resolves through microtasks only, so a run
   * never lets the event loop turn and Ctrl-C would wait for its end: yield between windows.
   */
  async yieldToEventLoop(): Promise<void> {
    const t0 = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.yieldedS += (performance.now() - t0) / 1000;
  }
}
