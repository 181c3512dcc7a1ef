/**
 * The shared-memory build of the SIMD kernels (what tfjs-wasm's threaded build needs in a
 * cross-origin isolated page), checked in Deno: it is a fresh compile of the same source,
 * `simdKernels` picks it for a shared memory, and it computes the plain build's bits.
 */
import assert from "node:assert/strict";
import { Rng } from "../../../core/rng.ts";
import { contextOf } from "../_run.ts";
import { KERNELS_SHARED_WASM_BASE64 } from "./_bytes_shared.ts";
import { bytesModule, compileKernels } from "./build.ts";
import { type SimdKernels, simdKernels } from "./load.ts";

Deno.test("the shipped shared-memory kernel bytes are a fresh compile of kernels.wat", async () => {
  const bytes = await compileKernels(true);
  const shipped = await Deno.readTextFile(new URL("./_bytes_shared.ts", import.meta.url));
  assert.equal(
    shipped,
    bytesModule(bytes, true),
    "run: deno run -A harness/run/kernels/wasm_simd/build.ts",
  );
  assert.ok(KERNELS_SHARED_WASM_BASE64.length > 0);
});

/** Kernels bound to `memory` the way a backend's would be: through `simdKernels`. */
function kernelsOn(memory: WebAssembly.Memory, threaded: boolean): SimdKernels {
  // The threaded Emscripten module has no `asm.memory`; it keeps the shared memory apart.
  const wasm = threaded ? { wasmMemory: memory } : { asm: { memory } };
  return simdKernels(contextOf({ wasm }, "wasm"));
}

/** Fill `n` floats at byte offset `at` with the same seeded values on every call. */
function fill(memory: WebAssembly.Memory, at: number, n: number, seed: number): void {
  const rng = new Rng(seed);
  const view = new Float32Array(memory.buffer, at, n);
  for (let i = 0; i < n; i++) view[i] = rng.normal();
}

Deno.test("the shared build on a shared memory gives the plain build's bits", () => {
  const pages = 4;
  const plain = new WebAssembly.Memory({ initial: pages });
  const shared = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  assert.ok(shared.buffer instanceof SharedArrayBuffer);
  const runs = [kernelsOn(plain, false), kernelsOn(shared, true)];
  const [m, c] = [37, 19];
  // Byte offsets, each 16-aligned as the backend's allocator gives them.
  const align = (n: number) => Math.ceil(n / 16) * 16;
  const x = 0, acc = align(4 * m * c), out = align(acc + 8 * c), t = align(out + 4 * c);
  [plain, shared].forEach((memory, i) => {
    fill(memory, x, m * c, 7);
    new Float64Array(memory.buffer, acc, c).fill(0);
    runs[i].sumRows(x, acc, out, m, c);
    runs[i].transpose(x, t, m, c);
  });
  const bits = (memory: WebAssembly.Memory, at: number, n: number) =>
    Array.from(new Uint32Array(memory.buffer.slice(at, at + 4 * n)));
  assert.deepEqual(bits(shared, out, c), bits(plain, out, c));
  assert.deepEqual(bits(shared, t, m * c), bits(plain, t, m * c));
  // An oracle apart from both builds: a column sum computed in float64 here.
  const xs = new Float32Array(plain.buffer, x, m * c);
  const sums = Array.from({ length: c }, (_, k) => {
    let s = 0;
    for (let r = 0; r < m; r++) s += xs[r * c + k];
    return Math.fround(s);
  });
  assert.deepEqual(Array.from(new Float32Array(shared.buffer, out, c)), sums);
  assert.equal(new Float32Array(shared.buffer, t, m * c)[3 * m + 5], xs[5 * c + 3]);
});
