/**
 * The PyTorch RNN text classifier of article 002 §5.2, as printed: nn.RNN(input_size,
 * hidden_size, batch_first=True), the last step's output through nn.Linear(hidden_size,
 * output_size); Adam lr 0.001, 2 epochs, batch 64, cross-entropy. `input_size`,
 * `hidden_size`, `output_size` and the initial state `h` are never defined, and
 * `dsets.TextClassification` exists in no library: each is a gap. The data is IMDB (the
 * article's §4.3 names IMDB for its RNN sentiment case), not reachable here; the
 * `pytorch-rnn-text-002-spam-assassin` variant runs on an offline stand-in.
 */
import type { Experiment } from "../harness/core/experiment.ts";
import { SENTIMENT_CLAIM_002, TEXT_RESULTS_002 } from "./_claims_002.ts";

export default {
  id: "pytorch-rnn-text-002",
  title: "PyTorch RNN text classifier as printed (article 002)",
  kind: "train",
  source: {
    article: "002_97c9071a22901e65.txt",
    section: "§5.2 源代码详细实现, 2. 自然语言处理代码",
  },
  gaps: [
    {
      field: "dataset",
      chosen: "imdb: IMDB movie reviews, 2 classes, 25k train / 25k test",
      why:
        "dsets.TextClassification does not exist (and dsets is never imported in that listing); §4.3 names IMDB for the RNN sentiment-analysis case",
    },
    {
      field: "model.layers (input_size)",
      chosen: "embedding of 10,000 token ids into 64 dimensions before the RNN",
      why:
        "nn.RNN takes input_size features per step and input_size is never defined; text reaches an RNN as token ids, so an embedding supplies the features",
    },
    {
      field: "model.layers (hidden_size)",
      chosen: "64, tanh (nn.RNN's default nonlinearity)",
      why: "hidden_size is never defined",
    },
    {
      field: "model.layers (output_size)",
      chosen: "2 classes, softmax inside the loss",
      why:
        "output_size is never defined; IMDB sentiment is binary; nn.CrossEntropyLoss applies log-softmax",
    },
    {
      field: "model.layers (h)",
      chosen: "zero initial state",
      why: "forward(x, h) is called with an undefined h; nn.RNN's default (h=None) is zeros",
    },
    {
      field: "dataset preprocessing",
      chosen: "first 200 tokens, 10,000-word vocabulary, front padding",
      why: "the article gives none; Keras's IMDB convention, also what the offline stand-in uses",
    },
    {
      field: "train_loss",
      chosen: "the mean training loss of the last epoch",
      why: "the printed loop never adds to running_loss (it would print 0.000)",
    },
  ],
  dataset: { key: "imdb", train: 25000, validation: 0, test: 25000 },
  model: {
    key: "sequential",
    inputShape: [200],
    layers: [
      { type: "embedding", inputDim: 10000, outputDim: 64 },
      { type: "simpleRNN", units: 64, activation: "tanh" },
      { type: "dense", units: 2, activation: "softmax" },
    ],
  },
  training: {
    optimizer: { name: "adam", learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
    loss: "sparseCategoricalCrossentropy",
    epochs: 2,
    batchSize: 64,
    shuffle: true,
  },
  seeds: [1, 2, 3, 4, 5],
  backends: ["cpu", "wasm", "webgpu"],
  profiles: {
    quick: {
      dataset: { train: 256, validation: 0, test: 256 },
      training: { epochs: 1 },
      seeds: [1],
    },
  },
  claims: [...TEXT_RESULTS_002, SENTIMENT_CLAIM_002],
} satisfies Experiment;
