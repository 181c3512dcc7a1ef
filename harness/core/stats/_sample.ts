/**
 * Input checks shared by the statistics in this folder. Every public function checks its
 * samples here so that a bad value fails with the same kind of message everywhere.
 */

/**
 * Throw unless `xs` is an array of at least `min` finite numbers.
 *
 * `what` names the computation for the message, e.g. `median` or `timingVerdict() baseline`.
 */
export function checkSample(xs: unknown, what: string, min = 1): asserts xs is readonly number[] {
  if (!Array.isArray(xs)) {
    throw new TypeError(`Cannot compute ${what}: sample must be an array, got "${String(xs)}"`);
  }
  if (xs.length < min) {
    const need = min === 1 ? "sample is empty" : `sample needs at least ${min} values`;
    throw new RangeError(`Cannot compute ${what}: ${need}, got ${xs.length}`);
  }
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x !== "number") {
      throw new TypeError(
        `Cannot compute ${what}: value at index ${i} must be a number, got "${String(x)}"`,
      );
    }
    if (!Number.isFinite(x)) {
      throw new RangeError(
        `Cannot compute ${what}: value at index ${i} must be finite, got "${x}"`,
      );
    }
  }
}

/** Throw unless every value of an already checked sample is strictly positive. */
export function checkPositive(xs: readonly number[], what: string): void {
  for (let i = 0; i < xs.length; i++) {
    if (!(xs[i] > 0)) {
      throw new RangeError(
        `Cannot compute ${what}: value at index ${i} must be positive, got "${xs[i]}"`,
      );
    }
  }
}

/** Throw unless `p` is a number in the open or closed unit interval. */
export function checkProbability(p: unknown, name: string, open = false): asserts p is number {
  const ok = typeof p === "number" && (open ? p > 0 && p < 1 : p >= 0 && p <= 1);
  if (!ok) {
    const range = open ? "(0, 1)" : "[0, 1]";
    throw new RangeError(`${name} must be in ${range}, got "${String(p)}"`);
  }
}

/** A sorted copy, numerically ascending, as a Float64Array (whose sort is numeric). */
export function sortedCopy(xs: readonly number[]): Float64Array {
  return Float64Array.from(xs).sort();
}

/** Type 7 quantile of an ascending array: the shared kernel of `quantile` and the bootstrap. */
export function sortedQuantile(sorted: ArrayLike<number>, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
