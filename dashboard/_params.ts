/** Query parameters, checked: a bad value is a 400 that names it, never a stack trace. */
import { HTTPException } from "hono/http-exception";

/** Throw a 400 with a message naming the parameter and its value. */
export function badRequest(message: string): never {
  throw new HTTPException(400, { message });
}

/** Throw a 404 with a message. */
export function notFound(message: string): never {
  throw new HTTPException(404, { message });
}

const TEXT = /^[\w.:@+\-/ ]{0,200}$/;

/** An optional free-text filter: short, printable, no control characters. */
export function text(name: string, v: string | undefined): string | undefined {
  if (v === undefined || v === "") return undefined;
  if (!TEXT.test(v)) badRequest(`Bad parameter ${name}="${v.slice(0, 80)}": unexpected characters`);
  return v;
}

/** An optional positive integer within bounds, or the default. */
export function int(
  name: string,
  v: string | undefined,
  def: number,
  min = 1,
  max = 1_000_000,
): number {
  if (v === undefined || v === "") return def;
  if (!/^\d{1,9}$/.test(v) || Number(v) < min || Number(v) > max) {
    badRequest(
      `Bad parameter ${name}="${v.slice(0, 80)}": expected an integer from ${min} to ${max}`,
    );
  }
  return Number(v);
}

/** One of a fixed set of values, or the default. */
export function oneOf<T extends string>(
  name: string,
  v: string | undefined,
  allowed: readonly T[],
  def: T,
): T {
  if (v === undefined || v === "") return def;
  if (!(allowed as readonly string[]).includes(v)) {
    badRequest(`Bad parameter ${name}="${v.slice(0, 80)}": expected one of ${allowed.join(", ")}`);
  }
  return v as T;
}

/** Run ids from `ids=a&ids=b` or `ids=a,b`, deduplicated, each checked. */
export function runIds(values: string[]): string[] {
  const ids = [
    ...new Set(values.flatMap((v) => v.split(",")).map((s) => s.trim()).filter(Boolean)),
  ];
  if (ids.length > 12) badRequest(`Too many runs to compare (${ids.length}): at most 12`);
  for (const id of ids) {
    if (!TEXT.test(id)) badRequest(`Bad run id "${id.slice(0, 80)}": unexpected characters`);
  }
  return ids;
}
