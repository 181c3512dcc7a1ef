/** The kernel tests' bar for "the same values", relative to the largest expected magnitude. */
import assert from "node:assert/strict";

/**
 * Asserts `got` matches `want` within 1e-4 of the largest magnitude in `want`.
 *
 * @example
 * ```ts
 * assertClose(new Float32Array([1, 2.00001]), new Float32Array([1, 2]), "sum");
 * ```
 */
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
