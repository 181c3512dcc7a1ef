/** Which experiments the perf suite measures when none is named. */
import type { Declared } from "../core/discover.ts";
import { datasetSource } from "../run/data/mod.ts";
import { inputShapeFor } from "../run/train_setup.ts";
import { modelFlops } from "./flops.ts";
import { datasetMissing } from "./run_one.ts";

/**
 * The training experiments that can run here as declared and have a FLOP count (the image
 * models, whose windows take seconds; tfjs's cpu takes minutes per step of an RNN over 200
 * tokens), and for each one left out, why. An explicit `--experiment` selection bypasses this.
 */
export async function defaultSelection(
  training: Declared[],
): Promise<{ chosen: Declared[]; leftOut: { id: string; why: string }[] }> {
  const chosen: Declared[] = [], leftOut: { id: string; why: string }[] = [];
  for (const d of training) {
    const e = d.experiment, key = e.dataset!.key;
    if (await datasetMissing(key)) {
      leftOut.push({ id: e.id, why: `dataset "${key}" is not available here` });
      continue;
    }
    try {
      inputShapeFor(e.model!.inputShape, datasetSource(key).inputShape, key);
      modelFlops(e.model!);
      chosen.push(d);
    } catch (err) {
      const why = `${(err as Error).message}; select it with --experiment to measure it anyway`;
      leftOut.push({ id: e.id, why });
    }
  }
  return { chosen, leftOut };
}
