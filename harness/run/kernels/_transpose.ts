/**
 * A 2-D transpose in JS over heap views, in 32x32 tiles so both sides stay in
 * cache. For tall matrices the wasm Transpose kernel is slower ([43264, 32]:
 * ~6 ms vs ~2 ms); for square-ish ones the two are close.
 */

/** Writes the transpose of row-major `src` [rows, cols] into `dst` [cols, rows]. */
export function transposeInto(
  src: Float32Array,
  rows: number,
  cols: number,
  dst: Float32Array,
): void {
  const tile = 32;
  for (let r0 = 0; r0 < rows; r0 += tile) {
    const r1 = Math.min(rows, r0 + tile);
    for (let c0 = 0; c0 < cols; c0 += tile) {
      const c1 = Math.min(cols, c0 + tile);
      for (let r = r0; r < r1; r++) {
        const s = r * cols;
        for (let c = c0; c < c1; c++) dst[c * rows + r] = src[s + c];
      }
    }
  }
}
