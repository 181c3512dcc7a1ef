/**
 * Whether two runs of the same seed produced bit-identical training.
 *
 * @module
 */

/** What one run recorded about its training, for the comparison. */
export interface RunFingerprint {
  /** Hash of the final weights. */
  weightsHash: string;
  /** Hash of the weights after each epoch, epoch 0 first. */
  epochHashes?: readonly string[];
  /** Training loss of each epoch, epoch 0 first; compared bit for bit. */
  epochLosses?: readonly number[];
}

/** Output of {@linkcode reproducibilityVerdict}. */
export interface ReproducibilityResult {
  verdict: "deterministic" | "non_deterministic";
  /** 0-based index of the first epoch whose record differs (or exists in one run only). */
  firstDivergentEpoch?: number;
  reason: string;
}

const bits = new DataView(new ArrayBuffer(8));
function lossBits(x: number): bigint {
  bits.setFloat64(0, x);
  return bits.getBigUint64(0);
}

function checkFingerprint(run: RunFingerprint, name: string): void {
  if (typeof run?.weightsHash !== "string" || run.weightsHash === "") {
    throw new TypeError(`Run ${name} needs a weightsHash, got "${String(run?.weightsHash)}"`);
  }
}

/**
 * Two runs are **deterministic** when their final weights hash the same and their per-epoch
 * records agree; otherwise **non_deterministic**, naming the first divergent epoch.
 *
 * Per-epoch records are compared as epoch hashes when both runs have them, else as losses
 * (bit patterns, so -0 and 0 differ) when both have them; an epoch present in one run only
 * counts as divergent. With no common per-epoch record only the final hash is compared and
 * `firstDivergentEpoch` is absent. Equal final hashes with differing epoch records (a
 * nondeterministic loss reduction, say) still count as non-deterministic.
 *
 * @example
 * ```ts
 * import { reproducibilityVerdict } from "./mod.ts";
 * reproducibilityVerdict(
 *   { weightsHash: "ab", epochHashes: ["e0", "e1", "e2"] },
 *   { weightsHash: "cd", epochHashes: ["e0", "x1", "x2"] },
 * ); // { verdict: "non_deterministic", firstDivergentEpoch: 1, reason: ... }
 * ```
 */
export function reproducibilityVerdict(
  a: RunFingerprint,
  b: RunFingerprint,
): ReproducibilityResult {
  checkFingerprint(a, "a");
  checkFingerprint(b, "b");
  let first: number | undefined, basis = "final weights hash only";
  const compare = <T>(xs: readonly T[], ys: readonly T[], same: (x: T, y: T) => boolean) => {
    const n = Math.max(xs.length, ys.length);
    for (let i = 0; i < n; i++) {
      if (i >= xs.length || i >= ys.length || !same(xs[i], ys[i])) return i;
    }
    return undefined;
  };
  if (a.epochHashes && b.epochHashes) {
    basis = "epoch hashes";
    first = compare(a.epochHashes, b.epochHashes, (x, y) => x === y);
  } else if (a.epochLosses && b.epochLosses) {
    basis = "epoch losses, bit for bit";
    first = compare(a.epochLosses, b.epochLosses, (x, y) => lossBits(x) === lossBits(y));
  }
  const sameWeights = a.weightsHash === b.weightsHash;
  if (sameWeights && first === undefined) {
    return { verdict: "deterministic", reason: `final weights and ${basis} agree` };
  }
  const weights = sameWeights ? "final weights agree" : "final weights differ";
  if (first === undefined) return { verdict: "non_deterministic", reason: `${weights}` };
  return {
    verdict: "non_deterministic",
    firstDivergentEpoch: first,
    reason: `${weights}; ${basis} first differ at epoch ${first}`,
  };
}
