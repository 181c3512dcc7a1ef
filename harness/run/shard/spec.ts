/** A shard of a plan, `i/N` as Jest and Playwright write it (1-based). */
import { UserError } from "../../core/errors.ts";

/** Which part of a split plan this process runs: `index` of `count`, 1-based. */
export interface ShardSpec {
  index: number;
  count: number;
}

/**
 * Parse `--shard i/N`: two positive integers with 1 <= i <= N.
 *
 * @example
 * ```ts
 * parseShard("2/4"); // { index: 2, count: 4 }
 * ```
 */
export function parseShard(text: string): ShardSpec {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(text.trim());
  const index = Number(m?.[1]), count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) {
    throw new UserError(
      `--shard "${text}" is not i/N with 1 <= i <= N (for example 2/4, the second of four parts)`,
    );
  }
  return { index, count };
}
