import assert from "node:assert/strict";
import { coresFor, resolveThreads } from "./threads.ts";
import { determinismOf } from "./determinism.ts";

Deno.test("browser wasm gets the machine's cores as threads, at most tfjs's 8", () => {
  assert.equal(resolveThreads("wasm", undefined, 2), 2);
  assert.equal(resolveThreads("wasm", undefined, 64), 8);
  assert.equal(resolveThreads("wasm", 3, 2), 3);
  assert.equal(resolveThreads("webgl", 3, 2), undefined);
  assert.equal(resolveThreads("cpu", undefined, 2), undefined);
});

Deno.test("a page is told twice the threads as cores only where the machine has fewer", () => {
  // tfjs-wasm 4.22 runs min(threads, hardwareConcurrency / 2) threads.
  assert.deepEqual(coresFor(2, 2), { reported: 4, real: 2, overridden: true });
  assert.deepEqual(coresFor(1, 2), { reported: 2, real: 2, overridden: false });
  assert.deepEqual(coresFor(4, 16), { reported: 16, real: 16, overridden: false });
  assert.deepEqual(coresFor(8, 8), { reported: 16, real: 8, overridden: true });
});

Deno.test("only a GPU backend on hardware, or stock webgpu, documents non-determinism", () => {
  const of = (b: string, software: boolean, k: "default" | "stock" = "default") =>
    determinismOf(b, software, k).deterministic;
  assert.deepEqual(
    [of("cpu", false), of("wasm", false), of("webgl", true), of("webgpu", true)],
    [true, true, true, true],
  );
  assert.deepEqual([of("webgl", false), of("webgpu", false), of("webgpu", true, "stock")], [
    false,
    false,
    false,
  ]);
  assert.match(determinismOf("webgl", false, "default").determinism, /hardware GPU/);
});
