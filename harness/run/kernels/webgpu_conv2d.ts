/**
 * A direct 2-D convolution shader for WebGPU on a software adapter (Mesa's
 * lavapipe, which runs compute shaders on the CPU). tfjs's stock WebGPU
 * convolutions are tiled matrix products staged through workgroup memory with
 * barriers, which lavapipe executes slowly (the Keras MNIST CNN's
 * [64,28,28,1]*[3,3,1,32] took ~310 ms), and its filter gradient is a loop per
 * filter element (~1.3 s for [64,13,13,32] -> [3,3,32,64]). Here each
 * invocation accumulates a small tile of outputs (up to 4 columns x 4 output
 * channels) in registers, with no workgroup memory; the two gradients reuse it
 * through the conv2d formulations in conv2d_backprop_filter.ts and
 * conv2d_backprop_input.ts. Shapes are baked into each shader (one pipeline per
 * convolution shape, compiled once and cached by tfjs).
 */
import {
  backend_util,
  type Conv2DAttrs,
  type FusedConv2DAttrs,
  type KernelConfig,
  type KernelFunc,
  type TensorInfo,
} from "@tensorflow/tfjs-core";
import { input } from "./_run.ts";
import { convInfo } from "./_conv_info.ts";

/** The slice of tfjs-webgpu's backend this file uses (a public method of WebGPUBackend). */
interface WebGPURunner {
  runWebGPUProgram(
    program: object,
    inputs: TensorInfo[],
    outputDtype: string,
    programDefinedUniform?: { type: string; data: number[] }[],
  ): TensorInfo;
}

const WORKGROUP = 64;
/** Output columns per invocation. */
/**
 * Output columns per invocation, and at most this many vec4s of output channels. Measured
 * on lavapipe (2 cores, the CNN's [64,13,13,32]*[3,3,32,64]): 4 columns x 16 channels
 * ran at about 1.5 GFLOP/s, 4 x 4 at 1.0, 8 x 8 at 1.4, 2 x 8 at 0.8; larger tiles spill.
 */
const COLS = 4;
const MAX_GROUPS = 4;

/** Activations the shader applies itself (others go to the stock kernel). */
type Activation = "linear" | "relu";

/** Whether the direct shader applies activation `name` itself (null means none). */
export function supportsActivation(name: string | null | undefined): boolean {
  return activationOf(name) != null;
}

function activationOf(name: string | null | undefined): Activation | null {
  if (name == null || name === "linear") return "linear";
  return name === "relu" ? "relu" : null;
}

/**
 * The program for `info` (NHWC, any stride, dilation and padding): output
 * [N, Ho, Wo, Co], one invocation per (n, row, 4 columns, 4 or 1 channels).
 */
function directConv2dProgram(
  info: backend_util.Conv2DInfo,
  bias: boolean,
  activation: Activation,
): object {
  const { batchSize: n, inHeight: h, inWidth: w, inChannels: ci } = info;
  const { outHeight: oh, outWidth: ow, outChannels: co } = info;
  const { filterHeight: fh, filterWidth: fw, strideHeight: sh, strideWidth: sw } = info;
  const { dilationHeight: dh, dilationWidth: dw } = info;
  const { top, left } = info.padInfo;
  // Output channels per invocation: `groups` vec4s, or one scalar when Co is not a multiple of 4.
  let groups = MAX_GROUPS;
  while (groups > 0 && co % (4 * groups) !== 0) groups >>= 1;
  const tc = groups === 0 ? 1 : 4 * groups;
  const vec = groups === 0 ? "f32" : "vec4<f32>";
  const gs = groups === 0 ? [0] : [...Array(groups).keys()];
  const tilesX = Math.ceil(ow / COLS), tilesC = co / tc;
  const tiles = n * oh * tilesX * tilesC;
  const cols = [...Array(COLS).keys()];
  const load = (arr: string, at: string, g: number) =>
    groups === 0
      ? `${arr}[${at}]`
      : `vec4<f32>(${[0, 1, 2, 3].map((j) => `${arr}[${at} + ${4 * g + j}]`).join(", ")})`;
  const act = activation === "relu" ? (v: string) => `max(${v}, ${vec}(0.0))` : (v: string) => v;
  const store = (p: number, g: number) =>
    groups === 0
      ? `result[o${p}] = v${p}_${g};`
      : `for (var j = 0; j < 4; j++) { result[o${p} + ${4 * g} + j] = v${p}_${g}[j]; }`;
  const each = (f: (p: number, g: number) => string, sep: string) =>
    cols.flatMap((p) => gs.map((g) => f(p, g))).join(sep);
  const userCode = `
    fn main(index : i32) {
      if (index >= uniforms.tiles) { return; }
      let ct = index % ${tilesC};
      var r = index / ${tilesC};
      let xt = r % ${tilesX};
      r = r / ${tilesX};
      let oy = r % ${oh};
      let b = r / ${oh};
      let co0 = ct * ${tc};
      let ox0 = xt * ${COLS};
      ${each((p, g) => `var acc${p}_${g} = ${vec}(0.0);`, "\n      ")}
      for (var ky = 0; ky < ${fh}; ky++) {
        let iy = oy * ${sh} - ${top} + ky * ${dh};
        if (iy < 0 || iy >= ${h}) { continue; }
        let row = (b * ${h} + iy) * ${w};
        for (var kx = 0; kx < ${fw}; kx++) {
          let ix0 = ox0 * ${sw} - ${left} + kx * ${dw};
          ${
    cols.map((p) =>
      `let ok${p} = ix0 + ${p * sw} >= 0 && ix0 + ${p * sw} < ${w} && ox0 + ${p} < ${ow};
          let m${p} = select(0.0, 1.0, ok${p});
          let xi${p} = select(0, (row + ix0 + ${p * sw}) * ${ci}, ok${p});`
    ).join("\n          ")
  }
          let wBase = (ky * ${fw} + kx) * ${ci * co} + co0;
          for (var c = 0; c < ${ci}; c++) {
            let wi = wBase + c * ${co};
            ${gs.map((g) => `let wv${g} = ${load("W", "wi", g)};`).join("\n            ")}
            ${cols.map((p) => `let xv${p} = ${vec}(x[xi${p} + c] * m${p});`).join("\n            ")}
            ${each((p, g) => `acc${p}_${g} = fma(xv${p}, wv${g}, acc${p}_${g});`, "\n            ")}
          }
        }
      }
      ${
    gs.map((g) => `let bv${g} = ${bias ? load("bias", "co0", g) : `${vec}(0.0)`};`).join("\n      ")
  }
      ${
    cols.map((p) =>
      `if (ox0 + ${p} < ${ow}) {
        let o${p} = ((b * ${oh} + oy) * ${ow} + ox0 + ${p}) * ${co} + co0;
        ${gs.map((g) => `let v${p}_${g} = ${act(`acc${p}_${g} + bv${g}`)};`).join("\n        ")}
        ${gs.map((g) => store(p, g)).join("\n        ")}
      }`
    ).join("\n      ")
  }
    }`;
  return {
    variableNames: bias ? ["x", "W", "bias"] : ["x", "W"],
    uniforms: "tiles : i32,",
    outputShape: info.outShape,
    shaderKey: `reprobenchDirectConv2d_${
      [n, h, w, ci, oh, ow, co, fh, fw, sh, sw, dh, dw, top, left, COLS, tc].join("_")
    }_${bias}_${activation}`,
    dispatchLayout: { x: [0, 1, 2, 3] },
    dispatch: [Math.ceil(tiles / WORKGROUP), 1, 1],
    workgroupSize: [WORKGROUP, 1, 1],
    getUserCode: () => userCode,
    tiles,
  };
}

/** Runs the direct convolution, or returns null where it does not apply (NCHW, non-float). */
export function directConv2d(
  backend: unknown,
  x: TensorInfo,
  filter: TensorInfo,
  attrs: Conv2DAttrs,
  bias: TensorInfo | null = null,
  activationName: string | null = null,
): TensorInfo | null {
  const activation = activationOf(activationName);
  if (attrs.dataFormat === "NCHW" || activation == null) return null;
  if (x.dtype !== "float32" || filter.dtype !== "float32") return null;
  const info = convInfo(x.shape, filter.shape, attrs);
  // The shader reads one bias value per output channel; any other (broadcast) bias is stock's.
  const perChannel = bias?.shape.length === 1 && bias.shape[0] === info.outChannels;
  if (bias != null && (bias.dtype !== "float32" || !perChannel)) return null;
  const program = directConv2dProgram(info, bias != null, activation) as { tiles: number };
  const inputs = bias != null ? [x, filter, bias] : [x, filter];
  return (backend as WebGPURunner).runWebGPUProgram(program, inputs, "float32", [
    { type: "int32", data: [program.tiles] },
  ]);
}

/** Conv2D on webgpu through the direct shader; `stock` serves what it declines. */
export function webgpuConv2dConfig(stock: KernelConfig): KernelConfig {
  const kernelFunc = ((args) => {
    const [x, filter] = [input(args.inputs, "x"), input(args.inputs, "filter")];
    return directConv2d(args.backend, x, filter, args.attrs as unknown as Conv2DAttrs) ??
      stock.kernelFunc(args);
  }) as KernelFunc;
  return { kernelName: "Conv2D", backendName: "webgpu", kernelFunc };
}

/**
 * FusedConv2D (inference: conv + bias + relu in one op) on webgpu through the direct
 * shader, for linear and relu activations without prelu weights; `stock` serves the rest.
 */
export function webgpuFusedConv2dConfig(stock: KernelConfig): KernelConfig {
  const kernelFunc = ((args) => {
    const a = args.attrs as unknown as FusedConv2DAttrs;
    const { x, filter, bias, preluActivationWeights } = args.inputs;
    if (x == null || filter == null || preluActivationWeights != null) {
      return stock.kernelFunc(args);
    }
    return directConv2d(args.backend, x, filter, a, bias ?? null, a.activation) ??
      stock.kernelFunc(args);
  }) as KernelFunc;
  return { kernelName: "FusedConv2D", backendName: "webgpu", kernelFunc };
}
