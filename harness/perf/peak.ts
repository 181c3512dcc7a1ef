/**
 * This machine's attainable peak on the current tfjs backend: an n x n float32 matmul,
 * timed to completion (awaiting `data()`), after warm-up. A dense matmul is the best case
 * for every backend here, so a model's achieved GFLOP/s over this figure says how much of
 * what the backend can do the training step gets.
 */
import * as tf from "@tensorflow/tfjs";

/** GFLOP/s of each timed `tf.matMul` of two seeded n x n float32 matrices. */
export async function matmulGflops(n: number, warmup: number, repeats: number): Promise<number[]> {
  const a = tf.randomUniform([n, n], -1, 1, "float32", 1);
  const b = tf.randomUniform([n, n], -1, 1, "float32", 2);
  const once = async () => {
    const c = tf.matMul(a, b);
    await c.data();
    c.dispose();
  };
  try {
    for (let i = 0; i < warmup; i++) await once();
    const out: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const t0 = performance.now();
      await once();
      out.push((2 * n ** 3) / ((performance.now() - t0) / 1000) / 1e9);
    }
    return out;
  } finally {
    tf.dispose([a, b]);
  }
}
