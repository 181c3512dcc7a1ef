/** Saying why two machine fingerprints are not the same machine. */

/**
 * Which fingerprint fields differ, as `field a -> b`.
 *
 * @example
 * ```ts
 * envDiff({ cores: 2, tfjs: "4.22.0" }, { cores: 8, tfjs: "4.22.0" }); // "cores 2 -> 8"
 * ```
 */
export function envDiff(a: Record<string, unknown>, b: Record<string, unknown>): string {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  const diffs = keys.filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((k) => `${k} ${String(a[k])} -> ${String(b[k])}`);
  return diffs.join(", ") || "fingerprints differ";
}
