/**
 * The PyTorch CIFAR-10 CNN of article 002 §5.2, as printed: conv 3->32 3x3, pool, conv
 * 32->64 3x3, pool, `x.view(-1, 64 * 8 * 8)`, fc1 4096->10 followed by relu; SGD lr 0.001
 * momentum 0.9, 2 epochs, batch 64. The pooled features are 64*6*6 = 2304 per image, not
 * 4096, so the printed view cannot work: kept as written, corrected in
 * `pytorch-cnn-cifar10-002-flatten-2304`.
 */
import type { Experiment } from "../harness/core/experiment.ts";
import { IMAGE_RESULTS_002, UNCODED_TASKS_002 } from "./_claims_002.ts";

export default {
  id: "pytorch-cnn-cifar10-002",
  title: "PyTorch CIFAR-10 CNN as printed (article 002)",
  kind: "train",
  source: { article: "002_97c9071a22901e65.txt", section: "§5.2 源代码详细实现, 1. 图像识别代码" },
  gaps: [
    {
      field: "model.layers (F)",
      chosen: "F is torch.nn.functional",
      why:
        "as printed the script raises NameError: `import torch.nn.functional as F` is missing from the image code",
    },
    {
      field: "model.layers (view)",
      chosen: "reshape to [4096] per example, as printed",
      why:
        'PyTorch\'s view(-1, 4096) on a [64,64,6,6] batch silently makes 36 rows and then fails in the loss ("Expected input batch_size (36) to match target batch_size (64)"); tfjs refuses the per-example reshape 2304 -> 4096 when the model is built',
    },
    {
      field: "model.layers (output)",
      chosen: "fc1 with relu, then softmax inside the loss",
      why:
        "forward() returns F.relu(self.fc1(x)) and nn.CrossEntropyLoss applies log-softmax to it: relu then softmax + categorical cross-entropy is that function",
    },
    {
      field: "dataset preprocessing",
      chosen: "pixels scaled to [0, 1] by the cifar10 loader",
      why:
        "the article normalizes with mean 0.5, std 0.5 per channel ([-1, 1]); the harness has no per-dataset normalization option (reported)",
    },
    {
      field: "training.shuffle",
      chosen: "true, with the run's seeded generator",
      why: "the article's DataLoader has shuffle=True",
    },
    {
      field: "train_loss",
      chosen: "the mean training loss of the last epoch",
      why:
        "§5.4 prints 训练损失 0.2, but the printed loop never adds to running_loss, so it would print 0.000: the claim is read as the true mean loss",
    },
  ],
  dataset: { key: "cifar10", train: 50000, validation: 0, test: 10000 },
  model: {
    key: "sequential",
    inputShape: [32, 32, 3],
    layers: [
      { type: "conv2d", filters: 32, kernelSize: 3, strides: 1, activation: "relu" },
      { type: "maxPooling2d", poolSize: 2, strides: 2 },
      { type: "conv2d", filters: 64, kernelSize: 3, strides: 1, activation: "relu" },
      { type: "maxPooling2d", poolSize: 2, strides: 2 },
      { type: "reshape", targetShape: [4096] },
      { type: "dense", units: 10, activation: "relu" },
      { type: "activation", activation: "softmax" },
    ],
  },
  training: {
    optimizer: { name: "sgd", learningRate: 0.001, momentum: 0.9 },
    loss: "categoricalCrossentropy",
    epochs: 2,
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
  claims: [...IMAGE_RESULTS_002, ...UNCODED_TASKS_002],
} satisfies Experiment;
