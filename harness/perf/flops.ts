/**
 * Floating-point operations of a sequential model spec, computed from the layer shapes alone.
 *
 * Convention (the one papers and MLPerf-style throughput figures use):
 * - a multiply-add is 2 FLOPs; `matmul` counts only the multiply-adds of conv2d and dense
 *   layers: conv2d `2*Kh*Kw*Cin*Cout*Ho*Wo`, dense `2*in*out` per image;
 * - `elementwise` counts the rest, one FLOP per output element: bias add, activation,
 *   each window element a pooling layer reads; flatten, reshape and dropout count 0;
 * - a training step is taken as 3x the forward `matmul` count: the forward pass, the gradient
 *   with respect to the inputs and the gradient with respect to the weights each cost about
 *   one forward pass. (The first layer needs no input gradient, so 3x slightly overcounts;
 *   the optimizer's update is O(parameters) and is left out.)
 *
 * Achieved GFLOP/s is `trainFlopsPerImage * images/s / 1e9`.
 */
import type { LayerSpec, ModelSpec } from "../core/experiment.ts";

/** One layer's output shape (per image, channels last) and forward FLOPs per image. */
export interface LayerFlops {
  type: string;
  outputShape: number[];
  matmul: number;
  elementwise: number;
}

/** A model's FLOPs per image. */
export interface ModelFlops {
  layers: LayerFlops[];
  /** Forward multiply-add FLOPs per image (conv2d and dense). */
  forward: number;
  /** Forward FLOPs per image including bias, activation and pooling. */
  forwardAll: number;
  /** One training step per image: 3x `forward`. */
  train: number;
}

/** The factor from forward to training-step FLOPs (forward + input grad + weight grad). */
export const TRAIN_FACTOR = 3;

const prod = (xs: number[]) => xs.reduce((a, b) => a * b, 1);

function pair(v: unknown, fallback: number): [number, number] {
  if (v === undefined || v === null) return [fallback, fallback];
  if (typeof v === "number") return [v, v];
  if (Array.isArray(v) && v.length === 2) return [Number(v[0]), Number(v[1])];
  throw new TypeError(`Expected a number or a pair of numbers, got ${JSON.stringify(v)}`);
}

/** Output size of a window along one axis, as Keras computes it. */
function outSize(n: number, k: number, stride: number, dilation: number, padding: string): number {
  const span = (k - 1) * dilation + 1;
  if (padding === "same") return Math.ceil(n / stride);
  if (padding === "valid") return Math.floor((n - span) / stride) + 1;
  throw new TypeError(`Unknown padding "${padding}" (known: valid, same)`);
}

function activationFlops(spec: LayerSpec, elements: number): number {
  const a = spec.activation;
  return a === undefined || a === null || a === "linear" ? 0 : elements;
}

function layerFlops(spec: LayerSpec, input: number[]): LayerFlops {
  const type = spec.type;
  switch (type) {
    case "conv2d": {
      if (input.length !== 3) throw new TypeError(`conv2d needs a 3-D input, got [${input}]`);
      if (spec.dataFormat === "channelsFirst") {
        throw new TypeError('conv2d with dataFormat "channelsFirst" is not counted');
      }
      const [h, w, cin] = input;
      const [kh, kw] = pair(spec.kernelSize, 1);
      const [sh, sw] = pair(spec.strides, 1);
      const [dh, dw] = pair(spec.dilationRate, 1);
      const padding = String(spec.padding ?? "valid");
      const cout = Number(spec.filters);
      const out = [outSize(h, kh, sh, dh, padding), outSize(w, kw, sw, dw, padding), cout];
      const n = prod(out);
      const bias = spec.useBias === false ? 0 : n;
      return {
        type,
        outputShape: out,
        matmul: 2 * kh * kw * cin * cout * out[0] * out[1],
        elementwise: bias + activationFlops(spec, n),
      };
    }
    case "dense": {
      const units = Number(spec.units);
      const inner = input[input.length - 1];
      const out = [...input.slice(0, -1), units];
      const n = prod(out);
      const bias = spec.useBias === false ? 0 : n;
      return {
        type,
        outputShape: out,
        matmul: 2 * inner * units * prod(input.slice(0, -1)),
        elementwise: bias + activationFlops(spec, n),
      };
    }
    case "maxPooling2d":
    case "averagePooling2d": {
      if (input.length !== 3) throw new TypeError(`${type} needs a 3-D input, got [${input}]`);
      const [ph, pw] = pair(spec.poolSize, 2);
      const [sh, sw] = pair(spec.strides ?? spec.poolSize, 2);
      const padding = String(spec.padding ?? "valid");
      const out = [
        outSize(input[0], ph, sh, 1, padding),
        outSize(input[1], pw, sw, 1, padding),
        input[2],
      ];
      return { type, outputShape: out, matmul: 0, elementwise: prod(out) * ph * pw };
    }
    case "flatten":
      return { type, outputShape: [prod(input)], matmul: 0, elementwise: 0 };
    case "reshape": {
      const target = (spec.targetShape as number[]).map(Number);
      return { type, outputShape: target, matmul: 0, elementwise: 0 };
    }
    case "dropout":
      return { type, outputShape: input, matmul: 0, elementwise: 0 };
    case "activation":
      return {
        type,
        outputShape: input,
        matmul: 0,
        elementwise: activationFlops(spec, prod(input)),
      };
    default:
      throw new TypeError(`Cannot count FLOPs of layer type "${type}"`);
  }
}

/**
 * FLOPs per image of a sequential model spec.
 *
 * @example
 * ```ts
 * modelFlops({ key: "sequential", inputShape: [784], layers: [{ type: "dense", units: 10 }] })
 *   .forward; // 2 * 784 * 10 = 15680
 * ```
 */
export function modelFlops(spec: ModelSpec): ModelFlops {
  const layers: LayerFlops[] = [];
  let shape = spec.inputShape;
  for (const layer of spec.layers) {
    const f = layerFlops(layer, shape);
    layers.push(f);
    shape = f.outputShape;
  }
  const forward = layers.reduce((s, l) => s + l.matmul, 0);
  const forwardAll = forward + layers.reduce((s, l) => s + l.elementwise, 0);
  return { layers, forward, forwardAll, train: TRAIN_FACTOR * forward };
}
