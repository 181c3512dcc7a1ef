export { type Geometry, type SimdKernels, simdKernels } from "./load.ts";
export {
  type AdamConstants,
  adamWasm,
  col2imWasm,
  im2colWasm,
  maxPoolGradWasm,
  onWasm,
  sumRowsWasm,
  transposeWasm,
} from "./ops.ts";
