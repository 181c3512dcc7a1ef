/** What the gate watches when not told: a CNN and an MLP, both fast in the quick profile. */
import { type Declared, select } from "../core/discover.ts";
import { UserError } from "../core/errors.ts";

/** The experiments the gate watches by default: one CNN and one MLP, fast in quick. */
export const DEFAULT_GATE_EXPERIMENTS = "keras-mlp-mnist-004,keras-cnn-mnist-001";

/**
 * The backends the gate times by default: the software WebGPU adapter took two thirds of the
 * gate's time here, and its timings are the adapter's, not the code's.
 */
export const DEFAULT_GATE_BACKENDS = ["cpu", "wasm"] as const;

/** The training experiments among `declared` that `pattern` (ids or globs) names. */
export function trainingMatches(declared: Declared[], pattern: string): Declared[] {
  return select(declared.filter((d) => d.experiment.kind === "train"), pattern);
}

/**
 * The training experiments a recording or a calibration times: those `pattern` names, else
 * {@linkcode DEFAULT_GATE_EXPERIMENTS}; a UserError when none match.
 */
export function gateExperiments(declared: Declared[], pattern?: string): Declared[] {
  const chosen = trainingMatches(declared, pattern ?? DEFAULT_GATE_EXPERIMENTS);
  if (chosen.length === 0) {
    throw new UserError(`No training experiment matches "${pattern ?? DEFAULT_GATE_EXPERIMENTS}"`);
  }
  return chosen;
}
