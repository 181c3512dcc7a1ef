/**
 * Article 001 §4.2.3: a scalar RNN, h_t = σ(W_h h_{t−1} + W_x x_t + b_h), y_t = σ(W_y h_t + b_y),
 * over the input sequence (1, 2, 3) with labels (0.1, 0.2, 0.3) and h_0 = 0.
 *
 * @module
 */
import * as tf from "@tensorflow/tfjs";
import type { WorkedQuantity } from "./types.ts";
import { judgeQuantity } from "./verdict.ts";
import { evaluateLatexArithmetic as latex } from "./_latex_arith.ts";

const SECTION = "§4.2.3";
const r = String.raw;

/** The article's parameters, in the order W_h, W_x, W_y, b_h, b_y. */
const RNN_PARAMS_001 = { Wh: 0.5, Wx: 0.3, Wy: 0.7, bh: 0.2, by: 0.3 };
/** The article's input sequence. */
const RNN_INPUTS_001 = [1, 2, 3];
/** The article's label sequence. */
const RNN_LABELS_001 = [0.1, 0.2, 0.3];

const NAMES = ["W_h", "W_x", "W_y", "b_h", "b_y"];
// Printed gradients and the article's expressions for them (English half, lines 784-788).
const GRADS: [string, string][] = [
  ["-0.0089", r`(0.1 - 0.5249) \cdot 0.5249 \cdot (1 - 0.5249)`],
  ["-0.0029", r`(0.2 - 0.5397) \cdot 0.5397 \cdot (1 - 0.5397)`],
  ["-0.0016", r`(0.3 - 0.6029) \cdot 0.6029 \cdot (1 - 0.6029)`],
  ["-0.0351", r`(0.1 - 0.5249) \cdot 0.5249`],
  ["-0.0246", r`(0.2 - 0.5397) \cdot 0.5397`],
];

/** Interpretations used for article 001 §4.2.3, and where its arithmetic goes wrong. */
export const SCALAR_RNN_001_NOTES: string[] = [
  "Model as stated in §4.2.1 with scalar weights: the '3 input / 3 output neurons' are read as " +
  "a sequence of 3 time steps (the article gives an input sequence and a label sequence), h_0 = 0.",
  "Loss: J = 1/2 Σ_t (y_t − label_t)^2 over the 3 steps, the §4.1.1 convention (the article " +
  "states no RNN loss). Gradients: backpropagation through time by tf.grads.",
  "h_1's pre-activation is 0.5·0 + 0.3·1 + 0.2 = 0.5 by the article's own expression; it prints " +
  "σ(0.1), and σ(0.1) = 0.52498 is not the printed h_1 = 0.5397 either.",
  "y_1's pre-activation 0.7·0.5397 + 0.3 = 0.6778, printed 0.6029; σ(0.6029) = 0.6463, " +
  "printed 0.5249 (which is σ(0.1) truncated, not rounded).",
  "The printed loss treats y_1, h_1 and y_1's pre-activation as three outputs; neither that " +
  "expression (as typeset or fully halved), nor the first step alone, nor the 3-step loss gives 0.0883.",
  "The printed gradient expressions are not derivatives of any stated loss (each pairs one label " +
  "with one of those three numbers), do not evaluate to the printed results, and have the " +
  "(y − a) sign, opposite to ∂J/∂θ.",
];

type Params = [tf.Scalar, tf.Scalar, tf.Scalar, tf.Scalar, tf.Scalar];

/** Unrolls the RNN for `steps` steps; returns per-step pre-activations, states and outputs. */
function unroll([Wh, Wx, Wy, bh, by]: Params | tf.Tensor[], steps: number) {
  let h: tf.Tensor = tf.scalar(0);
  const trace = {
    zh: [] as tf.Tensor[],
    h: [] as tf.Tensor[],
    zy: [] as tf.Tensor[],
    y: [] as tf.Tensor[],
  };
  for (let t = 0; t < steps; t++) {
    const zh = tf.addN([tf.mul(Wh, h), tf.mul(Wx, RNN_INPUTS_001[t]), bh]);
    h = tf.sigmoid(zh);
    const zy = tf.add(tf.mul(Wy, h), by);
    trace.zh.push(zh), trace.h.push(h), trace.zy.push(zy), trace.y.push(tf.sigmoid(zy));
  }
  return trace;
}

function halfSse(params: tf.Tensor[], steps: number): tf.Scalar {
  const { y } = unroll(params, steps);
  return tf.mul(0.5, tf.sum(tf.square(tf.sub(tf.stack(y), RNN_LABELS_001.slice(0, steps)))));
}

/**
 * Recomputes every number article 001 prints in §4.2.3, with tfjs on the current backend.
 *
 * @example
 * ```ts
 * const quantities = await computeScalarRnn001();
 * quantities.find((q) => q.name === "h_1")?.computed; // σ(0.5) ≈ 0.6225
 * ```
 */
export async function computeScalarRnn001(): Promise<WorkedQuantity[]> {
  const { Wh, Wx, Wy, bh, by } = RNN_PARAMS_001;
  const tensors = tf.tidy(() => {
    const params = [Wh, Wx, Wy, bh, by].map((p) => tf.scalar(p));
    const first = unroll(params, 1);
    return {
      step1: tf.stack([first.zh[0], first.h[0], first.zy[0], first.y[0]]),
      loss: halfSse(params, 3),
      lossStep1: halfSse(params, 1),
      grads: tf.stack(tf.grads((...p) => halfSse(p, 3))(params)),
      gradsStep1: tf.stack(tf.grads((...p) => halfSse(p, 1))(params)),
    };
  });
  const v = Object.fromEntries(
    await Promise.all(
      Object.entries(tensors).map(async ([k, t]) => [k, Array.from(await t.data())]),
    ),
  ) as Record<keyof typeof tensors, number[]>;
  tf.dispose(tensors);

  const q = (
    name: string,
    printed: string,
    computed: number,
    note: string,
    alts: [string, number][],
  ) =>
    judgeQuantity({
      name,
      section: SECTION,
      printed,
      computed,
      note,
      alternatives: alts.map(([label, value]) => ({ label, value })),
    });
  const typeset = "the article's expression as typeset";
  const out = [
    q("h_1 pre-activation", "0.1", v.step1[0], "W_h·h_0 + W_x·x_1 + b_h", [
      [typeset, latex(r`0.5 \cdot 0 + 0.3 \cdot 1 + 0.2`)],
    ]),
    q("h_1", "0.5397", v.step1[1], "σ(W_h·h_0 + W_x·x_1 + b_h)", [
      ["σ of the printed pre-activation", latex(r`\sigma(0.1)`)],
    ]),
    q("y_1 pre-activation", "0.6029", v.step1[2], "W_y·h_1 + b_y", [
      ["with the printed h_1", latex(r`0.7 \cdot 0.5397 + 0.3`)],
    ]),
    q("y_1", "0.5249", v.step1[3], "σ(W_y·h_1 + b_y)", [
      ["σ of the printed pre-activation", latex(r`\sigma(0.6029)`)],
      ["σ with the printed h_1", latex(r`\sigma(0.7 \cdot 0.5397 + 0.3)`)],
    ]),
    q("J", "0.0883", v.loss[0], "1/2 Σ_t (y_t − label_t)^2 over 3 steps", [
      ["first step only", v.lossStep1[0]],
      [typeset, latex(r`\frac{1}{2} \cdot (0.1 - 0.5249)^2 + (0.2 - 0.5397)^2 + (0.3 - 0.6029)^2`)],
      [
        "the same terms all halved",
        latex(r`\frac{1}{2} \cdot ((0.1 - 0.5249)^2 + (0.2 - 0.5397)^2 + (0.3 - 0.6029)^2)`),
      ],
    ]),
  ];
  GRADS.forEach(([printed, expr], i) =>
    out.push(q(`dJ/d${NAMES[i]}`, printed, v.grads[i], "BPTT gradient of the 3-step J (tf.grads)", [
      ["negated, the article's (y − a) sign", -v.grads[i]],
      ["gradient of the first step's loss only", v.gradsStep1[i]],
      [typeset, latex(expr)],
    ]))
  );
  return out;
}
