/**
 * How the two processes of a pair meet (`paired.ts`): in turns, or in a duet. A duet times both
 * sides' windows at the same time: what loads the machine during a window loads both, and a
 * pair costs one side's windows instead of both. Each side then runs slower than alone (it
 * shares the cores with its twin: on this project's 2-core machine each process trains on 2
 * replicas, one per core, so the twins share both), which the ratio of the pair cancels. Where
 * `auto` takes a duet is where it was measured to help (gate/MEASURED.md, "Pair order"): cpu and
 * wasm on 2 or more cores. Elsewhere (webgpu, whose one device both sides would share; one
 * core) it was not measured, so `auto` takes turns there.
 */

/** How a pair's windows meet. */
export type PairOrder = "turns" | "duet";

/** What `--pair-order` may say: an order, or `auto` (per target, {@linkcode pairOrderFor}). */
export type PairOrderChoice = PairOrder | "auto";

/** The choices, the default first. */
export const PAIR_ORDER_CHOICES: readonly PairOrderChoice[] = ["auto", "turns", "duet"];

/** Backends whose training steps run on one core, so two processes fit two cores. */
const ONE_CORE_BACKENDS = new Set(["cpu", "wasm"]);

/**
 * The order a target's pairs take: `auto` is a duet for a one-core backend on a machine of 2
 * or more cores, else turns.
 *
 * @example
 * ```ts
 * pairOrderFor("auto", "wasm", 2); // "duet"
 * pairOrderFor("auto", "webgpu", 8); // "turns"
 * pairOrderFor("auto", "cpu", 1); // "turns"
 * pairOrderFor("turns", "cpu", 4); // "turns"
 * ```
 */
export function pairOrderFor(
  choice: PairOrderChoice,
  backend: string,
  cores: number = navigator.hardwareConcurrency,
): PairOrder {
  if (choice !== "auto") return choice;
  return cores >= 2 && ONE_CORE_BACKENDS.has(backend) ? "duet" : "turns";
}
