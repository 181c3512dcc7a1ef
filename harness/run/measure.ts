/** Measurements taken inside a run: latency, weights hash, tensor memory. */
import * as tf from "@tensorflow/tfjs";
import { sha256 } from "../core/hash.ts";

/**
 * Latency of `model.predict` on a batch: `warmup` untimed calls (shader compilation, first
 * allocation), then up to `repeats` timed calls, each awaiting `data()` inside the timed
 * region so asynchronous backends are measured to completion. Slow backends (a software
 * GPU adapter takes seconds per large batch) stop after `budgetMs` of timed calls once
 * three are done, so the median still rests on repeated calls. Returns every call in ms.
 */
export async function predictLatencies(
  model: tf.LayersModel,
  input: tf.Tensor,
  warmup = 3,
  repeats = 15,
  budgetMs = 5000,
): Promise<number[]> {
  const once = async () => {
    const t0 = performance.now();
    const out = model.predict(input) as tf.Tensor;
    await out.data();
    out.dispose();
    return performance.now() - t0;
  };
  let spent = 0;
  for (let i = 0; i < warmup && spent < budgetMs; i++) spent += await once();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    times.push(await once());
    if (times.length >= 3 && times.reduce((a, b) => a + b, 0) > budgetMs) break;
  }
  return times;
}

/** SHA-256 over every weight's shape and float32 bytes, in layer order. */
export async function weightsHash(model: tf.LayersModel): Promise<string> {
  const parts: Uint8Array[] = [];
  for (const w of model.getWeights()) {
    parts.push(new TextEncoder().encode(`${w.shape.join("x")};`));
    const data = await w.data();
    parts.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const all = new Uint8Array(total);
  let off = 0;
  for (const p of parts) {
    all.set(p, off);
    off += p.length;
  }
  return sha256(all);
}

/** Tracks the peak number of live tensors and bytes during a run. */
export class MemoryTracker {
  readonly startTensors = tf.memory().numTensors;
  peakTensors = 0;
  peakBytes = 0;

  sample(): void {
    const m = tf.memory();
    this.peakTensors = Math.max(this.peakTensors, m.numTensors - this.startTensors);
    this.peakBytes = Math.max(this.peakBytes, m.numBytes);
  }

  /** Tensors still alive that the run created (0 for a clean run). */
  leaked(): number {
    return tf.memory().numTensors - this.startTensors;
  }
}
