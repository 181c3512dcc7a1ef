/** Saying how two records differ: machine fingerprints, timing protocols. */

/** A field's value as the diff prints it: nested values as JSON, a missing one as "unset". */
const shown = (v: unknown) =>
  v === undefined ? "unset" : typeof v === "object" && v !== null ? JSON.stringify(v) : String(v);

/**
 * Which fields differ (compared as JSON), as `field a -> b`, or "" when none does.
 *
 * @example
 * ```ts
 * fieldDiff({ windows: 30, warmupS: { min: 1 } }, { windows: 15, warmupS: { min: 1 } });
 * // "windows 30 -> 15"
 * ```
 */
export function fieldDiff(a: object, b: object): string {
  const x = a as Record<string, unknown>, y = b as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(x), ...Object.keys(y)])];
  return keys.filter((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k]))
    .map((k) => `${k} ${shown(x[k])} -> ${shown(y[k])}`)
    .join(", ");
}

/**
 * Which fingerprint fields differ, as `field a -> b`.
 *
 * @example
 * ```ts
 * envDiff({ cores: 2, tfjs: "4.22.0" }, { cores: 8, tfjs: "4.22.0" }); // "cores 2 -> 8"
 * ```
 */
export function envDiff(a: Record<string, unknown>, b: Record<string, unknown>): string {
  return fieldDiff(a, b) || "fingerprints differ";
}
