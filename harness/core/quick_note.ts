/**
 * Why quick-profile accuracies are not the articles': one line a summary prints under its
 * table, so a CNN at 0.16 after 256 images and one epoch is not mistaken for a bug.
 */
import { resolveConfig } from "./config.ts";
import type { Experiment, ProfileName } from "./experiment.ts";

/** "256" or "256-2048". */
function span(xs: number[]): string {
  const lo = Math.min(...xs), hi = Math.max(...xs);
  return lo === hi ? String(lo) : `${lo}-${hi}`;
}

/**
 * The note for the training experiments of a suite run with `profile`: null for the full
 * profile, and where nothing trains (worked examples are the articles' own arithmetic).
 *
 * @example
 * ```ts
 * quickProfileNote(experiments, "quick");
 * // "quick profile: 256-2048 training examples and 1-2 epochs per run (the articles:
 * //  4837-50000 and 2-10), so accuracies are below the articles'. `--profile full` runs the
 * //  articles' own settings."
 * ```
 */
export function quickProfileNote(experiments: Experiment[], profile: ProfileName): string | null {
  if (profile === "full") return null;
  const pairs = experiments.filter((e) => e.kind === "train" && e.dataset && e.training)
    .map((e) => [resolveConfig(e, profile), resolveConfig(e, "full")]);
  const smaller = pairs.filter(([q, f]) =>
    q.dataset!.train < f.dataset!.train || q.training!.epochs < f.training!.epochs
  );
  if (smaller.length === 0) return null;
  const quick = smaller.map(([q]) => q), full = smaller.map(([, f]) => f);
  const train = (cs: typeof quick) => span(cs.map((c) => c.dataset!.train));
  const epochs = (cs: typeof quick) => span(cs.map((c) => c.training!.epochs));
  const e = Math.max(...quick.map((c) => c.training!.epochs)) === 1 ? "epoch" : "epochs";
  return `${profile} profile: ${train(quick)} training examples and ${epochs(quick)} ${e} per ` +
    `run (the articles: ${train(full)} and ${epochs(full)}), so accuracies are below the ` +
    "articles'. `--profile full` runs the articles' own settings.";
}
