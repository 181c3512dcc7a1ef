/**
 * A worked numeric example as a run: every quantity the article prints, computed with tfjs
 * ops on the run's backend and compared with the print. Article 004 §3's from-scratch
 * procedure runs as the pseudo-key `004-scratch-backprop`: its gradients and descent steps
 * against tfjs's own on the same network.
 */
import type { ResolvedConfig } from "../core/config.ts";
import type { BackendName } from "../core/experiment.ts";
import type { RunOutcome } from "./recorder.ts";
import { UserError } from "../core/errors.ts";
import { compareScratchWithTfjs, workedExamples, type WorkedQuantity } from "./worked/mod.ts";
import type { Measurement } from "../../results/types.ts";

/** The worked keys a declaration may name. */
const WORKED_KEYS = [...Object.keys(workedExamples), "004-scratch-backprop"];

export async function runWorked(
  config: ResolvedConfig,
  _backend: BackendName,
): Promise<RunOutcome> {
  const t0 = performance.now();
  const key = config.worked ?? "";
  let quantities: WorkedQuantity[];
  if (key === "004-scratch-backprop") {
    const c = await compareScratchWithTfjs();
    quantities = [
      scratch("gradient max relative difference vs tfjs", c.gradients.maxRel, c.relativeTolerance),
      scratch(
        "weights after descent max relative difference vs tfjs",
        c.weightsAfterDescent.maxRel,
        c.relativeTolerance,
      ),
    ];
  } else {
    const example = workedExamples[key];
    if (!example) {
      throw new UserError(`Unknown worked example "${key}" (known: ${WORKED_KEYS.join(", ")})`);
    }
    quantities = await example.compute();
  }
  const measurements: Measurement[] = quantities.map((q, idx) => ({
    name: `worked:${q.name}`,
    unit: "value",
    idx,
    value: q.computed,
  }));
  const matched = quantities.filter((q) => q.reproduced).length;
  const misses = quantities.filter((q) => !q.reproduced).slice(0, 3)
    .map((q) => `${q.name}: printed ${q.printed}, computed ${q.computed.toPrecision(4)}`);
  return {
    epochs: [],
    measurements,
    end: {
      status: "ok",
      wallS: (performance.now() - t0) / 1000,
      reason: `${matched} of ${quantities.length} printed quantities reproduced` +
        (misses.length ? `; first mismatches: ${misses.join("; ")}` : ""),
    },
  };
}

/** A from-scratch check as a quantity: "printed" is the tolerance it must stay within. */
function scratch(name: string, maxRel: number, tolerance: number): WorkedQuantity {
  return {
    name,
    section: "004 §3",
    printed: `<= ${tolerance}`,
    computed: maxRel,
    tolerance,
    reproduced: maxRel <= tolerance,
  };
}
