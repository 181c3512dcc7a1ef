/**
 * Article 003 §4.3: the SimpleCNN whose `fc1 = nn.Linear(320, 50)` and `x.view(-1, 320)` claim
 * that two 5×5 convolutions (10 then 20 channels), each followed by 2×2 max pooling, leave 320
 * features.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { WorkedQuantity } from "./types.ts";
import { judgeQuantity } from "./verdict.ts";

/** Input side assumed for the single-channel image; §4.3 does not state it (see the notes). */
const CNN_INPUT_SIDE_003 = 28;

/** Interpretations used for article 003 §4.3. */
export const CNN_FLATTEN_003_NOTES: string[] = [
  "§4.3 says only 'single-channel grayscale image'; a 28×28 input is assumed (MNIST, which " +
  "the article trains on in §5.4, and PyTorch's MNIST example this model is). With PyTorch's " +
  "defaults (stride 1, no padding; pooling floors), any side from 28 to 31 gives 4×4×20 = 320.",
  "Computed by running tf.conv2d (valid, stride 1) and tf.maxPool (2×2, stride 2, valid) on a " +
  "zero image and counting the flattened features; weights do not affect the shape.",
];

/**
 * Recomputes the flattened feature count of article 003's SimpleCNN with tfjs ops.
 *
 * @example
 * ```ts
 * const [q] = await computeCnnFlatten003();
 * q.computed; // 320
 * ```
 */
export function computeCnnFlatten003(): Promise<WorkedQuantity[]> {
  const side = CNN_INPUT_SIDE_003;
  const features = tf.tidy(() => {
    let x: tf.Tensor4D = tf.zeros([1, side, side, 1]);
    for (const [inChannels, outChannels] of [[1, 10], [10, 20]]) {
      x = tf.relu(tf.conv2d(x, tf.zeros([5, 5, inChannels, outChannels]), 1, "valid"));
      x = tf.maxPool(x, 2, 2, "valid");
    }
    return x.size;
  });
  return Promise.resolve([judgeQuantity({
    name: "SimpleCNN flattened features (fc1 in_features, view size)",
    section: "§4.3",
    printed: "320",
    computed: features,
    note: `${side}×${side}×1 input, conv5→pool2→conv5→pool2, 20 channels`,
  })]);
}
