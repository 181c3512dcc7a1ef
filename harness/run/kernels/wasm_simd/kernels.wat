;; Training kernels in WebAssembly SIMD, run on the tfjs wasm backend's own memory
;; (imported), so they read and write tensors in place. Pointers are byte offsets
;; into that memory; every tensor is float32, NHWC. The TypeScript side
;; (`mod.ts`) checks shapes and alignment before calling in.
;;
;; This file is the module; each kernel is a file of its own under `wat/`. The text
;; format has no include, so build.ts puts each `;; part:` line's file in its place,
;; in this order (the order of the functions, and so of the bytes).
;;
;; Edit these files, then regenerate the bytes with
;;   deno run -A harness/run/kernels/wasm_simd/build.ts
;; (a test fails while `_bytes.ts` and this source disagree).
(module
  (import "env" "memory" (memory 1))

  ;; part: wat/max_pool_grad.wat
  ;; part: wat/col2im.wat
  ;; part: wat/im2col.wat
  ;; part: wat/transpose.wat
  ;; part: wat/adam.wat
  ;; part: wat/sum_rows.wat
)
