/** Side-by-side differences of nested values (configurations, environments). */

/** One leaf key and its value in each object, as text; `differs` when they are not all equal. */
export interface DiffRow {
  key: string;
  values: (string | null)[];
  differs: boolean;
}

function flatten(v: unknown, prefix: string, out: Map<string, string>): void {
  if (v !== null && typeof v === "object" && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.set(prefix, "{}");
    for (const [k, x] of entries) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, typeof v === "string" ? v : JSON.stringify(v));
  }
}

/**
 * Flatten each object to dotted leaf keys and line them up.
 *
 * @example
 * ```ts
 * diffRows([{ a: { b: 1 } }, { a: { b: 2 } }]); // [{ key: "a.b", values: ["1", "2"], differs: true }]
 * ```
 */
export function diffRows(objects: unknown[]): DiffRow[] {
  const flat = objects.map((o) => {
    const m = new Map<string, string>();
    flatten(o, "", m);
    return m;
  });
  const keys = [...new Set(flat.flatMap((m) => [...m.keys()]))].sort();
  return keys.map((key) => {
    const values = flat.map((m) => m.get(key) ?? null);
    return { key, values, differs: values.some((v) => v !== values[0]) };
  });
}
