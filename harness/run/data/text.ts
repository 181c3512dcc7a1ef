/**
 * Deterministic text to token ids, in the manner of Keras' IMDB data: lowercase, words are
 * runs of letters, id 0 pads, id 1 stands for any word outside the vocabulary, and ids 2..
 * go to the most frequent training words (ties broken alphabetically).
 */

/** Token id used for padding. */
const PAD_ID = 0;
/** Token id of any word outside the vocabulary. */
const OOV_ID = 1;

/**
 * Lowercase and split on everything that is not a letter (Unicode letters count).
 *
 * @example
 * ```ts
 * tokenize("Free V1agra, NOW!"); // ["free", "v", "agra", "now"]
 * ```
 */
export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 0);
}

/**
 * Word ids for the `vocabSize - 2` most frequent words of `docs` (ids 2 .. vocabSize - 1, most
 * frequent first, ties in code-unit order), so every id is below `vocabSize`, the input
 * dimension an embedding layer needs.
 *
 * @example
 * ```ts
 * buildVocab([["b", "a"], ["a"]], 4); // Map { "a" => 2, "b" => 3 }
 * ```
 */
export function buildVocab(docs: string[][], vocabSize: number): Map<string, number> {
  if (!Number.isInteger(vocabSize) || vocabSize < 2) {
    throw new RangeError(`vocabSize must be an integer of at least 2, got "${vocabSize}"`);
  }
  const counts = new Map<string, number>();
  for (const doc of docs) for (const w of doc) counts.set(w, (counts.get(w) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Map(ranked.slice(0, vocabSize - 2).map(([w], i) => [w, i + 2]));
}

/**
 * Token ids of one document, exactly `seqLen` long, written into `out` at `offset`: the first
 * `seqLen` words are kept (the start of a message says most), and padding goes in front so
 * an RNN's last steps see words rather than padding.
 *
 * @example
 * ```ts
 * const out = new Float32Array(4);
 * encode(["a", "zzz"], new Map([["a", 2]]), 4, out); // out = [0, 0, 2, 1]
 * ```
 */
export function encode(
  tokens: string[],
  vocab: Map<string, number>,
  seqLen: number,
  out: Float32Array,
  offset = 0,
): void {
  const kept = tokens.slice(0, seqLen);
  const pad = seqLen - kept.length;
  out.fill(PAD_ID, offset, offset + pad);
  kept.forEach((w, i) => (out[offset + pad + i] = vocab.get(w) ?? OOV_ID));
}
