/**
 * Backend setup for this folder's tests and benchmark. The wasm binaries are
 * located explicitly, relative to the repository, because tfjs's own guess
 * (next to its bundled script) does not hold for Deno's npm layout.
 */
import * as tf from "@tensorflow/tfjs";
import assert from "node:assert/strict";
import { setWasmPaths } from "@tensorflow/tfjs-backend-wasm";
import { repoUrl } from "../core/paths.ts";

const WASM_DIR = repoUrl("node_modules/@tensorflow/tfjs-backend-wasm/dist/");
setWasmPaths(WASM_DIR.pathname);

/** Makes `name` the active backend, throwing if it cannot start. */
export async function useBackend(name: string): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`Backend "${name}" failed to start`);
  await tf.ready();
}

/** Mulberry32: a tiny seeded generator, so test shapes and data are reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A tensor of uniform values in [-1, 1) drawn from `rand`, on the active backend. */
export function randomTensor(rand: () => number, shape: number[]): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = rand() * 2 - 1;
  return tf.tensor(values, shape);
}

/** The Keras MNIST CNN the perf target names (seed-001 architecture), compiled with Adam. */
export function mnistCnn(): tf.Sequential {
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const m = tf.sequential();
  m.add(tf.layers.conv2d({
    inputShape: [28, 28, 1],
    filters: 32,
    kernelSize: 3,
    activation: "relu",
    kernelInitializer: init(1),
  }));
  m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  m.add(
    tf.layers.conv2d({
      filters: 64,
      kernelSize: 3,
      activation: "relu",
      kernelInitializer: init(2),
    }),
  );
  m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
  m.add(
    tf.layers.conv2d({
      filters: 64,
      kernelSize: 3,
      activation: "relu",
      kernelInitializer: init(3),
    }),
  );
  m.add(tf.layers.flatten());
  m.add(tf.layers.dense({ units: 64, activation: "relu", kernelInitializer: init(4) }));
  m.add(tf.layers.dense({ units: 10, activation: "softmax", kernelInitializer: init(5) }));
  m.compile({ optimizer: tf.train.adam(), loss: "categoricalCrossentropy" });
  return m;
}

/** Asserts `got` matches `want` within 1e-4 of the largest magnitude in `want` (the kernel tests' bar). */
export function assertClose(got: Float32Array, want: Float32Array, label: string): void {
  assert.equal(got.length, want.length, `${label}: length`);
  let diff = 0;
  let scale = 1e-6;
  for (let i = 0; i < got.length; i++) {
    diff = Math.max(diff, Math.abs(got[i] - want[i]));
    scale = Math.max(scale, Math.abs(want[i]));
  }
  assert.ok(diff / scale <= 1e-4, `${label}: relative error ${diff / scale}`);
}
