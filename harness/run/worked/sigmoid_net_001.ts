/**
 * Article 001 §4.1.3: a 3-input, 3-output sigmoid layer; its outputs, loss and gradients.
 *
 * The parameters, input and labels are the article's; `w_ij` is the weight from input j to
 * output i, as its forward pass uses them (a_11 = σ(w_11·1 + w_12·2 + w_13·3 + b_1)).
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { WorkedQuantity } from "./types.ts";
import { judgeQuantity } from "./verdict.ts";
import { evaluateLatexArithmetic as latex } from "./_latex_arith.ts";

const SECTION = "§4.1.3";
const r = String.raw;

/** The article's parameters: rows are outputs, columns are inputs. */
const WEIGHTS_001 = [[0.5, 0.3, 0.7], [0.4, 0.5, 0.6], [0.1, 0.2, 0.3]];
/** The article's biases b_1, b_2, b_3. */
const BIASES_001 = [0.2, 0.3, 0.1];
/** The article's input (1, 2, 3). */
const INPUT_001 = [1, 2, 3];
/** The article's labels (0.1, 0.2, 0.3). */
const LABELS_001 = [0.1, 0.2, 0.3];

// Printed text, copied from the English half (lines 662-693 of the article file).
const OUTPUTS = [
  {
    name: "a_11",
    printed: "0.9129",
    expr: r`\sigma(0.5 \cdot 1 + 0.3 \cdot 2 + 0.7 \cdot 3 + 0.2)`,
  },
  {
    name: "a_12",
    printed: "0.9243",
    expr: r`\sigma(0.4 \cdot 1 + 0.5 \cdot 2 + 0.6 \cdot 3 + 0.3)`,
  },
  {
    name: "a_13",
    printed: "0.9136",
    expr: r`\sigma(0.1 \cdot 1 + 0.2 \cdot 2 + 0.3 \cdot 3 + 0.1)`,
  },
];
const LOSS = {
  printed: "0.2945",
  expr: r`\frac{1}{2} \cdot (0.1 - 0.9129)^2 + (0.2 - 0.9243)^2 + (0.3 - 0.9136)^2`,
};
/** [output row, input column or -1 for the bias, printed, article's expression]. */
const GRADS: [number, number, string, string][] = [
  [0, 0, "-0.0071", r`(0.1 - 0.9129) \cdot 0.9129 \cdot 0.0866`],
  [0, 1, "-0.0021", r`(0.2 - 0.9243) \cdot 0.9243 \cdot 0.0866`],
  [0, 2, "-0.0013", r`(0.3 - 0.9136) \cdot 0.9136 \cdot 0.0866`],
  [0, -1, "-0.0804", r`(0.1 - 0.9129) \cdot 0.9129`],
  [1, 0, "-0.0086", r`(0.2 - 0.9243) \cdot 0.9243 \cdot 0.9136`],
  [1, 1, "-0.0052", r`(0.3 - 0.9136) \cdot 0.9136 \cdot 0.9136`],
  [1, 2, "-0.0029", r`(0.1 - 0.9136) \cdot 0.9136 \cdot 0.9136`],
  [1, -1, "-0.0713", r`(0.2 - 0.9243) \cdot 0.9243`],
  [2, 0, "-0.0038", r`(0.3 - 0.9136) \cdot 0.9136 \cdot 0.0866`],
  [2, 1, "-0.0017", r`(0.1 - 0.9136) \cdot 0.9136 \cdot 0.0866`],
  [2, 2, "-0.0008", r`(0.2 - 0.9136) \cdot 0.9136 \cdot 0.0866`],
  [2, -1, "-0.0592", r`(0.3 - 0.9136) \cdot 0.9136`],
];

/** Interpretations used for article 001 §4.1.3, and where its arithmetic goes wrong. */
export const SIGMOID_NET_001_NOTES: string[] = [
  "Model as stated in §4.1.1: a_i = σ(Σ_j w_ij x_j + b_i), one sigmoid layer, x = (1, 2, 3).",
  "Loss as stated in §4.1.1: J = 1/2 Σ_i (y_i − a_i)^2 (half the sum, not the mean).",
  "Gradients: the true ∂J/∂w_ij = (a_i − y_i)·a_i(1 − a_i)·x_j and ∂J/∂b_i = (a_i − y_i)·a_i(1 − a_i), " +
  "computed by tf.grads. The article's §4.1.2 formula and its example use (y − a), the negative " +
  "of ∂J/∂a, so every printed gradient has the opposite sign of the true one; the negated value " +
  "is listed as an alternative and does not match either.",
  "The printed outputs do not follow from the printed parameters: the article's own expressions " +
  "give σ(3.4), σ(3.5), σ(1.5); the printed values would need pre-activations of about " +
  "2.35, 2.50 and 2.36.",
  "The printed loss 0.2945 matches neither 1/2 Σ over the computed outputs, nor over the printed " +
  "outputs, nor the expression as typeset (only the first square halved), nor the mean.",
  "The printed gradient expressions do not evaluate to the printed results (e.g. " +
  "(0.1 − 0.9129)·0.9129·0.0866 = −0.0643, printed −0.0071); ∂J/∂w_13 and ∂J/∂w_31 are the same " +
  "expression with different printed results (−0.0013, −0.0038); the factor 0.0866 is unexplained " +
  "(it is no a(1 − a) of any output, printed or computed); and the gradient lines index the " +
  "error by column while the forward pass indexes weights by row.",
];

/**
 * Recomputes every number article 001 prints in §4.1.3, with tfjs on the current backend.
 *
 * @example
 * ```ts
 * const quantities = await computeSigmoidNet001();
 * quantities.find((q) => q.name === "a_13")?.computed; // σ(1.5) ≈ 0.8176
 * ```
 */
export async function computeSigmoidNet001(): Promise<WorkedQuantity[]> {
  const printedA = OUTPUTS.map((o) => Number(o.printed));
  const tensors = tf.tidy(() => {
    const x = tf.tensor2d(INPUT_001, [3, 1]);
    const y = tf.tensor1d(LABELS_001);
    const halfSse = (a: tf.Tensor) => tf.mul(0.5, tf.sum(tf.square(tf.sub(y, a))));
    const forward = (w: tf.Tensor, b: tf.Tensor) =>
      tf.sigmoid(tf.add(tf.reshape(tf.matMul(w as tf.Tensor2D, x), [3]), b));
    const [gradW, gradB] = tf.grads((w, b) => halfSse(forward(w, b)))([
      tf.tensor2d(WEIGHTS_001),
      tf.tensor1d(BIASES_001),
    ]);
    const a = forward(tf.tensor2d(WEIGHTS_001), tf.tensor1d(BIASES_001));
    // The same gradient formula at the printed outputs: does the print follow from its own inputs?
    const ap = tf.tensor1d(printedA);
    const deltaP = tf.mul(tf.sub(ap, y), tf.mul(ap, tf.sub(1, ap)));
    return {
      a,
      loss: halfSse(a),
      mse: tf.mean(tf.square(tf.sub(y, a))),
      lossAtPrinted: halfSse(ap),
      gradW,
      gradB,
      gradWAtPrinted: tf.matMul(tf.reshape(deltaP, [3, 1]), tf.reshape(x, [1, 3])),
      gradBAtPrinted: deltaP,
    };
  });
  const v = Object.fromEntries(
    await Promise.all(
      Object.entries(tensors).map(async ([k, t]) => [k, Array.from(await t.data())]),
    ),
  ) as Record<keyof typeof tensors, number[]>;
  tf.dispose(tensors);

  const out: WorkedQuantity[] = OUTPUTS.map((o, i) =>
    judgeQuantity({
      name: o.name,
      section: SECTION,
      printed: o.printed,
      computed: v.a[i],
      alternatives: [{ label: "the article's expression as typeset", value: latex(o.expr) }],
    })
  );
  out.push(judgeQuantity({
    name: "J",
    section: SECTION,
    printed: LOSS.printed,
    computed: v.loss[0],
    note: "J = 1/2 Σ (y − a)^2 over the computed outputs",
    alternatives: [
      { label: "1/2 Σ over the printed outputs", value: v.lossAtPrinted[0] },
      { label: "the article's expression as typeset", value: latex(LOSS.expr) },
      { label: "mean of squares", value: v.mse[0] },
    ],
  }));
  for (const [row, col, printed, expr] of GRADS) {
    const bias = col < 0;
    const computed = bias ? v.gradB[row] : v.gradW[row * 3 + col];
    const atPrinted = bias ? v.gradBAtPrinted[row] : v.gradWAtPrinted[row * 3 + col];
    out.push(judgeQuantity({
      name: bias ? `dJ/db_${row + 1}` : `dJ/dw_${row + 1}${col + 1}`,
      section: SECTION,
      printed,
      computed,
      note: "true gradient of J = 1/2 Σ (y − a)^2 (tf.grads)",
      alternatives: [
        { label: "negated, the article's (y − a) sign", value: -computed },
        { label: "true formula at the printed outputs", value: atPrinted },
        { label: "the article's expression as typeset", value: latex(expr) },
      ],
    }));
  }
  return out;
}
