/**
 * The worked examples' printed quantities as claims: one per quantity, about the stored
 * measurement `worked:<name>` of the worked run. Arithmetic, so judged deterministically.
 */
import { compareScratchWithTfjs, parsePrinted, workedExamples } from "../run/worked/mod.ts";
import type { JudgedClaim } from "./rules.ts";

/** The names `worked_run.ts` stores for article 004 §3's from-scratch comparison. */
export const SCRATCH_004_QUANTITIES = [
  "gradient max relative difference vs tfjs",
  "weights after descent max relative difference vs tfjs",
];

/** A claim id from a quantity name: `dJ/dw_11` -> `dj-dw-11`. */
export function claimIdFor(name: string): string {
  const id = name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  return id || "quantity";
}

/**
 * The claims of one worked key. Quantities are listed by recomputing the example on the
 * current tfjs backend (cheap: a few ops); the verdicts use the stored measurements of each
 * backend's run, never these values.
 *
 * @example
 * ```ts
 * const claims = await workedClaims("003-simplecnn-flatten");
 * claims[0].metric; // "worked:<name of the 320 quantity>"
 * ```
 */
export async function workedClaims(key: string): Promise<JudgedClaim[]> {
  if (key === "004-scratch-backprop") {
    const { relativeTolerance } = await compareScratchWithTfjs();
    return SCRATCH_004_QUANTITIES.map((name) => ({
      id: claimIdFor(name),
      metric: `worked:${name}`,
      printed: "§3's from-scratch procedure computes the gradients and descent step",
      kind: "at_most",
      value: relativeTolerance,
      interpretation:
        `the pseudocode, run as written, agrees with tfjs's own gradients: max relative difference <= ${relativeTolerance}`,
      where: "004 §3.1-§3.3 (neuron, forward_propagation, backward_propagation, gradient_descent)",
      deterministic: true,
    }));
  }
  const example = workedExamples[key];
  if (!example) return [];
  const quantities = await example.compute();
  const seen = new Map<string, number>();
  return quantities.map((q) => {
    let id = claimIdFor(q.name);
    const k = (seen.get(id) ?? 0) + 1;
    seen.set(id, k);
    if (k > 1) id = `${id}-${k}`;
    return {
      id,
      metric: `worked:${q.name}`,
      printed: q.printed,
      kind: "approximately",
      value: parsePrinted(q.printed),
      tolerance: q.tolerance,
      ...(q.note ? { interpretation: q.note } : {}),
      where: q.section,
      deterministic: true,
    } satisfies JudgedClaim;
  });
}
