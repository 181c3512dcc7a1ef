import assert from "node:assert/strict";
import {
  backwardPropagation,
  forwardPropagation,
  gradientDescentStep,
  halfSquaredError,
  type Layer,
  neuron,
  sigmoid,
} from "./scratch_mlp.ts";

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

Deno.test("neuron() is the weighted sum plus bias through the activation", () => {
  assert.equal(neuron([1, 2], [0.5, -0.25], 0.1, sigmoid), sigma(0.1 + 0.5 * 1 + -0.25 * 2));
  assert.throws(() => neuron([1, 2], [0.5], 0, sigmoid), RangeError);
});

Deno.test("forwardPropagation() returns the input and every layer's outputs", () => {
  const layers: Layer[] = [
    { weights: [[0.1, 0.2], [-0.3, 0.4]], biases: [0.5, -0.5] },
    { weights: [[0.7, -0.8]], biases: [0.05] },
  ];
  const h = [sigma(0.1 * 1 + 0.2 * -2 + 0.5), sigma(-0.3 * 1 + 0.4 * -2 - 0.5)];
  const out = sigma(0.7 * h[0] - 0.8 * h[1] + 0.05);
  assert.deepEqual(forwardPropagation([1, -2], layers, sigmoid), [[1, -2], h, [out]]);
});

Deno.test("backwardPropagation() matches the chain rule worked by hand on a 1-1-1 network", () => {
  const [w1, b1, w2, b2, x, y] = [0.6, -0.1, -1.2, 0.3, 0.8, 0.9];
  const layers: Layer[] = [{ weights: [[w1]], biases: [b1] }, { weights: [[w2]], biases: [b2] }];
  const a1 = sigma(w1 * x + b1), a2 = sigma(w2 * a1 + b2);
  const d2 = (a2 - y) * a2 * (1 - a2), d1 = d2 * w2 * a1 * (1 - a1);
  const grads = backwardPropagation(forwardPropagation([x], layers, sigmoid), [y], layers, sigmoid);
  assert.deepEqual(grads, [{ weights: [[d1 * x]], biases: [d1] }, {
    weights: [[d2 * a1]],
    biases: [d2],
  }]);
});

Deno.test("backwardPropagation() matches central differences of the loss on a 3-4-2 network", () => {
  const layers: Layer[] = [
    {
      weights: [[0.2, -0.4, 0.1], [0.5, 0.3, -0.2], [-0.3, 0.8, 0.4], [0.1, -0.1, 0.6]],
      biases: [0.1, -0.2, 0, 0.3],
    },
    { weights: [[0.3, -0.6, 0.2, 0.5], [-0.4, 0.7, 0.1, -0.3]], biases: [0.05, -0.1] },
  ];
  const input = [0.5, -1, 2], target = [0.1, 0.9];
  // The loss written out by hand, so the check does not lean on forwardPropagation.
  const loss = (ls: Layer[]) => {
    let a = input;
    for (const l of ls) {
      a = l.weights.map((w, j) => sigma(w.reduce((s, wi, i) => s + wi * a[i], l.biases[j])));
    }
    return 0.5 * ((a[0] - target[0]) ** 2 + (a[1] - target[1]) ** 2);
  };
  const grads = backwardPropagation(
    forwardPropagation(input, layers, sigmoid),
    target,
    layers,
    sigmoid,
  );
  const nudge = (l: number, j: number, i: number, by: number) => {
    const copy: Layer[] = structuredClone(layers);
    if (i < 0) copy[l].biases[j] += by;
    else copy[l].weights[j][i] += by;
    return loss(copy);
  };
  layers.forEach((layer, l) =>
    layer.weights.forEach((row, j) => {
      for (let i = -1; i < row.length; i++) {
        const numeric = (nudge(l, j, i, 1e-6) - nudge(l, j, i, -1e-6)) / 2e-6;
        const analytic = i < 0 ? grads[l].biases[j] : grads[l].weights[j][i];
        assert.ok(Math.abs(numeric - analytic) < 1e-8, `layer ${l} neuron ${j} input ${i}`);
      }
    })
  );
});

Deno.test("gradientDescentStep() subtracts the learning rate times the gradient", () => {
  const next = gradientDescentStep(
    [{ weights: [[1, -1]], biases: [0.5] }],
    [{ weights: [[0.2, -0.4]], biases: [1] }],
    0.5,
  );
  assert.deepEqual(next, [{ weights: [[1 - 0.5 * 0.2, -1 + 0.5 * 0.4]], biases: [0.5 - 0.5] }]);
});

Deno.test("halfSquaredError() is half the sum of squared errors", () => {
  assert.equal(halfSquaredError([0.5, 1], [0, 0]), 0.5 * (0.25 + 1));
});
