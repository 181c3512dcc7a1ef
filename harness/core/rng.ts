/**
 * Seeded random numbers for everything a run draws: initializers, shuffles, dropout.
 *
 * One generator per run, split by purpose, so that adding a draw for one purpose never
 * shifts the numbers another purpose sees.
 */

/** FNV-1a over a string: a stable 32-bit hash used to derive sub-seeds from purposes. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small, fast, seedable generator (mulberry32).
 *
 * @example
 * ```ts
 * const rng = new Rng(42);
 * const order = rng.permutation(10); // same order for seed 42 on every machine
 * ```
 */
export class Rng {
  #state: number;
  /** The seed this generator started from. */
  readonly seed: number;

  constructor(seed: number) {
    if (!Number.isInteger(seed)) throw new TypeError(`Seed must be an integer, got ${seed}`);
    this.seed = seed >>> 0;
    this.#state = this.seed;
  }

  /** A float in [0, 1). */
  next(): number {
    let t = (this.#state = (this.#state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A standard normal draw (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** A new generator for one purpose, independent of this one's position. */
  split(purpose: string): Rng {
    return new Rng(hash32(`${this.seed}:${purpose}`));
  }

  /**
   * A seed for tfjs initializers and dropout. tfjs treats 0 as "no seed" (it then uses
   * Math.random), so zero is never returned.
   */
  tfSeed(): number {
    return 1 + this.int(2147483646);
  }

  /** A random permutation of 0..n-1 (Fisher-Yates). */
  permutation(n: number): Int32Array {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }
}
