/** Field validators for declarations: each names the field path and quotes the bad value. */
import { UserError } from "./errors.ts";

/** Quote a value as the user wrote it: strings in quotes, everything else as JSON. */
function show(value: unknown): string {
  if (value === undefined) return "nothing";
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? text.slice(0, 57) + "..." : text;
  } catch {
    return String(value);
  }
}

const isInt = (v: unknown): v is number => Number.isInteger(v);
const isFiniteNumber = (v: unknown): v is number => Number.isFinite(v);

/** Collects the first error per field, prefixed with the file name. */
export class Validator {
  readonly errors: string[] = [];
  constructor(readonly file: string) {}

  fail(path: string, want: string, got: unknown): void {
    this.errors.push(`${this.file}: ${path} must be ${want}, got ${show(got)}`);
  }

  /** `ok`, after recording that `path` must be `want` when it is not. */
  #expect(ok: boolean, path: string, want: string, got: unknown): boolean {
    if (!ok) this.fail(path, want, got);
    return ok;
  }

  /** Throw one UserError holding the first error (the CLI prints one line). */
  throwIfAny(): void {
    if (this.errors.length > 0) throw new UserError(this.errors[0]);
  }

  object(path: string, v: unknown): v is Record<string, unknown> {
    const ok = typeof v === "object" && v !== null && !Array.isArray(v);
    return this.#expect(ok, path, "an object", v);
  }

  string(path: string, v: unknown, pattern?: RegExp, want = "a non-empty string"): v is string {
    const ok = typeof v === "string" && v.length > 0 && (!pattern || pattern.test(v));
    return this.#expect(ok, path, want, v);
  }

  positiveInt(path: string, v: unknown): v is number {
    return this.#expect(isInt(v) && v > 0, path, "a positive integer", v);
  }

  nonNegativeInt(path: string, v: unknown): v is number {
    return this.#expect(isInt(v) && v >= 0, path, "a non-negative integer", v);
  }

  positiveNumber(path: string, v: unknown): v is number {
    return this.#expect(isFiniteNumber(v) && v > 0, path, "a positive number", v);
  }

  number(path: string, v: unknown): v is number {
    return this.#expect(isFiniteNumber(v), path, "a finite number", v);
  }

  boolean(path: string, v: unknown): v is boolean {
    return this.#expect(typeof v === "boolean", path, "true or false", v);
  }

  oneOf<T extends string>(path: string, v: unknown, options: readonly T[]): v is T {
    const ok = typeof v === "string" && (options as readonly string[]).includes(v);
    return this.#expect(ok, path, `one of ${options.map((o) => `"${o}"`).join(", ")}`, v);
  }

  array(path: string, v: unknown, nonEmpty = false): v is unknown[] {
    const ok = Array.isArray(v) && (!nonEmpty || v.length > 0);
    return this.#expect(ok, path, nonEmpty ? "a non-empty array" : "an array", v);
  }

  /** Unknown keys are errors: a typo must never be silently ignored. */
  onlyKeys(path: string, v: Record<string, unknown>, allowed: readonly string[]): void {
    for (const key of Object.keys(v)) {
      if (!allowed.includes(key)) {
        const where = path ? `${path}.${key}` : key;
        this.errors.push(
          `${this.file}: ${where} is not a known field (known: ${allowed.join(", ")})`,
        );
      }
    }
  }
}
