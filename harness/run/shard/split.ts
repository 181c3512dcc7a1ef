/** Splitting a plan into shards of about equal cost: a pure function every shard computes alike. */

/**
 * The shard (0-based) of each run, balancing estimated cost over `count` shards: the
 * longest-processing-time rule, which gives each run, costliest first, to the shard with the
 * least cost so far (at most 4/3 of the best possible longest shard). Ties break by key, then by
 * shard number, so the answer depends only on the keys, the costs and `count`, never on the
 * machine or on the order of the input.
 *
 * @example
 * ```ts
 * assignShards(["a", "b", "c"], [3, 2, 2], 2); // [0, 1, 1]
 * ```
 */
export function assignShards(keys: string[], costs: number[], count: number): number[] {
  if (keys.length !== costs.length) {
    throw new RangeError(`Cannot split: ${keys.length} keys but ${costs.length} costs`);
  }
  if (new Set(keys).size !== keys.length) {
    throw new RangeError("Cannot split a plan whose run keys repeat");
  }
  const order = keys.map((_, i) => i).sort((a, b) =>
    costs[b] - costs[a] || (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0)
  );
  const load = new Array<number>(count).fill(0);
  const size = new Array<number>(count).fill(0);
  const out = new Array<number>(keys.length);
  for (const i of order) {
    let best = 0;
    for (let s = 1; s < count; s++) {
      // Equal cost: the shard with fewer runs, so zero-cost runs spread too.
      if (load[s] < load[best] || (load[s] === load[best] && size[s] < size[best])) best = s;
    }
    out[i] = best;
    load[best] += Math.max(0, costs[i]);
    size[best]++;
  }
  return out;
}
