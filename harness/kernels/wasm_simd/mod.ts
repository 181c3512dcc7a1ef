export { type Geometry, type SimdKernels, simdKernels } from "./load.ts";
export { col2imWasm, im2colWasm, maxPoolGradWasm, onWasm, transposeWasm } from "./ops.ts";
