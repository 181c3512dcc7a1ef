/**
 * A controlled amount of extra real work in the training step, so the regression gate's
 * detection rate can be measured against known slowdowns (`deno task check --quality`).
 *
 * Only that command turns it on, with the `--injected-slowdown` flag of the perf runs it
 * starts (both sides run this tree's code, so a flag is understood by both); a run with extra
 * work records the fraction in its configuration (so its config hash differs) and
 * the work units it did in its measurements. After every timed training step it does units
 * of real work on the same backend as the training until `fraction` of that step's own
 * duration has passed. The slowdown is thus `fraction` of whatever the step cost in that
 * process at that moment (a fixed number of units per step was tried first: two processes of
 * the same code differ by several percent, and JIT warm-up in a replica's worker goes on
 * after the warm-up steps, so a fixed amount gave slowdowns of 0.5x to 1.4x the intended).
 *
 * A sparse slowdown (`F@K`) does `K` times as much after every `K`-th step only: the same share
 * of the time on average, landing on some windows and not others, as a debug metric or a log
 * line every K steps does. The gate's estimate must count those too (gate/METHOD.md, "Why the
 * total, not a robust estimate").
 */
import * as tf from "@tensorflow/tfjs";
import { UserError } from "../core/errors.ts";

/** The perf command's flag that asks for extra work, set by the quality command only. */
export const SLOWDOWN_FLAG = "--injected-slowdown";

/** Extra work of `fraction` of the step time on average, done after every `every`-th step. */
export interface InjectedSlowdown {
  fraction: number;
  /** 1: after every step; K: K times as much after every K-th step. */
  every: number;
}

/**
 * The slowdown of a `--injected-slowdown` value, `F` or `F@K`, or null when none was given.
 * `0` gives no extra work (the A of an A/B measurement) but is recorded, as a fraction would be.
 *
 * @example
 * ```ts
 * parseSlowdown("0.05@5"); // { fraction: 0.05, every: 5 }
 * ```
 */
export function parseSlowdown(text: string | undefined): InjectedSlowdown | null {
  if (text === undefined || text === "") return null;
  return slowdownOf(text, SLOWDOWN_FLAG);
}

/**
 * One slowdown written `F` or `F@K`, as `flag` gave it (this flag, or `check --quality
 * --slowdowns`); anything else is a UserError naming the flag and the value. `0@K` is refused:
 * no work, labelled as sparse.
 *
 * @example
 * ```ts
 * slowdownOf("0.1", "--slowdowns"); // { fraction: 0.1, every: 1 }
 * ```
 */
export function slowdownOf(text: string, flag: string): InjectedSlowdown {
  const [f, k = "1", ...more] = text.split("@");
  const fraction = f.trim() === "" ? NaN : Number(f), every = Number(k);
  if (
    !(fraction >= 0 && fraction <= 1) || !(Number.isInteger(every) && every >= 1) ||
    more.length > 0 || (fraction === 0 && every > 1)
  ) {
    throw new UserError(
      `${flag} must be a fraction from 0 to 1, optionally @K (K >= 1, not with 0: K times as ` +
        `much after every K-th step), got "${text}"`,
    );
  }
  return { fraction, every };
}

/**
 * The value `slowdownOf` reads back as `s`.
 *
 * @example
 * ```ts
 * slowdownText({ fraction: 0.05, every: 5 }); // "0.05@5"
 * ```
 */
export function slowdownText(s: InjectedSlowdown): string {
  return s.every > 1 ? `${s.fraction}@${s.every}` : String(s.fraction);
}

/** One unit of work: a 64 x 64 by 64 x 64 float32 product on the run's backend, read back. */
const N = 64;

/** The extra work of one run. */
export interface ExtraWork {
  fraction: number;
  /** Units done so far. */
  units: number;
  /**
   * After a step of `stepS` seconds: units of work until `fraction` of it has passed, or, for
   * a sparse slowdown, `every` times that after every `every`-th step and nothing after others.
   */
  run(stepS: number): Promise<void>;
  dispose(): void;
}

/**
 * Plan `fraction` of every step's time as extra work (sparse: `every` times as much after
 * every `every`-th step); null for none. The unit is a matrix
 * product on the same backend as the training, read back (a JavaScript loop was tried first:
 * V8 re-optimised it mid-run and its cost per unit changed 2.7x). Each step's extra work runs
 * units until `fraction` of that step's duration has passed (planning a number of units from
 * a rate measured once gave about two thirds of the intended slowdown in steady state).
 */
export async function planExtraWork(
  slowdown: InjectedSlowdown,
): Promise<ExtraWork | null> {
  const { fraction, every } = slowdown;
  if (fraction === 0) return null;
  const values = Float32Array.from({ length: N * N }, (_, i) => ((i * 7919) % 13) / 13 - 0.5);
  const a = tf.tensor2d(values, [N, N]), b = tf.transpose(a);
  const unit = async () => {
    const c = tf.matMul(a, b);
    await c.data();
    c.dispose();
  };
  for (let i = 0; i < 30; i++) await unit(); // compile and warm up before the first step
  let steps = 0;
  const work: ExtraWork = {
    fraction,
    units: 0,
    run: async (stepS) => {
      if (++steps % every !== 0) return;
      const end = performance.now() + every * fraction * stepS * 1000;
      while (performance.now() < end) {
        await unit();
        work.units++;
      }
    },
    dispose: () => tf.dispose([a, b]),
  };
  return work;
}
