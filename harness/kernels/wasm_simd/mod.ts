export { type Geometry, type SimdKernels, simdKernels } from "./load.ts";
export {
  type AdamConstants,
  adamWasm,
  col2imWasm,
  im2colWasm,
  maxPoolGradWasm,
  onWasm,
  transposeWasm,
} from "./ops.ts";
